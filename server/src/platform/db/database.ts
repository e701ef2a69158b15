import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PgliteDialect } from './pglite-dialect.ts';
import { preparingClientClass, StatementPreparer } from './prepared-statements.ts';

/** PostgreSQL type OIDs we parse the same way on both backends. */
const INT8_OID = 20;
/**
 * `date` stays the `YYYY-MM-DD` text PostgreSQL sends: a calendar date has no time zone, and
 * turning it into a JavaScript Date (midnight in the server's zone) shifts it a day in some zones.
 */
const DATE_OID = 1082;
const keepText = (value: string) => value;

/**
 * A database handle the platform opens once and closes once. `db` is typed for the platform's own
 * tables; a module widens it with `db.withTables<ModuleTables>()` for the tables it owns.
 */
export interface Database<Tables = unknown> {
  db: Kysely<Tables>;
  backend: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent, the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files (`<dataDir>/pglite`). */
  dataDir?: string;
  /** Start PGlite from a dumped data directory (tests copy one migrated template this way). */
  pgliteLoadDataDir?: Blob;
  /** Keep PGlite in memory only (tests). */
  inMemory?: boolean;
}

/** Opens the embedded PGlite or a PostgreSQL server, behind the same Kysely interface. */
export async function openDatabase<Tables>(options: DatabaseOptions): Promise<Database<Tables>> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      Client: preparingClientClass(new StatementPreparer()),
      types: {
        getTypeParser: (oid, format) =>
          oid === INT8_OID ? Number : oid === DATE_OID ? keepText : pg.types.getTypeParser(oid, format),
      },
    });
    // An idle connection can fail (server restart, terminated backend); the pool replaces it, and
    // without a listener the error would end the process.
    pool.on('error', (error) => process.stderr.write(`database connection error: ${error.message}\n`));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { db, backend: 'postgres', close: () => db.destroy() };
  }
  const pglite = await openPglite(options);
  const db = new Kysely<Tables>({ dialect: new PgliteDialect(pglite) });
  return {
    db,
    backend: 'pglite',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/**
 * postgresql.conf settings for the embedded database. PGlite keeps all of shared_buffers resident,
 * and PostgreSQL's default (128 MB) is sized for a server; the embedded database serves one
 * process with small data, and 16 MB took the idle RSS down by ~110 MB (bench/RESULTS.md).
 */
export const EMBEDDED_POSTGRES_SETTINGS = ['shared_buffers=16MB'];

/**
 * The extensions the migrations create, which PGlite must load at every start (on a server they
 * come with PostgreSQL): pg_trgm for the indexes behind substring search.
 */
export const EMBEDDED_EXTENSIONS = { pg_trgm };

async function openPglite(options: DatabaseOptions): Promise<PGlite> {
  const settings = {
    parsers: { [INT8_OID]: (value: string) => Number(value), [DATE_OID]: keepText },
    postgresqlconf: EMBEDDED_POSTGRES_SETTINGS,
    extensions: EMBEDDED_EXTENSIONS,
  };
  if (options.inMemory) {
    return PGlite.create({
      ...settings,
      ...(options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {}),
    });
  }
  const directory = path.resolve(options.dataDir ?? './data', 'pglite');
  await mkdir(directory, { recursive: true });
  return PGlite.create(directory, settings);
}
