import { type Kysely, sql } from 'kysely';
import { casesModule, registerCases, startCaseProcess } from '../src/modules/cases/index.ts';
import { type JobHandler, JobRunner } from '../src/platform/jobs/index.ts';
import type { TestServer } from './test-server.ts';

/**
 * Cases made straight in the database for tests that need one to exist (the authorisation matrix,
 * the fuzz test): registered as a submission would be, its process started as the job would.
 */

export async function publishedVersionId(db: Kysely<unknown>, slug: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    select v.id from service_versions v join service_definitions d on d.id = v.service_id
    where d.slug = ${slug} and v.status = 'published'`.execute(db);
  const id = rows[0]?.id;
  if (!id) throw new Error(`no published e-service ${slug}`);
  return id;
}

export interface CaseFixture {
  caseId: string;
  /** The receipt, a document every started case has. */
  documentId: string;
  /** The first user task waiting for an officer. */
  taskId: string;
  trackingToken: string | null;
}

export async function insertCase(
  db: Kysely<unknown>,
  options: {
    slug: string;
    applicantPersonId: string | null;
    data: Record<string, unknown>;
    anonymous?: boolean;
  },
): Promise<CaseFixture> {
  const kindId = await publishedVersionId(db, options.slug);
  const [registered] = await db.transaction().execute((trx) =>
    registerCases(trx, [
      {
        kindId,
        channel: options.anonymous ? 'anonymous' : 'web',
        applicant: { userId: null, personId: options.applicantPersonId },
        concernsPersonId: null,
        data: options.data,
        notifyEmail: null,
        attachments: [],
        actorName: null,
      },
    ]),
  );
  if (!registered) throw new Error('registerCases answered nothing');
  await startCaseProcess(db, registered.caseId);
  const { rows: documents } = await sql<{ id: string }>`
    select id from case_documents where case_id = ${registered.caseId} and kind = 'receipt'`.execute(db);
  const { rows: tasks } = await sql<{ id: string }>`
    select id from case_user_tasks where case_id = ${registered.caseId} and status = 'open'`.execute(db);
  return {
    caseId: registered.caseId,
    documentId: documents[0]?.id ?? '',
    taskId: tasks[0]?.id ?? '',
    trackingToken: registered.trackingToken,
  };
}

/** A building-permit application (Bygglovsenheten, inside Byggnadsnämnden) as its process left it. */
export function insertBuildingPermitCase(db: Kysely<unknown>, applicantPersonId: string | null) {
  return insertCase(db, {
    slug: 'bygglov',
    applicantPersonId,
    data: { description: 'Ett uterum på 15 kvadratmeter mot trädgården.' },
  });
}

/** A published e-service's definition as stored, to publish again (as a new version). */
export async function publishedDefinition(
  db: Kysely<unknown>,
  slug: string,
): Promise<Record<string, unknown>> {
  const { rows } = await sql<{ definition: Record<string, unknown> }>`
    select v.definition from service_versions v join service_definitions d on d.id = v.service_id
    where d.slug = ${slug} and v.status = 'published'`.execute(db);
  if (!rows[0]) throw new Error(`no published e-service ${slug}`);
  return rows[0].definition;
}

const silentLog = { info() {}, warn() {}, error() {}, debug() {} } as never;

/**
 * Runs the due jobs of the cases module (process starts with their receipts) as the server's
 * runner would, once; `others` handle jobs of other kinds (a test that does not send mail).
 */
export async function runCaseJobs(server: TestServer, others: Record<string, JobHandler> = {}) {
  const { db } = server.database;
  const handlers = casesModule.jobHandlers?.({ db, config: server.config, audit: undefined as never }) ?? {};
  await new JobRunner({ db, handlers: { ...handlers, ...others }, log: silentLog }).runDue();
}
