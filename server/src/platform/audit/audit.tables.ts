import type { ColumnType, Generated, Kysely } from 'kysely';
import type { OnBehalfOf } from './audit.hash.ts';

/** The audit trail's own tables. Nothing else writes to them. */
export type AuditTables = {
  audit_log: {
    seq: number;
    id: string;
    occurred_at: ColumnType<Date, Date, never>;
    actor_type: string;
    actor_id: string | null;
    actor_name: string | null;
    on_behalf_of: ColumnType<OnBehalfOf | null, string | null, never>;
    action: string;
    outcome: string;
    resource_type: string | null;
    resource_id: string | null;
    /** HMAC-SHA256 of the data subject's personal number: searchable, never readable. */
    subject_personal_number_hmac: string | null;
    purpose: string | null;
    request_id: string | null;
    ip: string | null;
    user_agent: string | null;
    details: ColumnType<Record<string, unknown>, string, never>;
    prev_hash: string;
    hash: string;
  };
  audit_chain_head: {
    id: number;
    last_seq: number;
    last_hash: string;
    updated_at: Generated<Date>;
  };
  audit_settings: {
    id: number;
    personal_number_key: string;
    /** Names this installation in its signed audit checkpoints. */
    installation_id: string;
    created_at: Generated<Date>;
  };
};

/** Widens a handle to the audit trail's tables (only code in this folder uses them). */
export function auditDb(db: Kysely<unknown>): Kysely<AuditTables> {
  return db.withTables<AuditTables>() as unknown as Kysely<AuditTables>;
}
