import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { type MigrationSource, migrateToLatest } from './db/migrator.ts';

/** Opens the configured database (PGlite in the data directory, or DATABASE_URL) and migrates it. */
export async function openMigratedDatabase(config: Config, sources: MigrationSource[]): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db, sources);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
