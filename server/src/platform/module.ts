import type { FastifyInstance } from 'fastify';
import type { Kysely, Migration } from 'kysely';
import type { AuditTrail } from './audit/index.ts';
import type { Config } from './config.ts';

/** What the platform hands each module when it registers. */
export interface PlatformContext {
  config: Config;
  db: Kysely<unknown>;
  audit: AuditTrail;
}

/**
 * A business module as the composition root (server/src/app.ts) sees it: its name, its migrations
 * and its routes. Error codes and permissions are contributed to the central catalogs in
 * server/src/error-catalog.ts and contracts/src/access.ts.
 */
export interface KarnaModule {
  name: string;
  /** Keyed `YYYYMMDDHHMM-description`; applied in timestamp order across all modules. */
  migrations: Record<string, Migration>;
  registerRoutes?(app: FastifyInstance, context: PlatformContext): Promise<void>;
}
