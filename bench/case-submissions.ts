/**
 * Submissions of the preschool e-service (`forskoleplats`) over HTTP by logged-in citizens, against
 * the same database writes made directly, in one run (issue 12).
 *
 * 1. A fresh PostgreSQL database; the real server (`node server/src/main.ts`) on it seeds the demo
 *    municipality, with its population of 2,000 people, at its first start.
 * 2. `--clients` (64) guardians of a child of preschool age are taken from that population (people
 *    with Skatteverket's test numbers, so the bundled test identity provider lets them log in).
 *    Each logs in over HTTP (cookie and CSRF token kept) and reads the form's prefill, which names
 *    the child. `--drafts` (1,500) empty drafts per citizen are inserted straight into
 *    `service_drafts`, so every submit has a draft of its own.
 * 3. *Over HTTP, closed loop:* one worker per citizen, in a loop, `POST /api/services/drafts/{id}/
 *    submit` with a fresh idempotency key and a valid application, the next as soon as the last is
 *    answered; `--warmup` (5) s unmeasured, then `--duration` (60) s measured. Every response time
 *    is kept; any answer but 201 is an error. This is the most the server takes; with 64 workers
 *    always waiting, the answer times follow from it (mean = 64 ÷ rate).
 * 4. *Over HTTP, paced:* the same 64 citizens offer `--rate` (500, the target) submits a second
 *    between them, each on a fixed, staggered schedule, for the same warm-up and duration — the
 *    load as citizens make it. A submit's time counts from when it was due, so a server that falls
 *    behind shows it in the percentiles. `--rate 0` skips this run. The targets for rate, p99 and
 *    errors are judged on it.
 * 5. *The job queue:* each submission queues `cases.startProcess` (the receipt PDF and the BPMN
 *    engine's first steps), run by the server's one job runner, which gives way to requests
 *    during the load. After the load the script waits (at most `--drain-timeout`, 600 s) until the
 *    queue is empty and reports how fast the runner drained it. Then the server is stopped.
 * 6. *Directly:* the same writes without HTTP, sessions or validation, through the server's own
 *    submission writer (`submissionWriter`: each group of submissions claims its keys, numbers and
 *    registers its cases and appends its audit entries in one statement each; ADR 0007) — from the
 *    same number of concurrent workers
 *    through the server's own pool and driver (`openDatabase`: 10 connections, hot statements
 *    prepared), closed loop, for the same warm-up and duration, on fresh drafts. The ratio
 *    HTTP/direct compares the two closed loops.
 *
 * During the measured runs pg_stat_activity is sampled (WaitSampler): the share of time the
 * backends ran, waited for a row lock or the WAL flush, or waited for the client mid-transaction;
 * and the whole machine's busy CPU share and this process's own CPU (the load generator's) are
 * read, to tell a slow server from a full machine.
 *
 * Everything created is dropped at the end, also on failure or Ctrl-C.
 *
 * Usage: node bench/case-submissions.ts [--clients 64] [--duration 60] [--warmup 5] [--drafts 2500]
 *        [--rate 500] [--drain-timeout 600] [--postgres URL] [--profile]
 * (--profile runs the server under `node --cpu-prof` and prints where its CPU went; the profiler
 * slows it, so its figures are not the benchmark's.)
 * Prints a table and, last, one JSON line. Targets are reported, never asserted.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { registrationAuditEvent, submissionWriter } from '../server/src/modules/services/index.ts';
import { AuditTrail } from '../server/src/platform/audit/index.ts';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { formAction, TestBrowser } from '../server/test/test-browser.ts';
import { type CpuProfile, summariseProfile } from './lib/cpu-profile.ts';
import { Latencies, MachineCpu, PostgresCpu } from './lib/load.ts';
import {
  createDatabase,
  DEFAULT_POSTGRES_URL,
  dropCreatedDatabases,
  query,
  runBenchmark,
  uncommittedServerFiles,
} from './lib/population-db.ts';
import {
  findFreePort,
  type ManagedProcess,
  machineInfo,
  makeTempDir,
  printTable,
  REPO_ROOT,
  readCpuSeconds,
  round,
  SERVER_SCRIPT,
  serverEnv,
  sleep,
  startProcess,
  stopProcess,
  waitUntilOk,
} from './lib/server-process.ts';

const TARGET_RATE = 500;
const TARGET_P99_MS = 100;
const TARGET_RATIO = 0.5;
const SERVICE = 'forskoleplats';
const START_PROCESS_JOB = 'cases.startProcess';

const { values: options } = parseArgs({
  options: {
    clients: { type: 'string', default: '64' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
    drafts: { type: 'string', default: '2500' },
    rate: { type: 'string', default: String(TARGET_RATE) },
    'drain-timeout': { type: 'string', default: '600' },
    postgres: { type: 'string', default: DEFAULT_POSTGRES_URL },
    profile: { type: 'boolean', default: false },
  },
});
const clients = Number(options.clients);
const duration = Number(options.duration);
const warmup = Number(options.warmup);
const draftsPerClient = Number(options.drafts);
const drainTimeout = Number(options['drain-timeout']);
/** Submits per second offered in the paced run (0: no paced run). */
const pacedRate = Number(options.rate);

