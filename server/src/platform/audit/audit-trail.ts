import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
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
  async append(
    trx: Kysely<unknown>,
    actor: AuditActor,
    origin: AuditOrigin,
    event: AuditEvent,
  ): Promise<void> {
    await this.#appendChain(trx, [{ actor, origin, event }]);
  }

  /**
   * Appends entries in order, each hashed over the one before: one lock of the chain head, one
   * insert of all the rows and one update of the head, however many entries there are.
   */
  async #appendChain(
    trx: Kysely<unknown>,
    entries: readonly { actor: AuditActor; origin: AuditOrigin; event: AuditEvent }[],
  ): Promise<void> {
    const tables = auditDb(trx);
    const head = await tables
      .selectFrom('audit_chain_head')
      .select(['last_seq', 'last_hash'])
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirstOrThrow();
    let { last_seq: seq, last_hash: previousHash } = head;
    const rows = entries.map(({ actor, origin, event }) => {
      seq += 1;
      const fields = this.#hashedFields(seq, actor, origin, event);
      const hash = hashAuditEntry(previousHash, fields);
      const row = auditRow(fields, previousHash, hash);
      previousHash = hash;
      return row;
    });
    await tables.insertInto('audit_log').values(rows).execute();
    await tables
      .updateTable('audit_chain_head')
      .set({ last_seq: seq, last_hash: previousHash, updated_at: new Date() })
      .where('id', '=', 1)
      .execute();
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
  readonly #waiting: {
    db: Kysely<unknown>;
    actor: AuditActor;
    origin: AuditOrigin;
    event: AuditEvent;
    settle: (error?: unknown) => void;
  }[] = [];
  #committing = false;

  /**
   * Appends an entry that records no change of its own — a read of personal data — and resolves
   * once it is committed, so the caller can hand the data out knowing the read is on the record.
   * Entries arriving while a commit is under way wait and are committed together in the next
   * transaction: one lock of the chain head and one disk flush for many reads, instead of every
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
          await first.db.transaction().execute((trx) => this.#appendChain(trx, group));
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

function auditRow(fields: HashedAuditFields, prevHash: string, hash: string) {
  return {
    seq: fields.seq,
    id: fields.id,
    occurred_at: fields.occurredAt,
    actor_type: fields.actorType,
    actor_id: fields.actorId,
    actor_name: fields.actorName,
    on_behalf_of: fields.onBehalfOf ? JSON.stringify(fields.onBehalfOf) : null,
    action: fields.action,
    outcome: fields.outcome,
    resource_type: fields.resourceType,
    resource_id: fields.resourceId,
    subject_personal_number_hmac: fields.subjectPersonalNumberHmac,
    purpose: fields.purpose,
    request_id: fields.requestId,
    ip: fields.ip,
    user_agent: fields.userAgent,
    details: JSON.stringify(fields.details),
    prev_hash: prevHash,
    hash,
  };
}
