import { createHash } from 'node:crypto';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type CopyData, copyDataOf } from './copy.ts';

/** A statement is prepared once its text has been run this many times in the process. */
const PREPARE_AFTER_RUNS = 3;
/**
 * At most this many statements are ever prepared, so each connection holds a bounded number of
 * parsed statements on the server (a statement whose text varies, like an `in` list of varying
 * length, would otherwise prepare without end).
 */
const MAX_PREPARED = 256;
/** Texts counted before the counts start over (they only pick which statements are hot). */
const MAX_COUNTED = 4_096;
const MAX_PREPARED_TEXT_LENGTH = 8_192;

/**
 * Decides which statements are worth preparing: those the process runs again and again (the
 * overview's lookups, the session and API key checks, the audit trail's insert). A prepared
 * statement is parsed once per connection and, after PostgreSQL's first few runs, planned once;
 * for the short indexed lookups that answer a request, parsing and planning are most of the
 * server's work.
 */
export class StatementPreparer {
  readonly #runs = new Map<string, number>();
  readonly #names = new Map<string, string>();

  /** The statement's name when it should run prepared, else undefined. */
  nameFor(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known) return known;
    if (text.length > MAX_PREPARED_TEXT_LENGTH || this.#names.size >= MAX_PREPARED) return undefined;
    if (this.#runs.size >= MAX_COUNTED) this.#runs.clear();
    const runs = (this.#runs.get(text) ?? 0) + 1;
    if (runs < PREPARE_AFTER_RUNS) {
      this.#runs.set(text, runs);
      return undefined;
    }
    this.#runs.delete(text);
    const name = `karna_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    this.#names.set(text, name);
    return name;
  }
}

/** PostgreSQL's answer when a table under a prepared statement changed its columns (a migration). */
function isStalePlan(error: unknown): boolean {
  return (
    (error as { code?: string }).code === '0A000' &&
    /cached plan must not change result type/.test((error as Error).message)
  );
}

/**
 * A pg client class for `pg.Pool({ Client })` that runs the preparer's hot statements as named
 * (prepared) statements, and a COPY statement with its rows (`copy.ts`) as a COPY stream. Only parameterised text queries without a callback are named: Kysely sends
 * every query so, while transaction control and cursors go through unchanged.
 *
 * When a migration changes a table's columns under a statement this connection prepared (a newer
 * version migrating while this one still serves), PostgreSQL refuses the statement from then on.
 * The connection then prepares it again under a fresh name and runs it once more: in a transaction
 * that error has already aborted, that run fails too and the caller sees the error once; every run
 * after it uses the fresh statement.
 */
export function preparingClientClass(preparer: StatementPreparer): typeof pg.Client {
  class PreparingClient extends pg.Client {
    /** Fresh names for statements whose prepared form went stale on this connection. */
    readonly #renamed = new Map<string, string>();
    #renames = 0;

    // biome-ignore lint/suspicious/noExplicitAny: pg.Client.query is a set of overloads
    override query(config: any, values?: any, callback?: any): any {
      const copyData = typeof config === 'string' && !callback ? copyDataOf(values) : undefined;
      if (copyData) return this.#copy(config, copyData);
      if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && !callback) {
        const name = preparer.nameFor(config);
        if (name) return this.#runPrepared(this.#renamed.get(config) ?? name, config, values);
      }
      return super.query(config, values, callback);
    }

    /** `COPY … FROM STDIN` with the rows of `copy.ts`'s `copyQuery`, streamed by pg-copy-streams. */
    async #copy(
      text: string,
      data: CopyData,
    ): Promise<Pick<pg.QueryResult, 'command' | 'rowCount' | 'rows'>> {
      const stream = super.query(copyFrom(text));
      stream.end(data.text);
      await finished(stream);
      return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
    }

    async #runPrepared(name: string, text: string, values: unknown[]): Promise<pg.QueryResult> {
      try {
        return await super.query({ name, text, values });
      } catch (error) {
        if (!isStalePlan(error)) throw error;
        this.#renames += 1;
        const fresh = `${name.replace(/_r\d+$/, '')}_r${this.#renames}`;
        this.#renamed.set(text, fresh);
        return super.query({ name: fresh, text, values });
      }
    }
  }
  return PreparingClient;
}
