import {
  type CaseDocument,
  type CaseStatus,
  type CaseView,
  type Decision,
  type InboxItem,
  type InboxQuery,
  type InboxResponse,
  type MyCase,
  type MyCaseDetail,
  maskPersonalNumber,
  type StatusChange,
  swedishDate,
  type TrackedCase,
} from '@karna/contracts';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../platform/http/access.ts';
import { can, findOrgUnitNames, findUserNames } from '../identity/index.ts';
import { findPartyPersons } from '../registry/index.ts';
import { type CaseKind, caseKindById, mustBeDoneByAnother } from './cases.kinds.ts';
import { atRiskLimit } from './cases.lead-times.ts';
import type { LockedCase } from './cases.run.ts';
import { casesDb } from './cases.tables.ts';

/**
 * Reading cases: the officer's case view in one answer, the unit inbox, the applicant's cases on
 * Mina sidor and the anonymous tracking page. Each reader is shown only what is theirs to see.
 */

type CaseRow = LockedCase;

function statusOf(kind: CaseKind, code: string): CaseStatus {
  const type = kind.caseType.statusTypes.find((candidate) => candidate.code === code);
  return type
    ? { code, label: type.label, shared: type.shared }
    : { code, label: { sv: code, en: code }, shared: 'in_progress' };
}

async function statusHistory(db: Kysely<unknown>, kind: CaseKind, caseId: string): Promise<StatusChange[]> {
  const rows = await casesDb(db)
    .selectFrom('case_status_changes')
    .select(['status_code', 'at'])
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ ...statusOf(kind, row.status_code), at: row.at.toISOString() }));
}

/** A case's documents without their content; secret ones only for readers who may see them. */
async function documentsOf(
  db: Kysely<unknown>,
  caseId: string,
  withSecret: boolean,
): Promise<CaseDocument[]> {
  let query = casesDb(db)
    .selectFrom('case_documents')
    .select(['id', 'kind', 'file_name', 'media_type', 'size', 'sha256', 'secret', 'created_at'])
    .where('case_id', '=', caseId);
  if (!withSecret) query = query.where('secret', '=', false);
  const rows = await query.orderBy('created_at').execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    secret: row.secret,
    createdAt: row.created_at.toISOString(),
  }));
}

async function decisionOf(db: Kysely<unknown>, kind: CaseKind, caseId: string): Promise<Decision | null> {
  const row = await casesDb(db)
    .selectFrom('case_decisions')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  const outcome = kind.caseType.outcomeTypes.find((type) => type.code === row.outcome);
  return {
    outcome: row.outcome,
    outcomeLabel: outcome?.label ?? { sv: row.outcome, en: row.outcome },
    justification: row.justification,
    appealInformation: row.appeal_information,
    decidedAt: row.decided_at.toISOString(),
    decidedBy: row.decided_by_name,
    automatic: row.automatic,
    documentId: row.document_id,
  };
}

export async function findCase(db: Kysely<unknown>, caseId: string): Promise<CaseRow | undefined> {
  return casesDb(db).selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
}

/** What an officer may do with a case; reading needs `cases.read` in its unit, a secret case `cases.readSecret`. */
export function officerAccess(actor: Actor, row: Pick<CaseRow, 'secret'>, orgUnitPath: string) {
  const read =
    can(actor, 'cases.read', orgUnitPath) && (!row.secret || can(actor, 'cases.readSecret', orgUnitPath));
  return {
    /** The officer, for the tasks kept apart from ones they completed (separation of duties). */
    userId: actor.type === 'staff' ? actor.userId : null,
    read,
    handle: read && can(actor, 'cases.handle', orgUnitPath),
    markSecret: can(actor, 'cases.readSecret', orgUnitPath),
    readSecretDocuments: can(actor, 'cases.readSecret', orgUnitPath),
  };
}
export type OfficerAccess = ReturnType<typeof officerAccess>;

