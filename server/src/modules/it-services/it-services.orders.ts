import type { Order, OrderInput, OrderStatus } from '@karna/contracts';
import { type Kysely, type Selectable, sql } from 'kysely';
import { addWorkingDays } from '../../platform/calendar/index.ts';
import { enqueueMail } from '../../platform/mail/index.ts';
import { findStaffContacts } from '../identity/index.ts';
import { completeTasks, createTask } from '../tasks/index.ts';
import { forbidden, type ItServicesAccess } from './it-services.access.ts';
import { findService, isAvailableOn, type ServiceRow } from './it-services.catalog.ts';
import { itServicesError } from './it-services.errors.ts';
import { type ItServicesTables, itServicesDb } from './it-services.tables.ts';

/**
 * Orders (avrop, N2). Staff who work in a department ask for a service; the department's authorised
 * orderer approves (an order the orderer places is approved as placed); the IT department delivers
 * within the service's delivery time; the orderer cancels with an end date respecting the notice.
 * An approved order is charged from its start date to its end date (chargeback reads them).
 */

type OrderRow = Selectable<ItServicesTables['it_orders']>;
type OrderWithService = OrderRow & {
  service_name: string;
  service_price_model: string;
  service_price_ore: number;
  service_unit: string;
  service_notice_days: number;
};

function ordersQuery(db: Kysely<unknown>) {
  return itServicesDb(db)
    .selectFrom('it_orders as o')
    .innerJoin('it_services as s', 's.id', 'o.service_id')
    .selectAll('o')
    .select([
      's.name as service_name',
      's.price_model as service_price_model',
      's.price_ore as service_price_ore',
      's.unit as service_unit',
      's.cancellation_notice_days as service_notice_days',
    ]);
}

async function findOrder(db: Kysely<unknown>, id: string): Promise<OrderWithService> {
  const row = await ordersQuery(db).where('o.id', '=', id).executeTakeFirst();
  if (!row) throw itServicesError('order_not_found');
  return row;
}

/** Locks the order for a change, and checks the caller may see it at all (a 404 otherwise). */
async function lockOrder(trx: Kysely<unknown>, access: ItServicesAccess, id: string): Promise<OrderRow> {
  const row = await itServicesDb(trx)
    .selectFrom('it_orders')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || !seesDepartment(access, row.department_id)) throw itServicesError('order_not_found');
  return row;
}

function seesDepartment(access: ItServicesAccess, departmentId: string): boolean {
  const department = access.units.get(departmentId);
  if (!department) return access.manages();
  return access.manages() || access.ordersFor(department) || access.requestsFor(department);
}

/** Chargeable: approved at some point and not rejected (a cancelled approved order runs to its end date). */
export const CHARGEABLE = sql<boolean>`o.decided_at is not null and o.status <> 'rejected'`;

