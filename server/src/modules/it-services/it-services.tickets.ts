import type {
  ImpactLevel,
  SupportLine,
  Ticket,
  TicketInput,
  TicketPriority,
  TicketStatus,
  TicketSummary,
  TierCode,
} from '@karna/contracts';
import { ticketPriority } from '@karna/contracts';
import { type Kysely, type Selectable, sql } from 'kysely';
import { enqueueMail } from '../../platform/mail/index.ts';
import { findStaffContacts } from '../identity/index.ts';
import { systemFacts, tierPolicies } from '../portfolio/index.ts';
import { completeTasks, createTask } from '../tasks/index.ts';
import { forbidden, type ItServicesAccess } from './it-services.access.ts';
import { findService, serviceLevelOf } from './it-services.catalog.ts';
import { itServicesError } from './it-services.errors.ts';
import { addServiceHours, serviceWindowOf } from './it-services.sla.ts';
import { type ItServicesTicketTables, itServicesDb } from './it-services.tables.ts';

/**
 * Support tickets (N5): staff report a problem with a service, a system or anything else to one
 * point of contact. The priority follows impact × urgency; the deadlines follow the service level
 * (the service's, or its system's tier, N3), counted in the level's support hours across weekends
 * and Swedish public holidays. The service desk (line 1) takes a ticket, escalates it to the
 * specialists (2) or the supplier (3), and resolves it; the reporter follows it and hears by e-mail.
 */

type TicketRow = Selectable<ItServicesTicketTables['it_tickets']>;

/** The priority from impact × urgency (the contracts' matrix, which the report form shows too). */
export const priorityOf = ticketPriority;

/**
 * The tier's times hold for priorities 1 and 2; a normal ticket gets twice as long and a low one
 * four times, so the desk's hours go where the harm is.
 */
const PRIORITY_FACTOR: Record<TicketPriority, number> = { 1: 1, 2: 1, 3: 2, 4: 4 };
/** When a ticket must be answered and fixed: the tier's hours × the priority's factor, in its support hours. */
export function ticketDeadlines(
  reportedAt: Date,
  policy: { supportHours: string; responseHours: number; fixHours: number },
  priority: TicketPriority,
): { responseDueAt: Date; fixDueAt: Date } {
  const window = serviceWindowOf(policy.supportHours);
  const factor = PRIORITY_FACTOR[priority];
  return {
    responseDueAt: addServiceHours(reportedAt, policy.responseHours * factor, window),
    fixDueAt: addServiceHours(reportedAt, policy.fixHours * factor, window),
  };
}

/** A problem with no service or system named is answered as bronze, the ordinary workplace level. */
const DEFAULT_TIER: TierCode = 'bronze';

