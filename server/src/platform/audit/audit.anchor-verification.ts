import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findAuditEntryHashes, readAuditChainHead, readInstallationId } from './audit.chain.ts';
import {
  checkCheckpointSignature,
  checkpointKeyId,
  parseCheckpoint,
  type SignedCheckpoint,
} from './audit.checkpoint.ts';
import type { CheckpointFileLine } from './audit.checkpoint-file.ts';

/** A checkpoint line that does not hold, by its line number in the file. */
export interface AnchorProblem {
  lineNumber: number;
  reason: string;
}

export interface AnchorVerification {
  /** Every checkpoint is authentic, they chain, and the trail still has every anchored entry as it was. */
  ok: boolean;
  checkpoints: number;
  /** The key ids that signed the checkpoints, oldest first. */
  keyIds: string[];
  newest: { seq: number; createdAt: string } | null;
  /** Entries written after the newest checkpoint: not yet anchored outside the database (not a failure). */
  unanchored: { fromSeq: number; toSeq: number } | null;
  problems: AnchorProblem[];
}

/**
 * Checks the trail against signed checkpoints: each one's signature (with the trusted public keys),
 * that it belongs to this installation, that it names the checkpoint before it and never goes back,
 * and that the entry at its sequence number still has exactly the hash it recorded. A rewritten and
 * re-hashed chain, or a cut tail with a rewound head, fails here even when the hash chain holds.
 */
export async function verifyAuditAnchors(
  db: Kysely<unknown>,
  lines: CheckpointFileLine[],
  trustedKeys: KeyObject[],
): Promise<AnchorVerification> {
  const keys = new Map(trustedKeys.map((key) => [checkpointKeyId(key), key]));
  const installationId = await readInstallationId(db);
  const problems: AnchorProblem[] = [];
  const authentic: { lineNumber: number; checkpoint: SignedCheckpoint }[] = [];
  let previous: SignedCheckpoint | undefined;
  for (const line of lines) {
    const problem = (reason: string) => problems.push({ lineNumber: line.lineNumber, reason });
    const parsed = parseCheckpoint(line.text);
    if ('error' in parsed) {
      problem(parsed.error);
      continue;
    }
    const { checkpoint } = parsed;
    const forged = checkCheckpointSignature(checkpoint, keys);
    if (forged) {
      problem(forged);
      continue;
    }
    if (checkpoint.installationId !== installationId) {
      problem(`made for installation ${checkpoint.installationId}, but this database is ${installationId}`);
    }
    if (previous) {
      if (checkpoint.previousDigest !== previous.digest) {
        problem('does not name the checkpoint before it (lines were removed, inserted or reordered)');
      }
      if (checkpoint.seq < previous.seq) {
        problem(`goes back from entry ${previous.seq} to entry ${checkpoint.seq}`);
      } else if (checkpoint.seq === previous.seq && checkpoint.hash !== previous.hash) {
        problem(`records another hash for entry ${checkpoint.seq} than the checkpoint before it`);
      }
    }
    authentic.push({ lineNumber: line.lineNumber, checkpoint });
    previous = checkpoint;
  }

  const hashes = await findAuditEntryHashes(
    db,
    authentic.map(({ checkpoint }) => checkpoint.seq),
  );
  const head = await readAuditChainHead(db);
  for (const { lineNumber, checkpoint } of authentic) {
    const stored = hashes.get(checkpoint.seq);
    if (stored === undefined) {
      const end = head.seq < checkpoint.seq ? `the trail ends at entry ${head.seq}` : 'it is missing';
      problems.push({
        lineNumber,
        reason: `anchors entry ${checkpoint.seq} of ${checkpoint.createdAt}, but ${end}: entries have been removed`,
      });
    } else if (stored !== checkpoint.hash) {
      problems.push({
        lineNumber,
        reason: `entry ${checkpoint.seq} no longer has the hash anchored at ${checkpoint.createdAt}: the trail up to it has been rewritten`,
      });
    }
  }
  problems.sort((a, b) => a.lineNumber - b.lineNumber);

  const newest = authentic.at(-1)?.checkpoint;
  return {
    ok: problems.length === 0,
    checkpoints: lines.length,
    keyIds: [...new Set(authentic.map(({ checkpoint }) => checkpoint.keyId))],
    newest: newest ? { seq: newest.seq, createdAt: newest.createdAt } : null,
    unanchored: head.seq > (newest?.seq ?? 0) ? { fromSeq: (newest?.seq ?? 0) + 1, toSeq: head.seq } : null,
    problems,
  };
}
