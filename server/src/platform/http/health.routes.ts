import { HealthResponse, ReadyResponse } from '@karna/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { type MigrationSource, pendingMigrations } from '../db/migrator.ts';
import { AppError } from './errors.ts';

/** Liveness (the process answers) and readiness (the database answers and its schema is current). */
export function registerHealthRoutes(
  fastify: FastifyInstance,
  db: Kysely<unknown>,
  sources: MigrationSource[],
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/health',
    {
      schema: { tags: ['platform'], summary: 'Liveness', response: { 200: HealthResponse } },
      config: { access: 'public' },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/api/ready',
    {
      schema: {
        tags: ['platform'],
        summary: 'Readiness: database reachable and migrations current',
        response: { 200: ReadyResponse },
      },
      config: { access: 'public' },
    },
    async (request) => {
      try {
        await sql`select 1`.execute(db);
      } catch (error) {
        request.log.error({ err: error }, 'database unreachable');
        throw new AppError('service_unavailable', { detail: 'The database does not answer.' });
      }
      const pending = await pendingMigrations(db, sources);
      if (pending.length > 0) {
        throw new AppError('service_unavailable', {
          detail: `${pending.length} database migrations are pending.`,
        });
      }
      return { status: 'ready' as const, database: 'up' as const, migrations: { pending } };
    },
  );
}
