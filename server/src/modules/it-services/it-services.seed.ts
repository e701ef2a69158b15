import type { DistributionModel, DriverKind, PriceModel, ServiceCategory, TierCode } from '@karna/contracts';
import { swedishDate } from '@karna/contracts';
import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import { addWorkingDays } from '../../platform/calendar/index.ts';
import type { Actor } from '../../platform/http/access.ts';
import { cachedOrgUnits, findStaffByEmails } from '../identity/index.ts';
import { systemsInUse } from '../portfolio/index.ts';
import { ItServicesAccess } from './it-services.access.ts';
import { approveRun, createRun } from './it-services.chargeback.ts';
import { seedLicences } from './it-services.licences.seed.ts';
import { seededRandom, seedSuppliers, seedTickets } from './it-services.seed-history.ts';
import { type ItServicesTables, itServicesDb } from './it-services.tables.ts';

/**
 * Loads a municipality's IT services written as data (the demo's server/seeds/demo/it-services.json):
 * the catalog, MOL 8.2's cost pools for last year and this, a year of orders by every department
 * (the stock at the start, then new orders, cancellations, a rejection and some awaiting approval),
 * imported project demand, and last month's allocation run, run by one person in the IT department
 * and approved by another. Everything in the caller's transaction.
 */

export interface ItServicesSeed {
  services: {
    name: string;
    category: ServiceCategory;
    summary: string;
    included: string;
    notIncluded: string;
    howToOrder: string;
    deliveryWorkingDays: number;
    howToReport: string;
    serviceLevel: TierCode | null;
    /** The portfolio system the service is for, by name. */
    system: string | null;
    priceModel: PriceModel;
    priceOre: number;
    unit: string;
    driverKind: DriverKind | null;
    howToCancel: string;
    cancellationNoticeDays: number;
  }[];
  costPools: {
    costType: string;
    category: string;
    annualAmountKr: number;
    models: { model: DistributionModel; shareBasisPoints: number }[];
  }[];
  /** Per department key: what it had when the catalog opened (computers, accounts, connections) and its project demand. */
  drivers: Record<string, Partial<Record<DriverKind, number>>>;
  /** Per department key: the name of its authorised orderer. */
  orderers: Record<string, string>;
}

export interface ItServicesSeedPeople {
  /** The IT department's two people: one runs the allocation, the other approves it. */
  runBy: string;
  approvedBy: string;
  /** Staff who have reported support tickets. */
  ticketReporters: string[];
}

/** The stock at the start comes as one delivered order per service, dated here. */
const STOCK_DATE = '2025-01-01';
const STOCK_SERVICES: Partial<Record<DriverKind, string>> = {
  computerStaff: 'Datorarbetsplats',
  computerPupil: 'Elevdator 1-1',
  user: 'Användarkonto',
  connection: 'Nätverksanslutning',
};

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const earlier = (a: string, b: string) => (a < b ? a : b);

function previousMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export async function seedItServices(
  trx: Kysely<unknown>,
  seed: ItServicesSeed,
  unitIds: ReadonlyMap<string, string>,
  people: ItServicesSeedPeople,
): Promise<{ services: number; orders: number; costPools: number; suppliers: number; tickets: number }> {
  const today = swedishDate();
  const tables = itServicesDb(trx);
  const systems = new Map((await systemsInUse(trx)).map((system) => [system.name, system.id]));
  const serviceIds = new Map<string, string>();
  for (const service of seed.services) {
    const systemId = service.system ? systems.get(service.system) : null;
    if (systemId === undefined)
      throw new Error(`service ${service.name} names an unknown system ${service.system}`);
    const row = await tables
      .insertInto('it_services')
      .values({
        name: service.name,
        name_sort: service.name.toLocaleLowerCase('sv'),
        category: service.category,
        summary: service.summary,
        included: service.included,
        not_included: service.notIncluded,
        how_to_order: service.howToOrder,
        delivery_working_days: service.deliveryWorkingDays,
        how_to_report: service.howToReport,
        service_level: service.serviceLevel,
        system_id: systemId,
        price_model: service.priceModel,
        price_ore: service.priceOre,
        unit: service.unit,
        driver_kind: service.driverKind,
        how_to_cancel: service.howToCancel,
        cancellation_notice_days: service.cancellationNoticeDays,
        available_from: '2020-01-01',
        available_to: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    serviceIds.set(service.name, row.id);
  }

  const thisYear = Number(today.slice(0, 4));
  for (const year of [thisYear - 1, thisYear]) {
    for (const pool of seed.costPools) {
      await tables
        .insertInto('it_cost_pools')
        .values({
          year,
          cost_type: pool.costType,
          category: pool.category,
          // Last year's costs were some 4 % lower.
          annual_amount_ore: Math.round(pool.annualAmountKr * 100 * (year === thisYear ? 1 : 0.96)),
          models: JSON.stringify(pool.models) as never,
        })
        .execute();
    }
  }

  const orders = await seedOrders(trx, seed, unitIds, serviceIds, today);

  // Project demand (model 6) comes from the departments' yearly budget proposals, spread by month.
  const demand = [];
  for (const [key, quantities] of Object.entries(seed.drivers)) {
    const departmentId = unitIds.get(key);
    if (!departmentId) throw new Error(`drivers name an unknown department ${key}`);
    for (const year of [thisYear - 1, thisYear]) {
      for (let month = 1; month <= 12; month++) {
        demand.push({
          period: `${year}-${String(month).padStart(2, '0')}`,
          department_id: departmentId,
          kind: 'projectDemand',
          quantity: Math.round((quantities.projectDemand ?? 0) / 12),
        });
      }
    }
  }
  await tables.insertInto('it_driver_values').values(demand).execute();

  const suppliers = await seedSuppliers(trx, today);
  await seedLicences(trx, today);
  const tickets = await seedTickets(trx, today, people.ticketReporters);
  await sql`select setval('it_ticket_numbers', ${tickets})`.execute(trx);

  // Last month's run: run by one person in the IT department, approved by another.
  const period = previousMonth(today);
  const [runner, approver] = await Promise.all([
    itPerson(trx, people.runBy),
    itPerson(trx, people.approvedBy),
  ]);
  const runId = await createRun(trx, runner, period, 0.4);
  await approveRun(trx, approver, runId);
  return { services: seed.services.length, orders, costPools: seed.costPools.length * 2, suppliers, tickets };
}

/** The IT department's person as the seed acts for them (a session-less staff actor). */
async function itPerson(trx: Kysely<unknown>, email: string): Promise<ItServicesAccess> {
  const person = (await findStaffByEmails(trx, [email])).get(email.toLowerCase());
  if (!person) throw new Error(`the it-services seed names unknown staff ${email}`);
  const root = (await cachedOrgUnits(trx)).find((unit) => unit.parentId === null);
  const actor: Actor = {
    type: 'staff',
    userId: person.id,
    displayName: person.name,
    sessionId: '',
    sessionExpiresAt: new Date(0),
    assuranceLevel: null,
    csrfToken: '',
    grants: root
      ? [{ role: 'itDepartment', orgUnitId: root.id, orgUnitPath: root.path, orgUnitName: root.name }]
      : [],
    personalNumber: null,
    actingFor: null,
  };
  return ItServicesAccess.load(trx, actor);
}

async function seedOrders(
  trx: Kysely<unknown>,
  seed: ItServicesSeed,
  unitIds: ReadonlyMap<string, string>,
  serviceIds: ReadonlyMap<string, string>,
  today: string,
): Promise<number> {
  const next = seededRandom(14);
  const services = seed.services.filter((service) => !service.system);
  const rows: Insertable<ItServicesTables['it_orders']>[] = [];
  let number = 0;
  const orderNumber = (day: string) => `AV-${day.slice(0, 4)}-${String(++number).padStart(5, '0')}`;
  for (const [key, quantities] of Object.entries(seed.drivers)) {
    const departmentId = unitIds.get(key);
    const orderer = seed.orderers[key] ?? 'Förvaltningens beställare';
    if (!departmentId) throw new Error(`orders name an unknown department ${key}`);
    const costCentre = `${4100 + rows.length}`;
    const base = {
      department_id: departmentId,
      cost_centre: costCentre,
      note: null,
      ordered_by_id: null,
      ordered_by_name: orderer,
      decided_by_id: null,
      decided_by_name: orderer,
      rejection_reason: null,
      approval_task_id: null,
      delivery_task_id: null,
    };
    // What the department had when the catalog opened.
    for (const [kind, serviceName] of Object.entries(STOCK_SERVICES)) {
      const quantity = quantities[kind as DriverKind];
      if (!quantity) continue;
      rows.push({
        ...base,
        number: orderNumber(STOCK_DATE),
        service_id: serviceIds.get(serviceName) ?? '',
        quantity,
        start_date: STOCK_DATE,
        end_date: null,
        note: 'Bestånd när tjänstekatalogen infördes.',
        status: 'delivered',
        ordered_at: new Date(`${STOCK_DATE}T08:00:00Z`),
        decided_at: new Date(`${STOCK_DATE}T08:00:00Z`),
        promised_by: STOCK_DATE,
        delivered_on: STOCK_DATE,
      });
    }
    // A year of orders: most delivered, the newest approved or awaiting approval, one rejected, some ended.
    for (let index = 0; index < 9; index++) {
      const service = services[Math.floor(next() * services.length)];
      if (!service) continue;
      const orderedOn = addDays(today, -Math.floor(next() * 360) - 5);
      const startDate = addWorkingDays(orderedOn, service.deliveryWorkingDays + 2);
      const recent = orderedOn > addDays(today, -20);
      const status = recent
        ? next() < 0.5
          ? 'awaitingApproval'
          : 'approved'
        : index === 4
          ? 'rejected'
          : 'delivered';
      const decided = status !== 'awaitingApproval';
      const ended = status === 'delivered' && next() < 0.2;
      rows.push({
        ...base,
        number: orderNumber(orderedOn),
        service_id: serviceIds.get(service.name) ?? '',
        quantity:
          service.priceModel === 'allocated' ? 1 + Math.floor(next() * 12) : 1 + Math.floor(next() * 4),
        start_date: recent && status === 'awaitingApproval' ? addDays(today, 10) : startDate,
        end_date: ended ? addDays(startDate, 60 + Math.floor(next() * 120)) : null,
        status: ended ? 'cancelled' : status,
        ordered_at: new Date(`${orderedOn}T09:30:00Z`),
        decided_by_name: decided ? orderer : null,
        decided_at: decided ? new Date(`${orderedOn}T13:00:00Z`) : null,
        rejection_reason: status === 'rejected' ? 'Ryms inte i årets budget.' : null,
        promised_by: decided ? addWorkingDays(orderedOn, service.deliveryWorkingDays) : null,
        delivered_on:
          status === 'delivered'
            ? earlier(addWorkingDays(orderedOn, service.deliveryWorkingDays + (next() < 0.15 ? 3 : 0)), today)
            : null,
      });
    }
  }
  await itServicesDb(trx).insertInto('it_orders').values(rows).execute();
  await sql`select setval('it_order_numbers', ${number})`.execute(trx);
  return rows.length;
}
