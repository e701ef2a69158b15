import {
  type LookupPurpose,
  PersonIdParams,
  PersonOverview,
  PersonOverviewQuery,
  PersonSearchRequest,
  PersonSearchResponse,
  RegistryPerson,
  swedishDate,
  UpdateContactRequest,
} from '@karna/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/http/access.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { can } from '../identity/index.ts';
import { registryError } from './registry.errors.ts';
import type { Disclosure } from './registry.presenters.ts';
import { presentPerson } from './registry.presenters.ts';
import { findPersonByPersonalNumber, updatePersonContact } from './registry.repository.ts';
import { personOverview, searchPersons } from './registry.service.ts';

/** The purpose as the audit trail keeps it: the code, and the officer's own words when given. */
function auditPurpose(purpose: LookupPurpose, purposeText: string | undefined): string {
  return purposeText ? `${purpose}: ${purposeText}` : purpose;
}

/** What a staff member or integration may see of protected people. */
function staffDisclosure(actor: Actor): Disclosure {
  return { revealProtected: can(actor, 'persons.readProtected'), today: swedishDate() };
}

/** The citizen behind a request on Mina sidor, by the personal number their e-legitimation gave. */
function citizenNumber(request: FastifyRequest): string {
  const actor = request.actor;
  if (actor.type !== 'citizen' || !actor.personalNumber) throw registryError('not_in_population_register');
  return actor.personalNumber;
}

/** Person lookups for staff (with a purpose, every read audited) and a citizen's own record. */
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
      await db.transaction().execute((trx) =>
        request.recordAudit(trx, {
          action: 'registry.person.search',
          outcome: 'success',
          resourceType: 'person',
          purpose: auditPurpose(purpose, purposeText),
          ...(rows.length === 1 && rows[0]
            ? { resourceId: rows[0].id, subjectPersonalNumber: rows[0].personal_number }
            : {}),
          details: { by: 'personalNumber' in search ? 'personalNumber' : 'name', hits: hits.length },
        }),
      );
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
      await db.transaction().execute((trx) =>
        request.recordAudit(trx, {
          action: 'registry.person.read',
          outcome: 'success',
          resourceType: 'person',
          resourceId: found.row.id,
          subjectPersonalNumber: found.row.personal_number,
          purpose: auditPurpose(request.query.purpose, request.query.purposeText),
        }),
      );
      reply.header('cache-control', 'no-store');
      return found.overview;
    },
  );

  app.get(
    '/api/me/person',
    {
      schema: {
        tags: ['registry'],
        summary: 'My own record, children in custody, properties and organisations (Mina uppgifter)',
        response: { 200: PersonOverview },
      },
      config: { access: { permission: 'myPages.use' } },
    },
    async (request, reply) => {
      const self = await findPersonByPersonalNumber(db, citizenNumber(request));
      if (!self) throw registryError('not_in_population_register');
      const found = await personOverview(db, self.id, {
        revealProtected: false,
        selfId: self.id,
        today: swedishDate(),
      });
      if (!found) throw registryError('not_in_population_register');
      reply.header('cache-control', 'no-store');
      return found.overview;
    },
  );

  app.put(
    '/api/me/contact',
    {
      schema: {
        tags: ['registry'],
        summary: 'Correct my own phone number and e-mail address',
        body: UpdateContactRequest,
        response: { 200: RegistryPerson },
      },
      config: { access: { permission: 'myPages.use' } },
    },
    async (request) => {
      const personalNumber = citizenNumber(request);
      return db.transaction().execute(async (trx) => {
        const self = await findPersonByPersonalNumber(trx, personalNumber);
        if (!self) throw registryError('not_in_population_register');
        const updated = await updatePersonContact(trx, self.id, request.body, new Date());
        if (!updated) throw registryError('not_in_population_register');
        await request.recordAudit(trx, {
          action: 'registry.contact.update',
          outcome: 'success',
          resourceType: 'person',
          resourceId: self.id,
          subjectPersonalNumber: personalNumber,
          details: { phone: request.body.phone !== null, email: request.body.email !== null },
        });
        return presentPerson(updated, { revealProtected: false, selfId: self.id, today: swedishDate() });
      });
    },
  );
}
