import { appendFile, copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends } from '../../../test/test-server.ts';
import { AuditTrail } from '../../platform/audit/index.ts';
import { loadConfig } from '../../platform/config.ts';
import type { Database } from '../../platform/db/database.ts';
import {
  type DropLogger,
  POPULATION_DROP_LOCK_KEY,
  PopulationDrop,
  type PopulationDropOptions,
  startPopulationDrop,
} from './population-drop.ts';
import { registryDb } from './registry.tables.ts';

const fixtures = path.join(import.meta.dirname, 'population-file', 'fixtures');
const fixture = (name: string) => path.join(fixtures, name);

interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  details: object;
}

function recordingLogger(): { lines: LogLine[]; logger: DropLogger } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (details: object, message: string) => {
    lines.push({ level, message, details });
  };
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

/** Every personal number in the fixtures: none may reach a log line or a file the job writes. */
async function fixturePersonalNumbers(): Promise<string[]> {
  const numbers = new Set<string>();
  for (const name of await readdir(fixtures)) {
    const text = await readFile(fixture(name), 'latin1');
    for (const match of text.matchAll(/<PersonNr>(\d{10,12})<\/PersonNr>/g)) numbers.add(match[1] ?? '');
  }
  return [...numbers].filter(Boolean);
}

