import type {
  LicenceAssignment,
  LicenceAssignmentInput,
  LicenceFigures,
  LicencePoolDetail,
  LicencePoolInput,
  LicencePoolListResponse,
  LicencePoolSummary,
} from '@karna/contracts';
import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import { findStaffContacts } from '../identity/index.ts';
import { systemFacts } from '../portfolio/index.ts';
import type { ItServicesAccess } from './it-services.access.ts';
import { licenceError } from './it-services.licences.errors.ts';

/**
 * Licence administration (N6): a pool of licences per application, assigned to staff members and
 * released again, and the supplier's report of when each person last used theirs. A licence is
 * used when it was used in the last 90 days; one held for 90 days or more and not used in the last
 * 90 is suggested for release, so it can be given to someone who needs it instead of bought again.
 */

/** A `date` column, read and written as `YYYY-MM-DD`. */
type DateColumn = string;

export type ItServicesLicenceTables = {
  it_licence_pools: {
    id: Generated<string>;
    name: string;
    system_id: string | null;
    supplier: string;
    purchased: number;
    unit_price_ore: number;
    renewal_on: DateColumn | null;
    notes: string | null;
    usage_imported_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  it_licence_assignments: {
    id: Generated<string>;
    pool_id: string;
    person_id: string;
    from_on: DateColumn;
    to_on: DateColumn | null;
    last_used_on: DateColumn | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
};
export type PoolRow = Selectable<ItServicesLicenceTables['it_licence_pools']>;

export function licencesDb(db: Kysely<unknown>) {
  return db.withTables<ItServicesLicenceTables>();
}

// ---------------------------------------------------------------------------------------------
// The rules, pure.

/** How far back a use counts, and how long an assignment is held before it may be suggested. */
export const USAGE_WINDOW_DAYS = 90;

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A calendar date `YYYY-MM-DD` that exists, between 2000 and 2199 (as the contracts accept). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '2000-01-01' || value > '2199-12-31') return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** Used since this day counts as used; an assignment from this day or earlier has been held long enough. */
export function usageCutoff(today: string): string {
  return addDays(today, -USAGE_WINDOW_DAYS);
}

export interface PoolCounts {
  assigned: number;
  used: number;
  suggested: number;
}

/** A pool's figures from its open assignments' counts. */
export function figuresOf(purchased: number, unitPriceOre: number, counts: PoolCounts): LicenceFigures {
  const unused = Math.max(0, purchased - counts.used);
  return {
    purchased,
    assigned: counts.assigned,
    unassigned: Math.max(0, purchased - counts.assigned),
    used: counts.used,
    unused,
    suggestedForRelease: counts.suggested,
    costPerYearOre: purchased * unitPriceOre,
    unusedCostPerYearOre: unused * unitPriceOre,
  };
}

// ---------------------------------------------------------------------------------------------
// The supplier's report of use.

// ---------------------------------------------------------------------------------------------
// Pools and assignments.

export async function lockPool(trx: Kysely<unknown>, id: string): Promise<PoolRow> {
  const pool = await licencesDb(trx)
    .selectFrom('it_licence_pools')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!pool) throw licenceError('licence_pool_not_found');
  return pool;
}

async function assertSystem(db: Kysely<unknown>, systemId: string | null): Promise<void> {
  if (systemId && !(await systemFacts(db, [systemId])).has(systemId)) {
    throw licenceError('licence_pool_system_unknown', {
      fieldErrors: [{ path: 'systemId', message: 'is not a system in the portfolio' }],
    });
  }
}

function poolValues(input: LicencePoolInput) {
  return {
    name: input.name,
    system_id: input.systemId,
    supplier: input.supplier,
    purchased: input.purchased,
    unit_price_ore: input.unitPriceOre,
    renewal_on: input.renewalOn,
    notes: input.notes,
  };
}

async function uniqueName<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw licenceError('licence_pool_name_taken', { fieldErrors: [{ path: 'name', message: 'is taken' }] });
    }
    throw error;
  }
}

