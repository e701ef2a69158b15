import {
  assertSeedingAllowed,
  demoCitizens,
  demoOrgUnits,
  demoStaff,
  isDatabaseEmpty,
  seedDemoMunicipality,
} from '../seeds/demo-municipality.ts';
import { buildApp, migrationSources } from './app.ts';
import { SessionStore } from './modules/identity/index.ts';
import { AuditTrail } from './platform/audit/index.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
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
  const app = await buildApp(config, database);
  await app.listen({ port: config.port, host: config.host });

  const sessions = new SessionStore(config);
  const cleanup = setInterval(() => {
    sessions
      .removeExpired(database.db)
      .catch((error: unknown) => app.log.error({ err: error }, 'session cleanup failed'));
  }, SESSION_CLEANUP_INTERVAL_MS);
  cleanup.unref();

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(cleanup);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  printWelcome(config.publicUrl, {
    backend: database.backend,
    seeded,
    testIdp: config.testIdp,
    ms: Math.round(performance.now() - startedAt),
  });
}

function printWelcome(
  url: string,
  facts: { backend: string; seeded: boolean; testIdp: boolean; ms: number },
): void {
  const lines = [
    '',
    `  Kärna is running at ${url}  (database: ${facts.backend}, ready in ${facts.ms} ms)`,
    `  API documentation: ${url}/api/docs`,
  ];
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

function describeRoles(roles: { role: string; orgUnit: string }[]): string {
  if (roles.length === 0) return 'no roles yet';
  const unitName = (key: string) => demoOrgUnits.find((unit) => unit.key === key)?.name ?? key;
  return roles.map((grant) => `${grant.role} for ${unitName(grant.orgUnit)}`).join(', ');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Kärna could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
