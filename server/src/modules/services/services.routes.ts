import {
  AttachmentIdParams,
  AttachmentUploadQuery,
  CatalogQuery,
  CatalogResponse,
  CreatedDraft,
  Draft,
  DraftIdParams,
  DraftListResponse,
  PublishVersionRequest,
  PublishVersionResponse,
  SaveDraftRequest,
  ServiceForm,
  ServicePrefill,
  ServiceSlugParams,
  StartDraftRequest,
  SubmitRequest,
  SubmitResponse,
  UploadedAttachment,
} from '@karna/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { auditActorOf } from '../../platform/http/access.ts';
import { auditOriginOf } from '../../platform/http/audit-requests.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { can, findOrgUnits, identityDb } from '../identity/index.ts';
import { prefillFor } from '../registry/index.ts';
import { catalog, publishedService, publishVersion, serviceForm } from './services.catalog.ts';
import {
  addAttachment,
  createDraft,
  deleteDraft,
  draftOwnerOf,
  findDraft,
  listDrafts,
  presentDraft,
  removeAttachment,
  saveDraft,
  submitDraft,
} from './services.drafts.ts';
import { servicesError } from './services.errors.ts';
import { registrationAuditEvent } from './services.submissions.ts';

/** The largest attachment any e-service may accept (each field sets its own, lower, limit). */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const DRAFT_TOKEN_HEADER = 'x-draft-token';

function draftOwner(request: FastifyRequest) {
  const header = request.headers[DRAFT_TOKEN_HEADER];
  return draftOwnerOf(request.actor, typeof header === 'string' ? header : undefined);
}

async function serviceBySlug(db: Kysely<unknown>, slug: string) {
  const service = await publishedService(db, slug);
  if (!service) throw servicesError('service_not_found');
  return service;
}

