import type { Kysely, Selectable } from 'kysely';
import { GENESIS_HASH, type HashedAuditFields, hashAuditEntry } from './audit.hash.ts';
import { type AuditTables, auditDb } from './audit.tables.ts';

/** A point in the chain: an entry's sequence number and hash (0 and GENESIS_HASH before the first). */
export interface AuditChainPoint {
  seq: number;
  hash: string;
}

export const CHAIN_START: AuditChainPoint = { seq: 0, hash: GENESIS_HASH };

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAtSeq: number; reason: string };

/** Where a walk over part of the chain ended: the last good entry, or the first bad one. */
export type ChainWalk =
  | { ok: true; last: AuditChainPoint }
  | { ok: false; last: AuditChainPoint; brokenAtSeq: number; reason: string };

/**
 * Walks the whole chain in order and reports the first entry whose hash, link or sequence number
 * does not hold, and whether the chain's tail matches the recorded head (a cut-off tail).
 */
export async function verifyAuditChain(db: Kysely<unknown>, batchSize = 1000): Promise<AuditVerification> {
  const walk = await walkAuditChain(db, CHAIN_START, Number.POSITIVE_INFINITY, batchSize);
  if (!walk.ok) {
    return { ok: false, entries: walk.last.seq, brokenAtSeq: walk.brokenAtSeq, reason: walk.reason };
  }
  const entries = walk.last.seq;
  const head = await readAuditChainHead(db);
  if (head.seq !== entries || head.hash !== walk.last.hash) {
    return {
      ok: false,
      entries,
      brokenAtSeq: entries + 1,
      reason: 'entries after this point have been removed',
    };
  }
  return { ok: true, entries };
}

/**
 * Walks the entries after `from` (which must carry `from.hash`) up to `untilSeq` or the chain's end,
 * checking each entry's sequence number, its link to the one before and its own hash.
 */
export async function walkAuditChain(
  db: Kysely<unknown>,
  from: AuditChainPoint,
  untilSeq = Number.POSITIVE_INFINITY,
  batchSize = 1000,
): Promise<ChainWalk> {
  const tables = auditDb(db);
  let last = from;
  for (;;) {
    let query = tables
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', last.seq)
      .orderBy('seq')
      .limit(batchSize);
    if (Number.isFinite(untilSeq)) query = query.where('seq', '<=', untilSeq);
    const rows = await query.execute();
    for (const row of rows) {
      const expectedSeq = last.seq + 1;
      const broken = (reason: string): ChainWalk => ({ ok: false, last, brokenAtSeq: expectedSeq, reason });
      if (row.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing`);
      if (row.prev_hash !== last.hash) return broken('the entry does not link to the previous entry');
      const recomputed = hashAuditEntry(last.hash, hashedFieldsOf(row));
      if (recomputed !== row.hash) return broken('the entry has been altered since it was written');
      last = { seq: row.seq, hash: row.hash };
    }
    if (rows.length < batchSize) return { ok: true, last };
  }
}

/** The tail the chain head row records (it moves with every append, under its row lock). */
export async function readAuditChainHead(db: Kysely<unknown>): Promise<AuditChainPoint> {
  const head = await auditDb(db)
    .selectFrom('audit_chain_head')
    .select(['last_seq', 'last_hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { seq: head.last_seq, hash: head.last_hash };
}

/** The stored hashes of the given entries; an entry that does not exist is absent from the map. */
export async function findAuditEntryHashes(
  db: Kysely<unknown>,
  seqs: number[],
): Promise<Map<number, string>> {
  const hashes = new Map<number, string>();
  const wanted = [...new Set(seqs)];
  for (let start = 0; start < wanted.length; start += 1000) {
    const rows = await auditDb(db)
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('seq', 'in', wanted.slice(start, start + 1000))
      .execute();
    for (const row of rows) hashes.set(row.seq, row.hash);
  }
  return hashes;
}

/** The identifier this installation's audit checkpoints carry. */
export async function readInstallationId(db: Kysely<unknown>): Promise<string> {
  const settings = await auditDb(db)
    .selectFrom('audit_settings')
    .select('installation_id')
    .executeTakeFirstOrThrow();
  return settings.installation_id;
}

/** The fields of a stored entry that its hash covers. */
export function hashedFieldsOf(row: Selectable<AuditTables['audit_log']>): HashedAuditFields {
  return {
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    onBehalfOf: row.on_behalf_of ?? undefined,
    action: row.action,
    outcome: row.outcome,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    subjectPersonalNumberHmac: row.subject_personal_number_hmac,
    purpose: row.purpose,
    requestId: row.request_id,
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details,
  };
}