export async function reportTicket(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  input: TicketInput,
): Promise<string> {
  const tiers = await tierPolicies(trx);
  let tier: TierCode = DEFAULT_TIER;
  if (input.serviceId) {
    const service = await findService(trx, input.serviceId);
    const system = service.system_id
      ? (await systemFacts(trx, [service.system_id])).get(service.system_id)
      : undefined;
    tier = serviceLevelOf(service, system, tiers)?.tier ?? DEFAULT_TIER;
  } else if (input.systemId) {
    const system = (await systemFacts(trx, [input.systemId])).get(input.systemId);
    if (!system) {
      throw itServicesError('service_system_unknown', {
        fieldErrors: [{ path: 'systemId', message: 'is not a system in the portfolio' }],
      });
    }
    tier = system.tier ?? DEFAULT_TIER;
  }
  const policy = tiers.get(tier) ?? { supportHours: 'Vardagar 08–17', responseHours: 4, fixHours: 24 };
  const supportHours = policy.supportHours;
  const priority = priorityOf(input.impact, input.urgency);
  const now = new Date();
  const { responseDueAt, fixDueAt } = ticketDeadlines(now, policy, priority);
  const sequence = await sql<{ next: number }>`select nextval('it_ticket_numbers')::int as next`.execute(trx);
  const number = `IN-${access.today.slice(0, 4)}-${String(sequence.rows[0]?.next ?? 0).padStart(5, '0')}`;
  const root = access.root;
  const taskId = root
    ? await createTask(trx, {
        title: `Supportärende ${number} (prioritet ${priority}): ${input.summary}`,
        orgUnitId: root.id,
        source: { module: 'it-services', reference: number },
        restrictedTo: 'itServices.manage',
        dueAt: responseDueAt,
      })
    : null;
  const row = await itServicesDb(trx)
    .insertInto('it_tickets')
    .values({
      number,
      summary: input.summary,
      description: input.description,
      service_id: input.serviceId,
      system_id: input.systemId,
      reporter_id: access.userId,
      reporter_name: access.displayName,
      impact: input.impact,
      urgency: input.urgency,
      priority,
      line: 1,
      status: 'new',
      tier,
      support_hours: supportHours,
      reported_at: now,
      response_due_at: responseDueAt,
      fix_due_at: fixDueAt,
      task_id: taskId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await addEvent(trx, row.id, access.displayName, 'reported', null, false);
  await mailReporter(trx, row, `Vi har tagit emot ${number}`, [
    `Vi har tagit emot ditt ärende ${number}: ${row.summary}.`,
    `Prioritet ${priority}. Du får svar senast ${stockholm(row.response_due_at)} och felet ska vara åtgärdat senast ${stockholm(row.fix_due_at)}.`,
    `Tiderna räknas inom supporttiden: ${supportHours}.`,
  ]);
  return row.id;
}

const stockholmFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});
const stockholm = (at: Date) => stockholmFormat.format(at);

async function addEvent(
  trx: Kysely<unknown>,
  ticketId: string,
  by: string,
  kind: string,
  text: string | null,
  internal: boolean,
): Promise<void> {
  await itServicesDb(trx)
    .insertInto('it_ticket_events')
    .values({ ticket_id: ticketId, by_name: by, kind, text, internal })
    .execute();
}

async function mailReporter(
  trx: Kysely<unknown>,
  ticket: TicketRow,
  subject: string,
  lines: string[],
): Promise<void> {
  if (!ticket.reporter_id) return;
  const contact = (await findStaffContacts(trx, [ticket.reporter_id])).get(ticket.reporter_id);
  if (!contact?.email) return;
  await enqueueMail(trx, {
    to: contact.email,
    subject,
    text: [
      `Hej ${contact.name},`,
      '',
      ...lines,
      '',
      'Följ ärendet i Kärna under IT-tjänster, Mina supportärenden.',
      '',
      'IT-servicedesk',
    ].join('\n'),
  });
}

/** Locks a ticket the caller may see: the reporter's own, or any for the IT department (else 404). */
async function lockTicket(trx: Kysely<unknown>, access: ItServicesAccess, id: string): Promise<TicketRow> {
  const row = await itServicesDb(trx)
    .selectFrom('it_tickets')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || !sees(access, row)) throw itServicesError('ticket_not_found');
  return row;
}

function sees(access: ItServicesAccess, row: Pick<TicketRow, 'reporter_id'>): boolean {
  return access.manages() || (row.reporter_id !== null && row.reporter_id === access.userId);
}

