import {
  ApiClientIdParams,
  ApiClientListResponse,
  CreateApiClientRequest,
  CreateApiClientResponse,
  GrantRoleRequest,
  LoginQuery,
  LogoutResponse,
  OrgUnitListResponse,
  RevokeRoleQuery,
  SESSION_EXPIRES_HEADER,
  SessionResponse,
  StaffUser,
  StaffUserListResponse,
  UserIdParams,
} from '@karna/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/http/access.ts';
import { auditOriginOf } from '../../platform/http/audit-requests.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import {
  createApiClient,
  forgetVerifiedApiKeys,
  listApiClients,
  revokeApiClient,
} from './api-clients.service.ts';
import {
  changeRole,
  describeSession,
  listOrgUnits,
  listStaffUsers,
  userFromLogin,
} from './identity.service.ts';
import { LOGIN_COOKIE, type OidcLogin } from './oidc-login.service.ts';
import { SESSION_COOKIE, type SessionStore } from './sessions.service.ts';

const CALLBACK_PATH = '/api/auth/callback';

/** The person behind a route declared `access: 'session'` (the platform has refused everyone else). */
function sessionActor(request: FastifyRequest): Extract<Actor, { sessionId: string }> {
  const actor = request.actor;
  if (actor.type !== 'citizen' && actor.type !== 'staff') throw new AppError('forbidden');
  return actor;
}

/** What the identity routes work with besides the platform. */
export interface IdentityRouteDeps {
  sessions: SessionStore;
  login: OidcLogin;
  /** The login rate limit, one counter per client across every login step. */
  limitLogin: onRequestAsyncHookHandler;
}

