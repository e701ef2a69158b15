import type { DriverSet, TierCode } from '@karna/contracts';
import { type Kysely, sql } from 'kysely';
import { systemsInUse } from '../portfolio/index.ts';
import type { ItServicesAccess } from './it-services.access.ts';
import type { DriverKind, DriverRow } from './it-services.allocation.ts';
import { CHARGEABLE } from './it-services.orders.ts';
import { itServicesDb } from './it-services.tables.ts';

/**
 * The drivers of a month (MOL 8.2): what each department has of the things costs are distributed
 * by. Three sources, all shown with the run:
 * - imported from the finance and asset systems (computers, users, connections, project demand);
 * - the portfolio: each system in use, by tier, shared equally by the departments that use it
 *   (or, when none is recorded, by the departments of the board that owns it);
 * - orders of allocated services (a computer workplace counts as a computer), weighted by the
 *   days of the month they ran.
 */

export interface SourcedDriver extends DriverRow {
  source: 'imported' | 'portfolio' | 'orders';
}

const TIER_KIND: Record<TierCode, DriverKind> = {
  gold: 'systemGold',
  silver: 'systemSilver',
  bronze: 'systemBronze',
  copper: 'systemCopper',
};

/** First and last day of a month `YYYY-MM`, and its length. */
export function monthBounds(period: string): { first: string; last: string; days: number } {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { first: `${period}-01`, last: `${period}-${String(days).padStart(2, '0')}`, days };
}

