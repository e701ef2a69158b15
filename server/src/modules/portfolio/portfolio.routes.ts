import {
  ClassificationInput,
  ClassificationModel,
  EndRoleAssignment,
  InformationTypeClassification,
  InformationTypeIdParam,
  LifecycleChange,
  MyRolesResponse,
  NewSystemInput,
  PeopleQuery,
  PeopleResponse,
  PortfolioInformationTypeListResponse,
  PortfolioRoleAssignment,
  PortfolioRoleAssignmentInput,
  RoleAssignmentIdParams,
  type RoleSubjectType,
  SystemDetail,
  SystemIdParams,
  SystemInformationInput,
  SystemInput,
  SystemListQuery,
  SystemListResponse,
  TierCodeParams,
  TierListResponse,
  TierPolicy,
  TierPolicyInput,
} from '@karna/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { PlatformContext } from '../../platform/module.ts';
import { searchStaff } from '../identity/index.ts';
import { findInformationTypes } from '../registry/index.ts';
import { forbidden, PortfolioAccess } from './portfolio.access.ts';
import {
  classify,
  holdersOf,
  informationTypeClassification,
  informationTypeOverview,
  levelsOf,
  replaceSystemInformation,
} from './portfolio.classification.ts';
import { acceptRole, assignRole, endRole, presentAssignments } from './portfolio.roles.ts';
import { classificationModel } from './portfolio.rules.ts';
import {
  changedFields,
  changeLifecycle,
  createSystem,
  listSystems,
  updateSystem,
} from './portfolio.systems.ts';
import { portfolioDb } from './portfolio.tables.ts';
import { listTiers, presentDetail, systemDetail, updateTier } from './portfolio.views.ts';

/** The portfolio's routes for systems, their roles and information, tiers and classification. */

const READ = { access: { permission: 'portfolio.read' } } as const;

export function accessOf(db: Kysely<unknown>, request: FastifyRequest): Promise<PortfolioAccess> {
  return PortfolioAccess.load(db, request.actor);
}

function displayNameOf(request: FastifyRequest): string {
  const actor = request.actor;
  return actor.type === 'anonymous' ? '' : actor.displayName;
}

