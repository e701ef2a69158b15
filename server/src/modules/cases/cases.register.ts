import { createHash, randomBytes } from 'node:crypto';
import { swedishDate } from '@karna/contracts';
import type { Kysely } from 'kysely';
import { addWorkingDays } from '../../platform/calendar/index.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { renderReceiptDocument } from './cases.documents.ts';
import { caseKindById } from './cases.kinds.ts';
import { lockCase, PLATFORM_ACTOR, recordEvent, runProcess } from './cases.run.ts';
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
 * Takes the series' next number for the year. The row stays locked until the transaction ends,
 * so concurrent registrations queue here, and a rollback gives the number back: numbers are
 * gapless and unique on both backends (C4). Taken as late as possible to keep that queue short.
 */
async function nextRunningNumber(trx: Kysely<unknown>, series: string, year: number): Promise<number> {
  const row = await casesDb(trx)
    .insertInto('case_number_series')
    .values({ series, year, last_number: 1 })
    .onConflict((conflict) =>
      conflict.columns(['series', 'year']).doUpdateSet(() => ({
        last_number: (eb) => eb('case_number_series.last_number', '+', 1),
        updated_at: new Date(),
      })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/**
 * Registers a case in the caller's transaction: numbered in its series, its status and event
 * recorded, attachments filed, and its process started by a job queued in the same transaction —
 * the process instance exists exactly when the case does, and the engine's first steps run just
 * after (ADR 0006), so a submission does not wait for them.
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

  const runningNumber = await nextRunningNumber(trx, series, year);
  const registrationNumber = `${series} ${year}/${runningNumber}`;
  const { id: caseId } = await casesDb(trx)
    .insertInto('cases')
    .values({
      registration_number: registrationNumber,
      series,
      year,
      running_number: runningNumber,
      kind_id: kind.id,
      org_unit_id: kind.orgUnitId,
      channel: newCase.channel,
      status_code: initial.code,
      shared_status: initial.shared,
      secrecy_ground: null,
      applicant_user_id: newCase.applicant.userId,
      applicant_person_id: newCase.applicant.personId,
      concerns_person_id: newCase.concernsPersonId,
      tracking_token_hash: trackingToken ? trackingTokenHash(trackingToken) : null,
      notify_email: newCase.notifyEmail,
      data: JSON.stringify(newCase.data),
      submitted_at: submittedAt,
      due_date: expectedDecisionBy,
      assignee_id: null,
      decided_at: null,
      closed_at: null,
      process_state: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await casesDb(trx)
    .insertInto('case_status_changes')
    .values({ case_id: caseId, status_code: initial.code, shared_status: initial.shared, at: submittedAt })
    .execute();
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
  await recordEvent(
    trx,
    caseId,
    'case.registered',
    { id: newCase.applicant.userId, name: newCase.actorName },
    {
      channel: newCase.channel,
    },
  );
  await enqueueJob(trx, { kind: START_PROCESS_JOB, payload: { caseId } });
  return { caseId, registrationNumber, submittedAt, expectedDecisionBy, trackingToken };
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
