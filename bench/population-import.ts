/**
 * A full import of the population register into PostgreSQL, against the fastest way the same
 * driver can put the same people into the same table.
 *
 * 1. Generates a full population file of `--persons` people (default 1,000,000) with
 *    `karna generate population --seed 1`, once: it is cached in os.tmpdir()/karna-bench-population.
 * 2. Creates a fresh database on the PostgreSQL server (`--postgres`) and runs `karna migrate` on it.
 * 3. The baseline: every person of the file, read through the project's streaming parser
 *    (`readPopulationFile`), written with one `COPY … FROM STDIN` (node-postgres and pg-copy-streams)
 *    into a copy of `registry_persons` (`like registry_persons including all`: the same columns,
 *    defaults, checks and indexes) in a schema of its own, in a child process. The schema is then
 *    dropped and a checkpoint taken, so the import starts on the freshly migrated database.
 * 4. Times `karna import population FILE` as a child process, from spawn to exit, with its peak RSS.
 *
 * The import writes more than the baseline (a version per person, custody, properties, owners,
 * organisations, signatories, the audit entry); the ratio says what all of that costs on top of
 * loading the people alone. Everything created is dropped at the end (`--keep` keeps the imported
 * database as bench_population_<N> for person-overview.ts).
 *
 * Usage: node bench/population-import.ts [--persons 1000000] [--postgres URL] [--keep]
 *        [--importer-flags='--max-semi-space-size=4']   (node flags for the importer, to try GC
 *        settings; by default those of the shipped `karna` command, server/bin/karna.js)
 * Prints a table and, last, one JSON line. Targets are reported, never asserted.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  type PopulationRecord,
  readPopulationFile,
} from '../server/src/modules/registry/population-file/index.ts';
import { personValues } from '../server/src/modules/registry/population-import.ts';
import { type CopyValue, copyText } from '../server/src/platform/db/copy.ts';
import { PostgresCpu } from './lib/load.ts';
import {
  countRegisterRows,
  createDatabase,
  DEFAULT_POSTGRES_URL,
  databaseSizeMiB,
  dropCreatedDatabases,
  karnaEnv,
  karnaNodeFlags,
  keepDatabase,
  keptDatabaseName,
  populationFile,
  query,
  runBenchmark,
  runKarna,
  timeImport,
  uncommittedServerFiles,
} from './lib/population-db.ts';
import {
  childEnv,
  machineInfo,
  makeTempDir,
  printTable,
  round,
  startProcess,
  tail,
} from './lib/server-process.ts';

const TARGET_SECONDS_PER_MILLION = 90;
const TARGET_RATIO = 3;
const TARGET_PEAK_RSS_MB = 400;
const MB = 1000 * 1000;
const MiB = 1024 * 1024;
const SEED = '1';
const COPY_SCHEMA = 'bench_copy';

const { values: options } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    postgres: { type: 'string', default: DEFAULT_POSTGRES_URL },
    keep: { type: 'boolean', default: false },
    'importer-flags': { type: 'string' },
    child: { type: 'string' },
    file: { type: 'string' },
    'database-url': { type: 'string' },
  },
});

/**
 * The columns of registry_persons the import fills from a person record (`personValues`); the
 * rest keep their defaults in both runs.
 */
type PersonRecord = Extract<PopulationRecord, { kind: 'person' | 'birth' }>;

const PERSON_COLUMNS = [
  'personal_number',
  'is_coordination_number',
  'birth_date',
  'given_name',
  'calling_name',
  'middle_name',
  'family_name',
  'registered_since',
  'registered_property',
  'county_code',
  'municipality_code',
  'northing',
  'easting',
  'care_of',
  'extra_address_line',
  'street_address',
  'postal_code',
  'postal_town',
  'protection',
  'protected_since',
  'deceased_on',
  'emigrated_on',
  'emigrated_to',
  'facts_valid_from',
  'facts_change_kind',
  'batch_id',
] as const;

/** The record's values in `PERSON_COLUMNS` order, exactly as the import computes them. */
function personRow(record: PersonRecord, batchId: string): CopyValue[] {
  const values: Record<string, CopyValue> = personValues(record, batchId);
  return PERSON_COLUMNS.map((column) => values[column] ?? null);
}

interface CopyFigures {
  seconds: number;
  cpuSeconds: number;
  maxRssMiB: number;
  rows: number;
  /** CPU of the local PostgreSQL server's processes meanwhile (set by the parent). */
  postgresCpuSeconds?: number | null;
}

