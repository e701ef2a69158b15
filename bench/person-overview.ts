/**
 * The person overview (GET /api/registry/persons/{personId}) at a register of `--persons` people,
 * against a bare indexed lookup of a person through the same driver and pool size.
 *
 * 1. The database: a file copy of bench_population_<N> when population-import.ts --keep left one,
 *    otherwise a fresh database filled the same way (generate the file, migrate, `karna import
 *    population`). Then `karna migrate` (a kept database may predate a migration) and `vacuum
 *    (analyze)`, as autovacuum would leave a register in use.
 * 2. `--sample` (10,000) random persons, their ids and personal numbers, read from the database.
 * 3. Seeds the demo municipality's organisation and staff into it (`seedDemoMunicipality` without
 *    its demo population, which is a full load of 2,000 people that would end the register's other
 *    relations). Starts the real server (`node server/src/main.ts`, DATABASE_URL on that database,
 *    KARNA_SEED_DEMO=false), logs in as the demo administrator through the test identity provider
 *    and creates an API client with the role caseOfficer at the root unit (`persons.lookup`).
 * 4. With autocannon in this process: `--connections` (16) keep-alive clients request the overview
 *    of a random sampled person with `?purpose=caseHandling` and the client's key, `--warmup` (3) s
 *    unmeasured, then `--duration` (20) s measured. Then the server is stopped.
 * 5. The baseline: `select * from registry_persons where personal_number = $1` for random sampled
 *    numbers, through the server's own pool and driver (`openDatabase`: 10 connections, the
 *    statement prepared once hot), from 16 concurrent callers, the same warm-up and duration.
 *
 * Everything created is dropped at the end; `--keep` keeps a database this run filled as
 * bench_population_<N>.
 *
 * Usage: node bench/person-overview.ts [--persons 1000000] [--duration 20] [--connections 16]
 *        [--warmup 3] [--sample 10000] [--postgres URL] [--keep] [--profile]
 * (--profile runs the server under `node --cpu-prof` and prints where its CPU went; the profiler
 * slows it, so its figures are not the benchmark's.)
 * Prints a table and, last, one JSON line. Targets are reported, never asserted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { CompiledQuery } from 'kysely';
import { demoStaff, isDatabaseEmpty, seedDemoMunicipality } from '../server/seeds/demo-municipality.ts';
import { AuditTrail } from '../server/src/platform/audit/index.ts';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { formAction, TestBrowser } from '../server/test/test-browser.ts';
import { type CpuProfile, summariseProfile } from './lib/cpu-profile.ts';
import { Latencies, PostgresCpu, runCallers } from './lib/load.ts';
import {
  createDatabase,
  DEFAULT_POSTGRES_URL,
  databaseExists,
  databaseSizeMiB,
  dropCreatedDatabases,
  fillDatabase,
  karnaEnv,
  keepDatabase,
  keptDatabaseName,
  populationFile,
  query,
  runBenchmark,
  runKarna,
  uncommittedServerFiles,
} from './lib/population-db.ts';
import {
  findFreePort,
  type ManagedProcess,
  machineInfo,
  makeTempDir,
  mib,
  printTable,
  readCpuSeconds,
  readMemory,
  round,
  SERVER_SCRIPT,
  serverEnv,
  startProcess,
  stopProcess,
  waitUntilOk,
} from './lib/server-process.ts';

const TARGET_P95_MS = 20;
const SEED = '1';

const { values: options } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '16' },
    warmup: { type: 'string', default: '3' },
    sample: { type: 'string', default: '10000' },
    postgres: { type: 'string', default: DEFAULT_POSTGRES_URL },
    keep: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const persons = Number(options.persons);
const duration = Number(options.duration);
const connections = Number(options.connections);
const warmup = Number(options.warmup);
const sampleSize = Number(options.sample);

interface Sampled {
  id: string;
  personal_number: string;
}

interface RunFigures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** Non-2xx answers, connection errors and timeouts (server) or failed queries (baseline). */
  failures: number;
  /** CPU of the node process under test (the server; for the baseline this process) per request. */
  nodeCpuPerRequestMs: number;
  /** CPU of the PostgreSQL server's processes per request, when they are local. */
  postgresCpuPerRequestMs: number | null;
}

