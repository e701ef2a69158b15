import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { swedishDate } from '@karna/contracts';
import type { Kysely } from 'kysely';
import { addWorkingDays } from '../../platform/calendar/index.ts';
import { enqueueJobsQuery } from '../../platform/jobs/index.ts';
import { renderReceiptDocument } from './cases.documents.ts';
import { caseKindById } from './cases.kinds.ts';
import { lockCase, PLATFORM_ACTOR, runProcess } from './cases.run.ts';
import { type CaseChannel, casesDb } from './cases.tables.ts';

/** The job that starts a registered case's process (and writes its receipt). */
export const START_PROCESS_JOB = 'cases.startProcess';

export interface NewAttachment {
  field: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Uint8Array;
}

export interface NewCase {
  /** The case's id when the caller needs it before the case exists (a submission records it first). */
  caseId?: string;
  /** The case kind: the published e-service version's id. */
  kindId: string;
  channel: CaseChannel;
  applicant: { userId: string | null; personId: string | null };
  /** The person the case is about when it is not the applicant (a child in custody). */
  concernsPersonId: string | null;
  data: Record<string, unknown>;
  notifyEmail: string | null;
  attachments: NewAttachment[];
  /** The submitter's name for the history (null for an anonymous submission). */
  actorName: string | null;
}

export interface RegisteredCase {
  caseId: string;
  registrationNumber: string;
  submittedAt: Date;
  expectedDecisionBy: string;
  /** Only for anonymous submissions: the tracking link's secret, given once. */
  trackingToken: string | null;
}

/** SHA-256 of a tracking token: only the hash is kept, so the table cannot be used to follow cases. */
export function trackingTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Registers cases in the caller's transaction (a group commit's: ADR 0007), in order: each numbered
 * in its series, its status and event recorded, attachments filed, and its process started by a job
 * queued in the same transaction — the process instance exists exactly when the case does, and the
 * engine's first steps run just after (ADR 0006), so a submission does not wait for them.
 *
 * Numbers come from the series' counter rows, which stay locked until the transaction ends:
 * concurrent registrations queue there, and a rollback gives the numbers back, so numbers are
 * gapless and unique on both backends (C4). That queue is the submit's bottleneck, so the whole
 * group takes its numbers in one statement and writes its cases, statuses, events and jobs in one
 * more, however many cases it holds.
 */
export async function registerCases(
  trx: Kysely<unknown>,
  newCases: readonly NewCase[],
): Promise<RegisteredCase[]> {
  if (newCases.length === 0) return [];
  const submittedAt = new Date();
  const today = swedishDate(submittedAt);
  const year = Number(today.slice(0, 4));
  const prepared = await Promise.all(newCases.map((newCase) => prepareCase(trx, newCase, today)));
  const numbers = await takeNumbers(
    trx,
    prepared.map((each) => each.kind.caseType.series),
    year,
  );
  const rows = prepared.map((each, index) => ({
    ...each,
    runningNumber: numbers[index] as number,
    registrationNumber: `${each.kind.caseType.series} ${year}/${numbers[index]}`,
  }));

  await casesDb(trx)
    .with('start_jobs', (db) =>
      enqueueJobsQuery(
        db as never,
        rows.map((row) => ({ kind: START_PROCESS_JOB, payload: { caseId: row.caseId } })),
      ),
    )
    .with('new_cases', (db) =>
      db
        .insertInto('cases')
        .values(
          rows.map((row) => ({
            id: row.caseId,
            registration_number: row.registrationNumber,
            series: row.kind.caseType.series,
            year,
            running_number: row.runningNumber,
            kind_id: row.kind.id,
            org_unit_id: row.kind.orgUnitId,
            channel: row.newCase.channel,
            status_code: row.initial.code,
            shared_status: row.initial.shared,
            applicant_user_id: row.newCase.applicant.userId,
            applicant_person_id: row.newCase.applicant.personId,
            concerns_person_id: row.newCase.concernsPersonId,
            tracking_token_hash: row.trackingToken ? trackingTokenHash(row.trackingToken) : null,
            notify_email: row.newCase.notifyEmail,
            data: JSON.stringify(row.newCase.data),
            submitted_at: submittedAt,
            due_date: row.dueDate,
          })),
        )
        .returning(['id', 'status_code', 'shared_status', 'submitted_at']),
    )
    // The statuses are inserted from the new cases' rows, which a sibling statement cannot read back
    // from the table (one snapshot for the whole statement).
    .with('first_statuses', (db) =>
      db
        .insertInto('case_status_changes')
        .columns(['case_id', 'status_code', 'shared_status', 'at'])
        .expression((eb) =>
          eb.selectFrom('new_cases').select(['id', 'status_code', 'shared_status', 'submitted_at']),
        ),
    )
    .with('registered_events', (db) =>
      db.insertInto('case_events').values(
        rows.map((row) => ({
          case_id: row.caseId,
          type: 'case.registered',
          actor_id: row.newCase.applicant.userId,
          actor_name: row.newCase.actorName,
          detail: JSON.stringify({ channel: row.newCase.channel }),
        })),
      ),
    )
    .selectFrom('new_cases')
    .select('new_cases.id')
    .execute();
  await fileAttachments(trx, rows);
  return rows.map((row) => ({
    caseId: row.caseId,
    registrationNumber: row.registrationNumber,
    submittedAt,
    expectedDecisionBy: row.dueDate,
    trackingToken: row.trackingToken,
  }));
}

