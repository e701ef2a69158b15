import { type StaffRole, webPages } from '@karna/contracts';
import {
  assertSeedingAllowed,
  demoCitizens,
  demoOrgUnits,
  demoStaff,
  isDatabaseEmpty,
  seedDemoMunicipality,
} from '../seeds/demo-municipality.ts';
import { buildApp, migrationSources, startBackgroundWork } from './app.ts';
import { SessionStore, staffRoleNamesSv } from './modules/identity/index.ts';
import { AuditTrail, openAuditCheckpointWriter } from './platform/audit/index.ts';
import { type Config, ConfigError, loadConfig } from './platform/config.ts';
import { countRequestsInFlight } from './platform/http/requests-in-flight.ts';
import { openMailer } from './platform/mail/index.ts';
import { openMigratedDatabase } from './platform/startup.ts';

const SESSION_CLEANUP_INTERVAL_MS = 10 * 60_000;

/** Starts Kärna: configuration, database and migrations, the demo seed on a fresh install, HTTP. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const database = await openMigratedDatabase(config, migrationSources);
  let seeded = false;
  if (config.seedDemo && (await isDatabaseEmpty(database.db))) {
    assertSeedingAllowed(config);
    await seedDemoMunicipality(database.db, await AuditTrail.load(database.db));
    seeded = true;
  }
  // One mailer per process, opened before the app: the development routes show its catcher, and
  // the job runner (startBackgroundWork) sends through it.
  const mailer = await openMailer(config);
  const app = await buildApp(config, database, { mailer });
  const requestsInFlight = countRequestsInFlight(app);
  if (mailer.notice) app.log[mailer.notice.level](mailer.notice.message);
  // Reads (in development creates) the signing key before listening: no start without anchoring.
  const checkpoints = await openAuditCheckpointWriter(config, app.log);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const problem = listenProblem(error, config);
    if (!problem) throw error;
    await mailer.stop();
    await database.close();
    throw new StartupProblem(problem);
  }

  const sessions = new SessionStore(config);
  const cleanup = setInterval(() => {
    sessions
      .removeExpired(database.db)
      .catch((error: unknown) => app.log.error({ err: error }, 'session cleanup failed'));
  }, SESSION_CLEANUP_INTERVAL_MS);
  cleanup.unref();
  checkpoints.start(database.db, config.auditCheckpoints.intervalMinutes);
  // Jobs (receipts, the process's first steps, mail) wait while people wait for answers.
  const background = await startBackgroundWork(
    config,
    database,
    app.log,
    mailer,
    () => requestsInFlight() > 0,
  );

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(cleanup);
    await app.close();
    // Before the last checkpoint, so that it covers what a running import wrote.
    await background.stop();
    // After the jobs: the mail job under way has finished with the transport.
    await mailer.stop();
    await checkpoints.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  printWelcome(config.publicUrl, {
    backend: database.backend,
    seeded,
    testIdp: config.testIdp,
    mailCatcher: mailer.catcher?.url,
    ms: Math.round(performance.now() - startedAt),
  });
}

function printWelcome(
  url: string,
  facts: { backend: string; seeded: boolean; testIdp: boolean; mailCatcher: string | undefined; ms: number },
): void {
  const lines = [
    '',
    `  Kärna is running at ${url}  (database: ${facts.backend}, ready in ${facts.ms} ms)`,
    `  API documentation: ${url}/api/docs`,
  ];
  if (facts.mailCatcher) {
    lines.push(
      `  Mails are caught, not sent (local SMTP catcher at ${facts.mailCatcher}): read them at ${url}${webPages.caughtMails}`,
    );
  }
  if (facts.seeded) lines.push('  Seeded the demo municipality Mölnåls stad.');
  if (facts.testIdp) {
    lines.push(
      '',
      '  Log in through the bundled test identity provider (not a real e-legitimation):',
      '  - Citizen: "Logga in med e-legitimation" and pick a person, e.g.',
      ...demoCitizens
        .slice(0, 3)
        .map((c) => `      ${c.givenName} ${c.familyName} (test personnummer ${c.personalNumber})`),
      '  - Staff: "Logga in som medarbetare" and pick an account:',
      ...demoStaff.map(
        (person) => `      ${person.givenName} ${person.familyName} — ${describeRoles(person.roles)}`,
      ),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

function describeRoles(roles: { role: StaffRole; orgUnit: string }[]): string {
  if (roles.length === 0) return 'inga roller ännu (no roles yet)';
  const unitName = (key: string) => demoOrgUnits.find((unit) => unit.key === key)?.name ?? key;
  return roles.map((grant) => `${staffRoleNamesSv[grant.role]}, ${unitName(grant.orgUnit)}`).join('; ');
}

/** A start that failed for a reason the operator can fix: said in one line, without a stack trace. */
class StartupProblem extends Error {}

/** Says what to do when the server cannot listen, or undefined for an unexpected failure. */
function listenProblem(error: unknown, config: Config): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `port ${config.port} on ${config.host}`;
  if (code === 'EADDRINUSE') {
    return `Kärna could not start: ${where} is already in use (is Kärna already running?). Set PORT to a free port, e.g. PORT=${config.port + 1} npm start.`;
  }
  if (code === 'EACCES') {
    return `Kärna could not start: it may not listen on ${where}. Set PORT to a port above 1024, e.g. PORT=3000.`;
  }
  if (code === 'EADDRNOTAVAIL') {
    return `Kärna could not start: this machine has no address ${config.host}. Set HOST, e.g. HOST=127.0.0.1 or HOST=0.0.0.0.`;
  }
  return undefined;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupProblem) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Kärna could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
