import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './audit.hash.ts';

/** Names the format of a checkpoint line, so a later format can be told apart. */
export const CHECKPOINT_FORMAT = 'karna.audit.checkpoint.v1';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** What a checkpoint states and its signature covers. */
const CheckpointPayload = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  /** The installation whose chain this is (audit_settings.installation_id). */
  installationId: z.string().min(1),
  /** The chain's last entry when the checkpoint was made, and that entry's hash. */
  seq: z.number().int().positive(),
  hash: hex64,
  /** When the checkpoint was made, by the clock of the process that signed it. */
  createdAt: z.iso.datetime(),
  /** The digest of the checkpoint before this one in the same file; null for the first. */
  previousDigest: hex64.nullable(),
  /** Which key signed it (checkpointKeyId of its public key). */
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
});
export type CheckpointPayload = z.infer<typeof CheckpointPayload>;

const SignedCheckpoint = CheckpointPayload.extend({
  /** SHA-256 of the payload's canonical JSON: what the next checkpoint's previousDigest names. */
  digest: hex64,
  /** Ed25519 over the payload's canonical JSON, base64. */
  signature: z.base64(),
});
export type SignedCheckpoint = z.infer<typeof SignedCheckpoint>;

/** The key id of a public key: the first 128 bits of the SHA-256 of its SPKI (DER) encoding. */
export function checkpointKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
}

/** Signs a checkpoint's payload with an Ed25519 private key. */
export function signCheckpoint(payload: CheckpointPayload, privateKey: KeyObject): SignedCheckpoint {
  const canonical = Buffer.from(canonicalJson(payload));
  return {
    ...payload,
    digest: createHash('sha256').update(canonical).digest('hex'),
    signature: sign(null, canonical, privateKey).toString('base64'),
  };
}

/** One JSON line, fields in a fixed order (the signature covers the canonical form, not this one). */
export function serializeCheckpoint(checkpoint: SignedCheckpoint): string {
  const { format, installationId, seq, hash, createdAt, previousDigest, keyId, digest, signature } =
    checkpoint;
  return JSON.stringify({
    format,
    installationId,
    seq,
    hash,
    createdAt,
    previousDigest,
    keyId,
    digest,
    signature,
  });
}

/** Reads one line of a checkpoint file; says what is wrong when it is not a checkpoint. */
export function parseCheckpoint(line: string): { checkpoint: SignedCheckpoint } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { error: 'not a JSON line (a torn or foreign line)' };
  }
  const parsed = SignedCheckpoint.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'line'))];
    return { error: `not a checkpoint (bad ${fields.join(', ')})` };
  }
  return { checkpoint: parsed.data };
}

/**
 * Checks a checkpoint's digest and signature against the trusted public keys (by key id). Returns
 * what is wrong, or undefined when the checkpoint is authentic.
 */
export function checkCheckpointSignature(
  checkpoint: SignedCheckpoint,
  trustedKeys: ReadonlyMap<string, KeyObject>,
): string | undefined {
  const { digest, signature, ...rest } = checkpoint;
  const payload: CheckpointPayload = rest;
  const canonical = Buffer.from(canonicalJson(payload));
  const publicKey = trustedKeys.get(checkpoint.keyId);
  if (!publicKey) return `signed by key ${checkpoint.keyId}, which is not among the trusted public keys`;
  if (!verify(null, canonical, publicKey, Buffer.from(signature, 'base64'))) {
    return `the signature does not verify with key ${checkpoint.keyId} (a forged or altered checkpoint)`;
  }
  if (createHash('sha256').update(canonical).digest('hex') !== digest) {
    return 'the digest does not match the checkpoint';
  }
  return undefined;
}
