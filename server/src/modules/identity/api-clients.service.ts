import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiClient, StaffRole } from '@karna/contracts';
import type { Kysely } from 'kysely';
import type { Actor, Grant } from '../../platform/http/access.ts';
import { identityError } from './identity.errors.ts';
import { can, grantRefusal } from './identity.policy.ts';
import { findOrgUnitById, identityDb } from './identity.repository.ts';

const API_KEY = /^karna_([A-Za-z0-9]{16})_([A-Za-z0-9_-]{43})$/;
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * How long a verified key is trusted without asking the database again. A revocation in this
 * process takes effect at once (it empties the cache); in another process of the same
 * installation, within this time.
 */
const VERIFIED_KEY_TTL_MS = 5_000;
const MAX_VERIFIED_KEYS = 1_000;

type VerifiedClient = { clientId: string; name: string; grants: Grant[] };
/**
 * Keys verified lately, by the hash of the whole key (the key itself is not kept), each with the
 * database handle it was verified against: one process may serve several databases (tests do).
 */
const verifiedKeys = new Map<string, { db: Kysely<unknown>; client: VerifiedClient; until: number }>();

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function presentApiClient(row: {
  id: string;
  name: string;
  key_id: string;
  role: string;
  org_unit_id: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}): ApiClient {
  return {
    id: row.id,
    name: row.name,
    keyId: row.key_id,
    role: row.role as StaffRole,
    orgUnitId: row.org_unit_id,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/**
 * Creates an API client. Giving a client a role is a grant like any other (identity.policy.ts
 * `grantRefusal`): only within the creator's scope, never more than the creator holds. The returned
 * key is the only time its secret exists outside a hash.
 */
export async function createApiClient(
  db: Kysely<unknown>,
  creator: Actor,
  input: { name: string; role: StaffRole; orgUnitId: string },
): Promise<{ client: ApiClient; apiKey: string }> {
  const tables = identityDb(db);
  const unit = await findOrgUnitById(tables, input.orgUnitId);
  if (!unit) throw identityError('org_unit_not_found');
  const refusal = grantRefusal(creator, 'apiClients.manage', input.role, unit.path);
  if (refusal) throw identityError(refusal);
  const keyId = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x').slice(0, 16);
  const secret = randomBytes(32).toString('base64url');
  const row = await tables
    .insertInto('api_clients')
    .values({
      name: input.name,
      key_id: keyId,
      secret_hash: hashSecret(secret),
      role: input.role,
      org_unit_id: input.orgUnitId,
      created_by: creator.type === 'staff' ? creator.userId : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { client: presentApiClient(row), apiKey: `karna_${keyId}_${secret}` };
}

/** The API clients of the units where the reader holds `apiClients.manage`, oldest first. */
export async function listApiClients(db: Kysely<unknown>, reader: Actor): Promise<ApiClient[]> {
  const rows = await clientsWithUnitPath(db).orderBy('api_clients.created_at').execute();
  return rows.filter((row) => can(reader, 'apiClients.manage', row.org_unit_path)).map(presentApiClient);
}

/**
 * Forgets every verified key, so the next request with any key asks the database. Call it once a
 * revocation has committed (earlier, a request in between could verify and keep the key again).
 */
export function forgetVerifiedApiKeys(): void {
  verifiedKeys.clear();
}

/**
 * Revokes an API client of a unit within the actor's `apiClients.manage` scope; a client outside it
 * is answered as not found, like one that does not exist. The caller forgets the verified keys once
 * its transaction has committed (forgetVerifiedApiKeys).
 */
export async function revokeApiClient(
  db: Kysely<unknown>,
  actor: Actor,
  clientId: string,
): Promise<ApiClient> {
  const client = await clientsWithUnitPath(db).where('api_clients.id', '=', clientId).executeTakeFirst();
  if (!client || !can(actor, 'apiClients.manage', client.org_unit_path)) {
    throw identityError('api_client_not_found');
  }
  if (client.revoked_at) return presentApiClient(client);
  const row = await identityDb(db)
    .updateTable('api_clients')
    .set({ revoked_at: new Date(), updated_at: new Date() })
    .where('id', '=', clientId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return presentApiClient(row);
}

function clientsWithUnitPath(db: Kysely<unknown>) {
  return identityDb(db)
    .selectFrom('api_clients')
    .innerJoin('org_units', 'org_units.id', 'api_clients.org_unit_id')
    .selectAll('api_clients')
    .select('org_units.path as org_unit_path');
}

/**
 * The API client behind an `Authorization: Bearer karna_…` key, or undefined if it is not valid.
 * A key verified in the last few seconds is answered from memory: an integration calls many times a
 * second, and each check would otherwise cost a round trip to the database.
 */
export async function authenticateApiKey(
  db: Kysely<unknown>,
  apiKey: string,
): Promise<VerifiedClient | undefined> {
  const cacheKey = hashSecret(apiKey);
  const now = Date.now();
  const cached = verifiedKeys.get(cacheKey);
  if (cached && cached.db === db && cached.until > now) return cached.client;
  const client = await verifyApiKey(db, apiKey);
  if (client) {
    if (verifiedKeys.size >= MAX_VERIFIED_KEYS) verifiedKeys.clear();
    verifiedKeys.set(cacheKey, { db, client, until: now + VERIFIED_KEY_TTL_MS });
  }
  return client;
}

async function verifyApiKey(db: Kysely<unknown>, apiKey: string): Promise<VerifiedClient | undefined> {
  const match = API_KEY.exec(apiKey);
  if (!match) return undefined;
  const [, keyId = '', secret = ''] = match;
  const tables = identityDb(db);
  const row = await tables
    .selectFrom('api_clients')
    .innerJoin('org_units', 'org_units.id', 'api_clients.org_unit_id')
    .select([
      'api_clients.id',
      'api_clients.name',
      'api_clients.secret_hash',
      'api_clients.role',
      'api_clients.org_unit_id',
      'api_clients.last_used_at',
      'org_units.path',
      'org_units.name as org_unit_name',
    ])
    .where('api_clients.key_id', '=', keyId)
    .where('api_clients.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const expected = Buffer.from(row.secret_hash, 'hex');
  const given = Buffer.from(hashSecret(secret), 'hex');
  if (!timingSafeEqual(expected, given)) return undefined;
  const now = new Date();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await tables.updateTable('api_clients').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return {
    clientId: row.id,
    name: row.name,
    grants: [
      { role: row.role, orgUnitId: row.org_unit_id, orgUnitPath: row.path, orgUnitName: row.org_unit_name },
    ],
  };
}