/** A logged-in guardian, with what a submit needs. */
interface Citizen {
  personalNumber: string;
  personId: string;
  userId: string;
  name: string;
  childId: string;
  /** The `cookie` header with the session, and the session's CSRF token. */
  cookie: string;
  csrfToken: string;
  /** Drafts not yet submitted; each submit takes one. */
  drafts: string[];
}

interface RunFigures {
  requests: number;
  requestsPerSecond: number;
  seconds: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  /** Workers that ran out of drafts before the time was up (the run then ends early). */
  outOfDrafts: number;
  /** CPU of the node process doing the work (the server, or this one for the direct run) per request. */
  nodeCpuPerRequestMs: number;
  postgresCpuPerRequestMs: number | null;
  /** CPU of this process (the load generator: 64 HTTP clients) per request; null for the direct run. */
  clientCpuPerRequestMs: number | null;
  /** Share of the whole machine's CPU time that was busy during the run (/proc/stat). */
  machineBusyShare: number;
  /** Where the database's backends spent the run (WaitSampler). */
  waits: string;
}

/**
 * What the benchmark database's client backends are doing, sampled every 50 ms from
 * pg_stat_activity: running, waiting for a lock (`Lock:transactionid` is a row lock — the series'
 * number or the audit chain head), for the WAL to reach the disk (`IO:WALSync`), for the client
 * inside a transaction (`idle in transaction`), or idle. Shares of all samples show where a
 * serialised write spends its time.
 */
class WaitSampler {
  readonly #counts = new Map<string, number>();
  readonly #client: pg.Client;
  readonly #database: string;
  #timer: NodeJS.Timeout | undefined;
  #busy = false;

  constructor(url: string, database: string) {
    this.#client = new pg.Client({ connectionString: url });
    this.#database = database;
  }

  async start(): Promise<this> {
    await this.#client.connect();
    this.#timer = setInterval(() => void this.#sample(), 50);
    return this;
  }

