import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { swedishDate } from '@karna/contracts';
import { type Kysely, sql } from 'kysely';
import { addWorkingDays } from '../../platform/calendar/index.ts';
import { enqueueJobQuery } from '../../platform/jobs/index.ts';
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
 * Registers a case in the caller's transaction: numbered in its series, its status and event
 * recorded, attachments filed, and its process started by a job queued in the same transaction —
 * the process instance exists exactly when the case does, and the engine's first steps run just
 * after (ADR 0006), so a submission does not wait for them.
 *
 * The number comes from the series' counter row, which stays locked until the transaction ends:
 * concurrent registrations queue there, and a rollback gives the number back, so numbers are
 * gapless and unique on both backends (C4). That queue is the submit's bottleneck, so the number
 * is taken in one statement with the rows that need it (the case, its first status, its event and
 * the job that starts its process): one round trip instead of five.
 */
export async function registerCase(trx: Kysely<unknown>, newCase: NewCase): Promise<RegisteredCase> {
  const kind = await caseKindById(trx, newCase.kindId);
  const submittedAt = new Date();
  const today = swedishDate(submittedAt);
  const year = Number(today.slice(0, 4));
  const expectedDecisionBy = addWorkingDays(today, kind.promiseWorkingDays);
  const initial = kind.caseType.statusTypes.find((type) => type.code === kind.caseType.initialStatus);
  if (!initial) throw new Error(`case kind ${kind.id} has no initial status ${kind.caseType.initialStatus}`);
  const trackingToken = newCase.channel === 'anonymous' ? randomBytes(24).toString('base64url') : null;
  const series = kind.caseType.series;
  const caseId = newCase.caseId ?? randomUUID();

  const numbered = await casesDb(trx)
    .with('start_job', (db) => enqueueJobQuery(db as never, { kind: START_PROCESS_JOB, payload: { caseId } }))
    .with('number', (db) =>
      db
        .insertInto('case_number_series')
        .values({ series, year, last_number: 1 })
        .onConflict((conflict) =>
          conflict.columns(['series', 'year']).doUpdateSet(() => ({
            last_number: (eb) => eb('case_number_series.last_number', '+', 1),
            updated_at: submittedAt,
          })),
        )
        .returning('last_number'),
    )
    .with('new_case', (db) =>
      db
        .insertInto('cases')
        .columns([
          'id',
          'registration_number',
          'series',
          'year',
          'running_number',
          'kind_id',
          'org_unit_id',
          'channel',
          'status_code',
          'shared_status',
          'applicant_user_id',
          'applicant_person_id',
          'concerns_person_id',
          'tracking_token_hash',
          'notify_email',
          'data',
          'submitted_at',
          'due_date',
        ])
        .expression((eb) =>
          eb
            .selectFrom('number')
            .select([
              eb.val(caseId).as('id'),
              sql<string>`${`${series} ${year}/`}::text || number.last_number`.as('registration_number'),
              eb.val(series).as('series'),
              eb.val(year).as('year'),
              'number.last_number',
              eb.val(kind.id).as('kind_id'),
              eb.val(kind.orgUnitId).as('org_unit_id'),
              eb.val(newCase.channel).as('channel'),
              eb.val(initial.code).as('status_code'),
              eb.val(initial.shared).as('shared_status'),
              eb.val(newCase.applicant.userId).as('applicant_user_id'),
              eb.val(newCase.applicant.personId).as('applicant_person_id'),
              eb.val(newCase.concernsPersonId).as('concerns_person_id'),
              eb.val(trackingToken ? trackingTokenHash(trackingToken) : null).as('tracking_token_hash'),
              eb.val(newCase.notifyEmail).as('notify_email'),
              sql`${JSON.stringify(newCase.data)}::jsonb`.as('data'),
              eb.val(submittedAt).as('submitted_at'),
              sql`${expectedDecisionBy}::date`.as('due_date'),
            ]),
        )
        .returning(['id', 'registration_number']),
    )
    .with('first_status', (db) =>
      db
        .insertInto('case_status_changes')
        .columns(['case_id', 'status_code', 'shared_status', 'at'])
        .expression((eb) =>
          eb
            .selectFrom('new_case')
            .select([
              'new_case.id',
              eb.val(initial.code).as('status_code'),
              eb.val(initial.shared).as('shared_status'),
              eb.val(submittedAt).as('at'),
            ]),
        ),
    )
    .with('registered_event', (db) =>
      db
        .insertInto('case_events')
        .columns(['case_id', 'type', 'actor_id', 'actor_name', 'detail'])
        .expression((eb) =>
          eb
            .selectFrom('new_case')
            .select([
              'new_case.id',
              eb.val('case.registered').as('type'),
              eb.val(newCase.applicant.userId).as('actor_id'),
              eb.val(newCase.actorName).as('actor_name'),
              sql`${JSON.stringify({ channel: newCase.channel })}::jsonb`.as('detail'),
            ]),
        ),
    )
    .selectFrom('new_case')
    .select('new_case.registration_number')
    .executeTakeFirstOrThrow();
  if (newCase.attachments.length > 0) {
    await casesDb(trx)
      .insertInto('case_documents')
      .values(
        newCase.attachments.map((attachment) => ({
          case_id: caseId,
          kind: 'attachment' as const,
          field: attachment.field,
          file_name: attachment.fileName,
          media_type: attachment.mediaType,
          size: attachment.size,
          sha256: attachment.sha256,
          content: attachment.content,
        })),
      )
      .execute();
  }
  return {
    caseId,
    registrationNumber: numbered.registration_number,
    submittedAt,
    expectedDecisionBy,
    trackingToken,
  };
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
