/**
 * Shared plumbing for the population-register benchmarks (population-import.ts, person-overview.ts):
 * the generated population file (cached between runs), PostgreSQL databases made for one run and
 * dropped after it (also when the run fails or is interrupted), the `karna` CLI as a child process,
 * and a timed import with the importer's peak memory.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  childEnv,
  findNodeProcess,
  type ManagedProcess,
  makeTempDir,
  REPO_ROOT,
  readMemory,
  sleep,
  startProcess,
  tail,
} from './server-process.ts';

/** The PostgreSQL server the benchmarks create their databases on (any database there to connect to). */
export const DEFAULT_POSTGRES_URL =
  process.env.KARNA_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * "Today" for the generated file. Fixed, so the file cached for a number of persons and a seed is
 * the same file on every day it is used.
 */
export const FILE_DATE = '2026-11-23';

/** The `karna` CLI, relative to the repository root. */
export const CLI_SCRIPT = 'server/src/cli/main.ts';

/** The node flags the shipped `karna` command runs with: those on server/bin/karna.js's shebang. */
export function karnaNodeFlags(): string[] {
  const shebang = readFileSync(path.join(REPO_ROOT, 'server/bin/karna.js'), 'utf8').split('\n')[0] ?? '';
  return shebang.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** The database population-import.ts --keep leaves behind, which person-overview.ts reuses. */
export function keptDatabaseName(persons: number): string {
  return `bench_population_${persons}`;
}

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function assertSafeName(name: string): void {
  // Database names are spliced into DDL (they cannot be bound as parameters).
  if (!SAFE_NAME.test(name)) throw new Error(`not a safe database name: ${name}`);
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** Runs one statement on its own connection. */
export async function query<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Databases this process created and has not dropped or kept yet, by name, with the server URL. */
const createdDatabases = new Map<string, string>();

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const rows = await query(serverUrl, 'select 1 from pg_database where datname = $1', [name]);
  return rows.length > 0;
}

/**
 * Creates a database, dropped again by dropCreatedDatabases or when the process exits. With a
 * template it is a file copy of that database (which must have no other connections).
 */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  assertSafeName(name);
  if (template) assertSafeName(template);
  createdDatabases.set(name, serverUrl);
  await query(
    serverUrl,
    template ? `create database ${name} template ${template} strategy file_copy` : `create database ${name}`,
  );
  return databaseUrl(serverUrl, name);
}

/** Keeps a database this process created under a new name (replacing one of that name), undropped. */
export async function keepDatabase(serverUrl: string, name: string, keptName: string): Promise<void> {
  assertSafeName(keptName);
  await query(serverUrl, `drop database if exists ${keptName} with (force)`);
  await query(serverUrl, `alter database ${name} rename to ${keptName}`);
  createdDatabases.delete(name);
}

export async function dropCreatedDatabases(): Promise<void> {
  for (const [name, serverUrl] of createdDatabases) {
    await query(serverUrl, `drop database if exists ${name} with (force)`);
    createdDatabases.delete(name);
  }
}

/**
 * Runs a benchmark's main(): a failure is printed with its stack and sets the exit code, and the
 * databases it created are dropped either way (the exit handlers in lib/ stop any child still
 * running and remove the temp dirs).
 */
