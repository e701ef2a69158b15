import {
  Contract,
  ContractIdParams,
  ContractInput,
  ContractListQuery,
  ContractListResponse,
  SpendImportResult,
  Supplier,
  SupplierIdParams,
  SupplierInput,
  SupplierListQuery,
  SupplierListResponse,
  SupplierTargetInput,
  SupplierTrend,
} from '@karna/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PlatformContext } from '../../platform/module.ts';
import { itServicesError } from './it-services.errors.ts';
import { accessOf, MANAGE } from './it-services.routes.ts';
import {
  contractView,
  createContract,
  createSupplier,
  importSpend,
  listContracts,
  listSuppliers,
  MAX_SPEND_FILE_BYTES,
  readSpendFile,
  setSupplierTargets,
  supplierTrend,
  supplierView,
  updateContract,
  updateSupplier,
} from './it-services.suppliers.ts';

/** The supplier register, contracts, spend and the supplier-count trend (N7): the IT department's. */
export async function registerSupplierRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const manager = async (request: Parameters<typeof accessOf>[1]) => {
    const access = await accessOf(db, request);
    access.assertManage();
    return access;
  };

  app.get(
    '/api/it-services/suppliers',
    {
      schema: {
        tags: ['it-services'],
        summary: 'The supplier register: search by name or organisation number, those paid in a year',
        querystring: SupplierListQuery,
        response: { 200: SupplierListResponse },
      },
      config: MANAGE,
    },
    async (request) => {
      await manager(request);
      return listSuppliers(db, request.query);
    },
  );

  app.post(
    '/api/it-services/suppliers',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Add a supplier (organisation number checked with its Luhn digit)',
        body: SupplierInput,
        response: { 201: Supplier },
      },
      config: MANAGE,
    },
    async (request, reply) => {
      await manager(request);
      const id = await db.transaction().execute(async (trx) => {
        const supplierId = await createSupplier(trx, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.supplier.create',
          outcome: 'success',
          resourceType: 'itSupplier',
          resourceId: supplierId,
          details: { name: request.body.name },
        });
        return supplierId;
      });
      reply.code(201);
      return supplierView(db, id);
    },
  );

  app.get(
    '/api/it-services/suppliers/:supplierId',
    {
      schema: {
        tags: ['it-services'],
        summary: 'A supplier with its spend per year',
        params: SupplierIdParams,
        response: { 200: Supplier },
      },
      config: MANAGE,
    },
    async (request) => {
      await manager(request);
      return supplierView(db, request.params.supplierId);
    },
  );

  app.put(
    '/api/it-services/suppliers/:supplierId',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Change a supplier',
        params: SupplierIdParams,
        body: SupplierInput,
        response: { 200: Supplier },
      },
      config: MANAGE,
    },
    async (request) => {
      await manager(request);
      await db.transaction().execute(async (trx) => {
        await updateSupplier(trx, request.params.supplierId, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.supplier.update',
          outcome: 'success',
          resourceType: 'itSupplier',
          resourceId: request.params.supplierId,
        });
      });
      return supplierView(db, request.params.supplierId);
    },
  );

  app.post(
    '/api/it-services/suppliers/spend',
    {
      schema: {
        tags: ['it-services'],
        summary:
          "Import the finance system's yearly spend per supplier (CSV: organisationsnummer;leverantör;år;belopp); all rows or none",
        consumes: ['text/csv'],
        response: { 200: SpendImportResult },
      },
      config: MANAGE,
      bodyLimit: MAX_SPEND_FILE_BYTES,
    },
    async (request) => {
      await manager(request);
      if (typeof request.body !== 'string')
        throw itServicesError('spend_file_invalid', { detail: 'Send the file as text/csv.' });
      const rows = readSpendFile(request.body);
      return db.transaction().execute(async (trx) => {
        const result = await importSpend(trx, rows);
        await request.recordAudit(trx, {
          action: 'it-services.supplier.spend-import',
          outcome: 'success',
          resourceType: 'itSupplierSpend',
          details: result,
        });
        return result;
      });
    },
  );

  app.get(
    '/api/it-services/supplier-trend',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Suppliers paid per year against the baseline and the targets (MOL: −20 %, then −50 %)',
        response: { 200: SupplierTrend },
      },
      config: MANAGE,
    },
    async (request) => {
      await manager(request);
      return supplierTrend(db);
    },
  );

  app.put(
    '/api/it-services/supplier-trend/targets',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Set the baseline year and the targets for the number of suppliers',
        body: SupplierTargetInput,
        response: { 200: SupplierTrend },
      },
      config: MANAGE,
    },
    async (request) => {
      await manager(request);
      await db.transaction().execute(async (trx) => {
        await setSupplierTargets(trx, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.supplier.targets',
          outcome: 'success',
          resourceType: 'itSupplierTargets',
          details: request.body,
        });
      });
      return supplierTrend(db);
    },
  );

  app.get(
    '/api/it-services/contracts',
    {
      schema: {
        tags: ['it-services'],
        summary:
          'Contracts, with the date to renew or give notice; `renewalDue` lists those due within 120 days',
        querystring: ContractListQuery,
        response: { 200: ContractListResponse },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await manager(request);
      return { items: await listContracts(db, request.query, access.today) };
    },
  );

  app.post(
    '/api/it-services/contracts',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Register a contract with a supplier',
        body: ContractInput,
        response: { 201: Contract },
      },
      config: MANAGE,
    },
    async (request, reply) => {
      const access = await manager(request);
      const id = await db.transaction().execute(async (trx) => {
        const contractId = await createContract(trx, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.contract.create',
          outcome: 'success',
          resourceType: 'itContract',
          resourceId: contractId,
          details: { supplierId: request.body.supplierId, annualValueOre: request.body.annualValueOre },
        });
        return contractId;
      });
      reply.code(201);
      return contractView(db, id, access.today);
    },
  );

  app.put(
    '/api/it-services/contracts/:contractId',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Change a contract (a renewal moves its end date)',
        params: ContractIdParams,
        body: ContractInput,
        response: { 200: Contract },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await manager(request);
      await db.transaction().execute(async (trx) => {
        await updateContract(trx, request.params.contractId, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.contract.update',
          outcome: 'success',
          resourceType: 'itContract',
          resourceId: request.params.contractId,
        });
      });
      return contractView(db, request.params.contractId, access.today);
    },
  );
}