export async function commentTicket(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  id: string,
  comment: { text: string; internal: boolean },
): Promise<void> {
  const ticket = await lockTicket(trx, access, id);
  if (comment.internal && !access.manages()) throw forbidden();
  const reopening = ticket.status === 'resolved' && !access.manages();
  await addEvent(
    trx,
    id,
    access.displayName,
    reopening ? 'reopened' : 'comment',
    comment.text,
    comment.internal,
  );
  // A reporter who answers a resolved ticket says it is not fixed: it opens again, at the desk.
  if (reopening) {
    await itServicesDb(trx)
      .updateTable('it_tickets')
      .set({ status: 'inProgress', resolved_at: null, resolution: null, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }
}

/** The desk takes the ticket: it is answered (the response deadline is kept or not) and assigned. */
export async function takeTicket(trx: Kysely<unknown>, access: ItServicesAccess, id: string): Promise<void> {
  access.assertManage();
  const ticket = await lockTicket(trx, access, id);
  if (ticket.status === 'resolved') throw itServicesError('ticket_resolved');
  const now = new Date();
  await itServicesDb(trx)
    .updateTable('it_tickets')
    .set({
      status: 'inProgress',
      assignee_id: access.userId,
      assignee_name: access.displayName,
      responded_at: ticket.responded_at ?? now,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await addEvent(trx, id, access.displayName, 'taken', null, false);
}

export async function escalateTicket(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  id: string,
  escalation: { line: SupportLine; note: string },
): Promise<void> {
  access.assertManage();
  const ticket = await lockTicket(trx, access, id);
  if (ticket.status === 'resolved') throw itServicesError('ticket_resolved');
  if (escalation.line === ticket.line) throw itServicesError('ticket_already_on_line');
  const now = new Date();
  await itServicesDb(trx)
    .updateTable('it_tickets')
    .set({
      line: escalation.line,
      status: 'inProgress',
      // The next line picks it up; escalating is itself an answer to the reporter.
      assignee_id: null,
      assignee_name: null,
      responded_at: ticket.responded_at ?? now,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await addEvent(
    trx,
    id,
    access.displayName,
    'escalated',
    `Linje ${escalation.line}: ${escalation.note}`,
    false,
  );
}

export async function resolveTicket(
  trx: Kysely<unknown>,
  access: ItServicesAccess,
  id: string,
  resolution: string,
): Promise<void> {
  access.assertManage();
  const ticket = await lockTicket(trx, access, id);
  if (ticket.status === 'resolved') throw itServicesError('ticket_resolved');
  const now = new Date();
  const resolved = await itServicesDb(trx)
    .updateTable('it_tickets')
    .set({
      status: 'resolved',
      resolved_at: now,
      resolution,
      responded_at: ticket.responded_at ?? now,
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await addEvent(trx, id, access.displayName, 'resolved', resolution, false);
  if (ticket.task_id) await completeTasks(trx, [ticket.task_id]);
  await mailReporter(trx, resolved, `${ticket.number} är åtgärdat`, [
    `Ditt ärende ${ticket.number} (${ticket.summary}) är åtgärdat.`,
    `Så här: ${resolution}`,
    'Svara i ärendet i Kärna om felet finns kvar, så öppnas det igen.',
  ]);
}

export async function listTickets(
  db: Kysely<unknown>,
  access: ItServicesAccess,
  query: {
    mine: 'true' | 'false';
    status?: TicketStatus | undefined;
    line?: number | undefined;
    breached?: 'response' | 'fix' | undefined;
    limit: number;
  },
): Promise<TicketSummary[]> {
  let select = itServicesDb(db).selectFrom('it_tickets').selectAll();
  if (query.mine === 'true' || !access.manages()) {
    if (!access.userId) return [];
    select = select.where('reporter_id', '=', access.userId);
  }
  if (query.status) select = select.where('status', '=', query.status);
  if (query.line) select = select.where('line', '=', query.line);
  if (query.breached === 'response') {
    select = select.where(sql<boolean>`coalesce(responded_at, now()) > response_due_at`);
  }
  if (query.breached === 'fix')
    select = select.where(sql<boolean>`coalesce(resolved_at, now()) > fix_due_at`);
  // Open tickets by deadline first (the desk's work queue); resolved ones after, newest first.
  const rows = await select
    .orderBy(sql`status = 'resolved'`)
    .orderBy(sql`case when status = 'resolved' then null else fix_due_at end`)
    .orderBy('reported_at', 'desc')
    .limit(query.limit)
    .execute();
  const names = await namesOf(db, rows);
  return rows.map((row) => presentSummary(access, row, names));
}

async function namesOf(db: Kysely<unknown>, rows: readonly TicketRow[]) {
  const serviceIds = [...new Set(rows.flatMap((row) => (row.service_id ? [row.service_id] : [])))];
  const services = serviceIds.length
    ? await itServicesDb(db)
        .selectFrom('it_services')
        .select(['id', 'name'])
        .where('id', 'in', serviceIds)
        .execute()
    : [];
  const systems = await systemFacts(
    db,
    rows.flatMap((row) => (row.system_id ? [row.system_id] : [])),
  );
  return {
    services: new Map(services.map((service) => [service.id, service.name])),
    systems: new Map([...systems].map(([id, system]) => [id, system.name])),
  };
}

function presentSummary(
  access: ItServicesAccess,
  row: TicketRow,
  names: { services: Map<string, string>; systems: Map<string, string> },
): TicketSummary {
  const now = Date.now();
  return {
    id: row.id,
    number: row.number,
    summary: row.summary,
    service: row.service_id ? { id: row.service_id, name: names.services.get(row.service_id) ?? '' } : null,
    system: row.system_id ? { id: row.system_id, name: names.systems.get(row.system_id) ?? '' } : null,
    reporter: row.reporter_name,
    impact: row.impact as ImpactLevel,
    urgency: row.urgency as ImpactLevel,
    priority: row.priority as TicketPriority,
    line: row.line as SupportLine,
    status: row.status as TicketStatus,
    assignee: row.assignee_name,
    tier: row.tier as TierCode,
    supportHours: row.support_hours,
    reportedAt: row.reported_at.toISOString(),
    responseDueAt: row.response_due_at.toISOString(),
    fixDueAt: row.fix_due_at.toISOString(),
    respondedAt: row.responded_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolution: row.resolution,
    responseBreached: (row.responded_at?.getTime() ?? now) > row.response_due_at.getTime(),
    fixBreached: (row.resolved_at?.getTime() ?? now) > row.fix_due_at.getTime(),
    canHandle: access.manages() && row.status !== 'resolved',
  };
}

export async function ticketView(db: Kysely<unknown>, access: ItServicesAccess, id: string): Promise<Ticket> {
  const row = await itServicesDb(db)
    .selectFrom('it_tickets')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !sees(access, row)) throw itServicesError('ticket_not_found');
  let events = itServicesDb(db).selectFrom('it_ticket_events').selectAll().where('ticket_id', '=', id);
  if (!access.manages()) events = events.where('internal', '=', false);
  const [names, eventRows] = await Promise.all([namesOf(db, [row]), events.orderBy('id').execute()]);
  return {
    ...presentSummary(access, row, names),
    description: row.description,
    events: eventRows.map((event) => ({
      at: event.at.toISOString(),
      by: event.by_name,
      kind: event.kind as Ticket['events'][number]['kind'],
      text: event.text,
      internal: event.internal,
    })),
  };
}

/** How the service levels were kept (N3): tickets reported in the year, per tier. */
export async function slaReport(db: Kysely<unknown>, year: number) {
  const rows = await itServicesDb(db)
    .selectFrom('it_tickets')
    .select([
      'tier',
      sql<number>`count(*)::int`.as('tickets'),
      sql<number>`count(*) filter (where resolved_at is not null)::int`.as('resolved'),
      sql<number>`count(*) filter (where responded_at is not null and responded_at <= response_due_at)::int`.as(
        'responded_in_time',
      ),
      sql<number>`count(*) filter (where resolved_at is not null and resolved_at <= fix_due_at)::int`.as(
        'fixed_in_time',
      ),
    ])
    .where(sql<boolean>`extract(year from reported_at at time zone 'Europe/Stockholm') = ${year}`)
    .groupBy('tier')
    .execute();
  const byTier = new Map(rows.map((row) => [row.tier, row]));
  const tiers: TierCode[] = ['gold', 'silver', 'bronze', 'copper'];
  return {
    year,
    tiers: tiers.map((tier) => {
      const row = byTier.get(tier);
      const tickets = row?.tickets ?? 0;
      return {
        tier,
        tickets,
        resolved: row?.resolved ?? 0,
        respondedInTime: row?.responded_in_time ?? 0,
        fixedInTime: row?.fixed_in_time ?? 0,
        responseRate: tickets ? (row?.responded_in_time ?? 0) / tickets : null,
        fixRate: tickets ? (row?.fixed_in_time ?? 0) / tickets : null,
      };
    }),
  };
}