/** The baseline, in a child process: parse the file, COPY every person into the copy table. */
async function copyPersons(file: string, url: string): Promise<CopyFigures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const batchId = randomUUID();
  let rows = 0;
  async function* lines(): AsyncGenerator<string> {
    let pending = '';
    for await (const item of readPopulationFile(file)) {
      if (item.kind !== 'person' && item.kind !== 'birth') continue;
      pending += copyText([personRow(item, batchId)]);
      rows++;
      if (pending.length >= 64 * 1024) {
        yield pending;
        pending = '';
      }
    }
    if (pending) yield pending;
  }
  try {
    const copy = client.query(
      copyFrom(`copy ${COPY_SCHEMA}.registry_persons (${PERSON_COLUMNS.join(', ')}) from stdin`),
    );
    await pipeline(Readable.from(lines()), copy);
  } finally {
    await client.end();
  }
  const usage = process.resourceUsage();
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    maxRssMiB: usage.maxRSS / 1024,
    rows,
  };
}

/** Runs the baseline in a fresh child process, so its memory and CPU are its own. */
async function measureCopy(file: string, url: string, database: string): Promise<CopyFigures> {
  await query(url, `create schema ${COPY_SCHEMA}`);
  await query(
    url,
    `create table ${COPY_SCHEMA}.registry_persons (like public.registry_persons including all)`,
  );
  const postgresCpu = new PostgresCpu(database).start();
  const proc = startProcess(
    process.execPath,
    [import.meta.filename, '--child', 'copy', '--file', file, '--database-url', url],
    childEnv({}),
  );
  const code = await proc.exited;
  const postgresCpuSeconds = postgresCpu.stop();
  if (code !== 0) throw new Error(`the COPY baseline failed (${code}):\n${tail(proc.output())}`);
  const figures = {
    ...(JSON.parse(proc.output().trim().split('\n').pop() as string) as CopyFigures),
    postgresCpuSeconds,
  };
  const [copied] = await query<{ count: string }>(
    url,
    `select count(*) as count from ${COPY_SCHEMA}.registry_persons`,
  );
  if (Number(copied?.count) !== figures.rows)
    throw new Error(`COPY wrote ${copied?.count} rows, expected ${figures.rows}`);
  // The import then starts on the database as migrated: no extra table, no dirty buffers.
  await query(url, `drop schema ${COPY_SCHEMA} cascade`);
  await query(url, 'checkpoint');
  return figures;
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const dirty = uncommittedServerFiles();
  const persons = Number(options.persons);
  const serverUrl = options.postgres;
  const [postgres] = await query<{ server_version: string }>(serverUrl, 'show server_version');
  process.stdout.write(
    `Kärna population import — ${machine.date}\n` +
      `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, ` +
      `PostgreSQL ${postgres?.server_version}, commit ${machine.gitCommit}${dirty ? ` + ${dirty} uncommitted files in server/ and contracts/` : ''}, ` +
      `load average ${machine.loadAverage1m}\n` +
      `${persons.toLocaleString('en-GB')} persons, seed ${SEED}\n\n`,
  );

  const population = await populationFile(persons, SEED);
  const fileMiB = population.bytes / MiB;
  process.stdout.write(
    population.generatedSeconds === null
      ? `file ${population.file} (${round(fileMiB, 1)} MiB, cached)\n`
      : `generated ${population.file} (${round(fileMiB, 1)} MiB) in ${round(population.generatedSeconds, 1)} s\n`,
  );

  const name = `bench_import_${process.pid}`;
  const url = await createDatabase(serverUrl, name);
  const env = karnaEnv(url, makeTempDir('karna-bench-cli-'));
  const migrateStarted = performance.now();
  await runKarna(['migrate'], env);
  process.stdout.write(
    `database ${name} created and migrated in ${round((performance.now() - migrateStarted) / 1000, 1)} s\n`,
  );

  const copy = await measureCopy(population.file, url, name);
  process.stdout.write(
    `baseline: COPY of ${copy.rows.toLocaleString('en-GB')} persons in ${round(copy.seconds, 1)} s\n`,
  );

  const postgresCpu = new PostgresCpu(name).start();
  const importerFlags =
    options['importer-flags'] === undefined
      ? karnaNodeFlags()
      : options['importer-flags'].split(' ').filter(Boolean);
  const imported = await timeImport(population.file, env, importerFlags);
  const importPostgresCpu = postgresCpu.stop();
  process.stdout.write(
    `import${importerFlags.length > 0 ? ` (node ${importerFlags.join(' ')})` : ''}: ${round(imported.seconds, 1)} s` +
      (imported.fileRead === null
        ? '\n\n'
        : `; ${imported.fileRead.percent} % of the file read after ${round(imported.fileRead.seconds, 1)} s, then ` +
          `${round(imported.seconds - imported.fileRead.seconds, 1)} s for the rest, the relations and the commit\n\n`),
  );
  const rows = await countRegisterRows(url);
  const sizeMiB = await databaseSizeMiB(url);

  let kept: string | null = null;
  if (options.keep) {
    kept = keptDatabaseName(persons);
    await keepDatabase(serverUrl, name, kept);
  }
  await dropCreatedDatabases();

  const records = imported.records ?? persons;
  const recordsPerSecond = records / imported.seconds;
  const ratio = imported.seconds / copy.seconds;
  const targetSeconds = (TARGET_SECONDS_PER_MILLION * persons) / 1_000_000;
  const peakMB = (imported.peakRssMiB * MiB) / MB;
  const verdict = (isMet: boolean) => (isMet ? 'met' : 'NOT met');

  printTable([
    ['measure', 'wall s', 'CPU s', 'PG CPU s', 'records/s', 'persons/s', 'peak RSS MiB'],
    [
      'karna import population',
      round(imported.seconds, 1),
      imported.cpuSeconds === null ? '' : round(imported.cpuSeconds, 1),
      importPostgresCpu === null ? '' : round(importPostgresCpu, 1),
      Math.round(recordsPerSecond),
      Math.round((rows.registry_persons ?? 0) / imported.seconds),
      round(imported.peakRssMiB, 1),
    ],
    [
      'parse + COPY persons (baseline)',
      round(copy.seconds, 1),
      round(copy.cpuSeconds, 1),
      copy.postgresCpuSeconds == null ? '' : round(copy.postgresCpuSeconds, 1),
      '',
      Math.round(copy.rows / copy.seconds),
      round(copy.maxRssMiB, 1),
    ],
  ]);
  process.stdout.write(
    `\nimport ${round(imported.seconds, 1)} s for ${persons.toLocaleString('en-GB')} persons ` +
      `(target ≤ ${round(targetSeconds, 1)} s, ${TARGET_SECONDS_PER_MILLION} s per million: ${verdict(imported.seconds <= targetSeconds)}); ` +
      `the import's own figure ${imported.reportedSeconds ?? '?'} s, ${records.toLocaleString('en-GB')} records\n` +
      `ratio import/COPY ${round(ratio, 2)} (target ≤ ${TARGET_RATIO}: ${verdict(ratio <= TARGET_RATIO)})\n` +
      `importer peak RSS ${round(imported.peakRssMiB, 1)} MiB = ${Math.round(peakMB)} MB ` +
      `(target < ${TARGET_PEAK_RSS_MB} MB: ${verdict(peakMB < TARGET_PEAK_RSS_MB)}; from ${imported.peakRssSource})\n` +
      `rows written: ${Object.entries(rows)
        .map(([table, count]) => `${table.replace('registry_', '')} ${count.toLocaleString('en-GB')}`)
        .join(', ')}; database ${Math.round(sizeMiB)} MiB\n` +
      (kept ? `kept the imported database as ${kept} (for person-overview.ts)\n` : ''),
  );
  process.stdout.write(
    `\n${JSON.stringify({
      bench: 'population-import',
      machine: { ...machine, postgres: postgres?.server_version, uncommittedServerFiles: dirty },
      file: { persons, seed: SEED, mib: round(fileMiB, 1), generatedSeconds: population.generatedSeconds },
      import: {
        seconds: round(imported.seconds, 2),
        reportedSeconds: imported.reportedSeconds,
        fileRead: imported.fileRead && {
          percent: imported.fileRead.percent,
          seconds: round(imported.fileRead.seconds, 1),
        },
        nodeFlags: importerFlags,
        records,
        recordsPerSecond: Math.round(recordsPerSecond),
        cpuSeconds: imported.cpuSeconds === null ? null : round(imported.cpuSeconds, 2),
        postgresCpuSeconds: importPostgresCpu === null ? null : round(importPostgresCpu, 2),
        peakRssMiB: round(imported.peakRssMiB, 1),
        peakRssSource: imported.peakRssSource,
      },
      copy: {
        seconds: round(copy.seconds, 2),
        rows: copy.rows,
        cpuSeconds: round(copy.cpuSeconds, 2),
        postgresCpuSeconds: copy.postgresCpuSeconds == null ? null : round(copy.postgresCpuSeconds, 2),
        maxRssMiB: round(copy.maxRssMiB, 1),
      },
      ratio: round(ratio, 3),
      rows,
      databaseMiB: Math.round(sizeMiB),
      kept,
      targets: {
        seconds: targetSeconds,
        ratio: TARGET_RATIO,
        peakRssMB: TARGET_PEAK_RSS_MB,
        met: {
          seconds: imported.seconds <= targetSeconds,
          ratio: ratio <= TARGET_RATIO,
          peakRss: peakMB < TARGET_PEAK_RSS_MB,
        },
      },
    })}\n`,
  );
}

if (options.child === 'copy') {
  const figures = await copyPersons(options.file as string, options['database-url'] as string);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  await runBenchmark('population-import', main);
}
