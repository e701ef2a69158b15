import { z } from 'zod';
import { permissions, staffRoles } from './access.ts';
import { ActingFor } from './registry-me.ts';
import { localPath } from './text.ts';

export const LoginRealm = z.enum(['citizen', 'staff']);
export type LoginRealm = z.infer<typeof LoginRealm>;

export const LoginQuery = z.object({
  realm: LoginRealm.default('citizen'),
  /** Where to go after login: a path on this site (never another origin). */
  returnTo: localPath({ max: 512 }).optional(),
});
export type LoginQuery = z.infer<typeof LoginQuery>;

export const RoleAssignment = z.object({
  role: z.enum(staffRoles),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const SessionUser = z.object({
  id: z.uuid(),
  kind: z.enum(['citizen', 'staff']),
  givenName: z.string(),
  familyName: z.string(),
  /** Masked for display, e.g. `19121212-****`; citizens only. */
  personalNumberMasked: z.string().optional(),
  email: z.string().optional(),
  roles: z.array(RoleAssignment),
  permissions: z.array(z.enum(permissions)),
  assuranceLevel: z.string().optional(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.discriminatedUnion('authenticated', [
  z.object({ authenticated: z.literal(false) }),
  z.object({
    authenticated: z.literal(true),
    user: SessionUser,
    /** Send back as the `x-csrf-token` header on every write made with the session cookie. */
    csrfToken: z.string(),
    expiresAt: z.iso.datetime(),
    /** Citizens: whom they act for now (a child in custody, an organisation), null for themself. */
    actingFor: ActingFor.nullable(),
  }),
]);
export type SessionResponse = z.infer<typeof SessionResponse>;

export const LogoutResponse = z.object({
  /** Where the browser should go next: the identity provider's logout, or the start page. */
  redirectTo: z.string(),
});
export type LogoutResponse = z.infer<typeof LogoutResponse>;

/**
 * Every answer to a request made with a session carries this header: when the session ends unless
 * it is used again (ISO 8601). The web app warns before that moment (WCAG 2.2.1) and can extend the
 * session with `POST /api/session/extend`, which answers like `GET /api/session`.
 */
export const SESSION_EXPIRES_HEADER = 'x-session-expires-at';