  async #sample(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      const { rows } = await this.#client.query<{ what: string }>(
        `select case when state = 'idle' then 'idle'
                     when state = 'idle in transaction' then 'idle in transaction'
                     else coalesce(wait_event_type || ':' || wait_event, 'running') end as what
           from pg_stat_activity
          where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()`,
        [this.#database],
      );
      for (const { what } of rows) this.#counts.set(what, (this.#counts.get(what) ?? 0) + 1);
    } catch {
      // A sample lost while the run is torn down (after a failure elsewhere) must not hide that failure.
    } finally {
      this.#busy = false;
    }
  }

  /** The shares of the samples, largest first, as "Lock:transactionid 61 %, …". */
  async stop(): Promise<string> {
    clearInterval(this.#timer);
    await this.#client.end();
    const total = [...this.#counts.values()].reduce((sum, count) => sum + count, 0);
    return [...this.#counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([what, count]) => `${what} ${Math.round((count / Math.max(total, 1)) * 100)} %`)
      .join(', ');
  }
}

/** The valid application of the brief, for the citizen's own child. */
function application(citizen: Citizen): Record<string, unknown> {
  return {
    childId: citizen.childId,
    preschools: ['solrosen', 'ekbacken'],
    startDate: '2027-08-16',
    reason: 'work',
    hoursPerWeek: 40,
    email: 'x@example.org',
  };
}

// --- Setup -------------------------------------------------------------------------------------

async function startServer(url: string, profileDir: string | undefined) {
  const port = await findFreePort();
  const proc = startProcess(
    process.execPath,
    [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), SERVER_SCRIPT],
    // 64 people log in from one address within a minute; the limit (20/min) is not what is measured.
    serverEnv(port, makeTempDir('karna-bench-data-'), {
      DATABASE_URL: url,
      KARNA_LOGIN_RATE_LIMIT: '100000',
    }),
  );
  // The first start migrates and seeds the demo municipality with its population.
  const readyAt = await waitUntilOk(`http://127.0.0.1:${port}/api/ready`, proc, { timeoutMs: 300_000 });
  return { proc, baseUrl: `http://127.0.0.1:${port}`, readyMs: readyAt - proc.spawnedAt };
}

/**
 * Guardians of a living, unprotected child of preschool age (1–5) in the demo population, whose
 * numbers are on Skatteverket's test list (only those can log in through the test identity
 * provider). More than needed, as a few may turn out to have no child the prefill offers.
 */
async function findGuardians(url: string, count: number) {
  const testNumbers = new Set(
    readFileSync(path.join(REPO_ROOT, 'server/seeds/testpersonnummer.txt'), 'utf8').split(/\r?\n/),
  );
  const rows = await query<{ id: string; personal_number: string }>(
    url,
    `select distinct on (g.id) g.id, g.personal_number
       from registry_custody c
       join registry_persons g on g.id = c.guardian_id
       join registry_persons k on k.id = c.child_id
      where c.valid_to is null
        and k.birth_date between current_date - interval '5 years' and current_date - interval '1 year'
        and k.protection = 'none' and k.deceased_on is null
        and g.protection = 'none' and g.deceased_on is null and g.emigrated_on is null
      order by g.id`,
  );
  const usable = rows.filter((row) => testNumbers.has(row.personal_number));
  if (usable.length < count) {
    throw new Error(
      `the demo population has ${usable.length} guardians of a preschool child who can log in; --clients ${count} needs as many`,
    );
  }
  return usable;
}

/** Walks the citizen login through the test identity provider; returns the session's cookie and CSRF token. */
async function logIn(baseUrl: string, personalNumber: string) {
  const browser = new TestBrowser();
  const page = await browser.follow(
    `${baseUrl}/api/auth/login?realm=citizen&returnTo=/mina-sidor`,
    () => true,
  );
  if (page.response.status !== 200) throw new Error(`the login page answered ${page.response.status}`);
  await browser.follow(
    formAction(await page.response.text(), page.url),
    (next) => next.pathname.startsWith('/api/') || next.pathname.startsWith('/test-idp/'),
    { form: { person: personalNumber, personalNumber: '', action: 'login' } },
  );
  const session = (await (await browser.request(`${baseUrl}/api/session`)).json()) as { csrfToken?: string };
  if (!session.csrfToken) throw new Error('a citizen did not get a session');
  const prefill = (await (await browser.request(`${baseUrl}/api/services/prefill`)).json()) as {
    children?: { id: string; age: number }[];
  };
  return {
    cookie: browser.cookieHeader('/api/services'),
    csrfToken: session.csrfToken,
    childId: prefill.children?.find((child) => child.age >= 1 && child.age <= 5)?.id,
  };
}

/** Logs `count` guardians in, one after another, keeping those whose prefill offers a child. */
async function logInCitizens(baseUrl: string, url: string, count: number): Promise<Citizen[]> {
  const citizens: Citizen[] = [];
  for (const guardian of await findGuardians(url, count)) {
    if (citizens.length === count) break;
    const session = await logIn(baseUrl, guardian.personal_number);
    if (!session.childId) continue;
    const [user] = await query<{ id: string; name: string }>(
      url,
      `select id, given_name || ' ' || family_name as name from users where personal_number = $1`,
      [guardian.personal_number],
    );
    if (!user) throw new Error('a citizen who logged in has no user row');
    citizens.push({
      personalNumber: guardian.personal_number,
      personId: guardian.id,
      userId: user.id,
      name: user.name,
      childId: session.childId,
      cookie: session.cookie,
      csrfToken: session.csrfToken,
      drafts: [],
    });
  }
  if (citizens.length < count)
    throw new Error(`only ${citizens.length} guardians got a child in the prefill`);
  return citizens;
}

async function publishedVersionId(url: string): Promise<string> {
  const [row] = await query<{ id: string }>(
    url,
    `select v.id from service_versions v join service_definitions d on d.id = v.service_id
      where d.slug = $1 and v.status = 'published'`,
    [SERVICE],
  );
  if (!row) throw new Error(`the e-service ${SERVICE} is not published`);
  return row.id;
}

/** Gives every citizen `perCitizen` fresh, empty drafts, inserted straight into the table. */
async function createDrafts(url: string, versionId: string, citizens: Citizen[], perCitizen: number) {
  for (const citizen of citizens) {
    const rows = await query<{ id: string }>(
      url,
      `insert into service_drafts (version_id, owner_user_id, data)
       select $1, $2, '{}' from generate_series(1, $3) returning id`,
      [versionId, citizen.userId, perCitizen],
    );
    citizen.drafts = rows.map((row) => row.id);
  }
  await query(url, 'vacuum (analyze) service_drafts');
}

// --- Load --------------------------------------------------------------------------------------

/**
 * Runs one worker per citizen, each calling `call` with its citizen and a draft of its own in a
 * loop until `seconds` have passed or its drafts are used up. A call resolves with whether it
 * succeeded; a throw counts as an error too.
 */
async function runWorkers(
  citizens: Citizen[],
  seconds: number,
  call: (citizen: Citizen, draftId: string) => Promise<boolean>,
  /**
   * Closed (undefined): every worker sends its next submit as soon as the last is answered — the
   * most the system can take, with answer times set by the queue (Little's law). Paced: the workers
   * together offer `ratePerSecond`, each on its own fixed schedule, staggered; a submit's time is
   * counted from when it was due, so a late start counts against the system (no coordinated
   * omission).
   */
  ratePerSecond?: number,
) {
  const latencies = new Latencies();
  let errors = 0;
  let outOfDrafts = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const intervalMs = ratePerSecond ? (citizens.length / ratePerSecond) * 1000 : 0;
  const worker = async (citizen: Citizen, index: number) => {
    let due = started + (intervalMs * index) / citizens.length;
    while (due < deadline && performance.now() < deadline) {
      const draftId = citizen.drafts.pop();
      if (!draftId) {
        outOfDrafts++;
        return;
      }
      if (intervalMs > 0) await sleep(Math.max(0, due - performance.now()));
      const from = intervalMs > 0 ? due : performance.now();
      let ok = false;
      try {
        ok = await call(citizen, draftId);
      } catch {
        ok = false;
      }
      latencies.record(performance.now() - from);
      if (!ok) errors++;
      due = intervalMs > 0 ? due + intervalMs : performance.now();
    }
  };
  await Promise.all(citizens.map(worker));
  return { latencies, errors, outOfDrafts, seconds: (performance.now() - started) / 1000 };
}

/** The first few error answers, for the report (a 4xx body says what was refused). */
const errorSamples: string[] = [];

/** One submit over HTTP on a keep-alive connection; true when the case was registered (201). */
function submitOverHttp(agent: http.Agent, baseUrl: string, citizen: Citizen, draftId: string) {
  const body = JSON.stringify({ idempotencyKey: randomUUID(), data: application(citizen) });
  return new Promise<boolean>((resolve, reject) => {
    const request = http.request(
      `${baseUrl}/api/services/drafts/${draftId}/submit`,
      {
        method: 'POST',
        agent,
        headers: {
          cookie: citizen.cookie,
          'x-csrf-token': citizen.csrfToken,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const ok = response.statusCode === 201;
          if (!ok && errorSamples.length < 3)
            errorSamples.push(
              `${response.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`,
            );
          resolve(ok);
        });
        response.on('error', reject);
      },
    );
    request.on('error', (error) => {
      if (errorSamples.length < 3) errorSamples.push(String(error));
      reject(error);
    });
    request.end(body);
  });
}

