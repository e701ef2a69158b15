import { CaseDocumentParams, CaseIdParams, MyCaseDetail, MyCaseListResponse } from '@karna/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { PlatformContext } from '../../platform/module.ts';
import { prefillFor } from '../registry/index.ts';
import { casesError } from './cases.errors.ts';
import { sendDocument } from './cases.routes.ts';
import { findDocument, myCaseDetail, myCases } from './cases.views.ts';

/**
 * The citizen's own cases, and those about the children in their custody today (B5): read from
 * the register on every request, so a custody that ended hides the child's cases at once.
 */
async function visibleCases(db: Kysely<unknown>, request: FastifyRequest) {
  const personalNumber = request.actor.type === 'citizen' ? request.actor.personalNumber : null;
  const prefill = personalNumber
    ? await prefillFor(db, personalNumber, { children: true, properties: false, organisations: false })
    : undefined;
  if (!prefill) return [];
  return myCases(
    db,
    prefill.person.id,
    prefill.children.map((child) => child.id),
  );
}

async function myCase(db: Kysely<unknown>, request: FastifyRequest, caseId: string) {
  const found = (await visibleCases(db, request)).find((candidate) => candidate.row.id === caseId);
  if (!found) throw casesError('case_not_found');
  return found;
}

export async function registerMyCasesRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: { permission: 'myPages.use' as const } };

  app.get(
    '/api/me/cases',
    {
      schema: {
        tags: ['me'],
        summary: "My cases and my children's, with their current status",
        response: { 200: MyCaseListResponse },
      },
      config,
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: (await visibleCases(db, _request)).map((found) => found.item) };
    },
  );

  app.get(
    '/api/me/cases/:caseId',
    {
      schema: {
        tags: ['me'],
        summary: 'One of my cases: status history, documents, decision and what I sent in',
        params: CaseIdParams,
        response: { 200: MyCaseDetail },
      },
      config,
    },
    async (request, reply) => {
      const found = await myCase(db, request, request.params.caseId);
      reply.header('cache-control', 'no-store');
      return myCaseDetail(db, found.row, found.item);
    },
  );

  app.get(
    '/api/me/cases/:caseId/documents/:documentId',
    {
      schema: {
        tags: ['me'],
        summary: 'A document of my case (receipt, decision, my attachments), as a download',
        params: CaseDocumentParams,
      },
      config,
    },
    async (request, reply) => {
      const found = await myCase(db, request, request.params.caseId);
      const document = await findDocument(db, found.row.id, request.params.documentId);
      if (!document || document.secret || document.kind === 'internal')
        throw casesError('case_document_not_found');
      return sendDocument(reply, document);
    },
  );
}
