import {
  ChooseActingForRequest,
  MyOrganisation,
  OrganisationIdParams,
  PersonLookupsResponse,
  PersonOverview,
  RegistryPerson,
  Representations,
  swedishDate,
  UpdateContactRequest,
} from '@karna/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { findAuditEntriesAboutSubject } from '../../platform/audit/index.ts';
import type { Actor } from '../../platform/http/access.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { setSessionActingFor } from '../identity/index.ts';
import { registryError } from './registry.errors.ts';
import {
  presentOrganisation,
  presentOwnedProperty,
  presentPerson,
  presentRelated,
} from './registry.presenters.ts';
import { readAuditPurpose } from './registry.purpose.ts';
import {
  findOrganisationById,
  findPersonByPersonalNumber,
  findPropertiesOwnedBy,
  findSignatoriesOf,
  type PersonRow,
  updatePersonContact,
} from './registry.repository.ts';
import { type Confirmation, choiceOf, confirmChoice, findRepresentable } from './registry.representation.ts';
import { personOverview } from './registry.service.ts';

/** The audit actions that are an officer or an integration reading a person (GDPR art. 15). */
const LOOKUP_ACTIONS: Record<string, 'search' | 'overview'> = {
  'registry.person.search': 'search',
  'registry.person.read': 'overview',
};
/** The newest lookups shown; older ones are given on a written request (registrar). */
const LOOKUPS_SHOWN = 500;

/** A request from a citizen's browser session (the type of the actor narrowed by `asCitizen`). */
type CitizenRequest = FastifyRequest & { actor: Extract<Actor, { sessionId: string }> };

function asCitizen(request: FastifyRequest): CitizenRequest {
  if (request.actor.type !== 'citizen' || !request.actor.personalNumber) {
    throw registryError('not_in_population_register');
  }
  return request as CitizenRequest;
}

/** The citizen's own record, by the personal number their e-legitimation gave. */
async function selfOf(db: Kysely<unknown>, request: CitizenRequest): Promise<PersonRow> {
  const self = await findPersonByPersonalNumber(db, request.actor.personalNumber ?? '');
  if (!self) throw registryError('not_in_population_register');
  return self;
}

/**
 * Whom the session acts for, confirmed against the register again now. A right that no longer
 * holds (custody ended, child of age, signatory removed) is cleared from the session at once.
 */
async function confirmedActing(
  db: Kysely<unknown>,
  request: CitizenRequest,
  self: PersonRow,
  today: string,
): Promise<Extract<Confirmation, { ok: true }> | undefined> {
  const confirmation = await confirmChoice(db, self, choiceOf(request.actor.actingFor), today);
  if (confirmation.ok) return confirmation;
  await setSessionActingFor(db, request.actor.sessionId, null);
  request.actor.actingFor = null;
  return undefined;
}

