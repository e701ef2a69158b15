import {
  ClassificationOverdueReport,
  DesignationIdParams,
  EndDesignation,
  InnovationReport,
  Integration,
  IntegrationIdParams,
  IntegrationInput,
  IntegrationListQuery,
  IntegrationListResponse,
  ManagementObject,
  ManagementObjectIdParams,
  ManagementObjectInput,
  ManagementObjectListResponse,
  ManagementPlanInput,
  MasterDataDesignation,
  MasterDataDesignationInput,
  MasterDataDesignationListResponse,
  MasterDataDesignationQuery,
  PortfolioGraph,
  PortfolioGraphQuery,
  RatingInput,
  RatingResults,
  RatingRound,
  RatingRoundIdParams,
  RatingRoundInput,
  RatingRoundListResponse,
  RoleCoverageReport,
  SsoCoverageQuery,
  SsoCoverageReport,
  TierReport,
} from '@karna/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PlatformContext } from '../../platform/module.ts';
import { forbidden } from './portfolio.access.ts';
import { portfolioError } from './portfolio.errors.ts';
import {
  createIntegration,
  deleteIntegration,
  designate,
  endDesignation,
  listDesignations,
  listIntegrations,
  portfolioGraph,
  presentDesignations,
  presentIntegrations,
  updateIntegration,
} from './portfolio.integrations.ts';
import { listManagementObjects, saveManagementObject, savePlan } from './portfolio.objects.ts';
import { createRound, listRounds, rate, ratingResults } from './portfolio.ratings.ts';
import { accessOf } from './portfolio.routes.ts';
import {
  classificationOverdueReport,
  innovationReport,
  roleCoverageReport,
  ssoCoverageReport,
  tierReport,
} from './portfolio.views.ts';

/** The portfolio's routes for integrations, master data, the graph, reports, ratings and pm3 objects. */

const READ = { access: { permission: 'portfolio.read' } } as const;

