import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemoMunicipality } from '../seeds/demo-municipality.ts';
import { migrationSources } from '../src/app.ts';
import { AuditTrail } from '../src/platform/audit/index.ts';
import { EMBEDDED_EXTENSIONS, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { PgliteDialect } from '../src/platform/db/pglite-dialect.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** A dumped PGlite data directory, migrated and seeded: each test file loads its own copy. */
    pgliteTemplatePath: string;
    /** A PostgreSQL template database, migrated and seeded, when KARNA_TEST_DATABASE_URL is set. */
    postgresTemplate: { url: string; database: string } | null;
  }
}

/**
 * Migrates and seeds one database per backend once per run; test files copy it (PGlite:
 * loadDataDir, ~0.3 s; PostgreSQL: CREATE DATABASE … TEMPLATE) instead of paying initdb each.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'karna-test-'));
  const pgliteTemplatePath = path.join(workDir, 'template.tar.gz');
  await writeFile(pgliteTemplatePath, await buildPgliteTemplate());
  project.provide('pgliteTemplatePath', pgliteTemplatePath);

  const serverUrl = process.env.KARNA_TEST_DATABASE_URL;
  const postgresTemplate = serverUrl ? await buildPostgresTemplate(serverUrl) : null;
  project.provide('postgresTemplate', postgresTemplate);

  return async () => {
    await rm(workDir, { recursive: true, force: true });
    if (serverUrl && postgresTemplate) await dropDatabase(serverUrl, postgresTemplate.database);
  };
}

async function migrateAndSeed(db: Kysely<unknown>): Promise<void> {
  await migrateToLatest(db, migrationSources);
  // The population is left out: API tests write the people they need (seedDemoPopulation is tested).
  await seedDemoMunicipality(db, await AuditTrail.load(db), { population: false });
}

async function buildPgliteTemplate(): Promise<Buffer> {
  const pglite = await PGlite.create({ extensions: EMBEDDED_EXTENSIONS });
  const db = new Kysely<unknown>({ dialect: new PgliteDialect(pglite) });
  await migrateAndSeed(db);
  const dump = await pglite.dumpDataDir('gzip');
  await db.destroy();
  await pglite.close();
  return Buffer.from(await dump.arrayBuffer());
}

async function buildPostgresTemplate(serverUrl: string): Promise<{ url: string; database: string }> {
  const database = `karna_template_${process.pid}`;
  await dropDatabase(serverUrl, database);
  await adminQuery(serverUrl, `create database ${database}`);
  const url = databaseUrl(serverUrl, database);
  const opened = await openDatabase({ databaseUrl: url });
  try {
    await migrateAndSeed(opened.db);
  } finally {
    await opened.close();
  }
  return { url: serverUrl, database };
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.href;
}

export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
}
