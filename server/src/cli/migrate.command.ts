import { migrationSources } from '../app.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateDown, migrateToLatest } from '../platform/db/migrator.ts';
import { type CliCommand, EXIT, parseOptions, print, showUsage, UsageError } from './cli.ts';

const USAGE = `Usage: karna migrate [--down]

Applies every pending migration of the platform and its modules.
  --down   revert the most recent migration instead (development only)`;

export const runMigrateCommand: CliCommand = async (args, loadConfig) => {
  const { values } = parseOptions(args, { down: { type: 'boolean' } }, USAGE);
  if (values.help) return showUsage(USAGE, true);
  const config = loadConfig();
  if (values.down && config.env === 'production')
    throw new UsageError('migrate --down is refused in production.');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const names = values.down
      ? await migrateDown(database.db, migrationSources)
      : await migrateToLatest(database.db, migrationSources);
    if (names.length === 0) print('The database is up to date.');
    for (const name of names) print(`${values.down ? 'Reverted' : 'Applied'} ${name}`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
};
