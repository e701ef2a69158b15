import {
  SlaReport,
  SlaReportQuery,
  Ticket,
  TicketCommentInput,
  TicketEscalationInput,
  TicketIdParams,
  TicketInput,
  TicketListQuery,
  TicketListResponse,
  TicketResolutionInput,
} from '@karna/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PlatformContext } from '../../platform/module.ts';
import { accessOf, MANAGE, READ } from './it-services.routes.ts';
import {
  commentTicket,
  escalateTicket,
  listTickets,
  reportTicket,
  resolveTicket,
  slaReport,
  takeTicket,
  ticketView,
} from './it-services.tickets.ts';

/** Support (N5): staff report and follow their tickets; the IT department's lines handle them. */
export async function registerTicketRoutes(fastify: FastifyInstance, { db }: PlatformContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/it-services/tickets',
    {
      schema: {
        tags: ['it-services'],
        summary: 'Report a problem with a service, a system or anything else (the single point of contact)',
        body: TicketInput,
        response: { 201: Ticket },
      },
      config: READ,
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      const id = await db.transaction().execute(async (trx) => {
        const ticketId = await reportTicket(trx, access, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.ticket.report',
          outcome: 'success',
          resourceType: 'itTicket',
          resourceId: ticketId,
          details: { impact: request.body.impact, urgency: request.body.urgency },
        });
        return ticketId;
      });
      reply.code(201);
      return ticketView(db, access, id);
    },
  );

  app.get(
    '/api/it-services/tickets',
    {
      schema: {
        tags: ['it-services'],
        summary:
          "The caller's own tickets, or for the IT department every ticket: the queue by deadline, breach lists",
        querystring: TicketListQuery,
        response: { 200: TicketListResponse },
      },
      config: READ,
    },
    async (request) => ({ items: await listTickets(db, await accessOf(db, request), request.query) }),
  );

  app.get(
    '/api/it-services/tickets/:ticketId',
    {
      schema: {
        tags: ['it-services'],
        summary: 'A ticket with its history (the reporter sees no internal notes)',
        params: TicketIdParams,
        response: { 200: Ticket },
      },
      config: READ,
    },
    async (request) => ticketView(db, await accessOf(db, request), request.params.ticketId),
  );

  app.post(
    '/api/it-services/tickets/:ticketId/comments',
    {
      schema: {
        tags: ['it-services'],
        summary:
          "Answer in a ticket (the reporter's answer reopens a resolved one); IT may write internal notes",
        params: TicketIdParams,
        body: TicketCommentInput,
        response: { 200: Ticket },
      },
      config: READ,
    },
    async (request) => {
      const access = await accessOf(db, request);
      await db.transaction().execute(async (trx) => {
        await commentTicket(trx, access, request.params.ticketId, request.body);
        await request.recordAudit(trx, {
          action: 'it-services.ticket.comment',
          outcome: 'success',
          resourceType: 'itTicket',
          resourceId: request.params.ticketId,
          details: { internal: request.body.internal },
        });
      });
      return ticketView(db, access, request.params.ticketId);
    },
  );

  const handling = [
    ['take', 'Take a ticket: it is answered and assigned to the caller (the IT department)', null],
    ['escalate', 'Move a ticket to another line: 2 the specialists, 3 the supplier', TicketEscalationInput],
    ['resolve', 'Resolve a ticket and tell the reporter how', TicketResolutionInput],
  ] as const;
  for (const [action, summary, body] of handling) {
    app.post(
      `/api/it-services/tickets/:ticketId/${action}`,
      {
        schema: {
          tags: ['it-services'],
          summary,
          params: TicketIdParams,
          ...(body ? { body } : {}),
          response: { 200: Ticket },
        },
        config: MANAGE,
      },
      async (request) => {
        const access = await accessOf(db, request);
        const id = request.params.ticketId;
        await db.transaction().execute(async (trx) => {
          if (action === 'take') await takeTicket(trx, access, id);
          if (action === 'escalate')
            await escalateTicket(trx, access, id, TicketEscalationInput.parse(request.body));
          if (action === 'resolve')
            await resolveTicket(trx, access, id, TicketResolutionInput.parse(request.body).resolution);
          await request.recordAudit(trx, {
            action: `it-services.ticket.${action}`,
            outcome: 'success',
            resourceType: 'itTicket',
            resourceId: id,
          });
        });
        return ticketView(db, access, id);
      },
    );
  }

  app.get(
    '/api/it-services/sla-report',
    {
      schema: {
        tags: ['it-services'],
        summary:
          'How the service levels were kept in a year: tickets answered and fixed in time, per tier (N3)',
        querystring: SlaReportQuery,
        response: { 200: SlaReport },
      },
      config: MANAGE,
    },
    async (request) => {
      (await accessOf(db, request)).assertManage();
      return slaReport(db, request.query.year);
    },
  );
}