export async function registerPortfolioRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/portfolio/systems',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'The application portfolio: search, filter, sort and page through the systems',
        querystring: SystemListQuery,
        response: { 200: SystemListResponse },
      },
      config: READ,
    },
    async (request) => listSystems(db, await accessOf(db, request), request.query),
  );

  app.post(
    '/api/portfolio/systems',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Register a system (the IT department)',
        body: NewSystemInput,
        response: { 201: SystemDetail },
      },
      config: { access: { permission: 'portfolio.manage' } },
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      const row = await db.transaction().execute(async (trx) => {
        const created = await createSystem(trx, access, request.body);
        await request.recordAudit(trx, {
          action: 'portfolio.system.create',
          outcome: 'success',
          resourceType: 'system',
          resourceId: created.id,
          details: { name: created.name, lifecycle: created.lifecycle, tier: created.tier },
        });
        return created;
      });
      reply.code(201);
      return presentDetail(db, access, row);
    },
  );

  app.get(
    '/api/portfolio/systems/:systemId',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'A system: its facts, roles, integrations, and (for those allowed) its classification',
        params: SystemIdParams,
        response: { 200: SystemDetail },
      },
      config: READ,
    },
    async (request) => systemDetail(db, await accessOf(db, request), request.params.systemId),
  );

  app.put(
    '/api/portfolio/systems/:systemId',
    {
      schema: {
        tags: ['portfolio'],
        summary: "Change a system's facts, criticality and fit (its owners and the IT department)",
        params: SystemIdParams,
        body: SystemInput,
        response: { 200: SystemDetail },
      },
      config: READ,
    },
    async (request) => {
      const access = await accessOf(db, request);
      const after = await db.transaction().execute(async (trx) => {
        const change = await updateSystem(trx, access, request.params.systemId, request.body);
        await request.recordAudit(trx, {
          action: 'portfolio.system.update',
          outcome: 'success',
          resourceType: 'system',
          resourceId: change.after.id,
          details: { changed: changedFields(change.before, change.after) },
        });
        return change.after;
      });
      return presentDetail(db, access, after);
    },
  );

  app.post(
    '/api/portfolio/systems/:systemId/lifecycle',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Move a system to another lifecycle stage from a date (introducing takes an accepted owner)',
        params: SystemIdParams,
        body: LifecycleChange,
        response: { 200: SystemDetail },
      },
      config: READ,
    },
    async (request) => {
      const access = await accessOf(db, request);
      const after = await db.transaction().execute(async (trx) => {
        const change = await changeLifecycle(trx, access, request.params.systemId, request.body);
        await request.recordAudit(trx, {
          action: 'portfolio.system.lifecycle',
          outcome: 'success',
          resourceType: 'system',
          resourceId: change.after.id,
          details: {
            from: change.before.lifecycle,
            to: change.after.lifecycle,
            on: change.after.lifecycle_from,
          },
        });
        return change.after;
      });
      return presentDetail(db, access, after);
    },
  );

  app.put(
    '/api/portfolio/systems/:systemId/information',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'Set the information types a system holds and whether it creates, reads, updates or deletes them',
        params: SystemIdParams,
        body: SystemInformationInput,
        response: { 200: SystemDetail },
      },
      config: READ,
    },
    async (request) => {
      const access = await accessOf(db, request);
      const { systemId } = request.params;
      await db.transaction().execute(async (trx) => {
        await replaceSystemInformation(trx, access, systemId, request.body);
        await request.recordAudit(trx, {
          action: 'portfolio.system.information',
          outcome: 'success',
          resourceType: 'system',
          resourceId: systemId,
          details: { informationTypes: request.body.items.map((item) => item.informationTypeId) },
        });
      });
      return systemDetail(db, access, systemId);
    },
  );

  // Roles: one route per kind of governed object, the same rules behind them.
  const subjects: {
    path: string;
    type: RoleSubjectType;
    params: z.ZodObject;
    id: (params: never) => string;
  }[] = [
    {
      path: '/api/portfolio/systems/:systemId/roles',
      type: 'system',
      params: SystemIdParams,
      id: (params: { systemId: string }) => params.systemId,
    },
    {
      path: '/api/portfolio/information-types/:informationTypeId/roles',
      type: 'informationType',
      params: InformationTypeIdParam,
      id: (params: { informationTypeId: string }) => params.informationTypeId,
    },
    {
      path: '/api/portfolio/management-objects/:objectId/roles',
      type: 'managementObject',
      params: z.object({ objectId: z.uuid() }),
      id: (params: { objectId: string }) => params.objectId,
    },
  ];
  for (const subject of subjects) {
    app.post(
      subject.path,
      {
        schema: {
          tags: ['portfolio'],
          summary: `Give a person a dated role for a ${subject.type === 'system' ? 'system' : subject.type === 'informationType' ? 'information type' : 'management object'}`,
          params: subject.params,
          body: PortfolioRoleAssignmentInput,
          response: { 201: PortfolioRoleAssignment },
        },
        config: READ,
      },
      async (request, reply) => {
        const access = await accessOf(db, request);
        const subjectId = subject.id(request.params as never);
        const row = await db.transaction().execute(async (trx) => {
          const created = await assignRole(trx, access, subject.type, subjectId, request.body);
          await request.recordAudit(trx, {
            action: 'portfolio.role.assign',
            outcome: 'success',
            resourceType: subject.type,
            resourceId: subjectId,
            details: {
              role: created.role,
              assignment: created.id,
              from: created.valid_from,
              to: created.valid_to,
            },
          });
          return created;
        });
        reply.code(201);
        const [presented] = await presentAssignments(db, access, [row]);
        return presented;
      },
    );
  }

  app.post(
    '/api/portfolio/role-assignments/:assignmentId/accept',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Accept a role one has been given (a system owner accepts before the system is introduced)',
        params: RoleAssignmentIdParams,
        response: { 200: PortfolioRoleAssignment },
      },
      config: READ,
    },
    async (request) => {
      const access = await accessOf(db, request);
      const row = await db.transaction().execute(async (trx) => {
        const accepted = await acceptRole(trx, access, request.params.assignmentId);
        await request.recordAudit(trx, {
          action: 'portfolio.role.accept',
          outcome: 'success',
          resourceType: accepted.subject_type,
          resourceId: accepted.subject_id,
          details: { role: accepted.role, assignment: accepted.id },
        });
        return accepted;
      });
      const [presented] = await presentAssignments(db, access, [row]);
      return presented;
    },
  );

  app.post(
    '/api/portfolio/role-assignments/:assignmentId/end',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'End a role on a date (an active system keeps an owner)',
        params: RoleAssignmentIdParams,
        body: EndRoleAssignment,
        response: { 200: PortfolioRoleAssignment },
      },
      config: READ,
    },
    async (request) => {
      const access = await accessOf(db, request);
      const row = await db.transaction().execute(async (trx) => {
        const ended = await endRole(trx, access, request.params.assignmentId, request.body.validTo);
        await request.recordAudit(trx, {
          action: 'portfolio.role.end',
          outcome: 'success',
          resourceType: ended.subject_type,
          resourceId: ended.subject_id,
          details: { role: ended.role, assignment: ended.id, to: ended.valid_to },
        });
        return ended;
      });
      const [presented] = await presentAssignments(db, access, [row]);
      return presented;
    },
  );

  app.get(
    '/api/portfolio/role-assignments/mine',
    {
      schema: {
        tags: ['portfolio'],
        summary: "The caller's own roles in the portfolio, current and coming, with those still to accept",
        response: { 200: MyRolesResponse },
      },
      config: READ,
    },
    async (request) => {
      const access = await accessOf(db, request);
      if (!access.userId) return { items: [] };
      const rows = await portfolioDb(db)
        .selectFrom('portfolio_role_assignments')
        .selectAll()
        .where('person_id', '=', access.userId)
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', access.today)]))
        .execute();
      const assignments = await presentAssignments(db, access, rows);
      const names = await subjectNames(db, rows);
      return {
        items: assignments.map((assignment) => ({
          ...assignment,
          subjectName: names.get(assignment.subjectId) ?? '',
        })),
      };
    },
  );

  app.get(
    '/api/portfolio/people',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Staff to give a role: search by name or e-mail (at most 20)',
        querystring: PeopleQuery,
        response: { 200: PeopleResponse },
      },
      config: READ,
    },
    async (request) => ({ items: await searchStaff(db, request.query.q, 20) }),
  );

  app.get(
    '/api/portfolio/tiers',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'The tier policy: what gold, silver, bronze and copper promise and weigh',
        response: { 200: TierListResponse },
      },
      config: READ,
    },
    async () => ({ items: await listTiers(db) }),
  );

  app.put(
    '/api/portfolio/tiers/:tier',
    {
      schema: {
        tags: ['portfolio'],
        summary: "Change a tier's policy (the IT department for the whole municipality)",
        params: TierCodeParams,
        body: TierPolicyInput,
        response: { 200: TierPolicy },
      },
      config: { access: { permission: 'portfolio.manage' } },
    },
    async (request) => {
      const access = await accessOf(db, request);
      const root = [...access.units.values()].find((unit) => unit.parentId === null);
      if (!root || !access.manages(root.id)) throw forbidden();
      return db.transaction().execute(async (trx) => {
        const tier = await updateTier(trx, request.params.tier, request.body);
        await request.recordAudit(trx, {
          action: 'portfolio.tier.update',
          outcome: 'success',
          resourceType: 'tier',
          resourceId: tier.code,
          details: { ...request.body },
        });
        return tier;
      });
    },
  );

  app.get(
    '/api/portfolio/classification-model',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'The classification model (KLASSA): levels, questions and the controls each level demands',
        response: { 200: ClassificationModel },
      },
      config: READ,
    },
    async () => classificationModel,
  );

  app.get(
    '/api/portfolio/information-types',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'Information types with the systems holding them and (for those allowed) their classification',
        response: { 200: PortfolioInformationTypeListResponse },
      },
      config: READ,
    },
    async (request) => {
      const access = await accessOf(db, request);
      const collator = new Intl.Collator('sv');
      return {
        items: (await informationTypeOverview(db))
          .map(({ type, current, holders }) => ({
            ...type,
            systems: holders.length,
            classified: current !== undefined,
            levels: current && access.readsClassificationOf(holders) ? levelsOf(current) : null,
            nextReviewOn: current?.next_review_on ?? null,
            overdue: !current || current.next_review_on < access.today,
          }))
          .sort((a, b) => collator.compare(a.nameSv, b.nameSv)),
      };
    },
  );

  app.get(
    '/api/portfolio/information-types/:informationTypeId/classification',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          "An information type's classification in force, its history and answers, and the systems holding it",
        params: InformationTypeIdParam,
        response: { 200: InformationTypeClassification },
      },
      config: READ,
    },
    async (request) => {
      const access = await accessOf(db, request);
      const { informationTypeId } = request.params;
      if (!access.readsClassificationOf(await holdersOf(db, [informationTypeId]))) throw forbidden();
      return informationTypeClassification(db, access, informationTypeId);
    },
  );

  app.post(
    '/api/portfolio/information-types/:informationTypeId/classifications',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Classify an information type through the questionnaire (answers are kept)',
        params: InformationTypeIdParam,
        body: ClassificationInput,
        response: { 201: InformationTypeClassification },
      },
      config: READ,
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      const { informationTypeId } = request.params;
      await db.transaction().execute(async (trx) => {
        const classification = await classify(
          trx,
          access,
          displayNameOf(request),
          informationTypeId,
          request.body,
        );
        await request.recordAudit(trx, {
          action: 'portfolio.classification.create',
          outcome: 'success',
          resourceType: 'informationType',
          resourceId: informationTypeId,
          details: {
            model: `${classification.model} ${classification.modelVersion}`,
            levels: Object.fromEntries(
              Object.entries(classification.levels).map(([aspect, level]) => [aspect, level.label]),
            ),
          },
        });
      });
      reply.code(201);
      return informationTypeClassification(db, access, informationTypeId);
    },
  );
}

/** The names of the objects roles are held for (systems, management objects, information types). */
async function subjectNames(
  db: Kysely<unknown>,
  rows: readonly { subject_type: string; subject_id: string }[],
): Promise<Map<string, string>> {
  const idsOf = (type: string) =>
    rows.filter((row) => row.subject_type === type).map((row) => row.subject_id);
  const tables = portfolioDb(db);
  const [systems, objects, types] = await Promise.all([
    idsOf('system').length
      ? tables
          .selectFrom('portfolio_systems')
          .select(['id', 'name'])
          .where('id', 'in', idsOf('system'))
          .execute()
      : [],
    idsOf('managementObject').length
      ? tables
          .selectFrom('portfolio_management_objects')
          .select(['id', 'name'])
          .where('id', 'in', idsOf('managementObject'))
          .execute()
      : [],
    findInformationTypes(db, idsOf('informationType')),
  ]);
  return new Map([
    ...systems.map((row) => [row.id, row.name] as const),
    ...objects.map((row) => [row.id, row.name] as const),
    ...types.map((type) => [type.id, type.nameSv] as const),
  ]);
}
