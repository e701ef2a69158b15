import {
  AllocationRunDetail,
  AllocationRunIdParams,
  AllocationRunInput,
  AllocationRunListResponse,
  ChargeLineListResponse,
  ChargeLineQuery,
  ChargePeriod,
  CostPool,
  CostPoolIdParams,
  CostPoolInput,
  CostPoolListQuery,
  CostPoolListResponse,
  DepartmentCharges,
  DepartmentChargesQuery,
  DriverSet,
  DriverSetInput,
  KeyFigureInput,
  KeyFigures,
  PeriodParams,
  YearParams,
} from '@karna/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toCsv } from '../../platform/csv/index.ts';
import type { PlatformContext } from '../../platform/module.ts';
import {
  approveRun,
  createRun,
  departmentCharges,
  discardRun,
  listRuns,
  runDetail,
  runLines,
} from './it-services.chargeback.ts';
import { MAX_DRIVER_FILE_BYTES, readDriverFile } from './it-services.driver-file.ts';
import { driverSet, replaceImportedDrivers } from './it-services.drivers.ts';
import { itServicesError } from './it-services.errors.ts';
import { keyFigures, setKeyFigures } from './it-services.key-figures.ts';
import { createPool, listPools, updatePool } from './it-services.pools.ts';
import { accessOf, MANAGE, ORDER } from './it-services.routes.ts';

/** Chargeback (N4): cost pools, drivers, allocation runs, and what a department is charged. */

const RunListQuery = z.object({ period: ChargePeriod.optional() });