export async function registerServicesRoutes(
  fastify: FastifyInstance,
  { db, audit }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Attachments arrive as the file's bytes; their type is judged by content, not by this header.
  if (!fastify.hasContentTypeParser('application/octet-stream')) {
    fastify.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
      (_request, body, done) => done(null, body),
    );
  }

  app.get(
    '/api/services/catalog',
    {
      schema: {
        tags: ['services'],
        summary: 'The e-service catalog: search and life situations (open to everyone)',
        querystring: CatalogQuery,
        response: { 200: CatalogResponse },
      },
      config: { access: 'public' },
    },
    async (request) => ({ items: await catalog(db, request.query, request.actor.type === 'staff') }),
  );

  app.get(
    '/api/services/catalog/:slug',
    {
      schema: {
        tags: ['services'],
        summary: 'A published e-service with its form',
        params: ServiceSlugParams,
        response: { 200: ServiceForm },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const service = await serviceBySlug(db, request.params.slug);
      if (service.definition.audience === 'staffOnly' && request.actor.type !== 'staff') {
        throw servicesError('service_not_found');
      }
      return serviceForm(db, service);
    },
  );

  app.get(
    '/api/services/prefill',
    {
      schema: {
        tags: ['services'],
        summary: 'What the register knows about the logged-in person, for forms (never asked again)',
        response: { 200: ServicePrefill },
      },
      config: { access: { permission: 'myPages.use' } },
    },
    async (request, reply) => {
      const personalNumber = request.actor.type === 'citizen' ? request.actor.personalNumber : null;
      const prefill = personalNumber ? await prefillFor(db, personalNumber) : undefined;
      await request.recordRead({
        action: 'services.prefill.read',
        outcome: 'success',
        resourceType: 'person',
        resourceId: prefill?.person.id,
        ...(personalNumber ? { subjectPersonalNumber: personalNumber } : {}),
      });
      reply.header('cache-control', 'no-store');
      return {
        applicant: prefill?.person ?? null,
        children: prefill?.children ?? [],
        properties: prefill?.properties ?? [],
        email: prefill?.person.contact?.email ?? null,
        phone: prefill?.person.contact?.phone ?? null,
      };
    },
  );

  app.get(
    '/api/services/drafts',
    {
      schema: { tags: ['services'], summary: 'My saved drafts', response: { 200: DraftListResponse } },
      config: { access: 'session' },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const owner = draftOwner(request);
      return { items: owner && 'userId' in owner ? await listDrafts(db, owner.userId) : [] };
    },
  );

  app.post(
    '/api/services/drafts',
    {
      schema: {
        tags: ['services'],
        summary: 'Start filling in an e-service (an anonymous caller gets the draft token once)',
        body: StartDraftRequest,
        response: { 201: CreatedDraft },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const service = await serviceBySlug(db, request.body.slug);
      return db.transaction().execute(async (trx) => {
        const created = await createDraft(trx, request.actor, service, {});
        await request.recordAudit(trx, {
          action: 'services.draft.create',
          outcome: 'success',
          resourceType: 'draft',
          resourceId: created.id,
        });
        const owner = draftOwnerOf(request.actor, created.draftToken ?? undefined);
        const draft = await presentDraft(trx, await findDraft(trx, owner, created.id));
        reply.code(201);
        return { ...draft, draftToken: created.draftToken };
      });
    },
  );

  app.get(
    '/api/services/drafts/:draftId',
    {
      schema: {
        tags: ['services'],
        summary: 'A draft of mine',
        params: DraftIdParams,
        response: { 200: Draft },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return presentDraft(db, await findDraft(db, draftOwner(request), request.params.draftId));
    },
  );

  app.put(
    '/api/services/drafts/:draftId',
    {
      schema: {
        tags: ['services'],
        summary: 'Save a draft to continue later (here or on another device)',
        params: DraftIdParams,
        body: SaveDraftRequest,
        response: { 200: Draft },
      },
      config: { access: 'public' },
    },
    async (request) =>
      db.transaction().execute(async (trx) => {
        const draft = await findDraft(trx, draftOwner(request), request.params.draftId);
        const saved = await saveDraft(trx, draft, request.body);
        await request.recordAudit(trx, {
          action: 'services.draft.save',
          outcome: 'success',
          resourceType: 'draft',
          resourceId: draft.id,
        });
        return presentDraft(trx, saved);
      }),
  );

  app.delete(
    '/api/services/drafts/:draftId',
    {
      schema: { tags: ['services'], summary: 'Throw a draft away', params: DraftIdParams },
      config: { access: 'public' },
    },
    async (request, reply) => {
      await db.transaction().execute(async (trx) => {
        const draft = await findDraft(trx, draftOwner(request), request.params.draftId);
        await deleteDraft(trx, draft);
        await request.recordAudit(trx, {
          action: 'services.draft.delete',
          outcome: 'success',
          resourceType: 'draft',
          resourceId: draft.id,
        });
      });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/services/drafts/:draftId/attachments',
    {
      schema: {
        tags: ['services'],
        summary: "Attach a file to a draft (the body is the file's bytes; checked by content)",
        params: DraftIdParams,
        querystring: AttachmentUploadQuery,
        response: { 201: UploadedAttachment },
      },
      config: { access: 'public' },
      bodyLimit: MAX_UPLOAD_BYTES,
    },
    async (request, reply) => {
      return db.transaction().execute(async (trx) => {
        const draft = await findDraft(trx, draftOwner(request), request.params.draftId);
        // The body must be the file itself (application/octet-stream), not JSON or a form.
        if (!Buffer.isBuffer(request.body)) throw servicesError('attachment_refused');
        const bytes = request.body;
        const saved = await addAttachment(trx, draft, {
          field: request.query.field,
          fileName: request.query.fileName,
          bytes,
        });
        await request.recordAudit(trx, {
          action: 'services.attachment.create',
          outcome: 'success',
          resourceType: 'attachment',
          resourceId: saved.id,
          details: { sha256: saved.sha256, size: saved.size },
        });
        reply.code(201);
        return saved;
      });
    },
  );

  app.delete(
    '/api/services/drafts/:draftId/attachments/:attachmentId',
    {
      schema: { tags: ['services'], summary: 'Remove a file from a draft', params: AttachmentIdParams },
      config: { access: 'public' },
    },
    async (request, reply) => {
      await db.transaction().execute(async (trx) => {
        const draft = await findDraft(trx, draftOwner(request), request.params.draftId);
        await removeAttachment(trx, draft, request.params.attachmentId);
        await request.recordAudit(trx, {
          action: 'services.attachment.delete',
          outcome: 'success',
          resourceType: 'attachment',
          resourceId: request.params.attachmentId,
        });
      });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/services/drafts/:draftId/submit',
    {
      schema: {
        tags: ['services'],
        summary: 'Submit: the case is registered and numbered; a retry with the same key gets the same case',
        params: DraftIdParams,
        body: SubmitRequest,
        response: { 200: SubmitResponse, 201: SubmitResponse },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const result = await submitDraft(
        db,
        request.actor,
        draftOwner(request),
        request.params.draftId,
        request.body,
        {
          trail: audit,
          entry: (registered) => ({
            actor: auditActorOf(request.actor),
            origin: auditOriginOf(request),
            event: registrationAuditEvent(
              registered,
              request.actor.type === 'citizen' ? request.actor.personalNumber : null,
            ),
          }),
        },
      );
      // The registration's entry was appended in the transaction that made the case.
      if (result.created) request.audited = true;
      if (!result.created) {
        // A retry records that it was answered with the case made before.
        await request.recordRead({
          action: 'cases.case.register.repeat',
          outcome: 'success',
          resourceType: 'case',
          resourceId: result.response.caseId,
        });
      }
      reply.code(result.created ? 201 : 200);
      return result.response;
    },
  );

  app.post(
    '/api/services/admin/versions',
    {
      schema: {
        tags: ['services'],
        summary: 'Publish an e-service definition as its next version (running cases keep theirs)',
        body: PublishVersionRequest,
        response: { 201: PublishVersionResponse },
      },
      config: { access: { permission: 'services.manage' } },
    },
    async (request, reply) =>
      db.transaction().execute(async (trx) => {
        // An administrator publishes only for units within their part of the organisation.
        const units = await findOrgUnits(identityDb(trx));
        const unit = units.find((candidate) => candidate.id === request.body.definition.responsibleOrgUnitId);
        if (!unit || !can(request.actor, 'services.manage', unit.path))
          throw servicesError('unit_not_in_scope');
        const version = await publishVersion(trx, request.body.definition);
        await request.recordAudit(trx, {
          action: 'services.version.publish',
          outcome: 'success',
          resourceType: 'service',
          details: { slug: request.body.definition.slug, version },
        });
        reply.code(201);
        return { slug: request.body.definition.slug, version };
      }),
  );
}