describe.each(testBackends)('the population drop directory on %s', (backend) => {
  let database: Database;
  let dir: string;
  let log: ReturnType<typeof recordingLogger>;
  const jobs: PopulationDrop[] = [];

  const newJob = async (options: Partial<PopulationDropOptions> = {}) => {
    const job = new PopulationDrop({
      dir,
      db: database.db,
      audit: await AuditTrail.load(database.db),
      logger: log.logger,
      refuseSynthetic: false,
      intervalMs: 60_000,
      settleMs: 20,
      ...options,
    });
    jobs.push(job);
    return job;
  };
  const drop = (from: string, as: string) => copyFile(fixture(from), path.join(dir, as));
  const listing = async (sub = '.') => (await readdir(path.join(dir, sub))).sort();
  const count = async (table: 'registry_persons' | 'registry_import_batches' | 'registry_person_versions') =>
    Number(
      (
        await registryDb(database.db)
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const messages = () => log.lines.map((line) => line.message);
  // The test template may hold imports of its own (the demo seed): count what each test adds.
  let batchesBefore = 0;
  let personsBefore = 0;
  const newBatches = async () => (await count('registry_import_batches')) - batchesBefore;

  beforeEach(async () => {
    database = await openTestDatabase(backend);
    dir = await mkdtemp(path.join(tmpdir(), 'karna-drop-'));
    log = recordingLogger();
    batchesBefore = await count('registry_import_batches');
    personsBefore = await count('registry_persons');
  });
  afterEach(async () => {
    await Promise.all(jobs.splice(0).map((job) => job.stop()));
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a full file and moves it to processed/ with its summary', async () => {
    await drop('full.xml', '2024-06-01-0001.xml');
    const round = await (await newJob()).runOnce();

    expect(round).toEqual({
      files: [{ name: '2024-06-01-0001.xml', outcome: 'imported', movedTo: 'processed/2024-06-01-0001.xml' }],
      waiting: [],
    });
    expect(await listing()).toEqual(['failed', 'processed']);
    expect(await listing('processed')).toEqual(['2024-06-01-0001.xml', '2024-06-01-0001.xml.summary.json']);
    const summary = JSON.parse(
      await readFile(path.join(dir, 'processed/2024-06-01-0001.xml.summary.json'), 'utf8'),
    );
    expect(summary).toMatchObject({
      file: '2024-06-01-0001.xml',
      outcome: 'imported',
      fileKind: 'full',
      changed: 0,
      unchanged: 0,
      rejected: 0,
      rejections: [],
    });
    expect(summary.added).toBe(summary.records);
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await count('registry_persons')).toBeGreaterThan(personsBefore);
    expect(await newBatches()).toBe(1);

    expect(messages()).toEqual([
      'population file picked up',
      'population file imported',
      'population file moved',
    ]);
    expect(log.lines[1]?.details).toMatchObject({ file: '2024-06-01-0001.xml', kind: 'full', rejected: 0 });
  });

  it('keeps rejections by position and reason, and no personal number in the summary or the log', async () => {
    await drop('broken-bad-luhn.xml', 'bad-luhn.xml');
    await (await newJob()).runOnce();

    const text = await readFile(path.join(dir, 'processed/bad-luhn.xml.summary.json'), 'utf8');
    const summary = JSON.parse(text);
    expect(summary.rejected).toBeGreaterThan(0);
    expect(summary.rejections[0]).toEqual({
      record: expect.any(Number),
      line: expect.any(Number),
      reason: expect.any(String),
    });
    const logged = JSON.stringify(log.lines);
    for (const number of await fixturePersonalNumbers()) {
      expect(text).not.toContain(number);
      expect(logged).not.toContain(number);
      expect(text).not.toContain(number.slice(2));
    }
  });

  it('moves a truncated file to failed/ with where and why, and changes nothing', async () => {
    await drop('full.xml', '0001.xml');
    const job = await newJob();
    await job.runOnce();
    const before = {
      persons: await count('registry_persons'),
      batches: await count('registry_import_batches'),
    };

    await drop('broken-truncated.xml', '0002.xml');
    const round = await job.runOnce();

    expect(round.files).toEqual([{ name: '0002.xml', outcome: 'failed', movedTo: 'failed/0002.xml' }]);
    expect(await listing('failed')).toEqual(['0002.xml', '0002.xml.error.txt']);
    const error = await readFile(path.join(dir, 'failed/0002.xml.error.txt'), 'utf8');
    expect(error).toMatch(/^0002\.xml was not imported: nothing in it was applied/);
    expect(error).toMatch(/^Where: line \d+$/m);
    expect(error).toMatch(/^Why: .*\(truncated\)$/m);
    expect({
      persons: await count('registry_persons'),
      batches: await count('registry_import_batches'),
    }).toEqual(before);
    expect(
      log.lines.find((line) => line.message === 'population file refused: nothing applied')?.details,
    ).toMatchObject({
      file: '0002.xml',
      fault: 'truncated',
    });
  });

  it('applies a change file after the full file, in name order', async () => {
    // Dropped in the opposite order: name order decides, not arrival.
    await drop('changes.xml', '2024-06-30-0002.xml');
    await drop('full.xml', '2024-06-01-0001.xml');
    const round = await (await newJob()).runOnce();

    expect(round.files.map((file) => [file.name, file.outcome])).toEqual([
      ['2024-06-01-0001.xml', 'imported'],
      ['2024-06-30-0002.xml', 'imported'],
    ]);
    const changes = JSON.parse(
      await readFile(path.join(dir, 'processed/2024-06-30-0002.xml.summary.json'), 'utf8'),
    );
    expect(changes).toMatchObject({ fileKind: 'change', rejected: 0 });
    expect(changes.changed + changes.added).toBeGreaterThan(0);
    const kinds = await registryDb(database.db)
      .selectFrom('registry_persons')
      .select('facts_change_kind')
      .distinct()
      .execute();
    expect(kinds.map((row) => row.facts_change_kind)).toEqual(expect.arrayContaining(['move', 'birth']));
  });

  it('does not import the same file twice', async () => {
    const job = await newJob();
    await drop('full.xml', 'a.xml');
    await job.runOnce();

    await drop('full.xml', 'a.xml');
    const round = await job.runOnce();

    expect(round.files).toEqual([
      { name: 'a.xml', outcome: 'already_imported', movedTo: 'processed/a.2.xml' },
    ]);
    expect(await newBatches()).toBe(1);
    const summary = JSON.parse(await readFile(path.join(dir, 'processed/a.2.xml.summary.json'), 'utf8'));
    expect(summary).toMatchObject({ outcome: 'already_imported', earlierImport: { file: 'a.xml' } });
    // The first summary is still there, untouched.
    expect(JSON.parse(await readFile(path.join(dir, 'processed/a.xml.summary.json'), 'utf8')).outcome).toBe(
      'imported',
    );
  });

  it('leaves .part, .tmp, hidden and empty files alone', async () => {
    await drop('full.xml', 'a.xml.part');
    await drop('full.xml', 'b.tmp');
    await drop('full.xml', '.c.xml');
    await writeFile(path.join(dir, 'd.xml'), '');
    const round = await (await newJob()).runOnce();

    expect(round).toEqual({ files: [], waiting: ['d.xml'] });
    expect(await listing()).toEqual(['.c.xml', 'a.xml.part', 'b.tmp', 'd.xml']);
    expect(await newBatches()).toBe(0);
  });

  it('waits for a file still being written, and for the files after it', async () => {
    const whole = await readFile(fixture('full.xml'));
    const cut = whole.indexOf('<Folkbokforingspost>', 2000);
    await writeFile(path.join(dir, '0001.xml'), whole.subarray(0, cut));
    await drop('changes.xml', '0002.xml');
    const job = await newJob({ settleMs: 1000 });

    const round = job.runOnce();
    await sleep(250);
    await appendFile(path.join(dir, '0001.xml'), whole.subarray(cut));
    expect(await round).toEqual({ files: [], waiting: ['0001.xml', '0002.xml'] });
    expect(await newBatches()).toBe(0);

    const next = await job.runOnce();
    expect(next.files.map((file) => file.outcome)).toEqual(['imported', 'imported']);
  });

  it('refuses a synthetic file when told to (production)', async () => {
    await drop('full.xml', 'synthetic.xml');
    const round = await (await newJob({ refuseSynthetic: true })).runOnce();

    expect(round.files).toEqual([
      { name: 'synthetic.xml', outcome: 'failed', movedTo: 'failed/synthetic.xml' },
    ]);
    const error = await readFile(path.join(dir, 'failed/synthetic.xml.error.txt'), 'utf8');
    expect(error).toContain('Where: the file header (Avisering)');
    expect(error).toMatch(/^Why: .*synthetic.*\(synthetic\)$/m);
    expect(await newBatches()).toBe(0);
  });

  it('does not run a second round while one is running', async () => {
    await drop('full.xml', 'a.xml');
    const job = await newJob();
    const [first, second] = await Promise.all([job.runOnce(), job.runOnce()]);
    expect(first.files).toHaveLength(1);
    expect(second).toEqual({ skipped: 'busy', files: [], waiting: [] });
  });

  it('imports one file at a time on a schedule faster than the imports', async () => {
    await drop('full.xml', '0001.xml');
    await drop('changes.xml', '0002.xml');
    await drop('changes-unknown-person.xml', '0003.xml');
    const job = await newJob({ intervalMs: 5, firstRoundDelayMs: 0, settleMs: 1 });
    job.start();
    for (let waited = 0; (await listing()).some((name) => name.endsWith('.xml')); waited += 20) {
      if (waited > 20_000) throw new Error('the schedule did not take the files');
      await sleep(20);
    }
    await job.stop();

    const steps = log.lines
      .map((line) => line.message)
      .filter((message) => message === 'population file picked up' || message === 'population file moved');
    expect(steps).toEqual(Array(3).fill(['population file picked up', 'population file moved']).flat());
    expect(messages()).toContain('population drop round skipped: the previous one is still running');
    expect(await newBatches()).toBe(3);
  });

  it('moves a file older than the newest applied to failed/, and applies nothing of it', async () => {
    await drop('changes.xml', '0001.xml');
    await drop('full.xml', '0002.xml');
    const job = await newJob();
    const round = await job.runOnce();
    expect(round.files).toEqual([
      { name: '0001.xml', outcome: 'imported', movedTo: 'processed/0001.xml' },
      { name: '0002.xml', outcome: 'failed', movedTo: 'failed/0002.xml' },
    ]);
    expect(await newBatches()).toBe(1);
    const why = await readFile(path.join(dir, 'failed/0002.xml.error.txt'), 'utf8');
    expect(why).toContain('before the newest file already applied');
  });

  it('lets one of two servers on the same database take a file, once', async () => {
    await drop('full.xml', 'a.xml');
    const [one, two] = [await newJob(), await newJob()];
    const rounds = await Promise.all([one.runOnce(), two.runOnce()]);

    expect(rounds.flatMap((round) => round.files)).toEqual([
      { name: 'a.xml', outcome: 'imported', movedTo: 'processed/a.xml' },
    ]);
    expect(await newBatches()).toBe(1);
  });

  it.skipIf(backend === 'pglite')('skips the round while another server holds the lock', async () => {
    await drop('full.xml', 'a.xml');
    const job = await newJob();
    await database.db.connection().execute(async (other) => {
      await sql`select pg_advisory_lock(${POPULATION_DROP_LOCK_KEY})`.execute(other);
      try {
        expect(await job.runOnce()).toEqual({ skipped: 'locked', files: [], waiting: [] });
      } finally {
        await sql`select pg_advisory_unlock(${POPULATION_DROP_LOCK_KEY})`.execute(other);
      }
    });
    expect(await listing()).toEqual(['a.xml']);
    expect((await job.runOnce()).files).toHaveLength(1);
  });

  it('finishes the running import at stop, then takes nothing more', async () => {
    await drop('full.xml', '0001.xml');
    await drop('changes.xml', '0002.xml');
    const job = await newJob();
    const round = job.runOnce();
    while (!messages().includes('population file picked up')) await sleep(1);
    await job.stop();

    expect((await round).files.map((file) => file.name)).toEqual(['0001.xml']);
    expect(await listing()).toEqual(['0002.xml', 'failed', 'processed']);
    expect(await newBatches()).toBe(1);
    expect(await job.runOnce()).toEqual({ skipped: 'stopped', files: [], waiting: [] });
  });

  it('says so when the directory is missing, and leaves files when processed/ cannot be made', async () => {
    const missing = await newJob({ dir: path.join(dir, 'nowhere') });
    expect(await missing.runOnce()).toEqual({ skipped: 'no_directory', files: [], waiting: [] });
    expect(messages()).toEqual(['population drop directory missing: nothing imported']);

    await drop('full.xml', 'a.xml');
    await writeFile(path.join(dir, 'processed'), 'not a directory');
    await expect((await newJob()).runOnce()).rejects.toThrow();
    expect(await newBatches()).toBe(0);
    expect(await listing()).toContain('a.xml');
  });

  it('starts with the server only when a drop directory is configured', async () => {
    const context = {
      db: database.db,
      audit: await AuditTrail.load(database.db),
      log: { child: () => log.logger } as unknown as FastifyBaseLogger,
    };
    expect(startPopulationDrop({ ...context, config: loadConfig({ KARNA_ENV: 'test' }) })).toBeUndefined();
    const work = startPopulationDrop({
      ...context,
      config: loadConfig({
        KARNA_ENV: 'test',
        KARNA_POPULATION_DROP_DIR: dir,
        KARNA_POPULATION_DROP_MINUTES: '2',
      }),
    });
    expect(work).toBeDefined();
    await work?.stop();
    expect(log.lines[0]).toEqual({
      level: 'info',
      message: 'population drop directory watched',
      details: { dir, intervalMinutes: 2 },
    });
  });
});