/** The whole case screen in one answer (C1). */
export async function caseView(db: Kysely<unknown>, row: CaseRow, access: OfficerAccess): Promise<CaseView> {
  const kind = await caseKindById(db, row.kind_id);
  const [history, documents, notes, events, tasks, decision] = await Promise.all([
    statusHistory(db, kind, row.id),
    documentsOf(db, row.id, access.readSecretDocuments),
    casesDb(db)
      .selectFrom('case_notes')
      .selectAll()
      .where('case_id', '=', row.id)
      .orderBy('created_at', 'desc')
      .execute(),
    casesDb(db)
      .selectFrom('case_events')
      .selectAll()
      .where('case_id', '=', row.id)
      .orderBy('at')
      .orderBy('created_at')
      .execute(),
    casesDb(db)
      .selectFrom('case_user_tasks')
      .selectAll()
      .where('case_id', '=', row.id)
      .orderBy('created_at')
      .execute(),
    decisionOf(db, kind, row.id),
  ]);
  const personIds = [row.applicant_person_id, row.concerns_person_id].filter(
    (id): id is string => id !== null,
  );
  const userIds = [row.assignee_id, ...tasks.map((task) => task.completed_by)].filter(
    (id): id is string => id !== null,
  );
  const [persons, userNames, unitNames] = await Promise.all([
    findPartyPersons(db, personIds),
    findUserNames(db, userIds),
    findOrgUnitNames(db, [row.org_unit_id]),
  ]);
  const party = (role: 'applicant' | 'concerns', id: string | null) => {
    const person = persons.find((candidate) => candidate.id === id);
    if (!person) return [];
    return [
      {
        role,
        personId: person.id,
        name: `${person.givenName} ${person.familyName}`,
        personalNumberMasked: maskPersonalNumber(person.personalNumber),
        protected: person.protected,
      },
    ];
  };
  const today = swedishDate();
  return {
    id: row.id,
    registrationNumber: row.registration_number,
    service: { slug: kind.serviceSlug, title: kind.serviceTitle, version: kind.version },
    orgUnitId: row.org_unit_id,
    orgUnitName: unitNames.get(row.org_unit_id) ?? '',
    channel: row.channel,
    status: statusOf(kind, row.status_code),
    statusHistory: history,
    secret: row.secret,
    submittedAt: row.submitted_at.toISOString(),
    dueDate: row.due_date,
    overdue: isOverdue(row, today),
    atRisk: isAtRisk(row, today),
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_id ? (userNames.get(row.assignee_id) ?? null) : null,
    parties: [...party('applicant', row.applicant_person_id), ...party('concerns', row.concerns_person_id)],
    data: row.data as Record<string, unknown>,
    documents,
    notes: notes.map((note) => ({
      id: note.id,
      text: note.text,
      author: note.author_name,
      at: note.created_at.toISOString(),
    })),
    history: events.map((event) => ({
      at: event.at.toISOString(),
      action: event.type,
      actor: event.actor_name,
      detail: event.detail,
    })),
    process: {
      state: row.process_status,
      tasks: tasks.map((task) => {
        const definition = kind.process.userTasks[task.element_id];
        return {
          id: task.id,
          elementId: task.element_id,
          kind: task.kind,
          title: definition?.title ?? { sv: task.element_id, en: task.element_id },
          status: task.status,
          assigneeId: row.assignee_id,
          assigneeName: row.assignee_id ? (userNames.get(row.assignee_id) ?? null) : null,
          form: definition?.form ? { schema: definition.form.schema, fields: definition.form.fields } : null,
          completedAt: task.completed_at?.toISOString() ?? null,
          needsAnotherPerson:
            task.status === 'open' && mustBeDoneByAnother(kind, task.element_id, tasks, access.userId),
        };
      }),
      bpmnXml: kind.process.bpmnXml,
      activeElementIds: row.active_elements,
    },
    decision,
    outcomeTypes: kind.caseType.outcomeTypes.map((type) => ({ code: type.code, label: type.label })),
    can: {
      assign: access.handle && !row.closed_at,
      handle: access.handle && !row.closed_at,
      markSecret: access.markSecret,
    },
  };
}

function isOverdue(row: Pick<CaseRow, 'due_date' | 'decided_at' | 'closed_at'>, today: string): boolean {
  return !row.decided_at && !row.closed_at && row.due_date < today;
}

function isAtRisk(row: Pick<CaseRow, 'due_date' | 'decided_at' | 'closed_at'>, today: string): boolean {
  return !row.decided_at && !row.closed_at && row.due_date >= today && row.due_date <= atRiskLimit(today);
}

/** A keyset cursor: the sort key's value and the id of the last row of the page. */
function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}
function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string')) {
      return parsed as [string, string];
    }
  } catch {
    // An unreadable cursor starts from the beginning, as the contract's `after` is only a hint.
  }
  return undefined;
}

const SORTS = {
  dueDate: { column: 'due_date', direction: 'asc' },
  '-dueDate': { column: 'due_date', direction: 'desc' },
  submittedAt: { column: 'submitted_at', direction: 'asc' },
  '-submittedAt': { column: 'submitted_at', direction: 'desc' },
  registrationNumber: { column: 'registration_number', direction: 'asc' },
} as const;

/**
 * The expression a sort orders by. The registration number is ordered by its bytes (`collate "C"`,
 * which its index `cases_inbox_number_idx` is built on) rather than the column as it is: otherwise
 * PostgreSQL walks the table-wide unique index in number order and filters out every other unit's
 * cases, because it cannot know that one unit's numbers (its own series) all come after another's
 * (bench/case-inbox.ts: 0.5–1.3 s a page over 1M cases). Numbers are ASCII but for the series'
 * letters, so the order is the same.
 */
