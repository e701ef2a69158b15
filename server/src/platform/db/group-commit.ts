import type { Kysely } from 'kysely';

/** Most units of work committed by one transaction. */
const GROUP_LIMIT = 64;

/**
 * Writes a group of units in the caller's transaction and answers one result per unit, in order.
 * It should write them together — one statement per table for the whole group, not one per unit —
 * since the group's row locks are held from its first statement to its commit.
 */
export type WriteGroup<In, Out> = (trx: Kysely<unknown>, units: readonly In[]) => Promise<readonly Out[]>;

interface Pending<In, Out> {
  unit: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Commits short writes that arrive together in one transaction (group commit; ADR 0007).
 *
 * A write that must hold a row lock through its commit — the diarium series' counter for a gapless
 * number, the audit chain's head — lets one such transaction through at a time, so the commits'
 * disk flushes come one after another and cap the rate at about one per flush. Units handed to
 * `write` while a group is being written wait, and are then written by one call of `writeGroup` in
 * one transaction: one lock, one flush, one BEGIN/COMMIT and a few statements for all of them.
 * Each unit still commits whole or not at all.
 *
 * If the group's writing throws (or the commit fails), the group is rolled back and each of its
 * units is written again as a group of one, so one unit's failure is its own and the others are
 * written. `writeGroup` must therefore be safe to run twice for a unit — as database work that
 * decides from what it reads, it is.
 */
export class GroupCommit<In, Out> {
  readonly #db: Kysely<unknown>;
  readonly #writeGroup: WriteGroup<In, Out>;
  readonly #waiting: Pending<In, Out>[] = [];
  #writing = false;

  constructor(db: Kysely<unknown>, writeGroup: WriteGroup<In, Out>) {
    this.#db = db;
    this.#writeGroup = writeGroup;
  }

  /** Writes `unit`, perhaps in a transaction shared with other units; resolves once it is committed. */
  write(unit: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.#waiting.push({ unit, resolve, reject });
      if (!this.#writing) void this.#writeWaiting();
    });
  }

  async #writeWaiting(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#waiting.length > 0) {
        const group = this.#waiting.splice(0, GROUP_LIMIT);
        if (group.length === 1 || !(await this.#writeTogether(group))) {
          for (const pending of group) await this.#writeAlone(pending);
        }
      }
    } finally {
      this.#writing = false;
    }
  }

  /** Answers false, having written nothing, when the group's writing failed. */
  async #writeTogether(group: readonly Pending<In, Out>[]): Promise<boolean> {
    let results: readonly Out[];
    try {
      results = await this.#db.transaction().execute((trx) =>
        this.#writeGroup(
          trx,
          group.map((pending) => pending.unit),
        ),
      );
    } catch {
      return false;
    }
    for (const [index, pending] of group.entries()) pending.resolve(results[index] as Out);
    return true;
  }

  async #writeAlone(pending: Pending<In, Out>): Promise<void> {
    try {
      const [result] = await this.#db.transaction().execute((trx) => this.#writeGroup(trx, [pending.unit]));
      pending.resolve(result as Out);
    } catch (error) {
      pending.reject(error);
    }
  }
}
