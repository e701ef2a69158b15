import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';

export interface MigrationSource {
  name: string;
  migrations: Record<string, Migration>;
}

const MIGRATION_KEY = /^(\d{12})-([a-z0-9-]+)$/;

/**
 * Gathers every module's migrations under one global name `<timestamp>_<module>_<description>`, so
 * they apply in time order across modules and the table shows which module owns each.
 */
export function collectMigrations(sources: MigrationSource[]): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const source of sources) {
    for (const [key, migration] of Object.entries(source.migrations)) {
      const match = MIGRATION_KEY.exec(key);
      if (!match)
        throw new Error(`migration "${key}" of ${source.name} must be named YYYYMMDDHHMM-description`);
      all[`${match[1]}_${source.name}_${match[2]}`] = migration;
    }
  }
  return all;
}

function migratorFor(db: Kysely<unknown>, sources: MigrationSource[]): Migrator {
  const migrations = collectMigrations(sources);
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Modules are written in parallel; a module's older-dated migration may land after a newer one.
    allowUnorderedMigrations: true,
  });
}

/** Applies every pending migration; throws with the failing migration's name and cause. */
export async function migrateToLatest(db: Kysely<unknown>, sources: MigrationSource[]): Promise<string[]> {
  const result = await migratorFor(db, sources).migrateToLatest();
  return unwrap(result, 'Up');
}

/** Reverts the most recent migration (for development; production never goes down). */
export async function migrateDown(db: Kysely<unknown>, sources: MigrationSource[]): Promise<string[]> {
  const result = await migratorFor(db, sources).migrateDown();
  return unwrap(result, 'Down');
}

/** Names of the migrations not yet applied. */
export async function pendingMigrations(db: Kysely<unknown>, sources: MigrationSource[]): Promise<string[]> {
  const migrations = await migratorFor(db, sources).getMigrations();
  return migrations.filter((migration) => !migration.executedAt).map((migration) => migration.name);
}

function unwrap(result: MigrationResultSet, direction: 'Up' | 'Down'): string[] {
  const failed = result.results?.find((migration) => migration.status === 'Error');
  if (result.error) {
    const name = failed ? ` ${failed.migrationName}` : '';
    throw new Error(`migration${name} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? [])
    .filter((migration) => migration.status === 'Success' && migration.direction === direction)
    .map((migration) => migration.migrationName);
}
