import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { karnaRunner } from '../../cli/cli.test-support.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { registryDb } from './registry.tables.ts';

const KARNA_BIN = path.resolve(import.meta.dirname, '../../../bin/karna.js');
const fixture = (name: string) => path.join(import.meta.dirname, 'population-file', 'fixtures', name);

/**
 * The import as an operator runs it, in its own process on the embedded database: a process killed
 * in the middle of a large file leaves the register as the last finished import left it, and a full
 * load that no longer names a guardian ends that custody.
 */
describe('the population import killed mid-file', () => {
  let dir: string;
  const karna = karnaRunner(() => path.join(dir, 'data'));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'karna-import-crash-'));
    expect((await karna(['migrate'])).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const registerCounts = async () => {
    const database = await openDatabase({ dataDir: path.join(dir, 'data') });
    try {
      const tables = registryDb(database.db);
      const count = async (table: 'registry_persons' | 'registry_custody' | 'registry_import_batches') =>
        Number(
          (
            await tables
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        persons: await count('registry_persons'),
        custody: await count('registry_custody'),
        batches: await count('registry_import_batches'),
        endedCustody: Number(
          (
            await tables
              .selectFrom('registry_custody')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('valid_to', 'is not', null)
              .executeTakeFirstOrThrow()
          ).n,
        ),
      };
    } finally {
      await database.close();
    }
  };

  it('leaves the previous state whole when killed after several chunks were written', async () => {
    expect((await karna(['import', 'population', fixture('full.xml')])).code).toBe(0);
    const before = await registerCounts();
    expect(before.persons).toBeGreaterThan(0);

    const large = path.join(dir, 'large.xml');
    const generated = await karna([
      'generate',
      'population',
      '--persons',
      '8000',
      '--out',
      large,
      '--seed',
      '7',
    ]);
    expect(generated.code).toBe(0);
    const child = spawn(process.execPath, [KARNA_BIN, 'import', 'population', large], {
      env: {
        ...process.env,
        KARNA_DATA_DIR: path.join(dir, 'data'),
        KARNA_ENV: 'development',
        DATABASE_URL: '',
      },
    });
    // Killed once it reports 5,500 records read: by then chunks have been written in its transaction.
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const read = [...output.matchAll(/(\d+) records/g)].map((match) => Number(match[1]));
        if (read.some((records) => records >= 5500)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code) => (code === 0 ? reject(new Error('the import finished first')) : resolve()));
    });
    await new Promise((resolve) => child.once('close', resolve));

    expect(await registerCounts()).toEqual(before);
    const again = await karna(['import', 'population', large]);
    expect(again.code).toBe(0);
    expect((await registerCounts()).persons).toBeGreaterThan(before.persons);
  }, 240_000);

  it('ends the custody a full load no longer names', async () => {
    const full = await readFile(fixture('full.xml'), 'utf8');
    // The second guardian of the file's first child, no longer named.
    const withoutGuardian = full.replace(
      /\s*<Vardnadshavare>\s*<PersonNr>197903152390<\/PersonNr>\s*<Fran>2014-11-02<\/Fran>\s*<\/Vardnadshavare>/,
      '',
    );
    expect(withoutGuardian).not.toEqual(full);
    const changed = path.join(dir, 'full-one-guardian.xml');
    await writeFile(changed, withoutGuardian);
    // The register already holds the previous test's file, created today: these 2024 files are
    // older, which the import refuses unless told.
    const refused = await karna(['import', 'population', fixture('full.xml')]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toMatch(
      /Nothing was applied: the file was created 2024-06-01T04:00:00.000Z, before/,
    );
    expect((await karna(['import', 'population', '--allow-older', fixture('full.xml')])).code).toBe(0);
    const before = await registerCounts();
    const result = await karna(['import', 'population', '--allow-older', changed]);
    expect(result.code).toBe(0);
    expect(result.stdout, result.stdout).toMatch(/ended 1\b/);
    expect((await registerCounts()).endedCustody).toBe(before.endedCustody + 1);
  }, 120_000);
});