export async function createLicencePool(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  input: LicencePoolInput,
): Promise<string> {
  access.assertManage();
  await assertSystem(trx, input.systemId);
  const row = await uniqueName(
    licencesDb(trx)
      .insertInto('it_licence_pools')
      .values(poolValues(input))
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

/** Changes a pool; the purchased count cannot go below the licences assigned. */
export async function updateLicencePool(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  id: string,
  input: LicencePoolInput,
): Promise<void> {
  access.assertManage();
  await lockPool(trx, id);
  await assertSystem(trx, input.systemId);
  const assigned = await openCount(trx, id);
  if (input.purchased < assigned) {
    throw licenceError('licence_purchased_below_assigned', {
      detail: `${assigned} licences are assigned.`,
      fieldErrors: [{ path: 'purchased', message: `must be at least ${assigned}, the licences assigned` }],
    });
  }
  await uniqueName(
    licencesDb(trx)
      .updateTable('it_licence_pools')
      .set({ ...poolValues(input), updated_at: new Date() })
      .where('id', '=', id)
      .execute(),
  );
}

async function openCount(trx: Kysely<unknown>, poolId: string): Promise<number> {
  const row = await licencesDb(trx)
    .selectFrom('it_licence_assignments')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('pool_id', '=', poolId)
    .where('to_on', 'is', null)
    .executeTakeFirstOrThrow();
  return row.count;
}

/**
 * Assigns a licence to a member of staff from a date: one open assignment per person and pool,
 * never more than purchased, and not from before the person's earlier assignment ended.
 */
export async function assignLicence(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  poolId: string,
  input: LicenceAssignmentInput,
): Promise<string> {
  access.assertManage();
  const pool = await lockPool(trx, poolId);
  if (!(await findStaffContacts(trx, [input.personId])).has(input.personId)) {
    throw licenceError('licence_person_unknown', {
      fieldErrors: [{ path: 'personId', message: 'is not a member of staff' }],
    });
  }
  const earlier = await licencesDb(trx)
    .selectFrom('it_licence_assignments')
    .select('to_on')
    .where('pool_id', '=', poolId)
    .where('person_id', '=', input.personId)
    .execute();
  if (earlier.some((row) => row.to_on === null)) throw licenceError('licence_already_assigned');
  if (earlier.some((row) => row.to_on !== null && row.to_on >= input.from)) {
    throw licenceError('licence_assignment_overlaps', {
      fieldErrors: [{ path: 'from', message: 'must be after the end of the earlier assignment' }],
    });
  }
  if ((await openCount(trx, poolId)) >= pool.purchased) {
    throw licenceError('licence_pool_full', {
      detail: `All ${pool.purchased} purchased licences are assigned.`,
    });
  }
  const row = await licencesDb(trx)
    .insertInto('it_licence_assignments')
    .values({ pool_id: poolId, person_id: input.personId, from_on: input.from })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Releases an assignment on its last day, kept as history: not before it began, nor after today. */
export async function releaseLicence(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  poolId: string,
  assignmentId: string,
  on: string,
): Promise<void> {
  access.assertManage();
  await lockPool(trx, poolId);
  const assignment = await licencesDb(trx)
    .selectFrom('it_licence_assignments')
    .select(['from_on', 'to_on'])
    .where('id', '=', assignmentId)
    .where('pool_id', '=', poolId)
    .executeTakeFirst();
  if (!assignment) throw licenceError('licence_assignment_not_found');
  if (assignment.to_on !== null) throw licenceError('licence_assignment_released');
  // An assignment not yet begun is called off on its first day.
  const latest = assignment.from_on > access.today ? assignment.from_on : access.today;
  if (on < assignment.from_on || on > latest) {
    throw licenceError('licence_release_date_invalid', {
      fieldErrors: [{ path: 'on', message: `must be from ${assignment.from_on} to ${latest}` }],
    });
  }
  await licencesDb(trx)
    .updateTable('it_licence_assignments')
    .set({ to_on: on, updated_at: new Date() })
    .where('id', '=', assignmentId)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Reading.

/** Counts of open assignments per pool: all, used within the window, and suggested for release. */
async function countsOf(
  db: Kysely<unknown>,
  today: string,
  poolId?: string,
): Promise<Map<string, PoolCounts>> {
  const cutoff = usageCutoff(today);
  let select = licencesDb(db)
    .selectFrom('it_licence_assignments')
    .select([
      'pool_id',
      sql<number>`count(*)::int`.as('assigned'),
      sql<number>`count(*) filter (where last_used_on >= ${cutoff}::date)::int`.as('used'),
      sql<number>`count(*) filter (where ${suggested(cutoff)})::int`.as('suggested'),
    ])
    .where('to_on', 'is', null);
  if (poolId) select = select.where('pool_id', '=', poolId);
  const rows = await select.groupBy('pool_id').execute();
  return new Map(rows.map(({ pool_id, ...counts }) => [pool_id, counts]));
}

/** An open assignment held since the cutoff or longer, and not used since it. */
function suggested(cutoff: string) {
  return sql<boolean>`from_on <= ${cutoff}::date and (last_used_on is null or last_used_on < ${cutoff}::date)`;
}

const NO_COUNTS: PoolCounts = { assigned: 0, used: 0, suggested: 0 };
const collator = new Intl.Collator('sv');

function presentSummary(
  pool: PoolRow,
  counts: PoolCounts,
  systems: ReadonlyMap<string, { name: string }>,
): LicencePoolSummary {
  const system = pool.system_id ? systems.get(pool.system_id) : undefined;
  return {
    id: pool.id,
    name: pool.name,
    system: pool.system_id ? { id: pool.system_id, name: system?.name ?? '' } : null,
    supplier: pool.supplier,
    unitPriceOre: pool.unit_price_ore,
    renewalOn: pool.renewal_on,
    figures: figuresOf(pool.purchased, pool.unit_price_ore, counts),
  };
}

/** Every pool with its figures, in Swedish order, and what they cost together. */
export async function listLicencePools(
  db: Kysely<unknown>,
  access: ItServicesAccess,
): Promise<LicencePoolListResponse> {
  access.assertManage();
  const pools = await licencesDb(db).selectFrom('it_licence_pools').selectAll().execute();
  const [counts, systems] = await Promise.all([
    countsOf(db, access.today),
    systemFacts(
      db,
      pools.flatMap((pool) => (pool.system_id ? [pool.system_id] : [])),
    ),
  ]);
  const items = pools
    .map((pool) => presentSummary(pool, counts.get(pool.id) ?? NO_COUNTS, systems))
    .sort((a, b) => collator.compare(a.name, b.name));
  return {
    items,
    totals: {
      costPerYearOre: items.reduce((sum, item) => sum + item.figures.costPerYearOre, 0),
      unusedCostPerYearOre: items.reduce((sum, item) => sum + item.figures.unusedCostPerYearOre, 0),
    },
  };
}

/** A pool with its figures, the people holding its licences, its history and what to reuse. */
export async function licencePoolDetail(
  db: Kysely<unknown>,
  access: ItServicesAccess,
  id: string,
): Promise<LicencePoolDetail> {
  access.assertManage();
  const pool = await licencesDb(db)
    .selectFrom('it_licence_pools')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!pool) throw licenceError('licence_pool_not_found');
  const tables = licencesDb(db);
  const columns = ['id', 'person_id', 'from_on', 'to_on', 'last_used_on'] as const;
  const [counts, systems, open, released] = await Promise.all([
    countsOf(db, access.today, id),
    systemFacts(db, pool.system_id ? [pool.system_id] : []),
    tables
      .selectFrom('it_licence_assignments')
      .select(columns)
      .where('pool_id', '=', id)
      .where('to_on', 'is', null)
      .execute(),
    tables
      .selectFrom('it_licence_assignments')
      .select(columns)
      .where('pool_id', '=', id)
      .where('to_on', 'is not', null)
      .orderBy('to_on', 'desc')
      .orderBy('id')
      .limit(200)
      .execute(),
  ]);
  const people = await findStaffContacts(
    db,
    [...open, ...released].map((row) => row.person_id),
  );
  const present = (row: (typeof open)[number]): LicenceAssignment => ({
    id: row.id,
    personId: row.person_id,
    name: people.get(row.person_id)?.name ?? '',
    email: people.get(row.person_id)?.email ?? null,
    from: row.from_on,
    to: row.to_on,
    lastUsedOn: row.last_used_on,
  });
  const cutoff = usageCutoff(access.today);
  const assignments = open.map(present).sort((a, b) => collator.compare(a.name, b.name));
  const suggestions = assignments
    .filter((row) => row.from <= cutoff && (row.lastUsedOn === null || row.lastUsedOn < cutoff))
    .map((row) => ({
      assignmentId: row.id,
      personId: row.personId,
      name: row.name,
      from: row.from,
      lastUsedOn: row.lastUsedOn,
      daysSinceUse: row.lastUsedOn === null ? null : daysBetween(row.lastUsedOn, access.today),
      daysAssigned: daysBetween(row.from, access.today),
    }))
    .sort(
      (a, b) => (b.daysSinceUse ?? Number.MAX_SAFE_INTEGER) - (a.daysSinceUse ?? Number.MAX_SAFE_INTEGER),
    );
  return {
    ...presentSummary(pool, counts.get(id) ?? NO_COUNTS, systems),
    notes: pool.notes,
    usageImportedAt: pool.usage_imported_at?.toISOString() ?? null,
    assignments,
    released: released.map(present),
    suggestions,
  };
}
