import { hostname } from 'node:os';
import { type ColumnType, type Generated, type Kysely, type QueryCreator, sql } from 'kysely';

/**
 * The platform's job queue, written once for every module: a module hands work over inside its own
 * transaction (`enqueueJob`), so the job exists exactly when the change that asked for it committed,
 * and a `JobRunner` carries it out afterwards, retrying with growing delays.
 *
 * Several server processes may run on one PostgreSQL. A runner claims due jobs with
 * `FOR UPDATE SKIP LOCKED` and a lease (`locked_until`): two runners never claim the same job, and a
 * job whose runner died is claimed again once its lease has run out. A job therefore runs once, or
 * again after a crash in the middle of it: handlers must be safe to repeat (at least once).
 */

export interface JobTables {
  platform_jobs: {
    id: Generated<string>;
    kind: string;
    /** Written as JSON text, read back as the value. */
    payload: ColumnType<unknown, string, string>;
    run_at: ColumnType<Date, Date | undefined, Date>;
    attempts: Generated<number>;
    max_attempts: number;
    locked_by: string | null;
    locked_until: Date | null;
    last_error: string | null;
    finished_at: Date | null;
    failed_at: Date | null;
    created_at: Generated<Date>;
  };
}

export interface NewJob {
  /** What to do: the name a handler is registered under, e.g. `mail.send`. */
  kind: string;
  /** What the handler needs, as JSON. No personal data a log line could leak is needed here. */
  payload: Record<string, unknown>;
  /** Not before this moment (default: now). */
  runAt?: Date;
  /** Attempts before the job is given up (default 8: about 40 minutes of retries). */
  maxAttempts?: number;
}

const DEFAULT_MAX_ATTEMPTS = 8;

/** Hands a job over; call it with the caller's transaction, so the job commits with its change. */
export async function enqueueJob(db: Kysely<unknown>, job: NewJob): Promise<string> {
  const row = await enqueueJobsQuery(db, [job]).executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The statement that hands jobs over, for a module that writes its change in one statement and
 * takes the jobs along as a part of it (`.with('job', (db) => enqueueJobsQuery(db, jobs))`): one
 * round trip fewer on a hot path, the queue's table still written only by this module's code.
 */
export function enqueueJobsQuery(db: QueryCreator<never> | Kysely<unknown>, jobs: readonly NewJob[]) {
  return (db as unknown as QueryCreator<JobTables>)
    .insertInto('platform_jobs')
    .values(
      jobs.map((job) => ({
        kind: job.kind,
        payload: JSON.stringify(job.payload),
        max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        // Kysely writes DEFAULT (the database's now()) where a row has no time of its own.
        ...(job.runAt ? { run_at: job.runAt } : {}),
      })),
    )
    .returning('id');
}

export interface JobContext {
  id: string;
  /** 1 on the first attempt. */
  attempt: number;
  db: Kysely<unknown>;
}

/** Carries out one job; a thrown error schedules another attempt (its message is kept, so no personal data in it). */
export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

/** The wait before attempt `attempt + 1`: 10 s, 20 s, 40 s … at most an hour. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(10 * 2 ** Math.max(attempt - 1, 0), 3600);
}

export interface JobRunnerOptions {
  db: Kysely<unknown>;
  handlers: Readonly<Record<string, JobHandler>>;
  /** Names the runner in `locked_by` (default: host and process id). */
  name?: string;
  /** How long to wait between rounds that found nothing to do (default 1 s). */
  pollMs?: number;
  /** Jobs claimed per round (default 10). */
  batch?: number;
  /**
   * Jobs of a round carried out at once (default 1). A job waits for the database much of its time
   * (its statements, its commit's flush); a few at once keep the process and the database busy
   * together. While requests are being answered only one runs (see `giveWayWhile`). Jobs about
   * the same thing must therefore lock what they share (a case's job locks its case row).
   */
  concurrency?: number;
  /** How long a claim holds before another runner may take the job (default 5 minutes). */
  leaseSeconds?: number;
  log?: { error(details: object, message: string): void };
  /**
   * While this answers true — people are waiting for answers from this process — each job waits
   * (checking every few milliseconds, at most `giveWayMs`) so the requests come first: a receipt a
   * second later costs nobody anything, a submit answered late does.
   */
  giveWayWhile?: () => boolean;
  /** The longest a job waits for `giveWayWhile` (default 1 s): under steady load jobs still run. */
  giveWayMs?: number;
}

const GIVE_WAY_CHECK_MS = 5;

interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

const ERROR_TEXT_MAX = 500;