export async function runBenchmark(name: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    process.stderr.write(
      `${name} benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  } finally {
    await dropCreatedDatabases().catch(() => {});
  }
}

// The exit handler cannot wait for a promise: a child process drops what is left (after a failure or
// Ctrl-C; lib/server-process.ts has stopped the children by then, and `with (force)` ends the rest).
process.on('exit', () => {
  for (const [name, serverUrl] of createdDatabases) {
    spawnSync(process.execPath, [path.join(import.meta.dirname, 'drop-database.ts'), serverUrl, name], {
      stdio: 'ignore',
      timeout: 30_000,
    });
  }
  createdDatabases.clear();
});

/** The environment of a `karna` command or server on database `url`, with its own data dir. */
export function karnaEnv(
  url: string,
  dataDir: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  // The generated file is marked synthetic, which production refuses.
  return childEnv({ DATABASE_URL: url, KARNA_ENV: 'development', KARNA_DATA_DIR: dataDir, ...extra });
}

/** Runs `node server/src/cli/main.ts …args` to the end; its output, or an error with the tail of it. */
export async function runKarna(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const proc = startProcess(process.execPath, [CLI_SCRIPT, ...args], env);
  const code = await proc.exited;
  if (code !== 0) throw new Error(`karna ${args.join(' ')} failed (${code}):\n${tail(proc.output())}`);
  return proc.output();
}

/**
 * A short hash of what decides the generated file's content: the population-file module's source
 * and the seed files it draws on. A cached file made by another version of the generator is not
 * reused.
 */
function generatorVersion(): string {
  const moduleDir = path.join(REPO_ROOT, 'server/src/modules/registry/population-file');
  const sources = readdirSync(moduleDir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort()
    .map((name) => path.join(moduleDir, name));
  const hash = createHash('sha256');
  for (const source of [
    ...sources,
    path.join(REPO_ROOT, 'server/seeds/testpersonnummer.txt'),
    path.join(REPO_ROOT, 'server/seeds/demo/citizens.json'),
  ]) {
    hash.update(readFileSync(source));
  }
  return hash.digest('hex').slice(0, 10);
}

export interface PopulationFile {
  file: string;
  bytes: number;
  /** Seconds `karna generate population` took, or null when the file came from the cache. */
  generatedSeconds: number | null;
}

/**
 * The population file of `persons` people and `seed`, generated once by `karna generate population`
 * into os.tmpdir()/karna-bench-population/ and reused by later runs (the CLI writes a partial file
 * and renames it when complete, so a cached file is always whole).
 */
export async function populationFile(persons: number, seed: string): Promise<PopulationFile> {
  const directory = path.join(os.tmpdir(), 'karna-bench-population');
  mkdirSync(directory, { recursive: true });
  const file = path.join(
    directory,
    `population-${persons}-seed-${seed}-${FILE_DATE}-${generatorVersion()}.xml`,
  );
  if (existsSync(file)) return { file, bytes: statSync(file).size, generatedSeconds: null };
  const started = performance.now();
  await runKarna(
    [
      'generate',
      'population',
      '--persons',
      String(persons),
      '--out',
      file,
      '--seed',
      seed,
      '--date',
      FILE_DATE,
    ],
    childEnv({}),
  );
  return { file, bytes: statSync(file).size, generatedSeconds: (performance.now() - started) / 1000 };
}

export interface ImportFigures {
  /** Wall time from spawning `karna import population` until it exited. */
  seconds: number;
  /** The import's own "in N s" (without node's start and the migration check), when it printed one. */
  reportedSeconds: number | null;
  /** Records the import reported applying (persons, organisations and properties). */
  records: number | null;
  /**
   * The last progress line the import printed ("N% read", every tenth of the file) and when it came
   * (within 100 ms): what follows is the rest of the file, resolving the relations and the commit.
   */
  fileRead: { percent: number; seconds: number } | null;
  /** The importer's peak resident set (its node process only, not PostgreSQL). */
  peakRssMiB: number;
  peakRssSource: '/usr/bin/time' | '/proc polling';
  /** User + system CPU of the importer, when /usr/bin/time measured it. */
  cpuSeconds: number | null;
  /** The command's output, for the summary line and failures. */
  output: string;
}

const TIME = '/usr/bin/time';

/**
 * Times `karna import population FILE` as a child process. Its peak RSS comes from /usr/bin/time
 * (the kernel's maxrss of the child, at exit) when that is installed; otherwise from VmHWM in
 * /proc/<pid>/status, polled every 100 ms (the high-water mark only grows, so the last reading
 * misses at most the last 100 ms).
 */
export async function timeImport(
  file: string,
  env: NodeJS.ProcessEnv,
  nodeFlags: string[] = [],
): Promise<ImportFigures> {
  const useTime = existsSync(TIME);
  const statsFile = path.join(makeTempDir('karna-bench-time-'), 'time.txt');
  const command = [process.execPath, ...nodeFlags, CLI_SCRIPT, 'import', 'population', file];
  const started = performance.now();
  const proc: ManagedProcess = useTime
    ? startProcess(TIME, ['-f', '%M %U %S', '-o', statsFile, ...command], env)
    : startProcess(command[0] as string, command.slice(1), env);
  let peakKb = 0;
  let importerPid: number | null = useTime ? null : proc.pid;
  let fileRead: { percent: number; seconds: number } | null = null;
  while (!proc.hasExited()) {
    // Without a terminal the import prints "N% read" every tenth of the file; the last one seen
    // tells when the parser was (nearly) through.
    const percent = Number([...proc.output().matchAll(/(\d+)% read/g)].pop()?.[1] ?? 0);
    if (percent > (fileRead?.percent ?? 0))
      fileRead = { percent, seconds: (performance.now() - started) / 1000 };
    importerPid ??= findNodeProcess(proc.pid, CLI_SCRIPT);
    if (importerPid !== null) {
      try {
        peakKb = Math.max(peakKb, readMemory(importerPid).peakKb);
      } catch {
        // Exited between the check and the read.
      }
    }
    await sleep(100);
  }
  const seconds = (performance.now() - started) / 1000;
  const code = await proc.exited;
  const output = proc.output();
  if (code !== 0) throw new Error(`karna import population failed (${code}):\n${tail(output)}`);
  let cpuSeconds: number | null = null;
  let source: ImportFigures['peakRssSource'] = '/proc polling';
  if (useTime) {
    const [maxRssKb, user, system] =
      readFileSync(statsFile, 'utf8').trim().split('\n').pop()?.split(' ') ?? [];
    if (maxRssKb && Number(maxRssKb) > 0) {
      peakKb = Number(maxRssKb);
      source = '/usr/bin/time';
      cpuSeconds = Number(user) + Number(system);
    }
  }
  const applied = /Applied .*?: (\d+) records in ([\d.]+) s/.exec(output);
  return {
    seconds,
    reportedSeconds: applied?.[2] ? Number(applied[2]) : null,
    records: applied?.[1] ? Number(applied[1]) : null,
    fileRead,
    peakRssMiB: peakKb / 1024,
    peakRssSource: source,
    cpuSeconds,
    output,
  };
}

/** Rows in the register's tables after an import, for the report. */
export async function countRegisterRows(url: string): Promise<Record<string, number>> {
  const tables = [
    'registry_persons',
    'registry_person_versions',
    'registry_custody',
    'registry_organisations',
    'registry_signatories',
    'registry_properties',
    'registry_property_owners',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await query<{ count: string }>(url, `select count(*) as count from ${table}`);
    counts[table] = Number(row?.count ?? 0);
  }
  return counts;
}

/** The size of a database on disk, in MiB. */
export async function databaseSizeMiB(url: string): Promise<number> {
  const [row] = await query<{ size: string }>(url, 'select pg_database_size(current_database()) as size');
  return Number(row?.size ?? 0) / 1024 / 1024;
}

/**
 * A migrated database filled with `file` by the real import, as population-import.ts does it;
 * returns the import's figures.
 */
export async function fillDatabase(url: string, file: string): Promise<ImportFigures> {
  const env = karnaEnv(url, makeTempDir('karna-bench-cli-'));
  await runKarna(['migrate'], env);
  return timeImport(file, env);
}

/**
 * Files under the server's and contracts' folders that differ from the commit (git status), so a
 * run on a working tree with someone's unfinished changes says so next to the commit it names.
 */
export function uncommittedServerFiles(): number {
  const status = spawnSync('git', ['status', '--porcelain', '--', 'server', 'contracts'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return status.status === 0 ? status.stdout.split('\n').filter(Boolean).length : 0;
}
