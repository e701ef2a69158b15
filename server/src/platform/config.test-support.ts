import { ConfigError, loadConfig } from './config.ts';

/** A complete production configuration: real issuers over https and a configured signing key. */
export const productionEnv = {
  KARNA_ENV: 'production',
  KARNA_PUBLIC_URL: 'https://e-tjanster.molnal.example',
  KARNA_CITIZEN_OIDC_ISSUER: 'https://eid-broker.example',
  KARNA_CITIZEN_OIDC_CLIENT_ID: 'karna',
  KARNA_CITIZEN_OIDC_CLIENT_SECRET: 'citizen-secret',
  KARNA_STAFF_OIDC_ISSUER: 'https://login.microsoftonline.example/tenant/v2.0',
  KARNA_STAFF_OIDC_CLIENT_ID: 'karna-staff',
  KARNA_STAFF_OIDC_CLIENT_SECRET: 'staff-secret',
  KARNA_AUDIT_SIGNING_KEY_FILE: '/etc/karna/audit-signing-key.pem',
};

/** The problems `loadConfig` names for an environment, or none. */
export function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