export async function placeOrder(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  input: OrderInput,
): Promise<string> {
  const department = access.department(input.departmentId);
  const orders = access.ordersFor(department);
  if (!orders && !access.requestsFor(department)) throw forbidden();
  const service = await findService(trx, input.serviceId);
  if (!isAvailableOn(service, input.startDate)) {
    throw itServicesError('service_not_available', {
      detail: `The service is delivered from ${service.available_from}${service.available_to ? ` to ${service.available_to}` : ''}.`,
      fieldErrors: [{ path: 'startDate', message: 'is outside the days the service is delivered' }],
    });
  }
  if (input.startDate < access.today && !access.manages()) {
    throw itServicesError('order_start_in_past', {
      fieldErrors: [{ path: 'startDate', message: 'must not be in the past' }],
    });
  }
  const sequence = await sql<{ next: number }>`select nextval('it_order_numbers')::int as next`.execute(trx);
  const number = `AV-${access.today.slice(0, 4)}-${String(sequence.rows[0]?.next ?? 0).padStart(5, '0')}`;
  const now = new Date();
  const inserted = await itServicesDb(trx)
    .insertInto('it_orders')
    .values({
      number,
      service_id: service.id,
      department_id: department.id,
      quantity: input.quantity,
      cost_centre: input.costCentre,
      start_date: input.startDate,
      note: input.note,
      status: 'awaitingApproval',
      ordered_by_id: access.userId,
      ordered_by_name: access.displayName,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (orders) {
    await approve(trx, access, { id: inserted.id, number, department_id: department.id }, service, now);
  } else {
    const taskId = await createTask(trx, {
      title: `Godkänn beställning ${number}: ${service.name} × ${input.quantity}`,
      orgUnitId: department.id,
      source: { module: 'it-services', reference: inserted.id },
      restrictedTo: 'itServices.order',
    });
    await itServicesDb(trx)
      .updateTable('it_orders')
      .set({ approval_task_id: taskId })
      .where('id', '=', inserted.id)
      .execute();
  }
  return inserted.id;
}

/** Approves: promises delivery within the service's working days and gives IT a delivery task. */
async function approve(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  order: Pick<OrderRow, 'id' | 'number' | 'department_id'>,
  service: ServiceRow,
  now: Date,
): Promise<void> {
  const root = access.root;
  const deliveryTaskId = root
    ? await createTask(trx, {
        title: `Leverera ${order.number}: ${service.name} till ${access.departmentName(order.department_id)}`,
        orgUnitId: root.id,
        source: { module: 'it-services', reference: order.id },
        restrictedTo: 'itServices.manage',
      })
    : null;
  await itServicesDb(trx)
    .updateTable('it_orders')
    .set({
      status: 'approved',
      decided_by_id: access.userId,
      decided_by_name: access.displayName,
      decided_at: now,
      promised_by: addWorkingDays(access.today, service.delivery_working_days),
      delivery_task_id: deliveryTaskId,
      updated_at: now,
    })
    .where('id', '=', order.id)
    .execute();
}

export async function decideOrder(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  id: string,
  decision: { approve: boolean; reason: string | null },
): Promise<OrderRow> {
  const order = await lockOrder(trx, access, id);
  if (!access.ordersFor(access.department(order.department_id))) throw forbidden();
  if (order.status !== 'awaitingApproval') throw itServicesError('order_not_awaiting_approval');
  if (order.ordered_by_id !== null && order.ordered_by_id === access.userId)
    throw itServicesError('order_own_approval');
  const service = await findService(trx, order.service_id);
  const now = new Date();
  if (decision.approve) {
    await approve(trx, access, order, service, now);
  } else {
    await itServicesDb(trx)
      .updateTable('it_orders')
      .set({
        status: 'rejected',
        decided_by_id: access.userId,
        decided_by_name: access.displayName,
        decided_at: now,
        rejection_reason: decision.reason,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }
  if (order.approval_task_id) await completeTasks(trx, [order.approval_task_id]);
  await tellOrderer(trx, order, service, decision);
  return { ...order, status: decision.approve ? 'approved' : 'rejected' };
}

/** The one who asked hears the answer by e-mail (through the outbox, so only if the decision commits). */
async function tellOrderer(
  trx: Kysely<unknown>,
  order: OrderRow,
  service: ServiceRow,
  decision: { approve: boolean; reason: string | null },
): Promise<void> {
  if (!order.ordered_by_id) return;
  const contact = (await findStaffContacts(trx, [order.ordered_by_id])).get(order.ordered_by_id);
  if (!contact?.email) return;
  const verdict = decision.approve ? 'har godkänts' : 'har inte godkänts';
  await enqueueMail(trx, {
    to: contact.email,
    subject: `Beställning ${order.number} ${verdict}`,
    text: [
      `Hej ${contact.name},`,
      '',
      `Din beställning ${order.number} av ${service.name} (${order.quantity} ${service.unit}) ${verdict}.`,
      decision.reason ? `Motivering: ${decision.reason}` : '',
      decision.approve
        ? `IT-avdelningen levererar inom ${service.delivery_working_days} arbetsdagar.`
        : 'Kontakta förvaltningens avropsberättigade beställare om du har frågor.',
      '',
      'Kärna – IT-tjänster',
    ]
      .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
      .join('\n'),
  });
}

export async function deliverOrder(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  id: string,
  deliveredOn: string,
): Promise<OrderRow> {
  access.assertManage();
  const order = await lockOrder(trx, access, id);
  if (order.status !== 'approved') throw itServicesError('order_not_deliverable');
  await itServicesDb(trx)
    .updateTable('it_orders')
    .set({ status: 'delivered', delivered_on: deliveredOn, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  if (order.delivery_task_id) await completeTasks(trx, [order.delivery_task_id]);
  return order;
}

/**
 * Cancels: an order not yet approved simply ends; an approved one is charged to `endDate`, which
 * must respect the service's notice unless the IT department sets it.
 */
export async function cancelOrder(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  id: string,
  endDate: string,
): Promise<OrderRow> {
  const order = await lockOrder(trx, access, id);
  if (!access.ordersFor(access.department(order.department_id)) && !access.manages()) throw forbidden();
  if (!['awaitingApproval', 'approved', 'delivered'].includes(order.status)) {
    throw itServicesError('order_not_cancellable');
  }
  const service = await findService(trx, order.service_id);
  const earliest = earliestEndDate(access, order.start_date, service.cancellation_notice_days);
  if (order.decided_at !== null && endDate < earliest) {
    throw itServicesError('order_end_before_notice', {
      detail: `The earliest end date is ${earliest}.`,
      fieldErrors: [{ path: 'endDate', message: `must be ${earliest} or later` }],
    });
  }
  const now = new Date();
  await itServicesDb(trx)
    .updateTable('it_orders')
    .set({
      status: 'cancelled',
      end_date: order.decided_at === null ? null : endDate,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await completeTasks(
    trx,
    [order.approval_task_id, order.delivery_task_id].filter((taskId): taskId is string => taskId !== null),
  );
  return order;
}

/** The earliest last day a cancellation may set: the day before the start, or the notice from today (IT: any). */
function earliestEndDate(access: ItServicesAccess, startDate: string, noticeDays: number): string {
  const beforeStart = dayBefore(startDate);
  return access.manages() ? beforeStart : laterOf(beforeStart, addDays(access.today, noticeDays));
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
const dayBefore = (day: string) => addDays(day, -1);
const laterOf = (a: string, b: string) => (a > b ? a : b);

export async function listOrders(
  db: Kysely<unknown>,
  access: ItServicesAccess,
  query: { departmentId?: string | undefined; status?: OrderStatus | undefined; limit: number },
): Promise<Order[]> {
  let departmentIds: string[];
  if (query.departmentId) {
    if (!seesDepartment(access, query.departmentId)) throw forbidden();
    departmentIds = [query.departmentId];
  } else {
    departmentIds = access
      .departments()
      .filter((unit) => seesDepartment(access, unit.id))
      .map((unit) => unit.id);
  }
  if (departmentIds.length === 0) return [];
  let select = ordersQuery(db).where('o.department_id', 'in', departmentIds);
  if (query.status) select = select.where('o.status', '=', query.status);
  const rows = await select
    .orderBy('o.ordered_at', 'desc')
    .orderBy('o.number', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map((row) => presentOrder(access, row));
}

export async function orderView(db: Kysely<unknown>, access: ItServicesAccess, id: string): Promise<Order> {
  const row = await findOrder(db, id);
  if (!seesDepartment(access, row.department_id)) throw itServicesError('order_not_found');
  return presentOrder(access, row);
}

function presentOrder(access: ItServicesAccess, row: OrderWithService): Order {
  const department = access.units.get(row.department_id);
  const orders = department ? access.ordersFor(department) : false;
  const late =
    row.promised_by !== null &&
    (row.delivered_on !== null
      ? row.delivered_on > row.promised_by
      : row.status === 'approved' && access.today > row.promised_by);
  return {
    id: row.id,
    number: row.number,
    service: {
      id: row.service_id,
      name: row.service_name,
      priceModel: row.service_price_model as Order['service']['priceModel'],
      priceOre: Number(row.service_price_ore),
      unit: row.service_unit,
    },
    department: { id: row.department_id, name: access.departmentName(row.department_id) },
    quantity: row.quantity,
    costCentre: row.cost_centre,
    startDate: row.start_date,
    endDate: row.end_date,
    note: row.note,
    status: row.status as OrderStatus,
    orderedBy: row.ordered_by_name,
    orderedAt: row.ordered_at.toISOString(),
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at?.toISOString() ?? null,
    rejectionReason: row.rejection_reason,
    promisedBy: row.promised_by,
    deliveredOn: row.delivered_on,
    late,
    earliestEndDate: earliestEndDate(access, row.start_date, row.service_notice_days),
    canDecide: orders && row.status === 'awaitingApproval' && row.ordered_by_id !== access.userId,
    canDeliver: access.manages() && row.status === 'approved',
    canCancel:
      (orders || access.manages()) && ['awaitingApproval', 'approved', 'delivered'].includes(row.status),
  };
}