/** Days from `first` to `last` inclusive (both `YYYY-MM-DD`), 0 when they are in the wrong order. */
export function daysInclusive(first: string, last: string): number {
  const span = (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.max(0, span);
}

export async function driversOf(
  db: Kysely<unknown>,
  access: ItServicesAccess,
  period: string,
): Promise<SourcedDriver[]> {
  const [imported, portfolio, ordered] = await Promise.all([
    importedDrivers(db, period),
    portfolioDrivers(db, access),
    orderDrivers(db, period),
  ]);
  return [...imported, ...portfolio, ...ordered];
}

async function importedDrivers(db: Kysely<unknown>, period: string): Promise<SourcedDriver[]> {
  const rows = await itServicesDb(db)
    .selectFrom('it_driver_values')
    .select(['department_id', 'kind', 'quantity'])
    .where('period', '=', period)
    .execute();
  return rows.map((row) => ({
    departmentId: row.department_id,
    kind: row.kind as DriverKind,
    quantity: row.quantity,
    source: 'imported',
  }));
}

/** The department a unit belongs to: itself or its nearest department above it. */
function departmentOf(access: ItServicesAccess, unitId: string): string | null {
  let unit = access.units.get(unitId);
  while (unit && unit.kind !== 'department')
    unit = unit.parentId ? access.units.get(unit.parentId) : undefined;
  return unit?.id ?? null;
}

/** The departments directly under a board (nämnd). */
function departmentsOfBoard(access: ItServicesAccess, boardId: string): string[] {
  return access
    .departments()
    .filter((unit) => unit.parentId === boardId)
    .map((unit) => unit.id);
}

async function portfolioDrivers(db: Kysely<unknown>, access: ItServicesAccess): Promise<SourcedDriver[]> {
  const totals = new Map<string, number>();
  for (const system of await systemsInUse(db)) {
    if (!system.tier) continue;
    const users = new Set(system.usedBy.flatMap((unitId) => departmentOf(access, unitId) ?? []));
    const payers = users.size > 0 ? [...users] : departmentsOfBoard(access, system.owningBoardId);
    for (const departmentId of payers) {
      const key = `${departmentId} ${TIER_KIND[system.tier]}`;
      totals.set(key, (totals.get(key) ?? 0) + 1 / payers.length);
    }
  }
  return [...totals].map(([key, quantity]) => {
    const [departmentId, kind] = key.split(' ') as [string, DriverKind];
    return { departmentId, kind, quantity, source: 'portfolio' };
  });
}

async function orderDrivers(db: Kysely<unknown>, period: string): Promise<SourcedDriver[]> {
  const { first, last, days } = monthBounds(period);
  const rows = await itServicesDb(db)
    .selectFrom('it_orders as o')
    .innerJoin('it_services as s', 's.id', 'o.service_id')
    .select(['o.department_id', 's.driver_kind', 'o.quantity', 'o.start_date', 'o.end_date'])
    .where('s.price_model', '=', 'allocated')
    .where(CHARGEABLE)
    .where('o.start_date', '<=', last)
    .where((eb) => eb.or([eb('o.end_date', 'is', null), eb('o.end_date', '>=', first)]))
    .execute();
  const totals = new Map<string, number>();
  for (const row of rows) {
    const ran = daysInclusive(later(row.start_date, first), earlier(row.end_date ?? last, last));
    const key = `${row.department_id} ${row.driver_kind}`;
    totals.set(key, (totals.get(key) ?? 0) + (row.quantity * ran) / days);
  }
  return [...totals].map(([key, quantity]) => {
    const [departmentId, kind] = key.split(' ') as [string, DriverKind];
    return { departmentId, kind, quantity, source: 'orders' };
  });
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

export async function driverSet(
  db: Kysely<unknown>,
  access: ItServicesAccess,
  period: string,
): Promise<DriverSet> {
  const drivers = await driversOf(db, access, period);
  const collator = new Intl.Collator('sv');
  return {
    period,
    items: drivers
      .map((driver) => ({ ...driver, departmentName: access.departmentName(driver.departmentId) }))
      .sort((a, b) => collator.compare(a.departmentName, b.departmentName) || a.kind.localeCompare(b.kind)),
  };
}

/** Replaces the imported quantities of the kinds given, for the departments given, in one statement. */
export async function replaceImportedDrivers(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  period: string,
  values: readonly { departmentId: string; kind: DriverKind; quantity: number }[],
): Promise<void> {
  for (const value of values) access.department(value.departmentId);
  const kinds = [...new Set(values.map((value) => value.kind))];
  if (kinds.length === 0) return;
  await itServicesDb(trx)
    .deleteFrom('it_driver_values')
    .where('period', '=', period)
    .where('kind', 'in', kinds)
    .execute();
  // One row per department and kind: a repeated pair in the input is summed.
  const merged = new Map<string, number>();
  for (const value of values) {
    const key = `${value.departmentId} ${value.kind}`;
    merged.set(key, (merged.get(key) ?? 0) + value.quantity);
  }
  const rows = [...merged].map(([key, quantity]) => {
    const [departmentId, kind] = key.split(' ') as [string, string];
    return { period, department_id: departmentId, kind, quantity };
  });
  for (let index = 0; index < rows.length; index += 1000) {
    await itServicesDb(trx)
      .insertInto('it_driver_values')
      .values(rows.slice(index, index + 1000))
      .execute();
  }
}

/** Service charges of a month: orders of priced services, by the days they ran. */
export async function pricedOrders(db: Kysely<unknown>, period: string) {
  const { first, last } = monthBounds(period);
  return (
    itServicesDb(db)
      .selectFrom('it_orders as o')
      .innerJoin('it_services as s', 's.id', 'o.service_id')
      .select([
        'o.id',
        'o.number',
        'o.department_id',
        'o.cost_centre',
        'o.quantity',
        'o.start_date',
        'o.end_date',
        's.name as service_name',
        's.price_model',
        's.price_ore',
      ])
      .where('s.price_model', 'in', ['monthlyPerUnit', 'oneOff'])
      .where(CHARGEABLE)
      .where('o.start_date', '<=', last)
      .where((eb) => eb.or([eb('o.end_date', 'is', null), eb('o.end_date', '>=', first)]))
      // A one-off price is charged in the month the order starts, and only if it was not cancelled before.
      .where((eb) =>
        eb.or([
          eb('s.price_model', '=', 'monthlyPerUnit'),
          eb.and([
            eb('o.start_date', '>=', first),
            sql<boolean>`(o.end_date is null or o.end_date >= o.start_date)`,
          ]),
        ]),
      )
      .orderBy('o.number')
      .execute()
  );
}