/**
 * What a case needs before it is numbered: its kind, its first status, its due date from the
 * service promise (counted from `today`), its id and tracking token.
 */
async function prepareCase(trx: Kysely<unknown>, newCase: NewCase, today: string) {
  const kind = await caseKindById(trx, newCase.kindId);
  const initial = kind.caseType.statusTypes.find((type) => type.code === kind.caseType.initialStatus);
  if (!initial) throw new Error(`case kind ${kind.id} has no initial status ${kind.caseType.initialStatus}`);
  return {
    newCase,
    kind,
    initial,
    dueDate: addWorkingDays(today, kind.promiseWorkingDays),
    caseId: newCase.caseId ?? randomUUID(),
    trackingToken: newCase.channel === 'anonymous' ? randomBytes(24).toString('base64url') : null,
  };
}

/**
 * Takes the next running numbers for cases in the given series (one per case, in order) in one
 * statement, counting each series up by its cases. The counters are written in a fixed order, so
 * two transactions that number in the same series lock their rows in the same order.
 */
async function takeNumbers(trx: Kysely<unknown>, seriesOfEach: readonly string[], year: number) {
  const counts = new Map<string, number>();
  for (const series of seriesOfEach) counts.set(series, (counts.get(series) ?? 0) + 1);
  const taken = await casesDb(trx)
    .insertInto('case_number_series')
    .values(
      [...counts]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([series, count]) => ({ series, year, last_number: count })),
    )
    .onConflict((conflict) =>
      conflict.columns(['series', 'year']).doUpdateSet((eb) => ({
        last_number: eb('case_number_series.last_number', '+', eb.ref('excluded.last_number')),
        updated_at: new Date(),
      })),
    )
    .returning(['series', 'last_number'])
    .execute();
  // Each series' block ends at its new last number; its cases take the block's numbers in order.
  const next = new Map(taken.map((row) => [row.series, row.last_number - (counts.get(row.series) ?? 0) + 1]));
  return seriesOfEach.map((series) => {
    const number = next.get(series) as number;
    next.set(series, number + 1);
    return number;
  });
}

async function fileAttachments(
  trx: Kysely<unknown>,
  rows: readonly { caseId: string; newCase: NewCase }[],
): Promise<void> {
  const documents = rows.flatMap((row) =>
    row.newCase.attachments.map((attachment) => ({
      case_id: row.caseId,
      kind: 'attachment' as const,
      field: attachment.field,
      file_name: attachment.fileName,
      media_type: attachment.mediaType,
      size: attachment.size,
      sha256: attachment.sha256,
      content: attachment.content,
    })),
  );
  if (documents.length > 0) await casesDb(trx).insertInto('case_documents').values(documents).execute();
}

/** What a registration told its submitter (without the tracking token, which is given only once). */
export async function registrationOf(
  db: Kysely<unknown>,
  caseId: string,
): Promise<Omit<RegisteredCase, 'trackingToken'> | undefined> {
  const row = await casesDb(db)
    .selectFrom('cases')
    .select(['id', 'registration_number', 'submitted_at', 'due_date'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  return (
    row && {
      caseId: row.id,
      registrationNumber: row.registration_number,
      submittedAt: row.submitted_at,
      expectedDecisionBy: row.due_date,
    }
  );
}

/**
 * The job that starts a case's process: writes the receipt (PDF/A) and runs the process to its
 * first user task. Safe to repeat: a case whose process has started is left alone.
 */
export async function startCaseProcess(db: Kysely<unknown>, caseId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId);
    if (row?.process_status !== 'starting') return;
    const kind = await caseKindById(trx, row.kind_id);
    const attachments = await casesDb(trx)
      .selectFrom('case_documents')
      .select('file_name')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'attachment')
      .execute();
    const receipt = await renderReceiptDocument({
      registrationNumber: row.registration_number,
      serviceTitle: kind.serviceTitle,
      submittedAt: row.submitted_at,
      expectedDecisionBy: row.due_date,
      promise: null,
      attachments: attachments.map((attachment) => attachment.file_name),
    });
    await casesDb(trx)
      .insertInto('case_documents')
      .values({
        case_id: caseId,
        kind: 'receipt',
        field: null,
        file_name: `kvitto-${row.registration_number.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`,
        media_type: 'application/pdf',
        size: receipt.bytes.length,
        sha256: receipt.sha256,
        content: receipt.bytes,
        secret: row.secret,
      })
      .execute();
    await runProcess(trx, row, { kind: 'start' }, PLATFORM_ACTOR);
  });
}
