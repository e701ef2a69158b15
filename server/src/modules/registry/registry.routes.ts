import {
  PersonIdParams,
  PersonOverview,
  PersonOverviewQuery,
  PersonSearchRequest,
  PersonSearchResponse,
  swedishDate,
} from '@karna/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/http/access.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { can } from '../identity/index.ts';
import { registryError } from './registry.errors.ts';
import type { Disclosure } from './registry.presenters.ts';
import { auditPurpose } from './registry.purpose.ts';
import { personOverview, searchPersons } from './registry.service.ts';

/** What a staff member or integration may see of protected people. */
function staffDisclosure(actor: Actor): Disclosure {
  return { revealProtected: can(actor, 'persons.readProtected'), today: swedishDate() };
}

/** Person lookups for staff: with a stated purpose, every read audited. */
export async function registerRegistryRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/registry/person-searches',
    {
      schema: {
        tags: ['registry'],
        summary: 'Find people by personal number, or by name and birth year (never a protected person)',
        body: PersonSearchRequest,
        response: { 200: PersonSearchResponse },
      },
      config: { access: { permission: 'persons.lookup' } },
    },
    async (request) => {
      const { purpose, purposeText, ...search } = request.body;
      const { hits, rows } = await searchPersons(db, search, staffDisclosure(request.actor));
      await request.recordRead({
        action: 'registry.person.search',
        outcome: 'success',
        resourceType: 'person',
        purpose: auditPurpose(purpose, purposeText),
        ...(rows.length === 1 && rows[0]
          ? { resourceId: rows[0].id, subjectPersonalNumber: rows[0].personal_number }
          : {}),
        details: { by: 'personalNumber' in search ? 'personalNumber' : 'name', hits: hits.length },
      });
      return { items: hits };
    },
  );

  app.get(
    '/api/registry/persons/:personId',
    {
      schema: {
        tags: ['registry'],
        summary: "A person's overview: record, custody, properties, organisations, customer relations",
        params: PersonIdParams,
        querystring: PersonOverviewQuery,
        response: { 200: PersonOverview },
      },
      config: { access: { permission: 'persons.lookup' } },
    },
    async (request, reply) => {
      const found = await personOverview(db, request.params.personId, staffDisclosure(request.actor));
      if (!found) throw registryError('person_not_found');
      await request.recordRead({
        action: 'registry.person.read',
        outcome: 'success',
        resourceType: 'person',
        resourceId: found.row.id,
        subjectPersonalNumber: found.row.personal_number,
        purpose: auditPurpose(request.query.purpose, request.query.purposeText),
      });
      reply.header('cache-control', 'no-store');
      return found.overview;
    },
  );
}
