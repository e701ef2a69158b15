import {
  LicenceAssignmentInput,
  LicenceAssignmentParams,
  LicencePoolDetail,
  LicencePoolIdParams,
  LicencePoolInput,
  LicencePoolListResponse,
  LicenceReleaseInput,
  LicenceUsageInput,
  LicenceUsageResult,
} from '@karna/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PlatformContext } from '../../platform/module.ts';
import type { ItServicesAccess } from './it-services.access.ts';
import { licenceError } from './it-services.licences.errors.ts';
import {
  assignLicence,
  createLicencePool,
  licencePoolDetail,
  listLicencePools,
  releaseLicence,
  updateLicencePool,
} from './it-services.licences.ts';
import {
  importLicenceUsage,
  MAX_USAGE_FILE_BYTES,
  readUsageCsv,
  type UsageRow,
  usageRowsOf,
} from './it-services.licences.usage.ts';
import { accessOf, MANAGE } from './it-services.routes.ts';

/**
 * Licence administration (N6), the IT department's only: pools, assignments, the supplier's report
 * of use, and what to reuse. A pool's detail names the people holding its licences, so each read of
 * it is recorded in the audit trail.
 */
export async function registerLicenceRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const manager = async (request: FastifyRequest): Promise<ItServicesAccess> => {
    const access = await accessOf(db, request);
    access.assertManage();
    return access;
  };

  app.get(
    '/api/it-services/licence-pools',
    {
      schema: {
        tags: ['it-services'],
        summary:
          'Every licence pool with its figures: purchased, assigned, used in 90 days, what the unused cost',
        response: { 200: LicencePoolListResponse },
      },
      config: MANAGE,
    },
    async (request) => listLicencePools(db, await manager(request)),
  );

  app.post(
    '/api/it-services/licence-pools',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Add a licence pool for an application (the name is unique)',
        body: LicencePoolInput,
        response: { 201: LicencePoolDetail },
      },
      config: MANAGE,
    },
    async (request, reply) => {
      const access = await manager(request);
      const id = await db.transaction().execute(async (trx) => {
        const poolId = await createLicencePool(trx, access, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.licence-pool.create',
          outcome: 'success',
          resourceType: 'itLicencePool',
          resourceId: poolId,
          details: poolDetails(request.body),
        });
        return poolId;
      });
      reply.code(201);
      return licencePoolDetail(db, access, id);
    },
  );

  app.get(
    '/api/it-services/licence-pools/:poolId',
    {
      schema: {
        tags: ['it-services'],
        summary:
          'A licence pool: figures, who holds its licences and since when, history, and the licences to reuse',
        params: LicencePoolIdParams,
        response: { 200: LicencePoolDetail },
      },
      config: MANAGE,
    },
    async (request) => {
      const detail = await licencePoolDetail(db, await manager(request), request.params.poolId);
      await request.recordRead({
        action: 'it-services.licence-pool.read',
        outcome: 'success',
        resourceType: 'itLicencePool',
        resourceId: detail.id,
        details: { assignments: detail.assignments.length, released: detail.released.length },
      });
      return detail;
    },
  );

  app.put(
    '/api/it-services/licence-pools/:poolId',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Change a licence pool; the purchased count cannot go below the licences assigned',
        params: LicencePoolIdParams,
        body: LicencePoolInput,
        response: { 200: LicencePoolDetail },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await manager(request);
      await db.transaction().execute(async (trx) => {
        await updateLicencePool(trx, access, request.params.poolId, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.licence-pool.update',
          outcome: 'success',
          resourceType: 'itLicencePool',
          resourceId: request.params.poolId,
          details: poolDetails(request.body),
        });
      });
      return licencePoolDetail(db, access, request.params.poolId);
    },
  );

  app.post(
    '/api/it-services/licence-pools/:poolId/assignments',
    {
      schema: {
        tags: ['it-services'],
        summary:
          'Assign a licence to a member of staff from a date: one per person, never more than purchased',
        params: LicencePoolIdParams,
        body: LicenceAssignmentInput,
        response: { 201: LicencePoolDetail },
      },
      config: MANAGE,
    },
    async (request, reply) => {
      const access = await manager(request);
      await db.transaction().execute(async (trx) => {
        const assignmentId = await assignLicence(trx, access, request.params.poolId, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.licence.assign',
          outcome: 'success',
          resourceType: 'itLicencePool',
          resourceId: request.params.poolId,
          details: { assignmentId, personId: request.body.personId, from: request.body.from },
        });
      });
      reply.code(201);
      return licencePoolDetail(db, access, request.params.poolId);
    },
  );

  app.post(
    '/api/it-services/licence-pools/:poolId/assignments/:assignmentId/release',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Release a licence on its last day; the assignment is kept as history',
        params: LicenceAssignmentParams,
        body: LicenceReleaseInput,
        response: { 200: LicencePoolDetail },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await manager(request);
      const { poolId, assignmentId } = request.params;
      await db.transaction().execute(async (trx) => {
        await releaseLicence(trx, access, poolId, assignmentId, request.body.on);
        await request.recordAudit(trx, {
          action: 'it-services.licence.release',
          outcome: 'success',
          resourceType: 'itLicencePool',
          resourceId: poolId,
          details: { assignmentId, on: request.body.on },
        });
      });
      return licencePoolDetail(db, access, poolId);
    },
  );

  const importUsage = async (
    request: FastifyRequest<{ Params: { poolId: string } }>,
    access: ItServicesAccess,
    rows: readonly UsageRow[],
    format: 'json' | 'csv',
  ) => {
    const { poolId } = request.params;
    const result = await db.transaction().execute(async (trx) => {
      const imported = await importLicenceUsage(trx, access, poolId, rows);
      await request.recordAudit(trx, {
        action: 'it-services.licence-usage.import',
        outcome: 'success',
        resourceType: 'itLicencePool',
        resourceId: poolId,
        details: { format, ...imported },
      });
      return imported;
    });
    return { ...result, pool: await licencePoolDetail(db, access, poolId) };
  };

  app.post(
    '/api/it-services/licence-pools/:poolId/usage',
    {
      schema: {
        tags: ['it-services'],
        summary: "Record the supplier's report of when each person last used their licence; all rows or none",
        params: LicencePoolIdParams,
        body: LicenceUsageInput,
        response: { 200: LicenceUsageResult },
      },
      config: MANAGE,
    },
    async (request) => importUsage(request, await manager(request), usageRowsOf(request.body.items), 'json'),
  );

  app.post(
    '/api/it-services/licence-pools/:poolId/usage/file',
    {
      schema: {
        tags: ['it-services'],
        summary:
          "Import the supplier's report of use as CSV (e-post;senast använd, `;` or `,`, UTF-8); all rows or none",
        params: LicencePoolIdParams,
        consumes: ['text/csv'],
        response: { 200: LicenceUsageResult },
      },
      config: MANAGE,
      bodyLimit: MAX_USAGE_FILE_BYTES,
    },
    async (request) => {
      const access = await manager(request);
      if (typeof request.body !== 'string')
        throw licenceError('licence_usage_invalid', { detail: 'Send the file as text/csv.' });
      return importUsage(request, access, readUsageCsv(request.body), 'csv');
    },
  );
}

/** What the audit trail keeps of a pool's facts. */
function poolDetails(input: LicencePoolInput) {
  return {
    name: input.name,
    systemId: input.systemId,
    purchased: input.purchased,
    unitPriceOre: input.unitPriceOre,
    renewalOn: input.renewalOn,
  };
}
