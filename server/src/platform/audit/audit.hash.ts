import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** The hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** Whom an actor acted for: a child in their custody, or an organisation they sign for. */
export interface OnBehalfOf {
  type: 'person' | 'organisation';
  id: string;
  name: string;
}

/** The fields of an audit entry that its hash covers, in a fixed order. */
export interface HashedAuditFields {
  seq: number;
  id: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  /** Left out (undefined) when the actor acted for themself, so older entries hash as before. */
  onBehalfOf?: OnBehalfOf | undefined;
  action: string;
  outcome: string;
  resourceType: string | null;
  resourceId: string | null;
  subjectPersonalNumberHmac: string | null;
  purpose: string | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

/** SHA-256 over the previous hash and the entry's fields, serialised canonically. */
export function hashAuditEntry(prevHash: string, fields: HashedAuditFields): string {
  const canonical = canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** Keyed hash of a personal number, so the trail can be searched by it without storing it. */
export function personalNumberHmac(key: string, normalizedPersonalNumber: string): string {
  return createHmac('sha256', secretKeyOf(key)).update(normalizedPersonalNumber).digest('hex');
}

/** The installation's key as a KeyObject, made once: every audited read of personal data hashes with it. */
const secretKeys = new Map<string, KeyObject>();
function secretKeyOf(base64Key: string): KeyObject {
  let key = secretKeys.get(base64Key);
  if (!key) {
    if (secretKeys.size >= 16) secretKeys.clear(); // one key per installation; tests open many
    key = createSecretKey(Buffer.from(base64Key, 'base64'));
    secretKeys.set(base64Key, key);
  }
  return key;
}

/** JSON with object keys sorted at every level, so equal data always hashes equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