function sortKey(column: (typeof SORTS)[keyof typeof SORTS]['column']) {
  return column === 'registration_number'
    ? sql<string>`cases.registration_number collate "C"`
    : sql.ref(`cases.${column}`);
}

/**
 * A unit inbox page (C1): the open cases of the units where the officer may read cases (secret
 * ones only with the secrecy permission there), filtered, sorted and paged by keyset.
 */
export async function inbox(
  db: Kysely<unknown>,
  actor: Actor & { userId: string },
  units: Array<{ id: string; path: string }>,
  query: InboxQuery,
): Promise<InboxResponse> {
  const readable = units.filter((unit) => can(actor, 'cases.read', unit.path));
  const ids = (query.orgUnitId ? readable.filter((unit) => unit.id === query.orgUnitId) : readable).map(
    (unit) => unit.id,
  );
  if (ids.length === 0) return { items: [], next: null };
  const secretIds = readable
    .filter((unit) => can(actor, 'cases.readSecret', unit.path))
    .map((unit) => unit.id);
  const sort = SORTS[query.sort];
  const today = swedishDate();
  let select = casesDb(db)
    .selectFrom('cases')
    .innerJoin('case_kinds', 'case_kinds.id', 'cases.kind_id')
    .select([
      'cases.id',
      'cases.registration_number',
      'cases.kind_id',
      'cases.status_code',
      'cases.org_unit_id',
      'cases.assignee_id',
      'cases.submitted_at',
      'cases.due_date',
      'cases.decided_at',
      'cases.closed_at',
      'cases.secret',
      'cases.active_elements',
    ])
    .where('cases.org_unit_id', 'in', ids)
    .where((where) =>
      secretIds.length > 0
        ? where.or([where('cases.secret', '=', false), where('cases.org_unit_id', 'in', secretIds)])
        : where('cases.secret', '=', false),
    );
  select =
    query.status === 'closed'
      ? select.where('cases.closed_at', 'is not', null)
      : select.where('cases.closed_at', 'is', null);
  if (query.status) select = select.where('cases.shared_status', '=', query.status);
  if (query.service) select = select.where('case_kinds.service_slug', '=', query.service);
  if (query.assigned === 'me') select = select.where('cases.assignee_id', '=', actor.userId);
  if (query.assigned === 'unassigned') select = select.where('cases.assignee_id', 'is', null);
  if (query.overdue === 'true') {
    select = select.where('cases.due_date', '<', today).where('cases.decided_at', 'is', null);
  }
  if (query.overdue === 'false') select = select.where('cases.due_date', '>=', today);
  if (query.atRisk === 'true') {
    select = select
      .where('cases.due_date', '>=', today)
      .where('cases.due_date', '<=', atRiskLimit(today))
      .where('cases.decided_at', 'is', null);
  }
  const cursor = query.after ? decodeCursor(query.after) : undefined;
  const key = sortKey(sort.column);
  if (cursor) {
    const [value, id] = cursor;
    const typed = sort.column === 'submitted_at' ? new Date(value) : value;
    select = select.where((where) =>
      where(sql`(${key}, cases.id)`, sort.direction === 'asc' ? '>' : '<', sql`(${typed}, ${id}::uuid)`),
    );
  }
  const rows = await select
    .orderBy(key, sort.direction)
    .orderBy('cases.id', sort.direction)
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const [names, kinds] = await Promise.all([
    findUserNames(
      db,
      page.map((row) => row.assignee_id).filter((id): id is string => id !== null),
    ),
    Promise.all([...new Set(page.map((row) => row.kind_id))].map((id) => caseKindById(db, id))),
  ]);
  const kindById = new Map(kinds.map((kind) => [kind.id, kind]));
  const items: InboxItem[] = page.map((row) => {
    const kind = kindById.get(row.kind_id) as CaseKind;
    const step = row.active_elements[0];
    return {
      id: row.id,
      registrationNumber: row.registration_number,
      serviceSlug: kind.serviceSlug,
      serviceTitle: kind.serviceTitle,
      status: statusOf(kind, row.status_code),
      orgUnitId: row.org_unit_id,
      assigneeId: row.assignee_id,
      assigneeName: row.assignee_id ? (names.get(row.assignee_id) ?? null) : null,
      submittedAt: row.submitted_at.toISOString(),
      dueDate: row.due_date,
      overdue: isOverdue(row, today),
      atRisk: isAtRisk(row, today),
      secret: row.secret,
      currentStep: step ? (kind.process.userTasks[step]?.title ?? null) : null,
    };
  });
  const last = page.at(-1);
  const lastValue =
    last && sort.column === 'submitted_at'
      ? last.submitted_at.toISOString()
      : last?.[sort.column === 'due_date' ? 'due_date' : 'registration_number'];
  return {
    items,
    next: rows.length > query.limit && last && lastValue ? encodeCursor(String(lastValue), last.id) : null,
  };
}

