import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends } from '../../../test/test-server.ts';
import type { Database } from './database.ts';
import { StatementPreparer } from './prepared-statements.ts';

describe('StatementPreparer', () => {
  it('names a statement from its third run on, always by the same name', () => {
    const preparer = new StatementPreparer();
    const text = 'select * from registry_persons where id = $1';
    expect(preparer.nameFor(text)).toBeUndefined();
    expect(preparer.nameFor(text)).toBeUndefined();
    const name = preparer.nameFor(text);
    expect(name).toMatch(/^karna_[0-9a-f]{24}$/);
    expect(preparer.nameFor(text)).toBe(name);
    expect(new StatementPreparer().nameFor(text)).toBeUndefined();
  });

  it('prepares no more than 256 statements, however many texts it sees', () => {
    const preparer = new StatementPreparer();
    const named = new Set<string>();
    for (let index = 0; index < 1_000; index++) {
      const text = `select $1::int + ${index}`;
      for (let run = 0; run < 3; run++) {
        const name = preparer.nameFor(text);
        if (name) named.add(name);
      }
    }
    expect(named.size).toBe(256);
  });
});

describe.skipIf(!testBackends.includes('postgres'))('prepared statements on PostgreSQL', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });
  afterAll(() => database.close());

  it('answers the same once a statement runs prepared, also after a failed transaction', async () => {
    const addOne = (db: typeof database.db, value: number) =>
      sql<{ sum: number }>`select ${value}::int + 1 as sum`.execute(db);
    await database.db.transaction().execute(async (trx) => {
      for (let value = 0; value < 5; value++) {
        expect((await addOne(trx, value)).rows).toEqual([{ sum: value + 1 }]);
      }
      // The transaction holds one connection, which has now parsed the statement under its name.
      const prepared = await sql<{ name: string }>`
        select name from pg_prepared_statements where statement = 'select $1::int + 1 as sum'`.execute(trx);
      expect(prepared.rows).toEqual([{ name: expect.stringMatching(/^karna_/) }]);
    });
    await expect(
      database.db.transaction().execute(async (trx) => {
        await addOne(trx, 1);
        await sql`select ${'x'}::int`.execute(trx);
      }),
    ).rejects.toThrow(/invalid input syntax/);
    expect((await addOne(database.db, 41)).rows).toEqual([{ sum: 42 }]);
  });
});