/** Login, logout and the session; the organisation, staff roles and API clients. */
export async function registerIdentityRoutes(
  fastify: FastifyInstance,
  context: PlatformContext,
  { sessions, login, limitLogin }: IdentityRouteDeps,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, audit, config } = context;
  const cookieBase = { httpOnly: true, sameSite: 'lax' as const, secure: config.session.cookieSecure };

  /** Login failures end on the start page with a code the web app explains, not a JSON body. */
  const redirectWithLoginError = (reply: FastifyReply, error: unknown) => {
    const code = error instanceof AppError ? error.code : 'login_failed';
    return reply.redirect(`/?loginError=${encodeURIComponent(code)}`);
  };

  app.get(
    '/api/session',
    {
      schema: {
        tags: ['identity'],
        summary: 'The current session, if any',
        response: { 200: SessionResponse },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return describeSession(db, request.actor);
    },
  );

  app.post(
    '/api/session/extend',
    {
      schema: {
        tags: ['identity'],
        summary: 'Keep the session alive: renew its idle expiry (up to its absolute limit)',
        response: { 200: SessionResponse },
      },
      config: { access: 'session' },
    },
    async (request, reply) => {
      const actor = sessionActor(request);
      const expiresAt = await db.transaction().execute(async (trx) => {
        const extended = await sessions.extend(trx, actor.sessionId);
        await request.recordAudit(trx, {
          action: 'identity.session.extend',
          outcome: 'success',
          resourceType: 'session',
          resourceId: actor.sessionId,
        });
        return extended;
      });
      reply.header('cache-control', 'no-store').header(SESSION_EXPIRES_HEADER, expiresAt.toISOString());
      return describeSession(db, { ...actor, sessionExpiresAt: expiresAt });
    },
  );

  app.get(
    '/api/auth/login',
    {
      schema: {
        tags: ['identity'],
        summary: 'Start a login with the identity provider',
        querystring: LoginQuery,
      },
      config: { access: 'public' },
      onRequest: limitLogin,
    },
    async (request, reply) => {
      const { realm } = request.query;
      const returnTo = request.query.returnTo ?? (realm === 'citizen' ? '/mina-sidor' : '/handlaggning');
      try {
        const { url, state } = await login.begin(db, realm, returnTo);
        reply.setCookie(LOGIN_COOKIE, state, { ...cookieBase, path: CALLBACK_PATH, maxAge: 600 });
        return reply.redirect(url);
      } catch (error) {
        request.log.warn({ err: error }, 'could not start a login');
        return redirectWithLoginError(reply, error);
      }
    },
  );

  app.get(
    `${CALLBACK_PATH}/:realm`,
    {
      schema: {
        tags: ['identity'],
        summary: 'Where the identity provider returns the browser',
        params: z.object({ realm: z.enum(['citizen', 'staff']) }),
      },
      config: { access: 'public' },
      onRequest: limitLogin,
    },
    async (request, reply) => {
      const { realm } = request.params;
      const callbackUrl = new URL(request.url, config.publicUrl);
      reply.clearCookie(LOGIN_COOKIE, { ...cookieBase, path: CALLBACK_PATH });
      try {
        const identity = await login.complete(db, realm, callbackUrl, request.cookies[LOGIN_COOKIE]);
        const previous = request.actor;
        const token = await db.transaction().execute(async (trx) => {
          // A new login replaces whatever session this browser had: one person, one session.
          if (previous.type === 'citizen' || previous.type === 'staff')
            await sessions.end(trx, previous.sessionId);
          const user = await userFromLogin(trx, identity);
          const created = await sessions.create(trx, {
            userId: user.id,
            realm,
            assuranceLevel: identity.assuranceLevel,
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
          });
          await audit.append(
            trx,
            { type: user.kind, id: user.id, name: `${user.givenName} ${user.familyName}` },
            auditOriginOf(request),
            {
              action: 'identity.session.login',
              outcome: 'success',
              resourceType: 'session',
              resourceId: created.record.id,
              ...(user.personalNumber ? { subjectPersonalNumber: user.personalNumber } : {}),
              details: { realm, assuranceLevel: identity.assuranceLevel },
            },
          );
          return created.token;
        });
        request.audited = true;
        reply.setCookie(SESSION_COOKIE, token, { ...cookieBase, path: '/' });
        return reply.redirect(identity.returnTo);
      } catch (error) {
        await recordLoginFailure(request, error);
        return redirectWithLoginError(reply, error);
      }
    },
  );

  /** A failed or cancelled login is worth a line in the trail: who tried is unknown, but when and from where. */
  const recordLoginFailure = async (request: FastifyRequest, error: unknown) => {
    const code = error instanceof AppError ? error.code : 'login_failed';
    if (!(error instanceof AppError)) request.log.error({ err: error }, 'login failed unexpectedly');
    else request.log.info({ code, cause: error.cause }, 'login did not complete');
    await db.transaction().execute((trx) =>
      audit.append(trx, { type: 'anonymous', id: null, name: null }, auditOriginOf(request), {
        action: 'identity.session.login',
        outcome: code === 'assurance_too_low' ? 'denied' : 'failure',
        details: { realm: (request.params as { realm: string }).realm, reason: code },
      }),
    );
  };

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['identity'], summary: 'End the session', response: { 200: LogoutResponse } },
      config: { access: 'session' },
    },
    async (request, reply) => {
      const actor = sessionActor(request);
      await db.transaction().execute(async (trx) => {
        await sessions.end(trx, actor.sessionId);
        await request.recordAudit(trx, {
          action: 'identity.session.logout',
          outcome: 'success',
          resourceType: 'session',
          resourceId: actor.sessionId,
        });
      });
      reply.clearCookie(SESSION_COOKIE, { ...cookieBase, path: '/' });
      return { redirectTo: '/?utloggad=1' };
    },
  );

  app.get(
    '/api/org-units',
    {
      schema: {
        tags: ['identity'],
        summary: 'The organisation tree',
        response: { 200: OrgUnitListResponse },
      },
      config: { access: { permission: 'org.read' } },
    },
    async () => ({ items: await listOrgUnits(db) }),
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['identity'],
        summary: 'Staff users and their roles',
        response: { 200: StaffUserListResponse },
      },
      config: { access: { permission: 'users.read' } },
    },
    async (request) => {
      const items = await listStaffUsers(db, request.actor);
      await db.transaction().execute((trx) =>
        request.recordAudit(trx, {
          action: 'identity.user.list',
          outcome: 'success',
          resourceType: 'user',
          purpose: 'user administration',
          details: { count: items.length },
        }),
      );
      return { items };
    },
  );

  /** Grants or revokes a role and records it, in one transaction. */
  const changeRoleAudited = (
    request: FastifyRequest,
    userId: string,
    role: GrantRoleRequest,
    grant: boolean,
  ) =>
    db.transaction().execute(async (trx) => {
      const { user, changed } = await changeRole(trx, request.actor, { userId, ...role, grant });
      await request.recordAudit(trx, {
        action: grant ? 'identity.role.grant' : 'identity.role.revoke',
        outcome: 'success',
        resourceType: 'user',
        resourceId: user.id,
        details: { ...role, changed },
      });
      return user;
    });

  app.post(
    '/api/users/:userId/roles',
    {
      schema: {
        tags: ['identity'],
        summary: 'Grant a staff role for an organisation subtree',
        params: UserIdParams,
        body: GrantRoleRequest,
        response: { 200: StaffUser },
      },
      config: { access: { permission: 'users.manageRoles' } },
    },
    async (request) => changeRoleAudited(request, request.params.userId, request.body, true),
  );

  app.delete(
    '/api/users/:userId/roles',
    {
      schema: {
        tags: ['identity'],
        summary: 'Revoke a staff role',
        params: UserIdParams,
        querystring: RevokeRoleQuery,
        response: { 200: StaffUser },
      },
      config: { access: { permission: 'users.manageRoles' } },
    },
    async (request) => changeRoleAudited(request, request.params.userId, request.query, false),
  );

  app.get(
    '/api/api-clients',
    {
      schema: {
        tags: ['identity'],
        summary: 'API clients for integrations',
        response: { 200: ApiClientListResponse },
      },
      config: { access: { permission: 'apiClients.manage' } },
    },
    async (request) => ({ items: await listApiClients(db, request.actor) }),
  );

  app.post(
    '/api/api-clients',
    {
      schema: {
        tags: ['identity'],
        summary: 'Create an API client; the key is shown once',
        body: CreateApiClientRequest,
        response: { 201: CreateApiClientResponse },
      },
      config: { access: { permission: 'apiClients.manage' } },
    },
    async (request, reply) => {
      const created = await db.transaction().execute(async (trx) => {
        const result = await createApiClient(trx, request.actor, request.body);
        await request.recordAudit(trx, {
          action: 'identity.apiClient.create',
          outcome: 'success',
          resourceType: 'apiClient',
          resourceId: result.client.id,
          details: { name: result.client.name, role: result.client.role, orgUnitId: result.client.orgUnitId },
        });
        return result;
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/api-clients/:clientId',
    {
      schema: { tags: ['identity'], summary: 'Revoke an API client', params: ApiClientIdParams },
      config: { access: { permission: 'apiClients.manage' } },
    },
    async (request, reply) => {
      await db.transaction().execute(async (trx) => {
        const client = await revokeApiClient(trx, request.actor, request.params.clientId);
        await request.recordAudit(trx, {
          action: 'identity.apiClient.revoke',
          outcome: 'success',
          resourceType: 'apiClient',
          resourceId: client.id,
        });
      });
      forgetVerifiedApiKeys();
      return reply.status(204).send();
    },
  );
}
