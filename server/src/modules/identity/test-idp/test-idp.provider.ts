import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import Provider, { type Account, type AccountClaims, type Configuration } from 'oidc-provider';
import { createMemoryAdapter } from './test-idp.adapter.ts';
import { LOA3, OIDC_SE_COORDINATION_NUMBER, OIDC_SE_PERSONAL_NUMBER } from './test-idp.directory.ts';
import {
  renderErrorPage,
  renderLoggedOutPage,
  renderLogoutPage,
  type TestIdpRealm,
} from './test-idp.pages.ts';

/** A relying party registered with one of the test issuers. */
export interface TestIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

/** OIDC Sweden scope for the personal identity number claims. */
export const NATURAL_PERSON_NUMBER_SCOPE = 'https://id.oidc.se/scope/naturalPersonNumber';
/** OIDC Sweden scope for name and birth date. */
export const NATURAL_PERSON_INFO_SCOPE = 'https://id.oidc.se/scope/naturalPersonInfo';

// Claims oidc-provider sets itself; they must stay listed when `claims` is replaced.
const PROTOCOL_CLAIMS = { acr: null, auth_time: null, iss: null, sid: null };
// oidc-provider releases acr only when a scope or the request names it; the broker always does.
const OPENID_CLAIMS = ['sub', 'acr', 'auth_time'];

const CITIZEN_CLAIMS: Record<string, string[] | null> = {
  ...PROTOCOL_CLAIMS,
  openid: OPENID_CLAIMS,
  // `profile` carries everything the broker releases, so `openid profile` alone is enough.
  profile: [
    'given_name',
    'family_name',
    'name',
    'birthdate',
    'givenName',
    'surname',
    'personalIdentityNumber',
    OIDC_SE_PERSONAL_NUMBER,
    OIDC_SE_COORDINATION_NUMBER,
  ],
  [NATURAL_PERSON_NUMBER_SCOPE]: [
    'personalIdentityNumber',
    OIDC_SE_PERSONAL_NUMBER,
    OIDC_SE_COORDINATION_NUMBER,
  ],
  [NATURAL_PERSON_INFO_SCOPE]: ['given_name', 'family_name', 'name', 'birthdate'],
};

const STAFF_CLAIMS: Record<string, string[] | null> = {
  ...PROTOCOL_CLAIMS,
  openid: OPENID_CLAIMS,
  profile: ['given_name', 'family_name', 'name', 'preferred_username'],
  email: ['email', 'email_verified'],
};

const TEN_MINUTES = 10 * 60;
const ONE_HOUR = 60 * 60;

/** Looks up the claims of an account by its `sub`; undefined when unknown. */
export type FindClaims = (subject: string) => AccountClaims | undefined;

/** The issuer URL of one test realm. */
export function testIdpIssuer(publicUrl: string, realm: TestIdpRealm): string {
  return `${publicUrl.replace(/\/+$/, '')}/test-idp/${realm}`;
}

/** The cookie name the provider of `realm` keeps its (never reused) end-user session in. */
export function sessionCookieName(realm: TestIdpRealm): string {
  return `karna_test_idp_${realm}_session`;
}

/**
 * Creates the oidc-provider instance of one test realm: authorization code flow with PKCE (S256)
 * for one confidential client, RS256 ID tokens carrying the realm's claims, in-memory state,
 * fresh signing and cookie keys per process, Swedish pages instead of the built-in ones.
 */
export function createTestProvider(input: {
  realm: TestIdpRealm;
  issuer: string;
  client: TestIdpClient;
  findClaims: FindClaims;
}): Provider {
  const { realm, issuer, client, findClaims } = input;
  const issuerPath = new URL(issuer).pathname;

  const configuration: Configuration = {
    adapter: createMemoryAdapter(),
    jwks: { keys: [generateSigningKey()] },
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      names: {
        session: sessionCookieName(realm),
        interaction: `karna_test_idp_${realm}_interaction`,
        resume: `karna_test_idp_${realm}_resume`,
      },
      // The session cookie stays under the issuer's path, away from the platform's own cookies.
      long: { httpOnly: true, sameSite: 'lax', signed: true, path: issuerPath },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    // Basic and post are interchangeable for a client registered with either.
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    responseTypes: ['code'],
    scopes: ['openid'],
    claims: realm === 'citizen' ? CITIZEN_CLAIMS : STAFF_CLAIMS,
    conformIdTokenClaims: false,
    acrValues: realm === 'citizen' ? [LOA3] : [],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = renderLogoutPage(realm, form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = renderLoggedOutPage(realm);
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${issuerPath}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, subject) => {
      const claims = findClaims(subject);
      return claims ? accountOf(subject, claims) : undefined;
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage(realm, { error: out.error, description: out.error_description });
    },
    // Only the registered client's server talks to the token endpoint; no browser CORS needed.
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: TEN_MINUTES,
      AuthorizationCode: 60,
      IdToken: TEN_MINUTES,
      Interaction: TEN_MINUTES,
      Session: ONE_HOUR,
      Grant: ONE_HOUR,
    },
    discovery: { ui_locales_supported: ['sv'] },
  };

  return new Provider(issuer, configuration);
}

function accountOf(subject: string, claims: AccountClaims): Account {
  return { accountId: subject, claims: () => claims };
}

function generateSigningKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}
