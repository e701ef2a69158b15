import { CompiledQuery, sql } from 'kysely';
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

  it('prepares a statement again when a migration changed its table under it', async () => {
    await database.db.connection().execute(async (connection) => {
      await sql`create table prepared_probe (id int primary key, name text)`.execute(connection);
      await sql`insert into prepared_probe values (1, 'Ada')`.execute(connection);
      const read = () =>
        connection.executeQuery(CompiledQuery.raw('select * from prepared_probe where id = $1', [1]));
      for (let run = 0; run < 5; run++) await read();

      await sql`alter table prepared_probe add column note text`.execute(connection);
      expect((await read()).rows).toEqual([{ id: 1, name: 'Ada', note: null }]);

      // In a transaction the refusal has already aborted it: the caller sees it once, then no more.
      await sql`alter table prepared_probe add column unit text`.execute(connection);
      await sql`begin`.execute(connection);
      await expect(read()).rejects.toThrow();
      await sql`rollback`.execute(connection);
      expect((await read()).rows).toEqual([{ id: 1, name: 'Ada', note: null, unit: null }]);
      await sql`drop table prepared_probe`.execute(connection);
    });
  });
});
