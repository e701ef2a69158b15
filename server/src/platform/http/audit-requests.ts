import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditEvent, AuditOrigin, AuditTrail } from '../audit/index.ts';
import { auditActorOf } from './access.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Records an audit entry for this request in the given transaction (the one making the change). */
    recordAudit(trx: Kysely<unknown>, event: AuditEvent): Promise<void>;
    /**
     * Records a read of personal data (no change of its own) and resolves once the entry is
     * committed; concurrent reads share one commit (AuditTrail.appendOnItsOwn).
     */
    recordRead(event: AuditEvent): Promise<void>;
  }
}

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Where a request came from, as the audit trail stores it. */
export function auditOriginOf(request: FastifyRequest): AuditOrigin {
  const userAgent = request.headers['user-agent'];
  return {
    requestId: request.id,
    ip: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null,
  };
}

/**
 * Gives every request `recordAudit`, and a safety net: a request to a Kärna route (not a bundled
 * stand-in's, see `config.external`) that ends without having recorded itself is recorded as its
 * response is sent, with the outcome its status shows, when it was a write (refused, invalid or
 * failed before its transaction) or a refused read (401/403). A successful write that did not
 * record itself is a bug in its route, and the log says so.
 */
export function installRequestAuditing(app: FastifyInstance, db: Kysely<unknown>, audit: AuditTrail): void {
  app.decorateRequest('recordAudit', async function recordAudit(this: FastifyRequest, trx, event) {
    await audit.append(trx, auditActorOf(this.actor), auditOriginOf(this), event);
    this.audited = true;
  });

  app.decorateRequest('recordRead', async function recordRead(this: FastifyRequest, event) {
    await audit.appendOnItsOwn(db, auditActorOf(this.actor), auditOriginOf(this), event);
    this.audited = true;
  });

  // Written before the answer leaves (onSend), so a client that has its answer can rely on the entry.
  app.addHook('onSend', async (request, reply, payload) => {
    const status = reply.statusCode;
    if (!needsSafetyNetEntry(request, status)) return payload;
    if (status < 400) {
      request.log.warn(
        { route: request.routeOptions.url },
        'mutating route succeeded without an audit entry',
      );
    }
    const outcome = status === 401 || status === 403 ? 'denied' : status >= 400 ? 'failure' : 'success';
    try {
      await db.transaction().execute((trx) =>
        audit.append(trx, auditActorOf(request.actor ?? { type: 'anonymous' }), auditOriginOf(request), {
          action: 'http.request',
          outcome,
          details: { method: request.method, route: request.routeOptions.url ?? null, status },
        }),
      );
      request.audited = true;
    } catch (error) {
      request.log.error({ err: error }, 'could not write the audit entry');
    }
    return payload;
  });
}

/** Decided from the matched route's config, never from the URL text (`/%61pi/…` is `/api/…`). */
function needsSafetyNetEntry(request: FastifyRequest, status: number): boolean {
  if (request.audited || request.routeOptions.config?.external) return false;
  return MUTATING_METHODS.has(request.method) || status === 401 || status === 403;
}