export async function registerChargebackRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/it-services/cost-pools',
    {
      schema: {
        tags: ['it-services'],
        summary: "A year's cost pools (MOL 8.2) and the distribution models each follows",
        querystring: CostPoolListQuery,
        response: { 200: CostPoolListResponse },
      },
      config: MANAGE,
    },
    async (request) => {
      (await accessOf(db, request)).assertManage();
      return { items: await listPools(db, request.query.year) };
    },
  );

  app.post(
    '/api/it-services/cost-pools',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Add a cost pool for a year, with its models and their shares (summing to 100 %)',
        body: CostPoolInput,
        response: { 201: CostPool },
      },
      config: MANAGE,
    },
    async (request, reply) => {
      (await accessOf(db, request)).assertManage();
      const pool = await db.transaction().execute(async (trx) => {
        const created = await createPool(trx, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.cost-pool.create',
          outcome: 'success',
          resourceType: 'itCostPool',
          resourceId: created.id,
          details: { year: created.year, annualAmountOre: created.annualAmountOre, models: created.models },
        });
        return created;
      });
      reply.code(201);
      return pool;
    },
  );

  app.put(
    '/api/it-services/cost-pools/:poolId',
    {
      schema: {
        tags: ['it-services'],
        summary:
          'Change a cost pool: the next run of a month uses it; approved runs keep what they distributed',
        params: CostPoolIdParams,
        body: CostPoolInput,
        response: { 200: CostPool },
      },
      config: MANAGE,
    },
    async (request) => {
      (await accessOf(db, request)).assertManage();
      return db.transaction().execute(async (trx) => {
        const updated = await updatePool(trx, request.params.poolId, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.cost-pool.update',
          outcome: 'success',
          resourceType: 'itCostPool',
          resourceId: updated.id,
          details: { year: updated.year, annualAmountOre: updated.annualAmountOre, models: updated.models },
        });
        return updated;
      });
    },
  );

  app.get(
    '/api/it-services/drivers/:period',
    {
      schema: {
        tags: ['it-services'],
        summary: "A month's driver quantities per department: imported, from the portfolio, and from orders",
        params: PeriodParams,
        response: { 200: DriverSet },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await accessOf(db, request);
      access.assertManage();
      return driverSet(db, access, request.params.period);
    },
  );

  app.put(
    '/api/it-services/drivers/:period',
    {
      schema: {
        tags: ['it-services'],
        summary: "Replace a month's imported quantities of the kinds given (computers, users, connections …)",
        params: PeriodParams,
        body: DriverSetInput,
        response: { 200: DriverSet },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await accessOf(db, request);
      access.assertManage();
      await db.transaction().execute(async (trx) => {
        await replaceImportedDrivers(trx, access, request.params.period, request.body.values);
        await request.recordAudit(trx, {
          action: 'it-services.drivers.replace',
          outcome: 'success',
          resourceType: 'itDrivers',
          resourceId: request.params.period,
          details: { rows: request.body.values.length },
        });
      });
      return driverSet(db, access, request.params.period);
    },
  );

  app.post(
    '/api/it-services/drivers/:period/file',
    {
      schema: {
        tags: ['it-services'],
        summary:
          "Import a month's quantities from the finance system's CSV (förvaltning;nyckel;antal); all rows or none",
        params: PeriodParams,
        consumes: ['text/csv'],
        response: { 200: DriverSet },
      },
      config: MANAGE,
      bodyLimit: MAX_DRIVER_FILE_BYTES,
    },
    async (request) => {
      const access = await accessOf(db, request);
      access.assertManage();
      if (typeof request.body !== 'string')
        throw itServicesError('driver_file_invalid', { detail: 'Send the file as text/csv.' });
      const rows = readDriverFile(access, request.body);
      await db.transaction().execute(async (trx) => {
        await replaceImportedDrivers(trx, access, request.params.period, rows);
        await request.recordAudit(trx, {
          action: 'it-services.drivers.import',
          outcome: 'success',
          resourceType: 'itDrivers',
          resourceId: request.params.period,
          details: { rows: rows.length },
        });
      });
      return driverSet(db, access, request.params.period);
    },
  );

  app.get(
    '/api/it-services/allocation-runs',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Allocation runs, newest month and version first',
        querystring: RunListQuery,
        response: { 200: AllocationRunListResponse },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await accessOf(db, request);
      access.assertManage();
      return { items: await listRuns(db, access, request.query.period) };
    },
  );

  app.post(
    '/api/it-services/allocation-runs',
    {
      schema: {
        tags: ['it-services'],
        summary:
          'Run a month: distribute its share of the pools and charge its orders; a rerun is a new version',
        body: AllocationRunInput,
        response: { 201: AllocationRunDetail },
      },
      config: MANAGE,
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      access.assertManage();
      const runId = await db.transaction().execute(async (trx) => {
        const id = await createRun(trx, access, request.body.period, request.body.pupilComputerWeight);
        await request.recordAudit(trx, {
          action: 'it-services.allocation.run',
          outcome: 'success',
          resourceType: 'itAllocationRun',
          resourceId: id,
          details: { period: request.body.period, pupilComputerWeight: request.body.pupilComputerWeight },
        });
        return id;
      });
      reply.code(201);
      return runDetail(db, access, runId);
    },
  );

  app.get(
    '/api/it-services/allocation-runs/:runId',
    {
      schema: {
        tags: ['it-services'],
        summary: 'A run: totals per department, the change against the version before, what IT keeps',
        params: AllocationRunIdParams,
        response: { 200: AllocationRunDetail },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await accessOf(db, request);
      access.assertManage();
      return runDetail(db, access, request.params.runId);
    },
  );

  app.get(
    '/api/it-services/allocation-runs/:runId/lines',
    {
      schema: {
        tags: ['it-services'],
        summary: "A run's charge lines, each explained (pool, model, drivers, rate; or order, price, days)",
        params: AllocationRunIdParams,
        querystring: ChargeLineQuery,
        response: { 200: ChargeLineListResponse },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await accessOf(db, request);
      access.assertManage();
      await runDetail(db, access, request.params.runId);
      return { items: await runLines(db, access, request.params.runId, request.query.departmentId) };
    },
  );

  for (const [action, change] of [
    ['approve', approveRun],
    ['discard', discardRun],
  ] as const) {
    app.post(
      `/api/it-services/allocation-runs/:runId/${action}`,
      {
        schema: {
          tags: ['it-services'],
          summary:
            action === 'approve'
              ? 'Approve a proposed run (someone other than who ran it); it is never changed afterwards'
              : 'Discard a proposed run that is not to be approved',
          params: AllocationRunIdParams,
          response: { 200: AllocationRunDetail },
        },
        config: MANAGE,
      },
      async (request) => {
        const access = await accessOf(db, request);
        await db.transaction().execute(async (trx) => {
          const run = await change(trx, access, request.params.runId);
          await request.recordAudit(trx, {
            action: `it-services.allocation.${action}`,
            outcome: 'success',
            resourceType: 'itAllocationRun',
            resourceId: run.id,
            details: { period: run.period, version: run.version },
          });
        });
        return runDetail(db, access, request.params.runId);
      },
    );
  }

  app.get(
    '/api/it-services/allocation-runs/:runId/export',
    {
      schema: {
        tags: ['it-services'],
        summary: "A run's charge lines as CSV for the finance system (semicolons, UTF-8, amounts in kronor)",
        params: AllocationRunIdParams,
        produces: ['text/csv'],
      },
      config: MANAGE,
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      access.assertManage();
      const run = await runDetail(db, access, request.params.runId);
      const lines = await runLines(db, access, run.id);
      const kronor = (ore: number) => (ore / 100).toFixed(2).replace('.', ',');
      const csv = toCsv(
        [
          'Period',
          'Version',
          'Förvaltning',
          'Kostnadsställe',
          'Kostnadstyp',
          'Kategori',
          'Modell',
          'Beställning',
          'Tjänst',
          'Belopp (kr)',
          'Förklaring',
        ],
        lines.map((line) => [
          run.period,
          run.version,
          line.departmentName,
          line.costCentre,
          line.costType,
          line.category,
          line.model,
          line.orderNumber,
          line.serviceName,
          kronor(line.amountOre),
          line.explanation.sv,
        ]),
      );
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="debitering-${run.period}-v${run.version}.csv"`);
      return csv;
    },
  );

  app.get(
    '/api/it-services/charges',
    {
      schema: {
        tags: ['it-services'],
        summary:
          "A department's charges for a month from the approved run, each line explained (its orderers and IT)",
        querystring: DepartmentChargesQuery,
        response: { 200: DepartmentCharges },
      },
      config: ORDER,
    },
    async (request) =>
      departmentCharges(db, await accessOf(db, request), request.query.departmentId, request.query.period),
  );

  app.get(
    '/api/it-services/key-figures/:year',
    {
      schema: {
        tags: ['it-services'],
        summary:
          'IT cost as a share of turnover for the municipality and each department, beside the reference (P4)',
        params: YearParams,
        response: { 200: KeyFigures },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await accessOf(db, request);
      access.assertManage();
      return keyFigures(db, access, request.params.year);
    },
  );

  app.put(
    '/api/it-services/key-figures/:year',
    {
      schema: {
        tags: ['it-services'],
        summary:
          "Enter a year's turnover, the departments' own IT costs and the reference value (replaces the year's figures)",
        params: YearParams,
        body: KeyFigureInput,
        response: { 200: KeyFigures },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await accessOf(db, request);
      access.assertManage();
      await db.transaction().execute(async (trx) => {
        await setKeyFigures(trx, access, request.params.year, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.key-figures.set',
          outcome: 'success',
          resourceType: 'itKeyFigures',
          resourceId: String(request.params.year),
        });
      });
      return keyFigures(db, access, request.params.year);
    },
  );
}
