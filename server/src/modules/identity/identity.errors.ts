import { AppError, type ErrorCatalog } from '../../platform/http/errors.ts';

export const identityErrorCodes = [
  'login_failed',
  'login_expired',
  'login_cancelled',
  'assurance_too_low',
  'identity_provider_unavailable',
  'user_not_found',
  'org_unit_not_found',
  'role_not_in_scope',
  'role_not_grantable',
  'api_client_not_found',
] as const;
export type IdentityErrorCode = (typeof identityErrorCodes)[number];

/** Throws one of the identity module's errors. */
export function identityError(code: IdentityErrorCode, detail?: string): AppError<IdentityErrorCode> {
  return new AppError(code, detail ? { detail } : {});
}

export const identityErrors: ErrorCatalog<IdentityErrorCode> = {
  login_failed: {
    status: 400,
    title: { sv: 'Inloggningen misslyckades. Försök igen.', en: 'Login failed. Please try again.' },
  },
  login_expired: {
    status: 400,
    title: {
      sv: 'Inloggningen tog för lång tid. Börja om.',
      en: 'The login took too long. Please start over.',
    },
  },
  login_cancelled: {
    status: 400,
    title: { sv: 'Inloggningen avbröts.', en: 'The login was cancelled.' },
  },
  assurance_too_low: {
    status: 403,
    title: {
      sv: 'E-legitimationen har för låg tillitsnivå för den här tjänsten.',
      en: 'The e-identification has too low an assurance level for this service.',
    },
  },
  identity_provider_unavailable: {
    status: 503,
    title: {
      sv: 'Inloggningstjänsten svarar inte just nu. Försök igen om en stund.',
      en: 'The login service is not responding. Please try again shortly.',
    },
  },
  user_not_found: { status: 404, title: { sv: 'Användaren finns inte.', en: 'The user does not exist.' } },
  org_unit_not_found: {
    status: 404,
    title: { sv: 'Organisationsenheten finns inte.', en: 'The organisation unit does not exist.' },
  },
  role_not_in_scope: {
    status: 403,
    title: {
      sv: 'Du kan bara dela ut roller inom din egen del av organisationen.',
      en: 'You can only grant roles within your own part of the organisation.',
    },
  },
  role_not_grantable: {
    status: 403,
    title: {
      sv: 'Du kan inte dela ut den här rollen: den kräver en behörighet som du själv inte har.',
      en: 'You cannot grant this role: it takes a permission you do not hold yourself.',
    },
  },
  api_client_not_found: {
    status: 404,
    title: { sv: 'API-klienten finns inte.', en: 'The API client does not exist.' },
  },
};