function figures(
  latencies: Latencies,
  seconds: number,
  failures: number,
  nodeCpuSeconds: number,
  postgresCpuSeconds: number | null,
): RunFigures {
  const requests = latencies.count;
  return {
    requests,
    requestsPerSecond: requests / seconds,
    p50Ms: latencies.percentile(50),
    p95Ms: latencies.percentile(95),
    p99Ms: latencies.percentile(99),
    meanMs: latencies.mean(),
    maxMs: latencies.percentile(100),
    failures,
    nodeCpuPerRequestMs: (nodeCpuSeconds * 1000) / Math.max(requests, 1),
    postgresCpuPerRequestMs:
      postgresCpuSeconds === null ? null : (postgresCpuSeconds * 1000) / Math.max(requests, 1),
  };
}

/** The database to measure on: a copy of the kept import, or one filled here. */
async function prepareDatabase(serverUrl: string): Promise<{ url: string; name: string; how: string }> {
  const kept = keptDatabaseName(persons);
  const name = `bench_overview_${process.pid}`;
  const started = performance.now();
  if (await databaseExists(serverUrl, kept)) {
    const url = await createDatabase(serverUrl, name, kept);
    return { url, name, how: `copy of ${kept} (${round((performance.now() - started) / 1000, 1)} s)` };
  }
  const population = await populationFile(persons, SEED);
  const url = await createDatabase(serverUrl, name);
  const imported = await fillDatabase(url, population.file);
  return {
    url,
    name,
    how: `filled here: ${population.generatedSeconds === null ? 'cached file' : `generated in ${round(population.generatedSeconds, 1)} s`}, imported in ${round(imported.seconds, 1)} s`,
  };
}

/**
 * Seeds the demo municipality's organisation and staff (the administrator who creates the API
 * client), but not its demo population: that is a full load of its own, which would end the
 * relations of the register's million people. So the server starts with KARNA_SEED_DEMO=false.
 */
async function seedOrganisation(url: string): Promise<boolean> {
  const database = await openDatabase({ databaseUrl: url });
  try {
    if (!(await isDatabaseEmpty(database.db))) return false;
    await seedDemoMunicipality(database.db, await AuditTrail.load(database.db), { population: false });
    return true;
  } finally {
    await database.close();
  }
}

/** Logs in as the demo administrator and creates an API client that may look people up. */
async function createLookupClient(baseUrl: string): Promise<string> {
  const administrator = demoStaff.find((staff) =>
    staff.roles.some((role) => role.role === 'administrator' && role.orgUnit === 'stad'),
  );
  if (!administrator) throw new Error('the demo municipality has no administrator at the root unit');
  const browser = new TestBrowser();
  const login = await browser.follow(`${baseUrl}/api/auth/login?realm=staff&returnTo=/`, () => true);
  if (login.response.status !== 200) throw new Error(`the login page answered ${login.response.status}`);
  await browser.follow(
    formAction(await login.response.text(), login.url),
    (next) => next.pathname.startsWith('/api/') || next.pathname.startsWith('/test-idp/'),
    { form: { account: administrator.subject, action: 'login' } },
  );
  const session = (await (await browser.request(`${baseUrl}/api/session`)).json()) as { csrfToken?: string };
  if (!session.csrfToken) throw new Error('the administrator did not get a session');
  const units = (await (await browser.request(`${baseUrl}/api/org-units`)).json()) as {
    items: { id: string; parentId: string | null }[];
  };
  const root = units.items.find((unit) => unit.parentId === null);
  if (!root) throw new Error('the organisation has no root unit');
  const created = await browser.request(`${baseUrl}/api/api-clients`, {
    method: 'POST',
    json: { name: 'Prestandamätning', role: 'caseOfficer', orgUnitId: root.id },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  if (created.status !== 201)
    throw new Error(`creating the API client answered ${created.status}: ${await created.text()}`);
  return ((await created.json()) as { apiKey: string }).apiKey;
}

function overviewPath(sample: Sampled[]): string {
  const person = sample[Math.floor(Math.random() * sample.length)] as Sampled;
  return `/api/registry/persons/${person.id}?purpose=caseHandling`;
}

/** Loads the overview with autocannon; every response time recorded (autocannon keeps whole ms). */
function loadOverview(
  baseUrl: string,
  apiKey: string,
  sample: Sampled[],
  seconds: number,
): Promise<{ latencies: Latencies; result: autocannon.Result }> {
  const latencies = new Latencies();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        headers: { authorization: `Bearer ${apiKey}` },
        requests: [
          { method: 'GET', setupRequest: (request) => ({ ...request, path: overviewPath(sample) }) },
        ],
      },
      (error, result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve({ latencies, result });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => latencies.record(responseTimeMs));
  });
}

