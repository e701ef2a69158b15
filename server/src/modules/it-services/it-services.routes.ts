import {
  ItServicesDepartments,
  Order,
  OrderCancellationInput,
  OrderDecisionInput,
  OrderDeliveryInput,
  OrderIdParams,
  OrderInput,
  OrderListQuery,
  OrderListResponse,
  Service,
  ServiceIdParams,
  ServiceInput,
  ServiceListQuery,
  ServiceListResponse,
} from '@karna/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { PlatformContext } from '../../platform/module.ts';
import { ItServicesAccess } from './it-services.access.ts';
import {
  createService,
  findService,
  listServices,
  presentServices,
  updateService,
} from './it-services.catalog.ts';
import { itServicesError } from './it-services.errors.ts';
import {
  cancelOrder,
  decideOrder,
  deliverOrder,
  listOrders,
  orderView,
  placeOrder,
} from './it-services.orders.ts';

/** The service catalog and orders (N1–N3). */

export const READ = { access: { permission: 'itServices.read' } } as const;
export const REQUEST = { access: { permission: 'itServices.request' } } as const;
export const ORDER = { access: { permission: 'itServices.order' } } as const;
export const MANAGE = { access: { permission: 'itServices.manage' } } as const;

export function accessOf(db: Kysely<unknown>, request: FastifyRequest): Promise<ItServicesAccess> {
  return ItServicesAccess.load(db, request.actor);
}

