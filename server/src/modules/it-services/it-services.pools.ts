import type { CostPool, CostPoolInput } from '@karna/contracts';
import type { Kysely, Selectable } from 'kysely';
import { itServicesError } from './it-services.errors.ts';
import { type ItServicesTables, itServicesDb } from './it-services.tables.ts';

/**
 * Cost pools (MOL 8.2): a year's recurring IT cost of one cost type and category, and the models
 * it is distributed by. Runs copy what they need into their lines, so changing a pool never
 * changes an approved run; the next run of a month uses the new figures.
 */

type PoolRow = Selectable<ItServicesTables['it_cost_pools']>;
const collator = new Intl.Collator('sv');

export function presentPool(row: PoolRow): CostPool {
  return {
    id: row.id,
    year: row.year,
    costType: row.cost_type,
    category: row.category,
    annualAmountOre: Number(row.annual_amount_ore),
    models: row.models.map((share) => ({
      model: share.model as CostPool['models'][number]['model'],
      shareBasisPoints: share.shareBasisPoints,
    })),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listPools(db: Kysely<unknown>, year: number): Promise<CostPool[]> {
  const rows = await itServicesDb(db)
    .selectFrom('it_cost_pools')
    .selectAll()
    .where('year', '=', year)
    .execute();
  return rows
    .map(presentPool)
    .sort((a, b) => collator.compare(a.costType, b.costType) || collator.compare(a.category, b.category));
}

function columns(input: CostPoolInput) {
  return {
    year: input.year,
    cost_type: input.costType,
    category: input.category,
    annual_amount_ore: input.annualAmountOre,
    // Models in their own order, so a pool reads the same however it was entered.
    models: JSON.stringify(
      [...input.models].sort((a, b) => a.model - b.model),
    ) as unknown as PoolRow['models'],
  };
}

async function uniquePool<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw itServicesError('cost_pool_taken', {
        fieldErrors: [{ path: 'category', message: 'is taken for the year' }],
      });
    }
    throw error;
  }
}

export async function createPool(trx: Kysely<unknown>, input: CostPoolInput): Promise<CostPool> {
  const row = await uniquePool(
    itServicesDb(trx)
      .insertInto('it_cost_pools')
      .values(columns(input))
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return presentPool(row);
}

export async function updatePool(trx: Kysely<unknown>, id: string, input: CostPoolInput): Promise<CostPool> {
  const row = await uniquePool(
    itServicesDb(trx)
      .updateTable('it_cost_pools')
      .set({ ...columns(input), updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst(),
  );
  if (!row) throw itServicesError('cost_pool_not_found');
  return presentPool(row);
}
