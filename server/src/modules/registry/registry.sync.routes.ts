import {
  OrganisationSyncPage,
  PersonSyncPage,
  PropertySyncPage,
  SyncQuery,
  swedishDate,
} from '@karna/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PlatformContext } from '../../platform/module.ts';
import { can } from '../identity/index.ts';
import { registryError } from './registry.errors.ts';
import { decodeCursor, organisationSyncPage, personSyncPage, propertySyncPage } from './registry.sync.ts';

/** The read API for business systems that keep in step with the registers (E6, F1). */
export async function registerRegistrySyncRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const access = { access: { permission: 'registry.read' } } as const;
  const positionOf = (query: SyncQuery) => {
    if (query.cursor === undefined) return undefined;
    const position = decodeCursor(query.cursor);
    if (!position) throw registryError('invalid_cursor');
    return position;
  };
  const disclosureOf = (request: FastifyRequest) => ({
    revealProtected: can(request.actor, 'persons.readProtected'),
    today: swedishDate(),
  });
  /** One audit entry per page: who read which register, how much, from where. */
  const audit = (request: FastifyRequest, register: string, count: number, query: SyncQuery) =>
    request.recordRead({
      action: `registry.sync.${register}`,
      outcome: 'success',
      resourceType: register,
      purpose: 'sync',
      details: { count, changedSince: query.changedSince ?? null, cursor: query.cursor !== undefined },
    });

  app.get(
    '/api/registry/sync/persons',
    {
      schema: {
        tags: ['registry sync'],
        summary:
          'People in the order of their last change, a page at a time (protected ones without address)',
        querystring: SyncQuery,
        response: { 200: PersonSyncPage },
      },
      config: access,
    },
    async (request, reply) => {
      const { page } = await personSyncPage(
        db,
        request.query,
        positionOf(request.query),
        disclosureOf(request),
      );
      await audit(request, 'persons', page.items.length, request.query);
      reply.header('cache-control', 'no-store');
      return page;
    },
  );

  app.get(
    '/api/registry/sync/organisations',
    {
      schema: {
        tags: ['registry sync'],
        summary: 'Organisations and their signatories in the order of their last change',
        querystring: SyncQuery,
        response: { 200: OrganisationSyncPage },
      },
      config: access,
    },
    async (request, reply) => {
      const page = await organisationSyncPage(db, request.query, positionOf(request.query), swedishDate());
      await audit(request, 'organisations', page.items.length, request.query);
      reply.header('cache-control', 'no-store');
      return page;
    },
  );

  app.get(
    '/api/registry/sync/properties',
    {
      schema: {
        tags: ['registry sync'],
        summary: 'Properties and their owners in the order of their last change',
        querystring: SyncQuery,
        response: { 200: PropertySyncPage },
      },
      config: access,
    },
    async (request, reply) => {
      const page = await propertySyncPage(
        db,
        request.query,
        positionOf(request.query),
        disclosureOf(request),
      );
      await audit(request, 'properties', page.items.length, request.query);
      reply.header('cache-control', 'no-store');
      return page;
    },
  );
}
