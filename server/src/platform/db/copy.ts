import { CompiledQuery } from 'kysely';

/**
 * `COPY … FROM STDIN` through Kysely, on both backends: the fastest way PostgreSQL takes many rows.
 * Kysely has no COPY, so the rows travel as the one parameter of a parameterless COPY statement;
 * the PostgreSQL client (`prepared-statements.ts`, with pg-copy-streams) and the PGlite connection
 * (`pglite-dialect.ts`, through its `/dev/blob`) recognise that parameter and stream it. Inside a
 * transaction the COPY runs on the transaction's connection, like any other statement.
 */

/** Rows in PostgreSQL's COPY text format, one line each. */
export class CopyData {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }
}

/** The one parameter of a COPY statement, when it is one. */
export function copyDataOf(values: readonly unknown[] | undefined): CopyData | undefined {
  return values?.length === 1 && values[0] instanceof CopyData ? values[0] : undefined;
}

export type CopyValue = string | number | boolean | null | undefined;

/** Backslash, tab, newline and carriage return are COPY's delimiters; everything else goes as is. */
const ESCAPED = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('COPY takes only finite numbers');
    return String(value);
  }
  return value.replace(ESCAPED, (character) => ESCAPES[character] ?? character);
}

/** The rows as COPY text: fields separated by tabs, `\N` for null, one row per line. */
export function copyText(rows: readonly (readonly CopyValue[])[]): string {
  // Joined once, a flat string: appended row by row it would be a rope of thousands of pieces.
  return rows.map((row) => `${row.map(copyField).join('\t')}\n`).join('');
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * `COPY table (columns) FROM STDIN` with the rows, ready to run with `db.executeQuery` (in a transaction, on its connection) (the rows are
 * turned into COPY text now: a query made ahead and queued holds one string, not the row objects).
 * Table and column names are the caller's constants (checked as plain identifiers, never quoted).
 */
export function copyQuery(
  table: string,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
): CompiledQuery {
  for (const name of [table, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  }
  return CompiledQuery.raw(`copy ${table} (${columns.join(', ')}) from stdin`, [
    new CopyData(copyText(rows)),
  ]);
}
