import { type Kysely, sql } from 'kysely';
import { hashedFieldsOf } from './audit.chain.ts';
import { GENESIS_HASH, hashAuditEntry } from './audit.hash.ts';
import { auditDb } from './audit.tables.ts';

// Tampering as a database superuser would, for the tests that must catch it.

/** What a database superuser can do: triggers off, change an entry, re-hash every later one, move the head. */
export async function rewriteAndRehash(db: Kysely<unknown>, seq: number, details: Record<string, unknown>) {
  await sql`alter table audit_log disable trigger user`.execute(db);
  await sql`update audit_log set details = ${JSON.stringify(details)}::jsonb where seq = ${seq}`.execute(db);
  const tables = auditDb(db);
  const before = await tables
    .selectFrom('audit_log')
    .select('hash')
    .where('seq', '=', seq - 1)
    .executeTakeFirst();
  let prevHash = before?.hash ?? GENESIS_HASH;
  const rows = await tables
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>=', seq)
    .orderBy('seq')
    .execute();
  for (const row of rows) {
    const hash = hashAuditEntry(prevHash, hashedFieldsOf(row));
    await sql`update audit_log set prev_hash = ${prevHash}, hash = ${hash} where seq = ${row.seq}`.execute(
      db,
    );
    prevHash = hash;
  }
  await sql`update audit_chain_head set last_hash = ${prevHash} where id = 1`.execute(db);
  await sql`alter table audit_log enable trigger user`.execute(db);
}

/** The other superuser move: remove the newest entries and rewind the head to the last one kept. */
export async function cutTail(db: Kysely<unknown>, keepUpTo: number) {
  await sql`alter table audit_log disable trigger user`.execute(db);
  await sql`delete from audit_log where seq > ${keepUpTo}`.execute(db);
  await sql`alter table audit_log enable trigger user`.execute(db);
  const kept = await auditDb(db)
    .selectFrom('audit_log')
    .select('hash')
    .where('seq', '=', keepUpTo)
    .executeTakeFirstOrThrow();
  await sql`update audit_chain_head set last_seq = ${keepUpTo}, last_hash = ${kept.hash} where id = 1`.execute(
    db,
  );
}