function figures(
  run: Awaited<ReturnType<typeof runWorkers>>,
  nodeCpuSeconds: number,
  postgresCpuSeconds: number | null,
  waits: string,
  clientCpuSeconds: number | null,
  machineBusyShare: number,
): RunFigures {
  const requests = run.latencies.count;
  return {
    requests,
    requestsPerSecond: requests / run.seconds,
    seconds: run.seconds,
    p50Ms: run.latencies.percentile(50),
    p95Ms: run.latencies.percentile(95),
    p99Ms: run.latencies.percentile(99),
    maxMs: run.latencies.percentile(100),
    errors: run.errors,
    outOfDrafts: run.outOfDrafts,
    nodeCpuPerRequestMs: (nodeCpuSeconds * 1000) / Math.max(requests, 1),
    postgresCpuPerRequestMs:
      postgresCpuSeconds === null ? null : (postgresCpuSeconds * 1000) / Math.max(requests, 1),
    clientCpuPerRequestMs:
      clientCpuSeconds === null ? null : (clientCpuSeconds * 1000) / Math.max(requests, 1),
    machineBusyShare,
    waits,
  };
}

/** The cases.startProcess jobs: waiting (or running), done, given up. */
async function jobQueue(url: string) {
  const [row] = await query<{ queued: string; finished: string; failed: string }>(
    url,
    `select count(*) filter (where finished_at is null and failed_at is null) as queued,
            count(*) filter (where finished_at is not null) as finished,
            count(*) filter (where failed_at is not null) as failed
       from platform_jobs where kind = $1`,
    [START_PROCESS_JOB],
  );
  return {
    queued: Number(row?.queued ?? 0),
    finished: Number(row?.finished ?? 0),
    failed: Number(row?.failed ?? 0),
  };
}

