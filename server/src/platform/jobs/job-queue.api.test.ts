import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { databaseUrl } from '../../../test/global-setup.ts';
import { openTestDatabase, testBackends } from '../../../test/test-server.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { enqueueJob, type JobHandler, JobRunner, retryDelaySeconds } from './job-queue.ts';

interface JobRow {
  kind: string;
  attempts: number;
  last_error: string | null;
  finished_at: Date | null;
  failed_at: Date | null;
  locked_by: string | null;
}

async function jobRows(db: Kysely<unknown>): Promise<JobRow[]> {
  const result = await sql<JobRow>`select kind, attempts, last_error, finished_at, failed_at, locked_by
    from platform_jobs order by created_at, id`.execute(db);
  return result.rows;
}

/** Makes every waiting job due now, as if its retry delay had passed. */
async function letTimePass(db: Kysely<unknown>): Promise<void> {
  await sql`update platform_jobs set run_at = now() - interval '1 second' where finished_at is null`.execute(
    db,
  );
}

describe('retryDelaySeconds', () => {
  it('doubles from 10 s and stops at an hour', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([10, 20, 40, 80]);
    expect(retryDelaySeconds(20)).toBe(3600);
  });
});

describe.each(testBackends)('the job queue on %s', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await sql`delete from platform_jobs`.execute(database.db);
  });

  it('carries out up to `concurrency` jobs of a round at once, each once', async () => {
    let inFlight = 0;
    let mostAtOnce = 0;
    const seen: number[] = [];
    const runner = new JobRunner({
      db: database.db,
      concurrency: 3,
      handlers: {
        'test.slow': async (payload) => {
          inFlight += 1;
          mostAtOnce = Math.max(mostAtOnce, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 30));
          seen.push((payload as { n: number }).n);
          inFlight -= 1;
        },
      },
    });
    for (let n = 1; n <= 7; n++) await enqueueJob(database.db, { kind: 'test.slow', payload: { n } });
    expect(await runner.runDue()).toBe(7);
    expect(mostAtOnce).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await jobRows(database.db)).every((job) => job.finished_at !== null && job.attempts === 1)).toBe(
      true,
    );

    // While requests are being answered, one at a time (each after giving way), and still all of them.
    inFlight = 0;
    mostAtOnce = 0;
    const busyRunner = new JobRunner({
      db: database.db,
      concurrency: 3,
      giveWayWhile: () => true,
      giveWayMs: 10,
      handlers: {
        'test.slow': async () => {
          inFlight += 1;
          mostAtOnce = Math.max(mostAtOnce, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 30));
          inFlight -= 1;
        },
      },
    });
    for (let n = 1; n <= 4; n++) await enqueueJob(database.db, { kind: 'test.slow', payload: { n } });
    expect(await busyRunner.runDue()).toBe(4);
    expect(mostAtOnce).toBe(1);
  });

  it('runs a job once its transaction committed, and never one whose transaction rolled back', async () => {
    const seen: unknown[] = [];
    const runner = new JobRunner({
      db: database.db,
      handlers: { 'test.note': async (payload) => void seen.push(payload) },
    });
    await database.db
      .transaction()
      .execute((trx) => enqueueJob(trx, { kind: 'test.note', payload: { n: 1 } }));
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { kind: 'test.note', payload: { n: 2 } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    const [job] = await jobRows(database.db);
    expect(job).toMatchObject({ attempts: 1, last_error: null, failed_at: null, locked_by: null });
    expect(job?.finished_at).toBeInstanceOf(Date);
  });

  it('gives way while requests are waiting, but not for longer than it was told', async () => {
    const ranAt: number[] = [];
    let requestsWaiting = true;
    const runner = new JobRunner({
      db: database.db,
      handlers: { 'test.note': async () => void ranAt.push(performance.now()) },
      giveWayWhile: () => requestsWaiting,
      giveWayMs: 400,
    });
    await enqueueJob(database.db, { kind: 'test.note', payload: {} });
    await enqueueJob(database.db, { kind: 'test.note', payload: {} });
    const started = performance.now();
    setTimeout(() => {
      requestsWaiting = false;
    }, 150);
    expect(await runner.runDue()).toBe(2);
    // The first job waited until the requests were answered; the second did not wait at all.
    expect((ranAt[0] ?? 0) - started).toBeGreaterThanOrEqual(140);
    expect((ranAt[1] ?? 0) - (ranAt[0] ?? 0)).toBeLessThan(140);

    requestsWaiting = true;
    await enqueueJob(database.db, { kind: 'test.note', payload: {} });
    const again = performance.now();
    expect(await runner.runDue()).toBe(1);
    // Under steady load a job still runs once it has waited its longest.
    expect((ranAt[2] ?? 0) - again).toBeGreaterThanOrEqual(390);
  });

  it('does not run a job before its time', async () => {
    const runner = new JobRunner({ db: database.db, handlers: { 'test.later': async () => {} } });
    await enqueueJob(database.db, {
      kind: 'test.later',
      payload: {},
      runAt: new Date(Date.now() + 60_000),
    });
    expect(await runner.runDue()).toBe(0);
  });

  it('tries a failing job again after its delay, keeps the error, and gives up after its last attempt', async () => {
    let calls = 0;
    const failing: JobHandler = async () => {
      calls += 1;
      throw new Error(`the mail server refused (attempt ${calls})`);
    };
    const runner = new JobRunner({ db: database.db, handlers: { 'test.fail': failing } });
    await enqueueJob(database.db, { kind: 'test.fail', payload: {}, maxAttempts: 3 });

    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0); // waiting for its retry delay
    expect(await jobRows(database.db)).toMatchObject([
      { attempts: 1, last_error: 'the mail server refused (attempt 1)', failed_at: null },
    ]);
    for (let round = 0; round < 3; round++) {
      await letTimePass(database.db);
      await runner.runDue();
    }
    expect(calls).toBe(3);
    const [job] = await jobRows(database.db);
    expect(job).toMatchObject({ attempts: 3, last_error: 'the mail server refused (attempt 3)' });
    expect(job?.failed_at).toBeInstanceOf(Date);
    expect(job?.finished_at).toBeNull();
  });

  it('gives up at once on a job nobody handles, and says so', async () => {
    const runner = new JobRunner({ db: database.db, handlers: {} });
    await enqueueJob(database.db, { kind: 'test.unknown', payload: {} });
    await runner.runDue();
    const [job] = await jobRows(database.db);
    expect(job?.last_error).toBe('no handler for jobs of kind test.unknown');
    expect(job?.failed_at).toBeInstanceOf(Date);
  });

  it('takes a job again when the runner that claimed it let its lease run out', async () => {
    const seen: string[] = [];
    await enqueueJob(database.db, { kind: 'test.note', payload: {} });
    // A runner claimed it and died: its lease ran out a second ago.
    await sql`update platform_jobs set locked_by = 'dead:1', attempts = 1,
      locked_until = now() - interval '1 second'`.execute(database.db);
    const runner = new JobRunner({
      db: database.db,
      name: 'alive:2',
      handlers: { 'test.note': async (_payload, context) => void seen.push(`attempt ${context.attempt}`) },
    });
    expect(await runner.runDue()).toBe(1);
    expect(seen).toEqual(['attempt 2']);
  });

  it('runs in the background until stopped, and finishes the job under way first', async () => {
    let finished = 0;
    const runner = new JobRunner({
      db: database.db,
      pollMs: 20,
      handlers: {
        'test.slow': async () => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          finished += 1;
        },
      },
    });
    runner.start();
    await enqueueJob(database.db, { kind: 'test.slow', payload: {} });
    await expect.poll(() => finished, { timeout: 5000 }).toBe(1);
    await enqueueJob(database.db, { kind: 'test.slow', payload: {} });
    await expect.poll(async () => (await jobRows(database.db))[1]?.locked_by ?? null).not.toBeNull();
    await runner.stop();
    expect(finished).toBe(2);
  });
});

