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
  /** Writes the group's numbers in one statement; a negative number is refused by the code. */
  const writeNumbers = async (trx: typeof database.db, numbers: readonly number[]) => {
    if (numbers.some((n) => n < 0)) throw new Error('this unit is refused');
    await sql`insert into group_commit_probe (n) select unnest(${numbers}::int[])`.execute(trx);
    return numbers.map((n) => n * 10);
  };

  it('commits units that arrive together, each answered with its own result', async () => {
    const group = new GroupCommit(database.db, writeNumbers);
    const results = await Promise.all(Array.from({ length: 30 }, (_, index) => group.write(index)));
    expect(results).toEqual(Array.from({ length: 30 }, (_, index) => index * 10));
    expect(await stored()).toEqual(Array.from({ length: 30 }, (_, index) => index));
  });

  it('writes a group with one call of its writer', async () => {
    const groupSizes: number[] = [];
    const group = new GroupCommit(database.db, (trx, numbers: readonly number[]) => {
      groupSizes.push(numbers.length);
      return writeNumbers(trx, numbers);
    });
    await Promise.all(Array.from({ length: 20 }, (_, index) => group.write(index)));
    // The first unit starts a transaction of its own; the rest arrive while it is written.
    expect(groupSizes).toEqual([1, 19]);
  });

  it('lets a failing unit fail alone: the others of its group are written, nothing of it is', async () => {
    const group = new GroupCommit(database.db, writeNumbers);
    const outcomes = await Promise.allSettled([
      group.write(1),
      group.write(2),
      group.write(-1),
      group.write(3),
      // A duplicate key fails in the database itself.
      group.write(2),
      group.write(4),
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
