import { type Kysely, sql } from 'kysely';
import type { AuditEntry, AuditEvent, AuditTrail } from '../../platform/audit/index.ts';
import { GroupCommit } from '../../platform/db/group-commit.ts';
import { type NewCase, type RegisteredCase, registerCases } from '../cases/index.ts';

/** A submission's claim: its idempotency key, the case it is to become and the draft it uses up. */
export interface SubmissionClaim {
  submitter: string;
  idempotencyKey: string;
  caseId: string;
  draftId: string;
}

/** Everything a submission writes, checked and prepared before its transaction. */
export interface SubmissionWrite {
  claim: SubmissionClaim;
  newCase: NewCase & { caseId: string };
  /** The audit entry that records the registration. */
  auditEntry: (registered: RegisteredCase) => AuditEntry;
}

export type SubmissionWritten =
  | { outcome: 'registered'; registered: RegisteredCase }
  /** The idempotency key was claimed before: a retry, to be answered with the earlier case. */
  | { outcome: 'keyUsed' }
  /** The draft was submitted meanwhile under another key (one draft never makes two cases). */
  | { outcome: 'draftGone' };

/** The audit event of a registration; the applicant's personal number, when known, as its subject. */
export function registrationAuditEvent(
  registered: RegisteredCase,
  subjectPersonalNumber?: string | null,
): AuditEvent {
  return {
    action: 'cases.case.register',
    outcome: 'success',
    resourceType: 'case',
    resourceId: registered.caseId,
    details: { registrationNumber: registered.registrationNumber },
    ...(subjectPersonalNumber ? { subjectPersonalNumber } : {}),
  };
}

type ClaimOutcome = 'claimed' | 'keyUsed' | 'draftGone';

/**
 * Claims the idempotency keys for the cases about to be registered and removes their drafts, in one
 * statement for the whole group. A claim whose draft is gone — submitted meanwhile under another
 * key, or twice in this group — is taken back in a second statement, so it leaves nothing behind.
 */
async function claimSubmissions(
  trx: Kysely<unknown>,
  claims: readonly SubmissionClaim[],
): Promise<ClaimOutcome[]> {
  const input = claims.map((claim, ord) => ({
    ord,
    submitter: claim.submitter,
    idempotency_key: claim.idempotencyKey,
    case_id: claim.caseId,
    draft_id: claim.draftId,
  }));
  const { rows } = await sql<{ ord: number; claimed: boolean; removed: boolean }>`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
        as i(ord int, submitter text, idempotency_key uuid, case_id uuid, draft_id uuid)),
    claimed as (
      insert into service_submissions (submitter, idempotency_key, case_id)
      select submitter, idempotency_key, case_id from input order by ord
      on conflict (submitter, idempotency_key) do nothing
      returning case_id),
    removed as (
      delete from service_drafts
       where id in (select input.draft_id from input join claimed using (case_id))
      returning id)
    select input.ord,
           exists (select 1 from claimed where claimed.case_id = input.case_id) as claimed,
           exists (select 1 from removed where removed.id = input.draft_id) as removed
      from input order by input.ord`.execute(trx);

  const usedDrafts = new Set<string>();
  const outcomes = rows.map((row): ClaimOutcome => {
    const claim = claims[row.ord] as SubmissionClaim;
    if (!row.claimed) return 'keyUsed';
    // A draft removed once makes one case: the first claim on it in this group.
    if (!row.removed || usedDrafts.has(claim.draftId)) return 'draftGone';
    usedDrafts.add(claim.draftId);
    return 'claimed';
  });
  const takenBack = claims.filter((_, index) => outcomes[index] === 'draftGone').map((claim) => claim.caseId);
  if (takenBack.length > 0) {
    await sql`delete from service_submissions where case_id = any(${takenBack}::uuid[])`.execute(trx);
  }
  return outcomes;
}

/**
 * Writes a group of submissions (ADR 0007): the keys claimed and drafts removed, the cases numbered
 * and registered, and their audit entries appended — one statement each for the whole group.
 */
async function writeSubmissions(
  trx: Kysely<unknown>,
  audit: AuditTrail,
  writes: readonly SubmissionWrite[],
): Promise<SubmissionWritten[]> {
  const outcomes = await claimSubmissions(
    trx,
    writes.map((write) => write.claim),
  );
  const toRegister = writes.filter((_, index) => outcomes[index] === 'claimed');
  const registered = await registerCases(
    trx,
    toRegister.map((write) => write.newCase),
  );
  await audit.appendAll(
    trx,
    toRegister.map((write, index) => write.auditEntry(registered[index] as RegisteredCase)),
  );
  const byCase = new Map(registered.map((each) => [each.caseId, each]));
  return writes.map((write, index): SubmissionWritten => {
    const outcome = outcomes[index] as ClaimOutcome;
    return outcome === 'claimed'
      ? { outcome: 'registered', registered: byCase.get(write.claim.caseId) as RegisteredCase }
      : { outcome };
  });
}

const writers = new WeakMap<Kysely<unknown>, GroupCommit<SubmissionWrite, SubmissionWritten>>();

/**
 * The group commit that writes a database's submissions: submissions that arrive together share
 * one transaction, since the series' number stays locked until the commit and one commit for many
 * keeps that queue short (ADR 0007). One per database handle, so every request's submission can
 * join the group under way.
 */
export function submissionWriter(
  db: Kysely<unknown>,
  audit: AuditTrail,
): GroupCommit<SubmissionWrite, SubmissionWritten> {
  let writer = writers.get(db);
  if (!writer) {
    writer = new GroupCommit(db, (trx, writes) => writeSubmissions(trx, audit, writes));
    writers.set(db, writer);
  }
  return writer;
}