/** The applicant's cases and those about the children in their custody today (B5). */
export async function myCases(
  db: Kysely<unknown>,
  selfId: string,
  childIds: string[],
): Promise<Array<{ row: CaseRow; item: MyCase }>> {
  const rows = await casesDb(db)
    .selectFrom('cases')
    .selectAll()
    .where((where) =>
      where.or([
        where('applicant_person_id', '=', selfId),
        ...(childIds.length > 0 ? [where('concerns_person_id', 'in', childIds)] : []),
      ]),
    )
    .orderBy('submitted_at', 'desc')
    .limit(500)
    .execute();
  const persons = await findPartyPersons(
    db,
    rows.map((row) => row.concerns_person_id).filter((id): id is string => id !== null),
  );
  return Promise.all(
    rows.map(async (row) => {
      const kind = await caseKindById(db, row.kind_id);
      const concerns = persons.find((person) => person.id === row.concerns_person_id);
      return {
        row,
        item: {
          id: row.id,
          registrationNumber: row.registration_number,
          serviceTitle: kind.serviceTitle,
          concerns: concerns && !concerns.protected ? concerns.givenName : null,
          status: statusOf(kind, row.status_code),
          submittedAt: row.submitted_at.toISOString(),
          expectedDecisionBy: row.due_date,
          closedAt: row.closed_at?.toISOString() ?? null,
        },
      };
    }),
  );
}

/** One of the applicant's cases with its history, documents and decision (never internal notes). */
export async function myCaseDetail(db: Kysely<unknown>, row: CaseRow, item: MyCase): Promise<MyCaseDetail> {
  const kind = await caseKindById(db, row.kind_id);
  const [history, documents, decision] = await Promise.all([
    statusHistory(db, kind, row.id),
    documentsOf(db, row.id, false),
    decisionOf(db, kind, row.id),
  ]);
  return {
    ...item,
    statusHistory: history,
    documents: documents.filter((document) => document.kind !== 'internal'),
    decision,
    data: row.data as Record<string, unknown>,
  };
}

/** What the tracking link shows: status and decision outcome only, nothing about anyone. */
export async function trackedCase(db: Kysely<unknown>, row: CaseRow): Promise<TrackedCase> {
  const kind = await caseKindById(db, row.kind_id);
  const [history, decision, documents] = await Promise.all([
    statusHistory(db, kind, row.id),
    decisionOf(db, kind, row.id),
    casesDb(db)
      .selectFrom('case_documents')
      .select(['kind', 'file_name'])
      .where('case_id', '=', row.id)
      .where('kind', 'in', ['receipt', 'decision'])
      .where('secret', '=', false)
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    registrationNumber: row.registration_number,
    serviceTitle: kind.serviceTitle,
    status: statusOf(kind, row.status_code),
    statusHistory: history,
    submittedAt: row.submitted_at.toISOString(),
    expectedDecisionBy: row.due_date,
    decision: decision ? { outcomeLabel: decision.outcomeLabel, decidedAt: decision.decidedAt } : null,
    documents: documents.map((document) => ({
      kind: document.kind as 'receipt' | 'decision',
      fileName: document.file_name,
    })),
  };
}

/** The newest document of a kind that the tracking link gives (never a secret one). */
export async function findTrackedDocument(db: Kysely<unknown>, caseId: string, kind: 'receipt' | 'decision') {
  return casesDb(db)
    .selectFrom('case_documents')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('secret', '=', false)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A document's bytes, when it belongs to the case. */
export async function findDocument(db: Kysely<unknown>, caseId: string, documentId: string) {
  return casesDb(db)
    .selectFrom('case_documents')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}

/** A person's open cases for the registry's person overview: as applicant or as the one concerned. */
export async function openCasesOf(db: Kysely<unknown>, personId: string) {
  const rows = await casesDb(db)
    .selectFrom('cases')
    .select(['id', 'registration_number', 'kind_id'])
    .where((where) =>
      where.or([where('applicant_person_id', '=', personId), where('concerns_person_id', '=', personId)]),
    )
    // The overview is for anyone who may look people up: secret cases are not named there.
    .where('secret', '=', false)
    .where('closed_at', 'is', null)
    .orderBy('submitted_at', 'desc')
    .limit(50)
    .execute();
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      reference: row.registration_number,
      title: (await caseKindById(db, row.kind_id)).serviceTitle.sv,
    })),
  );
}