/**
 * Waits until the server's job runner has emptied the queue (or `timeoutSeconds` pass), polling
 * every second; the jobs it finished per second is the engine's throughput on this machine.
 */
async function drainJobs(url: string, serverPid: number, database: string, timeoutSeconds: number) {
  const before = await jobQueue(url);
  const cpuBefore = readCpuSeconds(serverPid);
  const postgresCpu = new PostgresCpu(database).start();
  const started = performance.now();
  let now = before;
  while (now.queued > 0 && performance.now() - started < timeoutSeconds * 1000) {
    await sleep(1000);
    now = await jobQueue(url);
  }
  const seconds = (performance.now() - started) / 1000;
  const postgresSeconds = postgresCpu.stop();
  const done = now.finished - before.finished;
  return {
    queuedAfterLoad: before.queued,
    left: now.queued,
    failed: now.failed,
    seconds,
    jobsPerSecond: done / seconds,
    serverCpuPerJobMs: ((readCpuSeconds(serverPid) - cpuBefore) * 1000) / Math.max(done, 1),
    postgresCpuPerJobMs: postgresSeconds === null ? null : (postgresSeconds * 1000) / Math.max(done, 1),
  };
}

/** Phase 3 and 4: the HTTP load on the running server, then the job queue drained. */
async function measureHttp(
  server: { proc: ManagedProcess; baseUrl: string },
  url: string,
  database: string,
  citizens: Citizen[],
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: citizens.length });
  const submit = (citizen: Citizen, draftId: string) =>
    submitOverHttp(agent, server.baseUrl, citizen, draftId);
  const measured = async (ratePerSecond?: number) => {
    if (warmup > 0) await runWorkers(citizens, warmup, submit, ratePerSecond);
    const casesBefore = await countCases(url);
    const jobsBefore = await jobQueue(url);
    const cpuBefore = readCpuSeconds(server.proc.pid);
    const clientCpu = process.cpuUsage();
    const machineCpu = new MachineCpu();
    const postgresCpu = new PostgresCpu(database).start();
    const waits = await new WaitSampler(url, database).start();
    const run = await runWorkers(citizens, duration, submit, ratePerSecond);
    const waitShares = await waits.stop();
    const postgresSeconds = postgresCpu.stop();
    const busy = machineCpu.busyShare();
    const clientSeconds = ((usage) => (usage.user + usage.system) / 1e6)(process.cpuUsage(clientCpu));
    const cpuSeconds = readCpuSeconds(server.proc.pid) - cpuBefore;
    const jobsAfter = await jobQueue(url);
    const registered = (await countCases(url)) - casesBefore;
    return {
      figures: figures(run, cpuSeconds, postgresSeconds, waitShares, clientSeconds, busy),
      registered,
      // Jobs the runner finished while the submissions came in, per second of the run.
      jobsDuringLoadPerSecond: (jobsAfter.finished - jobsBefore.finished) / run.seconds,
    };
  };
  try {
    const closed = await measured();
    const paced = pacedRate > 0 ? await measured(pacedRate) : undefined;
    return { ...closed, paced, drain: await drainJobs(url, server.proc.pid, database, drainTimeout) };
  } finally {
    agent.destroy();
  }
}

