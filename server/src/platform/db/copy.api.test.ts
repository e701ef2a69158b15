import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends } from '../../../test/test-server.ts';
import { type CopyValue, copyQuery, copyText } from './copy.ts';
import type { Database } from './database.ts';

describe('copyText', () => {
  it('escapes COPY’s delimiters and writes null, booleans and numbers as PostgreSQL reads them', () => {
    expect(copyText([['a\tb', 'c\\d', 'e\nf\rg', null, true, false, 1.5, undefined]])).toBe(
      'a\\tb\tc\\\\d\te\\nf\\rg\t\\N\tt\tf\t1.5\t\\N\n',
    );
  });

  it('refuses a number PostgreSQL could not read back', () => {
    expect(() => copyText([[Number.NaN]])).toThrow(/finite/);
  });

  it('refuses a table or column that is not a plain identifier', () => {
    expect(() => copyQuery('t; drop table x', ['a'], [])).toThrow(/identifier/);
    expect(() => copyQuery('t', ['a"'], [])).toThrow(/identifier/);
  });
});

describe.each(testBackends)('COPY through Kysely on %s', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(() => database.close());

  const copyRows = (db: Kysely<unknown>, table: string, columns: string[], rows: CopyValue[][]) =>
    db.executeQuery(copyQuery(table, columns, rows));

  const awkward = ['Åsa\tÖberg', 'C:\\temp\\N', 'två\nrader', '\\N', '', 'Zoë 😀'];

  it('writes every value back as it was, inside the caller’s transaction', async () => {
    const rows = await database.db.transaction().execute(async (trx) => {
      await sql`create temp table copied (n integer, text text, yes boolean, at date) on commit drop`.execute(
        trx,
      );
      await copyRows(
        trx,
        'copied',
        ['n', 'text', 'yes', 'at'],
        awkward.map((text, index) => [index, text, index % 2 === 0, index === 0 ? null : '2024-06-07']),
      );
      await copyRows(trx, 'copied', ['n'], [[awkward.length]]);
      const result = await sql<{ n: number; text: string | null; yes: boolean | null }>`
        select n, text, yes from copied order by n`.execute(trx);
      return result.rows;
    });
    expect(rows.map((row) => row.text)).toEqual([...awkward, null]);
    expect(rows.map((row) => row.yes)).toEqual([true, false, true, false, true, false, null]);
  });

  it('fails on a row the table refuses, and the transaction writes nothing', async () => {
    await sql`create table copy_refused (n integer not null)`.execute(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await copyRows(trx, 'copy_refused', ['n'], [[1]]);
        await copyRows(trx, 'copy_refused', ['n'], [[2], [null]]);
      }),
    ).rejects.toThrow(/null/);
    const left = await sql<{ n: number }>`select count(*)::integer as n from copy_refused`.execute(
      database.db,
    );
    expect(left.rows[0]?.n).toBe(0);
    // The connection is whole: the next statement runs.
    await sql`drop table copy_refused`.execute(database.db);
  });
});
