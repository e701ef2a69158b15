import {
  assertSeedingAllowed,
  isDatabaseEmpty,
  seedDemoMunicipality,
  wipeDatabase,
} from '../../seeds/demo-municipality.ts';
import { migrationSources } from '../app.ts';
import { AuditTrail, setAsideCheckpointFile } from '../platform/audit/index.ts';
import { migrateToLatest } from '../platform/db/migrator.ts';
import { type CliCommand, EXIT, parseOptions, print, showUsage, withDatabase } from './cli.ts';

const USAGE = `Usage: karna seed [--reset]

Seeds the demo municipality (Mölnåls stad) into an empty database.
  --reset   wipe the whole database first (all data, including the audit trail) and rebuild it
Refused when KARNA_ENV=production.`;

export const runSeedCommand: CliCommand = async (args, loadConfig) => {
  const { values } = parseOptions(args, { reset: { type: 'boolean' } }, USAGE);
  if (values.help) return showUsage(USAGE, true);
  const config = loadConfig();
  assertSeedingAllowed(config);
  return withDatabase(config, async ({ db }) => {
    if (values.reset) {
      await wipeDatabase(db);
      await migrateToLatest(db, migrationSources);
      print('Wiped the database and applied every migration.');
      // The wiped trail's checkpoints would fail every later verify: kept aside, never deleted.
      const setAside = await setAsideCheckpointFile(config.auditCheckpoints.file);
      if (setAside) print(`Moved the wiped audit trail's checkpoints to ${setAside}.`);
    } else if (!(await isDatabaseEmpty(db))) {
      print('The database already holds an organisation; use --reset to rebuild the demo.');
      return EXIT.failure;
    }
    await seedDemoMunicipality(db, await AuditTrail.load(db));
    print('Seeded the demo municipality Mölnåls stad.');
    return EXIT.ok;
  });
};