async function countCases(url: string): Promise<number> {
  const [row] = await query<{ count: string }>(url, 'select count(*) as count from cases');
  return Number(row?.count ?? 0);
}

// --- The direct baseline -------------------------------------------------------------------------

/**
 * What submitDraft writes, without its reads and checks, through the server's own submission
 * writer: the idempotency key claimed and the draft deleted, the case registered and the audit
 * entry appended — in one transaction shared with the submissions that arrive with it, as the route
 * does it.
 */
async function submitDirectly(
  db: Kysely<unknown>,
  audit: AuditTrail,
  kindId: string,
  citizen: Citizen,
  draftId: string,
): Promise<boolean> {
  const data = application(citizen);
  const caseId = randomUUID();
  const written = await submissionWriter(db, audit).write({
    claim: { submitter: `user:${citizen.userId}`, idempotencyKey: randomUUID(), caseId, draftId },
    newCase: {
      caseId,
      kindId,
      channel: 'web',
      applicant: { userId: citizen.userId, personId: citizen.personId },
      concernsPersonId: citizen.childId,
      data,
      notifyEmail: data.email as string,
      attachments: [],
      actorName: citizen.name,
    },
    auditEntry: (registered) => ({
      actor: { type: 'citizen', id: citizen.userId, name: citizen.name },
      origin: { requestId: randomUUID(), ip: '127.0.0.1', userAgent: null },
      event: registrationAuditEvent(registered, citizen.personalNumber),
    }),
  });
  return written.outcome === 'registered';
}

/** Phase 5, with the server stopped: the same writes from as many workers, on fresh drafts. */
async function measureDirect(url: string, database: string, versionId: string, citizens: Citizen[]) {
  await createDrafts(url, versionId, citizens, draftsPerClient);
  const { db, close } = await openDatabase({ databaseUrl: url });
  try {
    const audit = await AuditTrail.load(db);
    // A case's kind is the published e-service version it was made from (same id).
    const submit = (citizen: Citizen, draftId: string) =>
      submitDirectly(db, audit, versionId, citizen, draftId);
    if (warmup > 0) await runWorkers(citizens, warmup, submit);
    const cpuBefore = process.cpuUsage();
    const machineCpu = new MachineCpu();
    const postgresCpu = new PostgresCpu(database).start();
    const waits = await new WaitSampler(url, database).start();
    const run = await runWorkers(citizens, duration, submit);
    const waitShares = await waits.stop();
    const postgresSeconds = postgresCpu.stop();
    const busy = machineCpu.busyShare();
    const cpu = process.cpuUsage(cpuBefore);
    return figures(run, (cpu.user + cpu.system) / 1e6, postgresSeconds, waitShares, null, busy);
  } finally {
    await close();
  }
}