async function measureServer(
  url: string,
  database: string,
  sample: Sampled[],
): Promise<{ figures: RunFigures; readyMs: number; rssAfterMiB: number }> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const profileDir = options.profile ? makeTempDir('karna-bench-profile-') : undefined;
  const proc: ManagedProcess = startProcess(
    process.execPath,
    [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), SERVER_SCRIPT],
    serverEnv(port, makeTempDir('karna-bench-data-'), { DATABASE_URL: url, KARNA_SEED_DEMO: 'false' }),
  );
  try {
    const readyAt = await waitUntilOk(`${baseUrl}/api/ready`, proc, { timeoutMs: 120_000 });
    const apiKey = await createLookupClient(baseUrl);
    const probe = await fetch(`${baseUrl}${overviewPath(sample)}`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const body = (await probe.json()) as { person?: unknown };
    if (probe.status !== 200 || !body.person)
      throw new Error(`the overview answered ${probe.status}: ${JSON.stringify(body)}`);

    if (warmup > 0) await loadOverview(baseUrl, apiKey, sample, warmup);
    const cpuBefore = readCpuSeconds(proc.pid);
    const postgresCpu = new PostgresCpu(database).start();
    const { latencies, result } = await loadOverview(baseUrl, apiKey, sample, duration);
    const postgresSeconds = postgresCpu.stop();
    const cpuSeconds = readCpuSeconds(proc.pid) - cpuBefore;
    const failures = result.non2xx + result.errors + result.timeouts;
    return {
      figures: figures(latencies, result.duration, failures, cpuSeconds, postgresSeconds),
      readyMs: readyAt - proc.spawnedAt,
      rssAfterMiB: mib(readMemory(proc.pid).rssKb),
    };
  } finally {
    await stopProcess(proc, 'SIGTERM');
    if (profileDir) printProfile(profileDir);
  }
}

