import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AccessControl } from '../../platform/http/access.ts';
import type { KarnaModule, PlatformContext } from '../../platform/module.ts';
import { can } from './identity.policy.ts';
import { registerIdentityRoutes } from './identity.routes.ts';
import { authenticateRequest } from './identity.service.ts';
import { createLoginRateLimit } from './login-rate-limit.ts';
import * as createIdentityTables from './migrations/202611220010-create-identity-tables.ts';
import * as addSessionActingFor from './migrations/202611240900-add-session-acting-for.ts';
import { OidcLogin } from './oidc-login.service.ts';
import { SessionStore } from './sessions.service.ts';
import { registerTestIdentityProvider } from './test-idp/index.ts';

export { type IdentityErrorCode, identityErrors } from './identity.errors.ts';
export { can } from './identity.policy.ts';
export {
  cachedOrgUnits,
  findOrgUnitNames,
  findOrgUnits,
  findStaffUserByEmail,
  identityDb,
  insertOrgUnit,
  insertRoleAssignment,
  insertUser,
  type OrgUnitRow,
} from './identity.repository.ts';
export {
  findStaffAbleTo,
  findStaffByEmails,
  findStaffContacts,
  findUserNames,
  listStaffUsers,
  type StaffContact,
  searchStaff,
} from './identity.service.ts';
export { staffRoleNamesSv } from './role-names.ts';
export { SessionStore, setSessionActingFor } from './sessions.service.ts';

/** Where the demo directory and Skatteverket's test numbers live (read by the test identity provider). */
export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../seeds');

/** The identity module: organisation, staff, roles, sessions, OIDC login and API clients. */
export const identityModule: KarnaModule = {
  name: 'identity',
  migrations: {
    '202611220010-create-identity-tables': createIdentityTables,
    '202611240900-add-session-acting-for': addSessionActingFor,
  },
  async registerRoutes(app: FastifyInstance, context: PlatformContext) {
    const { config } = context;
    const limitLogin = createLoginRateLimit(app, config.loginRateLimitPerMinute);
    if (config.testIdp) {
      const client = (realm: 'citizen' | 'staff') => {
        const issuer = realm === 'citizen' ? config.citizenOidc : config.staffOidc;
        return {
          clientId: issuer.clientId,
          clientSecret: issuer.clientSecret,
          redirectUris: [`${config.publicUrl}/api/auth/callback/${realm}`],
          postLogoutRedirectUris: [`${config.publicUrl}/`],
        };
      };
      await registerTestIdentityProvider(app, {
        publicUrl: config.publicUrl,
        citizenClient: client('citizen'),
        staffClient: client('staff'),
        seedsDir: SEEDS_DIR,
        limitFormPosts: limitLogin,
      });
    }
    await registerIdentityRoutes(app, context, {
      sessions: new SessionStore(config),
      login: new OidcLogin(config),
      limitLogin,
    });
  },
};

/** Authentication and the permission check, for the platform's access-control hook. */
export function identityAccessControl(context: PlatformContext): AccessControl {
  const sessions = new SessionStore(context.config);
  return {
    authenticate: (request) => authenticateRequest(context.db, sessions, request),
    can,
  };
}