/** Mina sidor's register pages: my record, whom I act for, my organisations, who looked me up. */
export async function registerRegistryMeRoutes(
  fastify: FastifyInstance,
  { db, audit }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const myPages = { access: { permission: 'myPages.use' } } as const;

  app.get(
    '/api/me/person',
    {
      schema: {
        tags: ['registry'],
        summary:
          'My record, children in custody, properties and organisations (Mina uppgifter) — or the child I act for',
        response: { 200: PersonOverview },
      },
      config: myPages,
    },
    async (request, reply) => {
      const citizen = asCitizen(request);
      const today = swedishDate();
      const self = await selfOf(db, citizen);
      const acting = await confirmedActing(db, citizen, self, today);
      if (!acting) throw registryError('not_representing');
      const child = acting.actingFor?.kind === 'child' ? (acting.subject as PersonRow) : undefined;
      const subject = child ?? self;
      const found = await personOverview(db, subject.id, {
        revealProtected: false,
        selfId: subject.id,
        today,
      });
      if (!found) throw registryError('not_in_population_register');
      if (child) {
        // A guardian reading a child's record reads another person's data: on the record.
        await request.recordRead({
          action: 'registry.person.read',
          outcome: 'success',
          resourceType: 'person',
          resourceId: child.id,
          subjectPersonalNumber: child.personal_number,
          purpose: 'guardian',
        });
      }
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
      config: myPages,
    },
    async (request) => {
      const citizen = asCitizen(request);
      return db.transaction().execute(async (trx) => {
        const self = await selfOf(trx, citizen);
        const updated = await updatePersonContact(trx, self.id, request.body, new Date());
        if (!updated) throw registryError('not_in_population_register');
        await request.recordAudit(trx, {
          action: 'registry.contact.update',
          outcome: 'success',
          resourceType: 'person',
          resourceId: self.id,
          subjectPersonalNumber: self.personal_number,
          details: { phone: request.body.phone !== null, email: request.body.email !== null },
        });
        return presentPerson(updated, { revealProtected: false, selfId: self.id, today: swedishDate() });
      });
    },
  );

  /** Whom the citizen may act for today, and whom they act for now (a stale choice is cleared). */
  async function representations(citizen: CitizenRequest, self: PersonRow): Promise<Representations> {
    const today = swedishDate();
    const [representable, acting] = await Promise.all([
      findRepresentable(db, self, today),
      confirmedActing(db, citizen, self, today),
    ]);
    const disclosure = { revealProtected: false, selfId: self.id, today };
    return {
      self: { personId: self.id, name: `${self.given_name} ${self.family_name}` },
      children: representable.children.map((child) => presentRelated(child, disclosure)),
      organisations: representable.organisations.map(presentOrganisation),
      actingFor: acting?.actingFor ?? null,
    };
  }

  app.get(
    '/api/me/representations',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Whom I may act for today (children in custody, organisations I sign for), and whom I act for',
        response: { 200: Representations },
      },
      config: myPages,
    },
    async (request, reply) => {
      const citizen = asCitizen(request);
      reply.header('cache-control', 'no-store');
      return representations(citizen, await selfOf(db, citizen));
    },
  );

  app.put(
    '/api/me/acting-for',
    {
      schema: {
        tags: ['registry'],
        summary: 'Choose whom I act for: myself, a child in my custody, or an organisation I sign for',
        body: ChooseActingForRequest,
        response: { 200: Representations },
      },
      config: myPages,
    },
    async (request) => {
      const citizen = asCitizen(request);
      const self = await selfOf(db, citizen);
      const confirmation = await confirmChoice(db, self, request.body, swedishDate());
      if (!confirmation.ok) {
        await setSessionActingFor(db, citizen.actor.sessionId, null);
        citizen.actor.actingFor = null;
        throw registryError('not_representing');
      }
      const { actingFor, subject } = confirmation;
      await db.transaction().execute(async (trx) => {
        await setSessionActingFor(trx, citizen.actor.sessionId, actingFor);
        await request.recordAudit(trx, {
          action: 'registry.actingFor.choose',
          outcome: 'success',
          resourceType: actingFor?.kind === 'organisation' ? 'organisation' : 'person',
          resourceId: subject?.id ?? self.id,
          subjectPersonalNumber:
            subject && 'personal_number' in subject ? subject.personal_number : self.personal_number,
          details: { kind: request.body.kind },
        });
      });
      citizen.actor.actingFor = actingFor;
      return representations(citizen, self);
    },
  );

  app.get(
    '/api/me/organisations/:organisationId',
    {
      schema: {
        tags: ['registry'],
        summary: 'An organisation I sign for: its signatories and properties',
        params: OrganisationIdParams,
        response: { 200: MyOrganisation },
      },
      config: myPages,
    },
    async (request, reply) => {
      const citizen = asCitizen(request);
      const today = swedishDate();
      const self = await selfOf(db, citizen);
      const { organisations } = await findRepresentable(db, self, today);
      if (!organisations.some((organisation) => organisation.id === request.params.organisationId)) {
        throw registryError('organisation_not_found');
      }
      const organisation = await findOrganisationById(db, request.params.organisationId);
      if (!organisation) throw registryError('organisation_not_found');
      const [signatories, properties] = await Promise.all([
        findSignatoriesOf(db, organisation.id, today),
        findPropertiesOwnedBy(db, { organisationId: organisation.id }, today),
      ]);
      await request.recordRead({
        action: 'registry.organisation.read',
        outcome: 'success',
        resourceType: 'organisation',
        resourceId: organisation.id,
        purpose: 'signatory',
      });
      reply.header('cache-control', 'no-store');
      return {
        organisation: presentOrganisation(organisation),
        signatories: signatories.map((person) => ({
          givenName: person.given_name,
          familyName: person.family_name,
        })),
        properties: properties.map(presentOwnedProperty),
      };
    },
  );

  app.get(
    '/api/me/lookups',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Which officers and integrations looked me (or the child I act for) up, when and why (GDPR art. 15)',
        response: { 200: PersonLookupsResponse },
      },
      config: myPages,
    },
    async (request, reply) => {
      const citizen = asCitizen(request);
      const self = await selfOf(db, citizen);
      const acting = await confirmedActing(db, citizen, self, swedishDate());
      if (!acting) throw registryError('not_representing');
      const subject = acting.actingFor?.kind === 'child' ? (acting.subject as PersonRow) : self;
      const entries = await findAuditEntriesAboutSubject(db, audit.subjectKey(subject.personal_number));
      const items = entries
        .filter(
          (entry) =>
            entry.outcome === 'success' &&
            entry.action in LOOKUP_ACTIONS &&
            (entry.actorType === 'staff' || entry.actorType === 'apiClient'),
        )
        .reverse()
        .slice(0, LOOKUPS_SHOWN)
        .map((entry) => ({
          at: entry.occurredAt.toISOString(),
          officer: entry.actorName ?? '',
          kind: LOOKUP_ACTIONS[entry.action] ?? 'overview',
          ...readAuditPurpose(entry.purpose),
        }));
      reply.header('cache-control', 'no-store');
      return { items };
    },
  );
}
