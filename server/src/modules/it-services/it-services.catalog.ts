import type {
  Service,
  ServiceInput,
  ServiceLevel,
  ServiceListQuery,
  TierCode,
  TierPolicy,
} from '@karna/contracts';
import type { Kysely, Selectable } from 'kysely';
import { type SystemFact, systemFacts, tierPolicies } from '../portfolio/index.ts';
import { itServicesError } from './it-services.errors.ts';
import { type ItServicesTables, itServicesDb } from './it-services.tables.ts';

/** The service catalog (N1): what each service includes, costs and promises (N3). */

export type ServiceRow = Selectable<ItServicesTables['it_services']>;

const collator = new Intl.Collator('sv');

export async function listServices(
  db: Kysely<unknown>,
  query: ServiceListQuery,
  today: string,
): Promise<Service[]> {
  let select = itServicesDb(db).selectFrom('it_services').selectAll();
  if (query.category) select = select.where('category', '=', query.category);
  if (query.all !== 'true') {
    select = select
      .where('available_from', '<=', today)
      .where((eb) => eb.or([eb('available_to', 'is', null), eb('available_to', '>=', today)]));
  }
  const rows = await select.execute();
  const words = (query.q ?? '').toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  const matching = rows.filter((row) => {
    const haystack = `${row.name} ${row.summary} ${row.included}`.toLocaleLowerCase('sv');
    return words.every((word) => haystack.includes(word));
  });
  const services = await presentServices(db, matching, today);
  return services.sort((a, b) => collator.compare(a.name, b.name));
}

export async function findService(db: Kysely<unknown>, id: string, lock = false): Promise<ServiceRow> {
  let select = itServicesDb(db).selectFrom('it_services').selectAll().where('id', '=', id);
  if (lock) select = select.forUpdate();
  const row = await select.executeTakeFirst();
  if (!row) throw itServicesError('service_not_found');
  return row;
}

export async function presentServices(db: Kysely<unknown>, rows: readonly ServiceRow[], today: string) {
  const [tiers, systems] = await Promise.all([
    tierPolicies(db),
    systemFacts(
      db,
      rows.flatMap((row) => (row.system_id ? [row.system_id] : [])),
    ),
  ]);
  return rows.map((row) => presentService(row, tiers, systems, today));
}

function presentService(
  row: ServiceRow,
  tiers: Map<TierCode, TierPolicy>,
  systems: Map<string, SystemFact>,
  today: string,
): Service {
  const system = row.system_id ? systems.get(row.system_id) : undefined;
  return {
    id: row.id,
    name: row.name,
    category: row.category as Service['category'],
    summary: row.summary,
    included: row.included,
    notIncluded: row.not_included,
    howToOrder: row.how_to_order,
    deliveryWorkingDays: row.delivery_working_days,
    howToReport: row.how_to_report,
    serviceLevel: serviceLevelOf(row, system, tiers),
    system: system ? { id: system.id, name: system.name } : null,
    priceModel: row.price_model as Service['priceModel'],
    priceOre: Number(row.price_ore),
    unit: row.unit,
    driverKind: row.driver_kind as Service['driverKind'],
    howToCancel: row.how_to_cancel,
    cancellationNoticeDays: row.cancellation_notice_days,
    availableFrom: row.available_from,
    availableTo: row.available_to,
    available: isAvailableOn(row, today),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The level a service promises (N3): a service for a system follows the system's tier, so support
 * for a gold system is answered as gold; otherwise the service's own level.
 */
export function serviceLevelOf(
  row: Pick<ServiceRow, 'service_level'>,
  system: SystemFact | undefined,
  tiers: Map<TierCode, TierPolicy>,
): ServiceLevel | null {
  const fromSystem = system?.tier ?? null;
  const tier = fromSystem ?? (row.service_level as TierCode | null);
  const policy = tier ? tiers.get(tier) : undefined;
  if (!tier || !policy) return null;
  return {
    tier,
    supportHours: policy.supportHours,
    availabilityPercent: policy.availabilityPercent,
    responseHours: policy.responseHours,
    fixHours: policy.fixHours,
    source: fromSystem ? 'system' : 'service',
  };
}

export function isAvailableOn(
  row: Pick<ServiceRow, 'available_from' | 'available_to'>,
  day: string,
): boolean {
  return row.available_from <= day && (row.available_to === null || row.available_to >= day);
}

function columns(input: ServiceInput) {
  return {
    name: input.name,
    name_sort: input.name.toLocaleLowerCase('sv'),
    category: input.category,
    summary: input.summary,
    included: input.included,
    not_included: input.notIncluded,
    how_to_order: input.howToOrder,
    delivery_working_days: input.deliveryWorkingDays,
    how_to_report: input.howToReport,
    service_level: input.serviceLevel,
    system_id: input.systemId,
    price_model: input.priceModel,
    price_ore: input.priceOre,
    unit: input.unit,
    driver_kind: input.driverKind,
    how_to_cancel: input.howToCancel,
    cancellation_notice_days: input.cancellationNoticeDays,
    available_from: input.availableFrom,
    available_to: input.availableTo,
  };
}

async function checkSystem(db: Kysely<unknown>, input: ServiceInput): Promise<void> {
  if (input.systemId && !(await systemFacts(db, [input.systemId])).has(input.systemId)) {
    throw itServicesError('service_system_unknown', {
      fieldErrors: [{ path: 'systemId', message: 'is not a system in the portfolio' }],
    });
  }
}

async function uniqueName<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw itServicesError('service_name_taken', { fieldErrors: [{ path: 'name', message: 'is taken' }] });
    }
    throw error;
  }
}

export async function createService(trx: Kysely<unknown>, input: ServiceInput): Promise<ServiceRow> {
  await checkSystem(trx, input);
  return uniqueName(
    itServicesDb(trx)
      .insertInto('it_services')
      .values(columns(input))
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

export async function updateService(
  trx: Kysely<unknown>,
  id: string,
  input: ServiceInput,
): Promise<ServiceRow> {
  await findService(trx, id, true);
  await checkSystem(trx, input);
  return uniqueName(
    itServicesDb(trx)
      .updateTable('it_services')
      .set({ ...columns(input), updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}
