import type { Kysely } from 'kysely';

/** Most units of work committed by one transaction. */
const GROUP_LIMIT = 64;

type Work<T> = (trx: Kysely<unknown>) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Commits short writes that arrive together in one transaction (group commit; ADR 0007).
 *
 * A write that must hold a row lock through its commit — the diarium series' counter for a gapless
 * number, the audit chain's head — lets one such transaction through at a time, so the commits'
 * disk flushes come one after another and cap the rate at about one per flush. Units handed to
 * `transaction` while a group is being written wait, and are then run one after another in one
 * transaction: one lock, one flush and one BEGIN/COMMIT for all of them. Each unit still commits
 * whole or not at all.
 *
 * If any unit of a group throws (or the commit fails), the group is rolled back and each of its
 * units runs again in a transaction of its own, so one unit's failure is its own and the others
 * are written. A unit must therefore be safe to run twice — as a unit of database work that decides
 * from what it reads, it is.
 */
export class GroupCommit {
  readonly #db: Kysely<unknown>;
  readonly #waiting: Pending[] = [];
  #writing = false;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  /** Runs `work` in a transaction, perhaps shared with other units; resolves once it is committed. */
  transaction<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#writing) void this.#writeWaiting();
    });
  }

  async #writeWaiting(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#waiting.length > 0) {
        const group = this.#waiting.splice(0, GROUP_LIMIT);
        if (group.length === 1 || !(await this.#writeTogether(group))) {
          for (const unit of group) await this.#writeAlone(unit);
        }
      }
    } finally {
      this.#writing = false;
    }
  }

  /** Answers false, having written nothing, when some unit failed. */
  async #writeTogether(group: readonly Pending[]): Promise<boolean> {
    let results: unknown[];
    try {
      results = await this.#db.transaction().execute(async (trx) => {
        const done: unknown[] = [];
        for (const unit of group) done.push(await unit.work(trx));
        return done;
      });
    } catch {
      return false;
    }
    for (const [index, unit] of group.entries()) unit.resolve(results[index]);
    return true;
  }

  async #writeAlone(unit: Pending): Promise<void> {
    try {
      unit.resolve(await this.#db.transaction().execute(unit.work));
    } catch (error) {
      unit.reject(error);
    }
  }
}

const groupCommits = new WeakMap<Kysely<unknown>, GroupCommit>();

/** The group commit of a database handle (one per handle, so every caller's units can share it). */
export function groupCommitOf(db: Kysely<unknown>): GroupCommit {
  let found = groupCommits.get(db);
  if (!found) {
    found = new GroupCommit(db);
    groupCommits.set(db, found);
  }
  return found;
}
