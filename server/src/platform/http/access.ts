import { timingSafeEqual } from 'node:crypto';
import { type ActingFor, type Permission, SESSION_EXPIRES_HEADER } from '@karna/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditActor, OnBehalfOf } from '../audit/index.ts';
import { AppError } from './errors.ts';

/** A role held for an organisation subtree (`orgUnitPath` is the unit's materialised path). */
export interface Grant {
  role: string;
  orgUnitId: string;
  orgUnitPath: string;
  orgUnitName: string;
}

/** Who is making a request. Resolved once per request by the identity module. */
export type Actor =
  | { type: 'anonymous' }
  | {
      type: 'citizen' | 'staff';
      userId: string;
      displayName: string;
      sessionId: string;
      /** When the session ends unless renewed by use (the earlier of idle and absolute expiry). */
      sessionExpiresAt: Date;
      assuranceLevel: string | null;
      csrfToken: string;
      grants: Grant[];
      /** Citizens only: their own personal number (12 digits). */
      personalNumber: string | null;
      /** Citizens only: whom they chose to act for in this session (A5); null for themself. */
      actingFor: ActingFor | null;
    }
  | { type: 'apiClient'; clientId: string; displayName: string; grants: Grant[] };

/**
 * Every route declares who may call it; the platform refuses to start a route that does not.
 * - `public`: anyone, logged in or not;
 * - `authenticated`: any logged-in person or API client;
 * - `session`: a logged-in person's browser session (an API client has none: 403);
 * - `{ permission }`: an actor whose roles include the permission somewhere (handlers then check
 *   the organisation scope of the very object with the same `can` function).
 */
export type RouteAccess = 'public' | 'authenticated' | 'session' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * A route of a bundled stand-in for an outside service (the test identity provider), not of
     * Kärna's API: it keeps its own protections (oidc-provider's interaction cookies), so it needs no
     * CSRF token, writes no audit entries and is left out of the API documentation.
     */
    external?: boolean;
  }
  interface FastifyInstance {
    /** Every route registered, with its access rule: what the authorisation-matrix test walks. */
    routeCatalog: RouteCatalogEntry[];
  }
  interface FastifyRequest {
    actor: Actor;
    /** Set once the request has written its audit entry, so the safety net does not write another. */
    audited: boolean;
  }
}

export interface RouteCatalogEntry {
  method: string;
  url: string;
  access: RouteAccess;
  external: boolean;
}

export interface AccessControl {
  /** Finds the actor from the session cookie or the API key; anonymous when neither is valid. */
  authenticate(request: FastifyRequest): Promise<Actor>;
  /** The one permission check: does the actor hold `permission`, for `orgUnitPath` when given? */
  can(actor: Actor, permission: Permission, orgUnitPath?: string): boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Installs authentication, the per-route access rule and CSRF protection for cookie sessions.
 * Runs in onRequest, before the body is read, so a refused caller learns nothing about validation.
 * `publicPluginPrefixes` names the URL prefixes of third-party plugins' routes (the API docs), which
 * cannot declare an access rule themselves and are public.
 */
export function installAccessControl(
  app: FastifyInstance,
  control: AccessControl,
  publicPluginPrefixes: string[] = [],
): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('audited', false);
  const catalog: RouteCatalogEntry[] = [];
  app.decorate('routeCatalog', catalog);

  app.addHook('onRoute', (route) => {
    if (!route.config?.access && publicPluginPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...route.config, access: 'public' };
    }
    const access = route.config?.access;
    if (!access) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule (config.access)`);
    }
    for (const method of [route.method].flat()) {
      catalog.push({ method, url: route.url, access, external: route.config?.external === true });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.actor = await control.authenticate(request);
    const actor = request.actor;
    if (actor.type === 'citizen' || actor.type === 'staff') {
      reply.header(SESSION_EXPIRES_HEADER, actor.sessionExpiresAt.toISOString());
    }
    if (request.is404) return;
    // Every decision below comes from the route the router matched (its config), never from the
    // URL text: `/%61pi/…` is routed like `/api/…` and must be held to the same rules.
    const config = request.routeOptions.config;
    const access = config.access;
    if (access && access !== 'public') {
      if (actor.type === 'anonymous') throw new AppError('authentication_required');
      if (access === 'session' && actor.type === 'apiClient') throw new AppError('forbidden');
      if (typeof access === 'object' && !control.can(actor, access.permission))
        throw new AppError('forbidden');
    }
    // A browser sends the session cookie with any cross-site form or fetch; only our own pages
    // know the session's token. API clients authenticate with a header and need no token.
    const isSessionWrite =
      (actor.type === 'citizen' || actor.type === 'staff') && !SAFE_METHODS.has(request.method);
    if (isSessionWrite && !config.external) assertCsrfToken(request, actor.csrfToken);
  });
}

function assertCsrfToken(request: FastifyRequest, expected: string): void {
  const given = request.headers['x-csrf-token'];
  if (typeof given !== 'string' || !safeEqual(given, expected)) throw new AppError('csrf_token_invalid');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The audit trail's view of an actor. */
export function auditActorOf(actor: Actor): AuditActor {
  switch (actor.type) {
    case 'anonymous':
      return { type: 'anonymous', id: null, name: null };
    case 'apiClient':
      return { type: 'apiClient', id: actor.clientId, name: actor.displayName };
    default:
      return {
        type: actor.type,
        id: actor.userId,
        name: actor.displayName,
        onBehalfOf: actor.actingFor ? onBehalfOf(actor.actingFor) : undefined,
      };
  }
}

/** Whom an actor acts for, as the audit trail records it beside the actor. */
function onBehalfOf(actingFor: ActingFor): OnBehalfOf {
  return actingFor.kind === 'child'
    ? { type: 'person', id: actingFor.personId, name: actingFor.name }
    : { type: 'organisation', id: actingFor.organisationId, name: actingFor.name };
}