export async function registerPortfolioLinkRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/portfolio/integrations',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Integrations between systems, of one system or carrying one information type',
        querystring: IntegrationListQuery,
        response: { 200: IntegrationListResponse },
      },
      config: READ,
    },
    async (request) => listIntegrations(db, await accessOf(db, request), request.query),
  );

  app.post(
    '/api/portfolio/integrations',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Document an integration: from one system to another, carrying information types',
        body: IntegrationInput,
        response: { 201: Integration },
      },
      config: READ,
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      const row = await db.transaction().execute(async (trx) => {
        const created = await createIntegration(trx, access, request.body);
        await request.recordAudit(trx, {
          action: 'portfolio.integration.create',
          outcome: 'success',
          resourceType: 'integration',
          resourceId: created.id,
          details: { source: created.source_system_id, target: created.target_system_id },
        });
        return created;
      });
      reply.code(201);
      const [presented] = await presentIntegrations(db, access, [row]);
      return presented;
    },
  );

  app.put(
    '/api/portfolio/integrations/:integrationId',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Change an integration',
        params: IntegrationIdParams,
        body: IntegrationInput,
        response: { 200: Integration },
      },
      config: READ,
    },
    async (request) => {
      const access = await accessOf(db, request);
      const row = await db.transaction().execute(async (trx) => {
        const updated = await updateIntegration(trx, access, request.params.integrationId, request.body);
        await request.recordAudit(trx, {
          action: 'portfolio.integration.update',
          outcome: 'success',
          resourceType: 'integration',
          resourceId: updated.id,
          details: { source: updated.source_system_id, target: updated.target_system_id },
        });
        return updated;
      });
      const [presented] = await presentIntegrations(db, access, [row]);
      return presented;
    },
  );

  app.delete(
    '/api/portfolio/integrations/:integrationId',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Remove an integration that no longer exists',
        params: IntegrationIdParams,
        response: { 204: z.null() },
      },
      config: READ,
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      await db.transaction().execute(async (trx) => {
        const removed = await deleteIntegration(trx, access, request.params.integrationId);
        await request.recordAudit(trx, {
          action: 'portfolio.integration.delete',
          outcome: 'success',
          resourceType: 'integration',
          resourceId: removed.id,
          details: { source: removed.source_system_id, target: removed.target_system_id },
        });
      });
      reply.code(204);
      return null;
    },
  );

  app.get(
    '/api/portfolio/graph',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          "Systems and integrations as a graph: a unit's systems and their partners, or one information type's flows",
        querystring: PortfolioGraphQuery,
        response: { 200: PortfolioGraph },
      },
      config: READ,
    },
    async (request) => portfolioGraph(db, await accessOf(db, request), request.query),
  );

  app.get(
    '/api/portfolio/master-data',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Master-data designations: the authoritative system per information type and scope, dated',
        querystring: MasterDataDesignationQuery,
        response: { 200: MasterDataDesignationListResponse },
      },
      config: READ,
    },
    async (request) => ({ items: await listDesignations(db, await accessOf(db, request), request.query) }),
  );

  app.post(
    '/api/portfolio/master-data',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Designate the authoritative system for an information type within a scope from a date',
        body: MasterDataDesignationInput,
        response: { 201: MasterDataDesignation },
      },
      config: { access: { permission: 'masterData.manage' } },
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      const row = await db.transaction().execute(async (trx) => {
        const created = await designate(trx, access, request.body);
        await request.recordAudit(trx, {
          action: 'portfolio.masterData.designate',
          outcome: 'success',
          resourceType: 'informationType',
          resourceId: created.information_type_id,
          details: { designation: created.id, system: created.system_id, scope: created.scope_org_unit_id },
        });
        return created;
      });
      reply.code(201);
      const [presented] = await presentDesignations(db, access, [row]);
      return presented;
    },
  );

  app.post(
    '/api/portfolio/master-data/:designationId/end',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'End a master-data designation on a date',
        params: DesignationIdParams,
        body: EndDesignation,
        response: { 200: MasterDataDesignation },
      },
      config: { access: { permission: 'masterData.manage' } },
    },
    async (request) => {
      const access = await accessOf(db, request);
      const row = await db.transaction().execute(async (trx) => {
        const ended = await endDesignation(trx, access, request.params.designationId, request.body.validTo);
        await request.recordAudit(trx, {
          action: 'portfolio.masterData.end',
          outcome: 'success',
          resourceType: 'informationType',
          resourceId: ended.information_type_id,
          details: { designation: ended.id, to: ended.valid_to },
        });
        return ended;
      });
      const [presented] = await presentDesignations(db, access, [row]);
      return presented;
    },
  );

  // Reports.
  app.get(
    '/api/portfolio/reports/tiers',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Systems in use per tier and category',
        response: { 200: TierReport },
      },
      config: READ,
    },
    async () => tierReport(db),
  );
  app.get(
    '/api/portfolio/reports/role-coverage',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Role coverage: systems in use with owner, manager and custodian, and the gaps',
        response: { 200: RoleCoverageReport },
      },
      config: READ,
    },
    async (request) => roleCoverageReport(db, await accessOf(db, request)),
  );
  app.get(
    '/api/portfolio/reports/sso-coverage',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Single sign-on among the N most important systems (tier, then users)',
        querystring: SsoCoverageQuery,
        response: { 200: SsoCoverageReport },
      },
      config: READ,
    },
    async (request) => ssoCoverageReport(db, request.query.top),
  );
  app.get(
    '/api/portfolio/reports/classification-overdue',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Information held by systems in use that is unclassified or past its review date',
        response: { 200: ClassificationOverdueReport },
      },
      config: READ,
    },
    async (request) => classificationOverdueReport(db, await accessOf(db, request)),
  );
  app.get(
    '/api/portfolio/reports/innovation',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Innovative systems and whether they are past the six months their kind allows',
        response: { 200: InnovationReport },
      },
      config: READ,
    },
    async (request) => innovationReport(db, await accessOf(db, request)),
  );

  // Ratings.
  app.get(
    '/api/portfolio/rating-rounds',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Rating rounds (systemenkäter)',
        response: { 200: RatingRoundListResponse },
      },
      config: READ,
    },
    async (request) => ({ items: await listRounds(db, await accessOf(db, request)) }),
  );
  app.post(
    '/api/portfolio/rating-rounds',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Open a rating round (the IT department)',
        body: RatingRoundInput,
        response: { 201: RatingRound },
      },
      config: { access: { permission: 'portfolio.manage' } },
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      return db.transaction().execute(async (trx) => {
        const round = await createRound(trx, access, request.body);
        await request.recordAudit(trx, {
          action: 'portfolio.ratingRound.create',
          outcome: 'success',
          resourceType: 'ratingRound',
          resourceId: round.id,
          details: { opensOn: round.opensOn, closesOn: round.closesOn },
        });
        reply.code(201);
        return round;
      });
    },
  );
  app.post(
    '/api/portfolio/rating-rounds/:roundId/ratings',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Rate a system one uses, 1–5 with an optional comment (again to change it)',
        params: RatingRoundIdParams,
        body: RatingInput,
        response: { 204: z.null() },
      },
      config: { access: 'session' },
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      if (access.actor.type !== 'staff') throw forbidden();
      await db.transaction().execute(async (trx) => {
        await rate(trx, access, request.params.roundId, request.body);
        await request.recordAudit(trx, {
          action: 'portfolio.rating.save',
          outcome: 'success',
          resourceType: 'system',
          resourceId: request.body.systemId,
          details: { round: request.params.roundId },
        });
      });
      reply.code(204);
      return null;
    },
  );
  app.get(
    '/api/portfolio/rating-rounds/:roundId/results',
    {
      schema: {
        tags: ['portfolio'],
        summary: "A round's results: per system and the share rated 4–5",
        params: RatingRoundIdParams,
        response: { 200: RatingResults },
      },
      config: READ,
    },
    async (request) => ratingResults(db, await accessOf(db, request), request.params.roundId),
  );

  // pm3 management objects.
  app.get(
    '/api/portfolio/management-objects',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Management objects (pm3 förvaltningsobjekt) with their systems, roles and yearly plans',
        response: { 200: ManagementObjectListResponse },
      },
      config: READ,
    },
    async (request) => ({ items: await listManagementObjects(db, await accessOf(db, request)) }),
  );
  const saveObject = async (
    request: FastifyRequest,
    id: string | null,
    body: z.infer<typeof ManagementObjectInput>,
  ): Promise<ManagementObject> => {
    const access = await accessOf(db, request);
    const objectId = await db.transaction().execute(async (trx) => {
      const saved = await saveManagementObject(trx, access, id, body);
      await request.recordAudit(trx, {
        action: id ? 'portfolio.managementObject.update' : 'portfolio.managementObject.create',
        outcome: 'success',
        resourceType: 'managementObject',
        resourceId: saved,
        details: { systems: body.systemIds.length },
      });
      return saved;
    });
    const object = (await listManagementObjects(db, access)).find((candidate) => candidate.id === objectId);
    if (!object) throw portfolioError('management_object_not_found');
    return object;
  };
  app.post(
    '/api/portfolio/management-objects',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Create a management object and choose its systems',
        body: ManagementObjectInput,
        response: { 201: ManagementObject },
      },
      config: { access: { permission: 'portfolio.manage' } },
    },
    async (request, reply) => {
      const object = await saveObject(request, null, request.body);
      reply.code(201);
      return object;
    },
  );
  app.put(
    '/api/portfolio/management-objects/:objectId',
    {
      schema: {
        tags: ['portfolio'],
        summary: 'Change a management object and its systems',
        params: ManagementObjectIdParams,
        body: ManagementObjectInput,
        response: { 200: ManagementObject },
      },
      config: { access: { permission: 'portfolio.manage' } },
    },
    async (request) => saveObject(request, request.params.objectId, request.body),
  );
  app.put(
    '/api/portfolio/management-objects/:objectId/plans',
    {
      schema: {
        tags: ['portfolio'],
        summary: "Set a management object's plan for a year: maintenance and development budgets, goals",
        params: ManagementObjectIdParams,
        body: ManagementPlanInput,
        response: { 200: ManagementObject },
      },
      config: { access: { permission: 'portfolio.manage' } },
    },
    async (request) => {
      const access = await accessOf(db, request);
      const { objectId } = request.params;
      await db.transaction().execute(async (trx) => {
        await savePlan(trx, access, objectId, request.body);
        await request.recordAudit(trx, {
          action: 'portfolio.managementPlan.save',
          outcome: 'success',
          resourceType: 'managementObject',
          resourceId: objectId,
          details: { year: request.body.year },
        });
      });
      const object = (await listManagementObjects(db, access)).find((candidate) => candidate.id === objectId);
      if (!object) throw portfolioError('management_object_not_found');
      return object;
    },
  );
}
