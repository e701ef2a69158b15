import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends } from '../../../test/test-server.ts';
import type { Database } from './database.ts';
import { GroupCommit } from './group-commit.ts';

describe.each(testBackends)('group commit on %s', (backend) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(backend);
    await sql`create table group_commit_probe (n integer primary key)`.execute(database.db);
  });
  afterEach(async () => {
    await database?.close();
  });

  const stored = async () =>
    (await sql<{ n: number }>`select n from group_commit_probe order by n`.execute(database.db)).rows.map(
      (row) => row.n,
    );
  const insert = (n: number) => async (trx: typeof database.db) => {
    await sql`insert into group_commit_probe (n) values (${n})`.execute(trx);
    return n * 10;
  };

  it('commits units that arrive together, each answered with its own result', async () => {
    const group = new GroupCommit(database.db);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, index) => group.transaction(insert(index))),
    );
    expect(results).toEqual(Array.from({ length: 30 }, (_, index) => index * 10));
    expect(await stored()).toEqual(Array.from({ length: 30 }, (_, index) => index));
  });

  it('lets a failing unit fail alone: the others of its group are written, nothing of it is', async () => {
    const group = new GroupCommit(database.db);
    const failing = async (trx: typeof database.db) => {
      await insert(100)(trx);
      throw new Error('this unit is refused');
    };
    const outcomes = await Promise.allSettled([
      group.transaction(insert(1)),
      group.transaction(insert(2)),
      group.transaction(failing),
      group.transaction(insert(3)),
      // A duplicate key fails in the database itself, after the others' statements ran.
      group.transaction(insert(2)),
      group.transaction(insert(4)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toContain('this unit is refused');
    expect(await stored()).toEqual([1, 2, 3, 4]);
  });
});