/** Phases 1–4: the server started on the database, citizens logged in, the HTTP load, the queue drained. */
async function httpPhase(url: string, database: string) {
  const profileDir = options.profile ? makeTempDir('karna-bench-profile-') : undefined;
  const server = await startServer(url, profileDir);
  try {
    process.stdout.write(`server ready in ${round(server.readyMs / 1000, 1)} s (migrated and seeded)\n`);
    const loginStarted = performance.now();
    const citizens = await logInCitizens(server.baseUrl, url, clients);
    const versionId = await publishedVersionId(url);
    await createDrafts(url, versionId, citizens, draftsPerClient);
    process.stdout.write(
      `${citizens.length} citizens logged in (${round((performance.now() - loginStarted) / 1000, 1)} s), ` +
        `${draftsPerClient} drafts each\n`,
    );
    const overHttp = await measureHttp(server, url, database, citizens);
    process.stdout.write(
      `HTTP: ${Math.round(overHttp.figures.requestsPerSecond)} submits/s, ${overHttp.registered} cases registered; ` +
        `job queue drained in ${round(overHttp.drain.seconds, 1)} s\n`,
    );
    return { citizens, versionId, overHttp };
  } finally {
    await stopProcess(server.proc, 'SIGTERM', 30_000);
    if (profileDir) printProfile(profileDir);
  }
}

