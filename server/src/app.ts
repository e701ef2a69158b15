import path from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { errorCatalog } from './error-catalog.ts';
import { casesModule } from './modules/cases/index.ts';
import { identityAccessControl, identityModule } from './modules/identity/index.ts';
import { itServicesModule } from './modules/it-services/index.ts';
import { portfolioModule } from './modules/portfolio/index.ts';
import { registryModule } from './modules/registry/index.ts';
import { servicesModule } from './modules/services/index.ts';
import { tasksModule } from './modules/tasks/index.ts';
import { AuditTrail, auditMigrations } from './platform/audit/index.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import type { MigrationSource } from './platform/db/migrator.ts';
import { installAccessControl } from './platform/http/access.ts';
import { installRequestAuditing } from './platform/http/audit-requests.ts';
import { registerHealthRoutes } from './platform/http/health.routes.ts';
import { API_DOCS_PREFIX, createHttpServer, registerApiDocs } from './platform/http/server.ts';
import { registerWebApp } from './platform/http/web-app.ts';
import { JobRunner, jobMigrations } from './platform/jobs/index.ts';
import { MAIL_JOB, type Mailer, registerCaughtMailRoutes } from './platform/mail/index.ts';
import type { BackgroundWork, KarnaModule, PlatformContext } from './platform/module.ts';

/** Jobs a server process carries out at once: a job spends much of its time waiting for PostgreSQL. */
const JOB_CONCURRENCY = 4;

/** The business modules, in registration order. A new module is added here and nowhere else. */
export const modules: KarnaModule[] = [
  identityModule,
  tasksModule,
  registryModule,
  casesModule,
  servicesModule,
  portfolioModule,
  itServicesModule,
];

/** Every migration the database needs: the platform's own, then each module's. */
export const migrationSources: MigrationSource[] = [
  { name: 'platform', migrations: { ...auditMigrations, ...jobMigrations } },
  ...modules,
];

export const WEB_DIST_DIR = path.resolve(import.meta.dirname, '../../web/dist');

/**
 * The composition root: the platform's HTTP pipeline with every module's routes on it. `mailer` is
 * the process's one mailer (openMailer, opened by the caller, who stops it): where it has the local
 * catcher, the development routes that show the caught mails are added.
 */
export async function buildApp(
  config: Config,
  database: Database,
  { webDistDir = WEB_DIST_DIR, mailer }: { webDistDir?: string; mailer?: Mailer } = {},
): Promise<FastifyInstance> {
  const { db } = database;
  const audit = await AuditTrail.load(db);
  const context: PlatformContext = { config, db, audit };

  const app = await createHttpServer(config, errorCatalog);
  installAccessControl(app, identityAccessControl(context), [API_DOCS_PREFIX]);
  installRequestAuditing(app, db, audit);
  registerHealthRoutes(app, db, migrationSources);
  await registerApiDocs(app);
  for (const module of modules) {
    await module.registerRoutes?.(app, context);
  }
  // Only where the catcher runs: openMailer never opens one in production or with SMTP_URL.
  if (mailer?.catcher) registerCaughtMailRoutes(app, mailer.catcher);
  await registerWebApp(app, webDistDir);
  return app;
}

/**
 * Starts every module's background work (main.ts, once the server listens), with the job runner
 * sending mail through the process's one `mailer` (the caller stops it after this work) and giving
 * way to requests while `giveWayWhile` says some are waiting. The returned stop() ends all of it
 * and resolves when the work under way has finished or rolled back.
 */
export async function startBackgroundWork(
  config: Config,
  database: Database,
  log: FastifyBaseLogger,
  mailer: Mailer,
  giveWayWhile?: () => boolean,
): Promise<BackgroundWork> {
  const { db } = database;
  const context = { config, db, audit: await AuditTrail.load(db), log };
  const started = modules.flatMap((module) => module.startBackgroundWork?.(context) ?? []);
  // One job runner per server process; runners of several processes share the queue.
  const handlers = Object.assign(
    { [MAIL_JOB]: mailer.handler },
    ...modules.map((module) => module.jobHandlers?.(context) ?? {}),
  );
  const jobs = new JobRunner({ db, handlers, log, giveWayWhile, concurrency: JOB_CONCURRENCY });
  jobs.start();
  return {
    stop: async () => {
      await Promise.all(started.map((work) => work.stop()));
      // Resolves once the job under way has finished: only then may the caller close the mailer.
      await jobs.stop();
    },
  };
}