describe.skipIf(!testBackends.includes('postgres'))('two server processes on one PostgreSQL', () => {
  let first: Database;
  let second: Database;
  beforeAll(async () => {
    first = await openTestDatabase('postgres');
    // A second pool on the same database, as a second server process would have.
    const template = inject('postgresTemplate');
    if (!template) throw new Error('KARNA_TEST_DATABASE_URL is not set');
    const name = await sql<{ name: string }>`select current_database() as name`.execute(first.db);
    second = await openDatabase({ databaseUrl: databaseUrl(template.url, name.rows[0]?.name ?? '') });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('run each job once between them', async () => {
    const runs = new Map<number, number>();
    const handler: JobHandler = async (payload) => {
      const n = (payload as { n: number }).n;
      runs.set(n, (runs.get(n) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 1));
    };
    await first.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 200; n++) await enqueueJob(trx, { kind: 'test.count', payload: { n } });
    });
    const runners = [first, second].map(
      (database, index) =>
        new JobRunner({
          db: database.db,
          name: `process-${index}`,
          batch: 5,
          handlers: { 'test.count': handler },
        }),
    );
    const drain = async (runner: JobRunner) => {
      while ((await runner.runDue()) > 0) {}
    };
    await Promise.all(runners.map(drain));
    expect(runs.size).toBe(200);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    const byRunner = await sql<{ n: number }>`select count(*)::integer as n from platform_jobs
      where finished_at is not null`.execute(first.db);
    expect(byRunner.rows[0]?.n).toBe(200);
  });
});
