import { createHash, randomBytes } from 'node:crypto';
import type { ActingFor } from '@karna/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { Config } from '../../platform/config.ts';
import { identityDb, toUser, type UserRow, userColumns } from './identity.repository.ts';
import type { IdentityTables } from './identity.tables.ts';

export const SESSION_COOKIE = 'karna_session';

/**
 * Touching a session (sliding its idle expiry) at most this often saves a write per request; a
 * tenth of the idle time when that is shorter, so the touch stays well inside any idle timeout.
 */
const MAX_TOUCH_INTERVAL_MS = 60_000;

export interface SessionRecord {
  id: string;
  userId: string;
  realm: 'citizen' | 'staff';
  csrfToken: string;
  assuranceLevel: string | null;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  actingFor: ActingFor | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Server-side sessions: the cookie holds a random token, the database its hash and expiries. */
export class SessionStore {
  readonly #idleMs: number;
  readonly #absoluteMs: number;
  readonly #touchIntervalMs: number;

  constructor(config: Config) {
    this.#idleMs = config.session.idleMinutes * 60_000;
    this.#absoluteMs = config.session.absoluteHours * 3_600_000;
    this.#touchIntervalMs = Math.min(MAX_TOUCH_INTERVAL_MS, this.#idleMs / 10);
  }

  /** Starts a session; returns the cookie value, which is shown only this once. */
  async create(
    db: Kysely<unknown>,
    session: {
      userId: string;
      realm: 'citizen' | 'staff';
      assuranceLevel: string | null;
      ip: string | null;
      userAgent: string | null;
    },
    now = new Date(),
  ): Promise<{ token: string; record: SessionRecord }> {
    const token = randomToken();
    const row = await identityDb(db)
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        user_id: session.userId,
        realm: session.realm,
        csrf_token: randomToken(),
        assurance_level: session.assuranceLevel,
        idle_expires_at: new Date(now.getTime() + this.#idleMs),
        absolute_expires_at: new Date(now.getTime() + this.#absoluteMs),
        last_seen_at: now,
        ip: session.ip,
        user_agent: session.userAgent,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { token, record: toRecord(row) };
  }

  /**
   * The live session behind a cookie value and its user (one statement: every request asks), its
   * idle expiry slid forward; expired ones are removed.
   */
  async resolve(
    db: Kysely<unknown>,
    token: string,
    now = new Date(),
  ): Promise<(SessionRecord & { user: UserRow }) | undefined> {
    const sessions = identityDb(db);
    const row = await sessions
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('sessions')
      // Not users.id: the row's id is the session's (the user's is sessions.user_id).
      .select(userColumns.filter((column) => column !== 'id').map((column) => `users.${column}` as const))
      .where('sessions.token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.idle_expires_at <= now || row.absolute_expires_at <= now) {
      await sessions.deleteFrom('sessions').where('id', '=', row.id).execute();
      return undefined;
    }
    if (now.getTime() - row.last_seen_at.getTime() > this.#touchIntervalMs) {
      row.idle_expires_at = await this.#touch(db, row.id, row.absolute_expires_at, now);
    }
    return { ...toRecord(row), user: toUser({ ...row, id: row.user_id }) };
  }

  /**
   * Renews a live session's idle expiry now, whenever it was last touched (the person chose to stay
   * logged in); returns when it ends unless used again, never past its absolute expiry.
   */
  async extend(db: Kysely<unknown>, sessionId: string, now = new Date()): Promise<Date> {
    const row = await identityDb(db)
      .selectFrom('sessions')
      .select('absolute_expires_at')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    return this.#touch(db, sessionId, row.absolute_expires_at, now);
  }

  async #touch(db: Kysely<unknown>, sessionId: string, absoluteExpiresAt: Date, now: Date): Promise<Date> {
    const idleExpiresAt = new Date(Math.min(now.getTime() + this.#idleMs, absoluteExpiresAt.getTime()));
    await identityDb(db)
      .updateTable('sessions')
      .set({ last_seen_at: now, idle_expires_at: idleExpiresAt, updated_at: now })
      .where('id', '=', sessionId)
      .execute();
    return idleExpiresAt;
  }

  async end(db: Kysely<unknown>, sessionId: string): Promise<void> {
    await identityDb(db).deleteFrom('sessions').where('id', '=', sessionId).execute();
  }

  /** Removes sessions past either expiry (called periodically). */
  async removeExpired(db: Kysely<unknown>, now = new Date()): Promise<number> {
    const result = await identityDb(db)
      .deleteFrom('sessions')
      .where((where) =>
        where.or([where('idle_expires_at', '<=', now), where('absolute_expires_at', '<=', now)]),
      )
      .executeTakeFirst();
    await identityDb(db).deleteFrom('login_attempts').where('expires_at', '<=', now).execute();
    return Number(result.numDeletedRows);
  }
}

/**
 * Records whom the citizen acts for in this session (null: themself). The registry decides whether
 * they may (custody or signatory right in force) before it calls this, and again when it is used.
 */
export async function setSessionActingFor(
  db: Kysely<unknown>,
  sessionId: string,
  actingFor: ActingFor | null,
): Promise<void> {
  await identityDb(db)
    .updateTable('sessions')
    .set({ acting_for: actingFor ? JSON.stringify(actingFor) : null, updated_at: new Date() })
    .where('id', '=', sessionId)
    .execute();
}

function toRecord(row: Selectable<IdentityTables['sessions']>): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    realm: row.realm,
    csrfToken: row.csrf_token,
    assuranceLevel: row.assurance_level,
    idleExpiresAt: row.idle_expires_at,
    absoluteExpiresAt: row.absolute_expires_at,
    actingFor: row.acting_for,
  };
}