/** With --profile: where the server's CPU went (the profile covers start, warm-up and load). */
function printProfile(profileDir: string): void {
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no CPU profile');
  summariseProfile(JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')) as CpuProfile, 30);
}

async function measureBaseline(url: string, database: string, sample: Sampled[]): Promise<RunFigures> {
  // The server's own pool and driver (openDatabase: 10 connections, hot statements prepared).
  const { db, close } = await openDatabase({ databaseUrl: url });
  const lookup = () => {
    const person = sample[Math.floor(Math.random() * sample.length)] as Sampled;
    return db.executeQuery(
      CompiledQuery.raw('select * from registry_persons where personal_number = $1', [
        person.personal_number,
      ]),
    );
  };
  try {
    if (warmup > 0) await runCallers(connections, warmup, lookup);
    const cpuBefore = process.cpuUsage();
    const postgresCpu = new PostgresCpu(database).start();
    const run = await runCallers(connections, duration, lookup);
    const postgresSeconds = postgresCpu.stop();
    const cpu = process.cpuUsage(cpuBefore);
    return figures(run.latencies, run.seconds, run.errors, (cpu.user + cpu.system) / 1e6, postgresSeconds);
  } finally {
    await close();
  }
}

function describe(name: string, f: RunFigures): (string | number)[] {
  return [
    name,
    Math.round(f.requestsPerSecond),
    round(f.p50Ms, 2),
    round(f.p95Ms, 2),
    round(f.p99Ms, 2),
    round(f.maxMs, 1),
    round(f.nodeCpuPerRequestMs, 3),
    f.postgresCpuPerRequestMs === null ? '' : round(f.postgresCpuPerRequestMs, 3),
    f.requests,
    f.failures,
  ];
}

function rounded(f: RunFigures): RunFigures {
  return {
    requests: f.requests,
    requestsPerSecond: round(f.requestsPerSecond),
    p50Ms: round(f.p50Ms, 3),
    p95Ms: round(f.p95Ms, 3),
    p99Ms: round(f.p99Ms, 3),
    meanMs: round(f.meanMs, 3),
    maxMs: round(f.maxMs, 3),
    failures: f.failures,
    nodeCpuPerRequestMs: round(f.nodeCpuPerRequestMs, 4),
    postgresCpuPerRequestMs: f.postgresCpuPerRequestMs === null ? null : round(f.postgresCpuPerRequestMs, 4),
  };
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const dirty = uncommittedServerFiles();
  const serverUrl = options.postgres;
  const [postgres] = await query<{ server_version: string }>(serverUrl, 'show server_version');
  process.stdout.write(
    `Kärna person overview — ${machine.date}\n` +
      `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, ` +
      `PostgreSQL ${postgres?.server_version}, commit ${machine.gitCommit}${dirty ? ` + ${dirty} uncommitted files in server/ and contracts/` : ''}, ` +
      `load average ${machine.loadAverage1m}\n` +
      `${persons.toLocaleString('en-GB')} persons; ${connections} concurrent clients, ${warmup} s warm-up + ${duration} s measured; ` +
      `server and baseline one after the other\n\n`,
  );

  const database = await prepareDatabase(serverUrl);
  // A kept database may predate the newest migrations; migrated before the vacuum, as a server
  // would have been before the register was in use (a migration that rewrites a table leaves its
  // rows unvacuumed, and the first reads pay for that).
  await runKarna(['migrate'], karnaEnv(database.url, makeTempDir('karna-bench-cli-')));
  const vacuumStarted = performance.now();
  await query(database.url, 'vacuum (analyze)');
  const sizeMiB = await databaseSizeMiB(database.url);
  process.stdout.write(
    `database ${database.name}: ${database.how}; vacuum (analyze) ${round((performance.now() - vacuumStarted) / 1000, 1)} s, ${Math.round(sizeMiB)} MiB\n`,
  );
  const seeded = await seedOrganisation(database.url);
  const sample = await query<Sampled>(
    database.url,
    'select id, personal_number from registry_persons order by random() limit $1',
    [sampleSize],
  );
  if (sample.length === 0) throw new Error('the register is empty');

  const server = await measureServer(database.url, database.name, sample);
  process.stdout.write(
    `${seeded ? 'seeded the demo organisation and staff (not its population); ' : ''}` +
      `server: ready in ${round(server.readyMs / 1000, 1)} s, ` +
      `${Math.round(server.figures.requestsPerSecond)} req/s\n`,
  );
  const baseline = await measureBaseline(database.url, database.name, sample);
  process.stdout.write(`baseline: ${Math.round(baseline.requestsPerSecond)} queries/s\n\n`);

  let kept: string | null = null;
  if (options.keep && database.how.startsWith('filled')) {
    kept = keptDatabaseName(persons);
    await keepDatabase(serverUrl, database.name, kept);
  }
  await dropCreatedDatabases();

  const ratio = server.figures.p95Ms / baseline.p95Ms;
  const isMet = server.figures.p95Ms < TARGET_P95_MS;
  printTable([
    [
      'measure',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'node CPU ms/req',
      'PG CPU ms/req',
      'requests',
      'failures',
    ],
    describe('GET /api/registry/persons/{id}', server.figures),
    describe('select by personal_number (baseline)', baseline),
  ]);
  process.stdout.write(
    `\noverview p95 ${round(server.figures.p95Ms, 2)} ms at ${connections} concurrent ` +
      `(target < ${TARGET_P95_MS} ms: ${isMet ? 'met' : 'NOT met'}); baseline p95 ${round(baseline.p95Ms, 2)} ms; ` +
      `ratio overview/baseline ${round(ratio, 1)}\n` +
      `server RSS after the run ${round(server.rssAfterMiB, 1)} MiB; load average now ${round(os.loadavg()[0] ?? 0, 2)}\n` +
      (kept ? `kept the filled database as ${kept}\n` : ''),
  );
  process.stdout.write(
    `\n${JSON.stringify({
      bench: 'person-overview',
      machine: { ...machine, postgres: postgres?.server_version, uncommittedServerFiles: dirty },
      settings: {
        persons,
        connections,
        durationSeconds: duration,
        warmupSeconds: warmup,
        sample: sample.length,
      },
      database: { how: database.how, mib: Math.round(sizeMiB), kept },
      server: {
        ...rounded(server.figures),
        readyMs: Math.round(server.readyMs),
        rssAfterMiB: server.rssAfterMiB,
      },
      baseline: rounded(baseline),
      ratioP95: round(ratio, 2),
      target: { p95Ms: TARGET_P95_MS, met: isMet },
    })}\n`,
  );
}

await runBenchmark('person-overview', main);