export async function registerItServicesRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  async function serviceView(access: ItServicesAccess, id: string): Promise<Service> {
    const [service] = await presentServices(db, [await findService(db, id)], access.today);
    if (!service) throw itServicesError('service_not_found');
    return service;
  }

  app.get(
    '/api/it-services/services',
    {
      schema: {
        tags: ['it-services'],
        summary:
          "The IT service catalog: what each service includes, costs and promises (MOL 4.3's seven questions)",
        querystring: ServiceListQuery,
        response: { 200: ServiceListResponse },
      },
      config: READ,
    },
    async (request) => {
      const access = await accessOf(db, request);
      // Services not (or no longer) delivered are the IT department's to see.
      const query = access.manages() ? request.query : { ...request.query, all: 'false' as const };
      return { items: await listServices(db, query, access.today) };
    },
  );

  app.post(
    '/api/it-services/services',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Add a service to the catalog (the IT department)',
        body: ServiceInput,
        response: { 201: Service },
      },
      config: MANAGE,
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      access.assertManage();
      const row = await db.transaction().execute(async (trx) => {
        const created = await createService(trx, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.service.create',
          outcome: 'success',
          resourceType: 'itService',
          resourceId: created.id,
          details: {
            name: created.name,
            priceModel: created.price_model,
            priceOre: Number(created.price_ore),
          },
        });
        return created;
      });
      reply.code(201);
      return serviceView(access, row.id);
    },
  );

  app.get(
    '/api/it-services/services/:serviceId',
    {
      schema: {
        tags: ['it-services'],
        summary: 'A service of the catalog',
        params: ServiceIdParams,
        response: { 200: Service },
      },
      config: READ,
    },
    async (request) => serviceView(await accessOf(db, request), request.params.serviceId),
  );

  app.put(
    '/api/it-services/services/:serviceId',
    {
      schema: {
        tags: ['it-services'],
        summary:
          'Change a service (the IT department); orders keep their dates, charges follow the new price',
        params: ServiceIdParams,
        body: ServiceInput,
        response: { 200: Service },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await accessOf(db, request);
      access.assertManage();
      await db.transaction().execute(async (trx) => {
        const updated = await updateService(trx, request.params.serviceId, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.service.update',
          outcome: 'success',
          resourceType: 'itService',
          resourceId: updated.id,
          details: {
            name: updated.name,
            priceModel: updated.price_model,
            priceOre: Number(updated.price_ore),
          },
        });
      });
      return serviceView(access, request.params.serviceId);
    },
  );

  app.get(
    '/api/it-services/departments',
    {
      schema: {
        tags: ['it-services'],
        summary: 'The departments the caller may order for (as authorised orderer) or ask for orders in',
        response: { 200: ItServicesDepartments },
      },
      config: READ,
    },
    async (request) => {
      const access = await accessOf(db, request);
      const collator = new Intl.Collator('sv');
      const items = access
        .departments()
        .map((unit) => ({
          id: unit.id,
          name: unit.name,
          orders: access.ordersFor(unit),
          requests: access.requestsFor(unit),
        }))
        .filter((unit) => unit.orders || unit.requests)
        .sort((a, b) => collator.compare(a.name, b.name));
      return { items };
    },
  );

  app.get(
    '/api/it-services/orders',
    {
      schema: {
        tags: ['it-services'],
        summary: "Orders of the caller's departments (every department for the IT department), newest first",
        querystring: OrderListQuery,
        response: { 200: OrderListResponse },
      },
      config: REQUEST,
    },
    async (request) => ({ items: await listOrders(db, await accessOf(db, request), request.query) }),
  );

  app.post(
    '/api/it-services/orders',
    {
      schema: {
        tags: ['it-services'],
        summary:
          "Order a service for a department: the authorised orderer's order is approved as placed, anyone else's waits for the orderer",
        body: OrderInput,
        response: { 201: Order },
      },
      config: REQUEST,
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      const id = await db.transaction().execute(async (trx) => {
        const orderId = await placeOrder(trx, access, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.order.place',
          outcome: 'success',
          resourceType: 'itOrder',
          resourceId: orderId,
          details: {
            serviceId: request.body.serviceId,
            departmentId: request.body.departmentId,
            quantity: request.body.quantity,
            startDate: request.body.startDate,
          },
        });
        return orderId;
      });
      reply.code(201);
      return orderView(db, access, id);
    },
  );

  app.get(
    '/api/it-services/orders/:orderId',
    {
      schema: {
        tags: ['it-services'],
        summary: 'An order of one of the caller’s departments',
        params: OrderIdParams,
        response: { 200: Order },
      },
      config: REQUEST,
    },
    async (request) => orderView(db, await accessOf(db, request), request.params.orderId),
  );

  app.post(
    '/api/it-services/orders/:orderId/decision',
    {
      schema: {
        tags: ['it-services'],
        summary: "Approve or reject an order (the department's authorised orderer; not one's own)",
        params: OrderIdParams,
        body: OrderDecisionInput,
        response: { 200: Order },
      },
      config: ORDER,
    },
    async (request) => {
      const access = await accessOf(db, request);
      await db.transaction().execute(async (trx) => {
        await decideOrder(trx, access, request.params.orderId, request.body);
        await request.recordAudit(trx, {
          action: request.body.approve ? 'it-services.order.approve' : 'it-services.order.reject',
          outcome: 'success',
          resourceType: 'itOrder',
          resourceId: request.params.orderId,
        });
      });
      return orderView(db, access, request.params.orderId);
    },
  );

  app.post(
    '/api/it-services/orders/:orderId/delivery',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Record that an approved order was delivered (the IT department)',
        params: OrderIdParams,
        body: OrderDeliveryInput,
        response: { 200: Order },
      },
      config: MANAGE,
    },
    async (request) => {
      const access = await accessOf(db, request);
      await db.transaction().execute(async (trx) => {
        await deliverOrder(trx, access, request.params.orderId, request.body.deliveredOn);
        await request.recordAudit(trx, {
          action: 'it-services.order.deliver',
          outcome: 'success',
          resourceType: 'itOrder',
          resourceId: request.params.orderId,
          details: { deliveredOn: request.body.deliveredOn },
        });
      });
      return orderView(db, access, request.params.orderId);
    },
  );

  app.post(
    '/api/it-services/orders/:orderId/cancellation',
    {
      schema: {
        tags: ['it-services'],
        summary: "Cancel an order: charged up to the end date, which respects the service's notice",
        params: OrderIdParams,
        body: OrderCancellationInput,
        response: { 200: Order },
      },
      config: ORDER,
    },
    async (request) => {
      const access = await accessOf(db, request);
      await db.transaction().execute(async (trx) => {
        await cancelOrder(trx, access, request.params.orderId, request.body.endDate);
        await request.recordAudit(trx, {
          action: 'it-services.order.cancel',
          outcome: 'success',
          resourceType: 'itOrder',
          resourceId: request.params.orderId,
          details: { endDate: request.body.endDate },
        });
      });
      return orderView(db, access, request.params.orderId);
    },
  );
}