/** With --profile: where the server's CPU went (the whole run: start, logins, load and the jobs). */
function printProfile(profileDir: string): void {
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no CPU profile');
  summariseProfile(JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')) as CpuProfile, 30);
}

// --- Report ------------------------------------------------------------------------------------

function describe(name: string, f: RunFigures): (string | number)[] {
  return [
    name,
    Math.round(f.requestsPerSecond),
    round(f.p50Ms, 1),
    round(f.p95Ms, 1),
    round(f.p99Ms, 1),
    round(f.maxMs, 1),
    round(f.nodeCpuPerRequestMs, 3),
    f.postgresCpuPerRequestMs === null ? '' : round(f.postgresCpuPerRequestMs, 3),
    f.clientCpuPerRequestMs === null ? '' : round(f.clientCpuPerRequestMs, 3),
    `${Math.round(f.machineBusyShare * 100)} %`,
    f.requests,
    f.errors,
  ];
}

function rounded(f: RunFigures) {
  return {
    ...f,
    requestsPerSecond: round(f.requestsPerSecond, 1),
    seconds: round(f.seconds, 2),
    p50Ms: round(f.p50Ms, 3),
    p95Ms: round(f.p95Ms, 3),
    p99Ms: round(f.p99Ms, 3),
    maxMs: round(f.maxMs, 3),
    nodeCpuPerRequestMs: round(f.nodeCpuPerRequestMs, 4),
    postgresCpuPerRequestMs: f.postgresCpuPerRequestMs === null ? null : round(f.postgresCpuPerRequestMs, 4),
    clientCpuPerRequestMs: f.clientCpuPerRequestMs === null ? null : round(f.clientCpuPerRequestMs, 4),
    machineBusyShare: round(f.machineBusyShare, 3),
  };
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const dirty = uncommittedServerFiles();
  const [postgres] = await query<{ server_version: string }>(options.postgres, 'show server_version');
  process.stdout.write(
    `Kärna case submissions — ${machine.date}\n` +
      `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, ` +
      `PostgreSQL ${postgres?.server_version}, commit ${machine.gitCommit}${dirty ? ` + ${dirty} uncommitted files in server/ and contracts/` : ''}, ` +
      `load average ${machine.loadAverage1m}\n` +
      `${clients} citizens submitting ${SERVICE}, ${warmup} s warm-up + ${duration} s measured; ` +
      `HTTP closed loop${pacedRate > 0 ? `, HTTP paced at ${pacedRate}/s` : ''}, the job queue drained, then the direct writes\n\n`,
  );

  const database = `bench_submissions_${process.pid}`;
  const url = await createDatabase(options.postgres, database);
  const { citizens, versionId, overHttp } = await httpPhase(url, database);
  const direct = await measureDirect(url, database, versionId, citizens);
  process.stdout.write(`direct: ${Math.round(direct.requestsPerSecond)} submits/s\n\n`);
  await dropCreatedDatabases();

  const h = overHttp.figures;
  const paced = overHttp.paced?.figures;
  const ratio = h.requestsPerSecond / direct.requestsPerSecond;
  // Rate, p99 and errors are judged on the paced run (the target load offered, as citizens would),
  // or on the closed run when there was none.
  const judged = paced ?? h;
  const met = {
    rate: judged.requestsPerSecond >= TARGET_RATE * 0.99,
    p99: judged.p99Ms < TARGET_P99_MS,
    errors: judged.errors === 0 && h.errors === 0,
    ratio: ratio >= TARGET_RATIO,
  };
  const word = (isMet: boolean) => (isMet ? 'met' : 'NOT met');
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
      'client CPU ms/req',
      'machine busy',
      'requests',
      'errors',
    ],
    describe('POST …/drafts/{id}/submit (HTTP, closed loop)', h),
    ...(paced ? [describe(`the same, paced at ${pacedRate}/s offered (HTTP)`, paced)] : []),
    describe('the same writes, direct (baseline)', direct),
  ]);
  const d = overHttp.drain;
  process.stdout.write(
    `\nHTTP ${paced ? `paced at ${pacedRate}/s: ` : ''}${round(judged.requestsPerSecond)} submits/s (target ≥ ${TARGET_RATE}: ${word(met.rate)}), ` +
      `p99 ${round(judged.p99Ms, 1)} ms (target < ${TARGET_P99_MS}: ${word(met.p99)}), ` +
      `${judged.errors + (paced ? h.errors : 0)} errors (target 0: ${word(met.errors)}); ` +
      `ratio HTTP/direct (closed loops) ${round(ratio, 2)} (target ≥ ${TARGET_RATIO}: ${word(met.ratio)})\n` +
      (errorSamples.length > 0 ? `first errors: ${errorSamples.join(' | ')}\n` : '') +
      (h.outOfDrafts + (paced?.outOfDrafts ?? 0) + direct.outOfDrafts > 0
        ? `workers out of drafts: HTTP ${h.outOfDrafts}, paced ${paced?.outOfDrafts ?? 0}, direct ${direct.outOfDrafts} ` +
          '(raise --drafts; a paced run cut short is not judged on its full minute)\n'
        : '') +
      `job runner: ${round(overHttp.jobsDuringLoadPerSecond, 1)} ${START_PROCESS_JOB} jobs/s during the load; ` +
      `${d.queuedAfterLoad} queued after it, ${d.left} left after ${round(d.seconds, 1)} s ` +
      `(${round(d.jobsPerSecond, 1)} jobs/s, server CPU ${round(d.serverCpuPerJobMs, 1)} ms/job` +
      `${d.postgresCpuPerJobMs === null ? '' : `, PG CPU ${round(d.postgresCpuPerJobMs, 1)} ms/job`}), ${d.failed} failed\n` +
      `database backends during HTTP: ${h.waits}\n` +
      `database backends during direct: ${direct.waits}\n` +
      `load average now ${round(os.loadavg()[0] ?? 0, 2)}\n`,
  );
  process.stdout.write(
    `\n${JSON.stringify({
      bench: 'case-submissions',
      machine: { ...machine, postgres: postgres?.server_version, uncommittedServerFiles: dirty },
      settings: {
        clients,
        durationSeconds: duration,
        warmupSeconds: warmup,
        draftsPerClient,
        drainTimeout,
        pacedRate,
      },
      http: { ...rounded(h), registered: overHttp.registered },
      paced: overHttp.paced && {
        offeredPerSecond: pacedRate,
        ...rounded(overHttp.paced.figures),
        registered: overHttp.paced.registered,
      },
      direct: rounded(direct),
      ratio: round(ratio, 3),
      jobs: {
        perSecondDuringLoad: round(overHttp.jobsDuringLoadPerSecond, 2),
        queuedAfterLoad: d.queuedAfterLoad,
        left: d.left,
        failed: d.failed,
        drainSeconds: round(d.seconds, 1),
        perSecondDraining: round(d.jobsPerSecond, 2),
        serverCpuPerJobMs: round(d.serverCpuPerJobMs, 2),
        postgresCpuPerJobMs: d.postgresCpuPerJobMs === null ? null : round(d.postgresCpuPerJobMs, 2),
      },
      targets: {
        requestsPerSecond: TARGET_RATE,
        p99Ms: TARGET_P99_MS,
        errors: 0,
        ratio: TARGET_RATIO,
        met,
      },
    })}\n`,
  );
}

await runBenchmark('case-submissions', main);
