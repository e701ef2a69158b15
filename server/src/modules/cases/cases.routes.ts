import {
  AssigneeListResponse,
  AssignRequest,
  CaseDocumentParams,
  CaseIdParams,
  CaseTaskParams,
  CaseView,
  CloseRequest,
  CompleteTaskRequest,
  DecideRequest,
  DocumentSecrecyRequest,
  InboxQuery,
  InboxResponse,
  LeadTimeQuery,
  LeadTimeResponse,
  NoteRequest,
  SecrecyRequest,
  TrackedCase,
  TrackedDocumentRequest,
  TrackingRequest,
} from '@karna/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/http/access.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { findOrgUnits, findStaffAbleTo, identityDb } from '../identity/index.ts';
import * as commands from './cases.commands.ts';
import { casesError } from './cases.errors.ts';
import { leadTimes } from './cases.lead-times.ts';
import { trackingTokenHash } from './cases.register.ts';
import type { CaseActor, LockedCase } from './cases.run.ts';
import { lockCase } from './cases.run.ts';
import { casesDb } from './cases.tables.ts';
import {
  caseView,
  findCase,
  findDocument,
  findTrackedDocument,
  inbox,
  officerAccess,
  trackedCase,
} from './cases.views.ts';

type StaffActor = Actor & { userId: string; displayName: string };

function staffOf(request: FastifyRequest): StaffActor {
  if (request.actor.type !== 'staff') throw casesError('case_not_found');
  return request.actor as StaffActor;
}

function caseActorOf(actor: StaffActor): Required<CaseActor> {
  return { id: actor.userId, name: actor.displayName };
}

async function unitPath(db: Kysely<unknown>, orgUnitId: string): Promise<string> {
  const units = await findOrgUnits(identityDb(db));
  return units.find((unit) => unit.id === orgUnitId)?.path ?? '/';
}

/**
 * The officers a case may be given to: those who may handle cases in its unit, and for a secret
 * case only those who may also read secret cases there (else they would hold a case they cannot see).
 */
async function eligibleAssignees(db: Kysely<unknown>, row: { org_unit_id: string; secret: boolean }) {
  const needed = row.secret ? (['cases.handle', 'cases.readSecret'] as const) : (['cases.handle'] as const);
  return findStaffAbleTo(db, needed, await unitPath(db, row.org_unit_id));
}

/**
 * A case the officer may read; anything else (no such case, another unit's, secret without the
 * permission) is answered as not found, so ids cannot be probed.
 */
async function readableCase(db: Kysely<unknown>, actor: StaffActor, caseId: string) {
  const row = await findCase(db, caseId);
  if (!row) throw casesError('case_not_found');
  const access = officerAccess(actor, row, await unitPath(db, row.org_unit_id));
  if (!access.read) throw casesError('case_not_found');
  return { row, access };
}

type Need = 'handle' | 'markSecret';

/**
 * Runs an officer's command in one transaction: the case locked, access checked again under the
 * lock, the command, its audit entry; answers with the case view as it now is.
 */
async function runCommand(
  db: Kysely<unknown>,
  request: FastifyRequest,
  caseId: string,
  need: Need,
  action: string,
  command: (trx: Kysely<unknown>, row: LockedCase, actor: StaffActor) => Promise<void>,
): Promise<CaseView> {
  const actor = staffOf(request);
  return db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId);
    if (!row) throw casesError('case_not_found');
    // A case never changes unit, so the path read once serves the check after the command too.
    const path = await unitPath(trx, row.org_unit_id);
    const access = officerAccess(actor, row, path);
    if (!access.read) throw casesError('case_not_found');
    if (!access[need]) throw casesError('case_not_found');
    await command(trx, row, actor);
    await request.recordAudit(trx, {
      action,
      outcome: 'success',
      resourceType: 'case',
      resourceId: row.id,
      details: { registrationNumber: row.registration_number },
    });
    const after = await findCase(trx, caseId);
    return caseView(trx, after as LockedCase, officerAccess(actor, after as LockedCase, path));
  });
}

/** Sends a stored document as a download with its recorded type (never rendered inline). */
export function sendDocument(
  reply: FastifyReply,
  document: { file_name: string; media_type: string; content: Uint8Array; sha256: string },
) {
  const asciiName = document.file_name.replace(/[^A-Za-z0-9._-]+/g, '_');
  return reply
    .header('content-type', document.media_type)
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(document.file_name)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('digest', `sha-256=${Buffer.from(document.sha256, 'hex').toString('base64')}`)
    .send(Buffer.from(document.content));
}