export class JobRunner {
  readonly #db: Kysely<unknown>;
  readonly #handlers: Readonly<Record<string, JobHandler>>;
  readonly #name: string;
  readonly #pollMs: number;
  readonly #batch: number;
  readonly #concurrency: number;
  readonly #leaseSeconds: number;
  readonly #log: JobRunnerOptions['log'];
  readonly #giveWayWhile: () => boolean;
  readonly #giveWayMs: number;
  #running: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;

  constructor(options: JobRunnerOptions) {
    this.#db = options.db;
    this.#handlers = options.handlers;
    this.#name = options.name ?? `${hostname()}:${process.pid}`;
    this.#pollMs = options.pollMs ?? 1000;
    this.#batch = options.batch ?? 10;
    this.#concurrency = Math.max(1, options.concurrency ?? 1);
    this.#leaseSeconds = options.leaseSeconds ?? 300;
    this.#log = options.log;
    this.#giveWayWhile = options.giveWayWhile ?? (() => false);
    this.#giveWayMs = options.giveWayMs ?? 1000;
  }

  /**
   * Claims the jobs that are due and carries them out, `concurrency` at a time in the order
   * claimed; returns how many it ran.
   */
  async runDue(): Promise<number> {
    const claimed = await this.#claim();
    let next = 0;
    const isLeft = () => next < claimed.length;
    // A job is taken only once its worker has given way, so one waiting holds none.
    const worker = async (index: number) => {
      while (isLeft()) {
        await this.#giveWay(index === 0 ? this.#giveWayMs : Number.POSITIVE_INFINITY, isLeft);
        const job = claimed[next++];
        if (job) await this.#run(job);
      }
    };
    const workers = Math.min(this.#concurrency, claimed.length);
    await Promise.all(Array.from({ length: workers }, (_, index) => worker(index)));
    return claimed.length;
  }

  /**
   * Waits while people wait for answers from this process: the first worker at most `ms` before
   * each job, so the queue still moves during a long peak; the others until the peak is over or
   * the round's jobs are taken.
   */
  async #giveWay(ms: number, isLeft: () => boolean): Promise<void> {
    const until = performance.now() + ms;
    while (!this.#stopping && isLeft() && this.#giveWayWhile() && performance.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, GIVE_WAY_CHECK_MS));
    }
  }

  /** Runs rounds until stopped: straight on while there is work, else after `pollMs`. */
  start(): void {
    if (this.#running) return;
    this.#stopping = false;
    this.#running = this.#loop();
  }

  /** Stops polling and resolves once the jobs under way are done. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#running;
    this.#running = undefined;
  }

  async #loop(): Promise<void> {
    while (!this.#stopping) {
      let ran = 0;
      try {
        ran = await this.runDue();
      } catch (error) {
        // The database is away for a moment: try again at the next round.
        this.#log?.error({ err: error }, 'the job runner could not claim jobs');
      }
      if (ran < this.#batch && !this.#stopping) await this.#pause();
    }
  }

  #pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.#pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
  }

  async #claim(): Promise<ClaimedJob[]> {
    const result = await sql<ClaimedJob>`
      update platform_jobs set locked_by = ${this.#name},
        locked_until = now() + make_interval(secs => ${this.#leaseSeconds}), attempts = attempts + 1
      where id in (
        select id from platform_jobs
        where finished_at is null and failed_at is null and run_at <= now()
          and (locked_until is null or locked_until < now())
        order by run_at, id
        limit ${this.#batch}
        for update skip locked)
      returning id, kind, payload, attempts, max_attempts`.execute(this.#db);
    return result.rows;
  }

  async #run(job: ClaimedJob): Promise<void> {
    const handler = this.#handlers[job.kind];
    if (!handler) {
      await this.#fail(job, `no handler for jobs of kind ${job.kind}`, true);
      return;
    }
    try {
      await handler(job.payload, { id: job.id, attempt: job.attempts, db: this.#db });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#log?.error({ jobId: job.id, kind: job.kind, attempt: job.attempts }, 'a job failed');
      await this.#fail(job, message, job.attempts >= job.max_attempts);
      return;
    }
    await sql`update platform_jobs set finished_at = now(), locked_by = null, locked_until = null,
        last_error = null
      where id = ${job.id} and locked_by = ${this.#name}`.execute(this.#db);
  }

  /** Records the failure: another attempt after a delay, or none when `final`. */
  async #fail(job: ClaimedJob, message: string, final: boolean): Promise<void> {
    const delay = retryDelaySeconds(job.attempts);
    await sql`update platform_jobs set locked_by = null, locked_until = null,
        last_error = ${message.slice(0, ERROR_TEXT_MAX)},
        run_at = now() + make_interval(secs => ${delay}),
        failed_at = ${final ? sql`now()` : sql`null`}
      where id = ${job.id} and locked_by = ${this.#name}`.execute(this.#db);
  }
}
