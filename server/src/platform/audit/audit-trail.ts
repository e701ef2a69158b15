import { randomUUID } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';
import { type HashedAuditFields, hashAuditEntry, type OnBehalfOf, personalNumberHmac } from './audit.hash.ts';
import { auditDb } from './audit.tables.ts';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/** Who did something: a logged-in person, an integration, the platform itself, or nobody known. */
export interface AuditActor {
  type: 'citizen' | 'staff' | 'apiClient' | 'system' | 'anonymous';
  id: string | null;
  name: string | null;
  /** Whom they acted for, when not for themself (a guardian for a child, a signatory for a company). */
  onBehalfOf?: OnBehalfOf | undefined;
}

/** Where a request came from. */
export interface AuditOrigin {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** One entry to append: who did what, from where. */
export interface AuditEntry {
  actor: AuditActor;
  origin: AuditOrigin;
  event: AuditEvent;
}

interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * $1, $2 the new head; $3, $4 the head the rows were chained onto; $5 the rows as a JSON array
 * (typed by the table's own row type). The head's update runs first, as the insert's condition.
 */
const APPEND_ON_KNOWN_HEAD_SQL = `
with moved as (
  update audit_chain_head set last_seq = $1, last_hash = $2, updated_at = now()
   where id = 1 and last_seq = $3 and last_hash = $4
  returning id)
insert into audit_log (seq, id, occurred_at, actor_type, actor_id, actor_name, on_behalf_of, action,
                       outcome, resource_type, resource_id, subject_personal_number_hmac, purpose,
                       request_id, ip, user_agent, details, prev_hash, hash)
select seq, id, occurred_at, actor_type, actor_id, actor_name, on_behalf_of, action,
       outcome, resource_type, resource_id, subject_personal_number_hmac, purpose,
       request_id, ip, user_agent, details, prev_hash, hash
  from json_populate_recordset(null::audit_log, $5::json)
 where exists (select 1 from moved)`;

/** The chain head: the last entry's sequence number and hash. */
function chainHead(db: Kysely<unknown>) {
  return auditDb(db)
    .selectFrom('audit_chain_head')
    .select(['last_seq as seq', 'last_hash as hash'])
    .where('id', '=', 1);
}

/** Most entries committed together by one group commit. */
const GROUP_COMMIT_LIMIT = 200;

/** The actor of work the platform does on its own behalf: seeding, a CLI command, a job. */
export function systemActor(name: string): AuditActor {
  return { type: 'system', id: null, name };
}

/** The origin of work that did not come through an HTTP request. */
export const NOT_A_REQUEST: AuditOrigin = { requestId: null, ip: null, userAgent: null };

export interface AuditEvent {
  /** What happened, `<module>.<resource>.<verb>`, e.g. `identity.role.grant`, `registry.person.read`. */
  action: string;
  outcome: AuditOutcome;
  resourceType?: string;
  resourceId?: string;
  /** The person the data is about (12 digits); stored only as a keyed hash. */
  subjectPersonalNumber?: string;
  /** Why: the purpose of a read of personal data, e.g. `case handling BN 2026/123`. */
  purpose?: string;
  details?: Record<string, unknown>;
}

/**
 * The tamper-evident audit trail. Each entry stores the hash of the one before it; appends lock the
 * chain head, so they are serialised, and happen in the caller's transaction — an entry exists
 * exactly when the change it records does.
 */
export class AuditTrail {
  readonly #personalNumberKey: string;

  private constructor(personalNumberKey: string) {
    this.#personalNumberKey = personalNumberKey;
  }

  /** Loads the installation's key for hashing personal numbers (created by the migration). */
  static async load(db: Kysely<unknown>): Promise<AuditTrail> {
    const settings = await auditDb(db)
      .selectFrom('audit_settings')
      .select('personal_number_key')
      .executeTakeFirstOrThrow();
    return new AuditTrail(settings.personal_number_key);
  }

  /** Appends one entry. Pass the transaction that makes the change being recorded. */
  append(trx: Kysely<unknown>, actor: AuditActor, origin: AuditOrigin, event: AuditEvent): Promise<void> {
    return this.appendAll(trx, [{ actor, origin, event }]);
  }

  /**
   * Appends entries in order, in one statement, in the transaction that makes the changes they
   * record (a group commit's).
   */
  async appendAll(trx: Kysely<unknown>, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // Usually the head is the one this process wrote last: then one statement moves it and adds
    // the entry. If it is not (another process, or a rolled-back transaction), nothing was written
    // and the head is read under its lock. A wrong guess costs a statement, never an entry.
    const guess = this.#headGuess;
    const written =
      (guess && (await this.#appendOnKnownHead(trx, guess, entries))) ??
      (await this.#appendChain(trx, entries));
    this.#headGuess = written;
  }

  /**
   * Appends entries in order, each hashed over the one before: one lock of the chain head, one
   * insert of all the rows and one update of the head, however many entries there are.
   */
  async #appendChain(trx: Kysely<unknown>, entries: readonly AuditEntry[]): Promise<ChainHead> {
    const tables = auditDb(trx);
    const head = await chainHead(trx).forUpdate().executeTakeFirstOrThrow();
    const { rows, last } = this.#chain(head, entries);
    await tables
      .insertInto('audit_log')
      .values(
        rows.map((row) => ({
          ...row,
          on_behalf_of: row.on_behalf_of && JSON.stringify(row.on_behalf_of),
          details: JSON.stringify(row.details),
        })),
      )
      .execute();
    await tables
      .updateTable('audit_chain_head')
      .set({ last_seq: last.seq, last_hash: last.hash, updated_at: new Date() })
      .where('id', '=', 1)
      .execute();
    return last;
  }

  /** The entries as rows chained onto `head`, and the head they leave. */
  #chain(head: ChainHead, entries: readonly AuditEntry[]) {
    let { seq, hash: previousHash } = head;
    const rows = entries.map(({ actor, origin, event }) => {
      seq += 1;
      const fields = this.#hashedFields(seq, actor, origin, event);
      const hash = hashAuditEntry(previousHash, fields);
      const row = auditRow(fields, previousHash, hash);
      previousHash = hash;
      return row;
    });
    return { rows, last: { seq, hash: previousHash } };
  }

  /**
   * Writes a group of entries in one statement, in the caller's transaction or on its own, on the
   * head this process last wrote: the statement moves the head only if it is still that one, and
   * inserts the rows only if it moved it. One round trip, with the head's row lock held only from
   * that statement to the commit. Answers the new head, or undefined, having written nothing, when
   * someone else has written since (another process, or a transaction that rolled back).
   */
  async #appendOnKnownHead(db: Kysely<unknown>, head: ChainHead, entries: readonly AuditEntry[]) {
    const { rows, last } = this.#chain(head, entries);
    const result = await db.executeQuery(
      CompiledQuery.raw(APPEND_ON_KNOWN_HEAD_SQL, [
        last.seq,
        last.hash,
        head.seq,
        head.hash,
        JSON.stringify(rows),
      ]),
    );
    return Number(result.numAffectedRows ?? 0) === rows.length ? last : undefined;
  }

  async #commitGroup(db: Kysely<unknown>, group: readonly AuditEntry[]): Promise<void> {
    const known = this.#headGuess ?? (await chainHead(db).executeTakeFirstOrThrow());
    const written =
      (await this.#appendOnKnownHead(db, known, group)) ??
      (await db.transaction().execute((trx) => this.#appendChain(trx, group)));
    this.#headGuess = written;
  }

  #hashedFields(seq: number, actor: AuditActor, origin: AuditOrigin, event: AuditEvent): HashedAuditFields {
    return {
      seq,
      id: randomUUID(),
      occurredAt: new Date(),
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      onBehalfOf: actor.onBehalfOf,
      action: event.action,
      outcome: event.outcome,
      resourceType: event.resourceType ?? null,
      resourceId: event.resourceId ?? null,
      subjectPersonalNumberHmac: event.subjectPersonalNumber
        ? personalNumberHmac(this.#personalNumberKey, event.subjectPersonalNumber)
        : null,
      purpose: event.purpose ?? null,
      requestId: origin.requestId,
      ip: origin.ip,
      userAgent: origin.userAgent,
      details: event.details ?? {},
    };
  }

  /** Entries waiting for the next group commit (see appendOnItsOwn). */
  readonly #waiting: (AuditEntry & { db: Kysely<unknown>; settle: (error?: unknown) => void })[] = [];
  /**
   * The chain head this process last wrote (a guess: see #appendOnKnownHead). A trail is loaded for
   * one database; written by a transaction that then rolls back, the guess is wrong once.
   */
  #headGuess: ChainHead | undefined;
  #committing = false;

  /**
   * Appends an entry that records no change of its own — a read of personal data — and resolves
   * once it is committed, so the caller can hand the data out knowing the read is on the record.
   * Entries arriving while a commit is under way wait and are committed together in the next
   * statement: one lock of the chain head and one disk flush for many reads, instead of every
   * concurrent read queueing for the head in turn.
   */
  appendOnItsOwn(
    db: Kysely<unknown>,
    actor: AuditActor,
    origin: AuditOrigin,
    event: AuditEvent,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({
        db,
        actor,
        origin,
        event,
        settle: (error) => (error === undefined ? resolve() : reject(error)),
      });
      if (!this.#committing) void this.#commitWaiting();
    });
  }

  async #commitWaiting(): Promise<void> {
    this.#committing = true;
    try {
      while (this.#waiting.length > 0) {
        const first = this.#waiting[0];
        if (!first) break;
        // One group per database handle (a process normally has one).
        const group = this.#waiting.filter((item) => item.db === first.db).slice(0, GROUP_COMMIT_LIMIT);
        for (const item of group) this.#waiting.splice(this.#waiting.indexOf(item), 1);
        try {
          await this.#commitGroup(first.db, group);
          for (const item of group) item.settle();
        } catch (error) {
          for (const item of group) item.settle(error ?? new Error('the audit entry was not written'));
        }
      }
    } finally {
      this.#committing = false;
    }
  }

  /** The keyed hash to search the trail for entries about one person. */
  subjectKey(normalizedPersonalNumber: string): string {
    return personalNumberHmac(this.#personalNumberKey, normalizedPersonalNumber);
  }
}

export interface AuditEntrySummary {
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorName: string | null;
  action: string;
  outcome: string;
  purpose: string | null;
}

/** Entries about one person, by the keyed hash of their personal number (AuditTrail.subjectKey). */
export async function findAuditEntriesAboutSubject(
  db: Kysely<unknown>,
  subjectKey: string,
): Promise<AuditEntrySummary[]> {
  const rows = await auditDb(db)
    .selectFrom('audit_log')
    .select(['seq', 'occurred_at', 'actor_type', 'actor_name', 'action', 'outcome', 'purpose'])
    .where('subject_personal_number_hmac', '=', subjectKey)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorName: row.actor_name,
    action: row.action,
    outcome: row.outcome,
    purpose: row.purpose,
  }));
}

/** An entry as a row of audit_log, its JSON columns as values (the caller decides how they travel). */
function auditRow(fields: HashedAuditFields, prevHash: string, hash: string) {
  return {
    seq: fields.seq,
    id: fields.id,
    occurred_at: fields.occurredAt,
    actor_type: fields.actorType,
    actor_id: fields.actorId,
    actor_name: fields.actorName,
    on_behalf_of: fields.onBehalfOf ?? null,
    action: fields.action,
    outcome: fields.outcome,
    resource_type: fields.resourceType,
    resource_id: fields.resourceId,
    subject_personal_number_hmac: fields.subjectPersonalNumberHmac,
    purpose: fields.purpose,
    request_id: fields.requestId,
    ip: fields.ip,
    user_agent: fields.userAgent,
    details: fields.details,
    prev_hash: prevHash,
    hash,
  };
}