export async function registerCasesRoutes(fastify: FastifyInstance, { db }: PlatformContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = { access: { permission: 'cases.read' as const } };
  const handle = { access: { permission: 'cases.handle' as const } };

  app.get(
    '/api/cases/inbox',
    {
      schema: {
        tags: ['cases'],
        summary: "The unit inbox: open cases of the officer's units, filtered, sorted and paged",
        querystring: InboxQuery,
        response: { 200: InboxResponse },
      },
      config: read,
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const units = await findOrgUnits(identityDb(db));
      reply.header('cache-control', 'no-store');
      return inbox(db, actor, units, request.query);
    },
  );

  app.get(
    '/api/cases/lead-times',
    {
      schema: {
        tags: ['cases'],
        summary: 'Service promises: lead times per e-service (median, p90), overdue and at-risk cases',
        querystring: LeadTimeQuery,
        response: { 200: LeadTimeResponse },
      },
      config: read,
    },
    async (request) => {
      const actor = staffOf(request);
      const units = await findOrgUnits(identityDb(db));
      return leadTimes(db, actor, units, request.query);
    },
  );

  app.get(
    '/api/cases/:caseId',
    {
      schema: {
        tags: ['cases'],
        summary: 'The whole case in one answer: parties, data, documents, notes, history, process',
        params: CaseIdParams,
        response: { 200: CaseView },
      },
      config: read,
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const { row, access } = await readableCase(db, actor, request.params.caseId);
      await request.recordRead({
        action: 'cases.case.read',
        outcome: 'success',
        resourceType: 'case',
        resourceId: row.id,
        purpose: `case handling ${row.registration_number}`,
      });
      reply.header('cache-control', 'no-store');
      return caseView(db, row, access);
    },
  );

  app.get(
    '/api/cases/:caseId/documents/:documentId',
    {
      schema: {
        tags: ['cases'],
        summary: 'A document of the case, as a download',
        params: CaseDocumentParams,
      },
      config: read,
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const { row, access } = await readableCase(db, actor, request.params.caseId);
      const document = await findDocument(db, row.id, request.params.documentId);
      if (!document || (document.secret && !access.readSecretDocuments))
        throw casesError('case_document_not_found');
      await request.recordRead({
        action: 'cases.document.read',
        outcome: 'success',
        resourceType: 'case_document',
        resourceId: document.id,
        purpose: `case handling ${row.registration_number}`,
      });
      return sendDocument(reply, document);
    },
  );

  app.get(
    '/api/cases/:caseId/assignees',
    {
      schema: {
        tags: ['cases'],
        summary: 'The officers the case may be assigned to',
        params: CaseIdParams,
        response: { 200: AssigneeListResponse },
      },
      config: handle,
    },
    async (request) => {
      const actor = staffOf(request);
      const { row, access } = await readableCase(db, actor, request.params.caseId);
      if (!access.handle) throw casesError('case_not_found');
      return { items: await eligibleAssignees(db, row) };
    },
  );

  app.post(
    '/api/cases/:caseId/assign',
    {
      schema: {
        tags: ['cases'],
        summary: 'Assign the case (and its open tasks) to an officer, or back to the unit',
        params: CaseIdParams,
        body: AssignRequest,
        response: { 200: CaseView },
      },
      config: handle,
    },
    async (request) =>
      runCommand(db, request, request.params.caseId, 'handle', 'cases.case.assign', async (trx, row) => {
        const { assigneeId } = request.body;
        let assignee: { id: string; name: string } | null = null;
        if (assigneeId) {
          const able = await eligibleAssignees(trx, row);
          assignee = able.find((candidate) => candidate.id === assigneeId) ?? null;
          if (!assignee) throw casesError('assignee_not_allowed');
        }
        await commands.assign(trx, row, assignee, caseActorOf(staffOf(request)));
      }),
  );

  app.post(
    '/api/cases/:caseId/notes',
    {
      schema: {
        tags: ['cases'],
        summary: 'Add an internal note (never shown to the applicant)',
        params: CaseIdParams,
        body: NoteRequest,
        response: { 200: CaseView },
      },
      config: handle,
    },
    async (request) =>
      runCommand(db, request, request.params.caseId, 'handle', 'cases.note.create', (trx, row, actor) =>
        commands.addNote(trx, row, request.body.text, caseActorOf(actor)),
      ),
  );

  app.post(
    '/api/cases/:caseId/tasks/:taskId/complete',
    {
      schema: {
        tags: ['cases'],
        summary: 'Complete a user task with its form; the process moves on',
        params: CaseTaskParams,
        body: CompleteTaskRequest,
        response: { 200: CaseView },
      },
      config: handle,
    },
    async (request) =>
      runCommand(db, request, request.params.caseId, 'handle', 'cases.task.complete', (trx, row, actor) =>
        commands.completeTask(trx, row, request.params.taskId, request.body.data, caseActorOf(actor)),
      ),
  );

  app.post(
    '/api/cases/:caseId/decision',
    {
      schema: {
        tags: ['cases'],
        summary: 'Decide the case: outcome, justification and appeal information; the decision PDF is made',
        params: CaseIdParams,
        body: DecideRequest,
        response: { 200: CaseView },
      },
      config: handle,
    },
    async (request) =>
      runCommand(db, request, request.params.caseId, 'handle', 'cases.case.decide', (trx, row, actor) =>
        commands.decide(trx, row, request.body, caseActorOf(actor)),
      ),
  );

  app.post(
    '/api/cases/:caseId/secrecy',
    {
      schema: {
        tags: ['cases'],
        summary: 'Mark the case and its documents secret (OSL), or lift the marking',
        params: CaseIdParams,
        body: SecrecyRequest,
        response: { 200: CaseView },
      },
      config: { access: { permission: 'cases.readSecret' as const } },
    },
    async (request) =>
      runCommand(
        db,
        request,
        request.params.caseId,
        'markSecret',
        'cases.case.secrecy',
        async (trx, row, actor) => {
          await commands.setSecrecy(trx, row, request.body, caseActorOf(actor));
          // An officer who may not read secret cases does not keep one: it goes back to the unit.
          if (row.secret && row.assignee_id) {
            const able = await eligibleAssignees(trx, row);
            if (!able.some((user) => user.id === row.assignee_id))
              await commands.assign(trx, row, null, caseActorOf(actor));
          }
        },
      ),
  );

  app.post(
    '/api/cases/:caseId/documents/:documentId/secrecy',
    {
      schema: {
        tags: ['cases'],
        summary: 'Mark one document of the case secret (OSL), or lift the marking',
        params: CaseDocumentParams,
        body: DocumentSecrecyRequest,
        response: { 200: CaseView },
      },
      config: { access: { permission: 'cases.readSecret' as const } },
    },
    async (request) =>
      runCommand(
        db,
        request,
        request.params.caseId,
        'markSecret',
        'cases.document.secrecy',
        (trx, row, actor) =>
          commands.setDocumentSecrecy(
            trx,
            row,
            request.params.documentId,
            request.body.secret,
            caseActorOf(actor),
          ),
      ),
  );

  app.post(
    '/api/cases/:caseId/close',
    {
      schema: {
        tags: ['cases'],
        summary: 'Close the case; open tasks are withdrawn and the process ends',
        params: CaseIdParams,
        body: CloseRequest,
        response: { 200: CaseView },
      },
      config: handle,
    },
    async (request) =>
      runCommand(db, request, request.params.caseId, 'handle', 'cases.case.close', (trx, row, actor) =>
        commands.close(trx, row, request.body.reason ?? null, caseActorOf(actor)),
      ),
  );

  app.post(
    '/api/cases/track',
    {
      schema: {
        tags: ['cases'],
        summary: "An anonymous submission's status, by the secret of its tracking link",
        body: TrackingRequest,
        response: { 200: TrackedCase },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const row = await trackedRow(db, request.body.token);
      await request.recordRead({
        action: 'cases.case.track',
        outcome: 'success',
        resourceType: 'case',
        resourceId: row.id,
      });
      reply.header('cache-control', 'no-store');
      return trackedCase(db, row);
    },
  );

  app.post(
    '/api/cases/track/document',
    {
      schema: {
        tags: ['cases'],
        summary: "An anonymous submission's receipt or decision (PDF), by the secret of its tracking link",
        body: TrackedDocumentRequest,
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const row = await trackedRow(db, request.body.token);
      const document = await findTrackedDocument(db, row.id, request.body.kind);
      if (!document) throw casesError('case_document_not_found');
      await request.recordRead({
        action: 'cases.document.track',
        outcome: 'success',
        resourceType: 'case_document',
        resourceId: document.id,
      });
      return sendDocument(reply, document);
    },
  );
}

/** The case an anonymous submitter's tracking link names (only the token's hash is stored). */
async function trackedRow(db: Kysely<unknown>, token: string) {
  const row = await casesDb(db)
    .selectFrom('cases')
    .selectAll()
    .where('tracking_token_hash', '=', trackingTokenHash(token))
    .executeTakeFirst();
  if (!row) throw casesError('tracking_not_found');
  return row;
}
