import { TaskListResponse } from '@karna/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PlatformContext } from '../../platform/module.ts';
import { findTasksForStaff } from './tasks.service.ts';

export async function registerTasksRoutes(fastify: FastifyInstance, { db }: PlatformContext): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/tasks/mine',
    {
      schema: {
        tags: ['tasks'],
        summary: "The staff member's tasks: assigned to them or waiting in their units",
        response: { 200: TaskListResponse },
      },
      config: { access: { permission: 'tasks.read' } },
    },
    async (request) => ({ items: await findTasksForStaff(db, request.actor) }),
  );
}
