import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Kysely, Migration } from 'kysely';
import type { AuditTrail } from './audit/index.ts';
import type { Config } from './config.ts';
import type { JobHandler } from './jobs/index.ts';

/** What the platform hands each module when it registers. */
export interface PlatformContext {
  config: Config;
  db: Kysely<unknown>;
  audit: AuditTrail;
}

/** What the platform hands a module's background work: the context and the server's logger. */
export interface BackgroundContext extends PlatformContext {
  log: FastifyBaseLogger;
}

/** Work a module runs beside the HTTP server (a schedule, a queue); stopped at shutdown. */
export interface BackgroundWork {
  /** Stops scheduling and resolves once the work under way has finished or rolled back. */
  stop(): Promise<void>;
}

/**
 * A business module as the composition root (server/src/app.ts) sees it: its name, its migrations,
 * its routes and its background work. Error codes and permissions are contributed to the central
 * catalogs in server/src/error-catalog.ts and contracts/src/access.ts.
 */
export interface KarnaModule {
  name: string;
  /** Keyed `YYYYMMDDHHMM-description`; applied in timestamp order across all modules. */
  migrations: Record<string, Migration>;
  registerRoutes?(app: FastifyInstance, context: PlatformContext): Promise<void>;
  /** Starts the module's background work once the server listens (not in the CLI or tests). */
  startBackgroundWork?(context: BackgroundContext): BackgroundWork | undefined;
  /** The jobs the module hands over with `enqueueJob` (platform/jobs), by kind: `<module>.<what>`. */
  jobHandlers?(context: PlatformContext): Record<string, JobHandler>;
}
