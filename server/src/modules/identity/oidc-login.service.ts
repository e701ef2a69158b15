import { normalizePersonalNumber } from '@karna/contracts';
import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { Config, OidcIssuerConfig } from '../../platform/config.ts';
import { identityError } from './identity.errors.ts';
import { identityDb } from './identity.repository.ts';

export type Realm = 'citizen' | 'staff';

export const LOGIN_COOKIE = 'karna_login';
const LOGIN_ATTEMPT_TTL_MS = 10 * 60_000;

/** What the identity provider vouched for, mapped to our terms. */
export type VerifiedIdentity =
  | {
      realm: 'citizen';
      personalNumber: string;
      givenName: string;
      familyName: string;
      assuranceLevel: string;
      returnTo: string;
    }
  | {
      realm: 'staff';
      directorySubject: string;
      givenName: string;
      familyName: string;
      email: string | null;
      assuranceLevel: string | null;
      returnTo: string;
    };

/**
 * Assurance levels (tillitsnivåer) by strength, as Sweden Connect and the e-legitimation brokers
 * send them in `acr`. A citizen login must reach the configured minimum (LoA3 by default).
 */
const assuranceRank: Record<string, number> = {
  'http://id.elegnamnden.se/loa/1.0/loa2': 2,
  'http://id.elegnamnden.se/loa/1.0/loa3': 3,
  'http://id.elegnamnden.se/loa/1.0/eidas-sub': 3,
  'http://id.elegnamnden.se/loa/1.0/eidas-nf-sub': 3,
  'http://id.elegnamnden.se/loa/1.0/loa4': 4,
  'http://id.elegnamnden.se/loa/1.0/eidas-high': 4,
  'http://id.elegnamnden.se/loa/1.0/eidas-nf-high': 4,
};

/**
 * The OpenID Connect relying party (authorization code flow with PKCE, state and nonce), one
 * issuer for citizens (the e-legitimation broker) and one for staff (the directory).
 */
export class OidcLogin {
  readonly #config: Config;
  readonly #clients = new Map<Realm, Promise<oidc.Configuration>>();

  constructor(config: Config) {
    this.#config = config;
  }

  redirectUri(realm: Realm): string {
    return `${this.#config.publicUrl}/api/auth/callback/${realm}`;
  }

  /** Records a login attempt and returns the identity provider's URL to send the browser to. */
  async begin(db: Kysely<unknown>, realm: Realm, returnTo: string): Promise<{ url: string; state: string }> {
    const client = await this.#client(realm);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await identityDb(db)
      .insertInto('login_attempts')
      .values({
        state,
        realm,
        nonce,
        code_verifier: codeVerifier,
        return_to: returnTo,
        expires_at: new Date(Date.now() + LOGIN_ATTEMPT_TTL_MS),
      })
      .execute();
    const parameters: Record<string, string> = {
      redirect_uri: this.redirectUri(realm),
      scope: this.#issuer(realm).scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // Always ask the person to identify themselves: a shared computer must not log in silently.
      prompt: 'login',
    };
    if (realm === 'citizen') parameters.acr_values = this.#config.citizenMinAssurance;
    return { url: oidc.buildAuthorizationUrl(client, parameters).href, state };
  }

  /**
   * Completes a login from the callback URL: the state must match the browser's login cookie and
   * an unused, unexpired attempt; the code is exchanged with the PKCE verifier and the ID token's
   * signature, issuer, audience and nonce are checked by openid-client.
   */
  async complete(db: Kysely<unknown>, realm: Realm, callbackUrl: URL, browserState: string | undefined) {
    const state = callbackUrl.searchParams.get('state');
    if (!state || !browserState || state !== browserState) throw identityError('login_failed');
    const attempt = await identityDb(db)
      .deleteFrom('login_attempts')
      .where('state', '=', state)
      .returningAll()
      .executeTakeFirst();
    if (!attempt || attempt.realm !== realm || attempt.expires_at <= new Date())
      throw identityError('login_expired');
    const error = callbackUrl.searchParams.get('error');
    if (error) throw identityError(error === 'access_denied' ? 'login_cancelled' : 'login_failed');

    const client = await this.#client(realm);
    let claims: oidc.IDToken;
    try {
      const tokens = await oidc.authorizationCodeGrant(client, callbackUrl, {
        pkceCodeVerifier: attempt.code_verifier,
        expectedState: state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      const idTokenClaims = tokens.claims();
      if (!idTokenClaims) throw new Error('no ID token');
      claims = idTokenClaims;
    } catch (cause) {
      throw Object.assign(identityError('login_failed'), { cause });
    }
    return realm === 'citizen'
      ? this.#citizenIdentity(claims, attempt.return_to)
      : this.#staffIdentity(claims, attempt.return_to);
  }

  #citizenIdentity(claims: oidc.IDToken, returnTo: string): VerifiedIdentity {
    const acr = typeof claims.acr === 'string' ? claims.acr : '';
    const required = assuranceRank[this.#config.citizenMinAssurance] ?? 3;
    if ((assuranceRank[acr] ?? 0) < required) throw identityError('assurance_too_low');
    const number = firstString(
      claims.personalIdentityNumber,
      claims['https://id.oidc.se/claim/personalIdentityNumber'],
      claims['https://id.oidc.se/claim/coordinationNumber'],
    );
    const givenName = firstString(claims.givenName, claims.given_name);
    const familyName = firstString(claims.surname, claims.family_name);
    if (!number || !givenName || !familyName) throw identityError('login_failed');
    let personalNumber: string;
    try {
      personalNumber = normalizePersonalNumber(number);
    } catch {
      throw identityError('login_failed');
    }
    return { realm: 'citizen', personalNumber, givenName, familyName, assuranceLevel: acr, returnTo };
  }

  #staffIdentity(claims: oidc.IDToken, returnTo: string): VerifiedIdentity {
    const givenName = firstString(claims.given_name, claims.givenName);
    const familyName = firstString(claims.family_name, claims.surname);
    if (!claims.sub || !givenName || !familyName) throw identityError('login_failed');
    return {
      realm: 'staff',
      directorySubject: claims.sub,
      givenName,
      familyName,
      email: firstString(claims.email) ?? null,
      assuranceLevel: typeof claims.acr === 'string' ? claims.acr : null,
      returnTo,
    };
  }

  #issuer(realm: Realm): OidcIssuerConfig {
    return realm === 'citizen' ? this.#config.citizenOidc : this.#config.staffOidc;
  }

  /** Discovers the issuer on first use (the bundled test issuer is not listening before start). */
  #client(realm: Realm): Promise<oidc.Configuration> {
    let client = this.#clients.get(realm);
    if (!client) {
      const issuer = this.#issuer(realm);
      const url = new URL(issuer.issuer);
      client = oidc
        .discovery(url, issuer.clientId, undefined, oidc.ClientSecretBasic(issuer.clientSecret), {
          execute: url.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
          timeout: 10,
        })
        .catch((cause: unknown) => {
          this.#clients.delete(realm);
          throw Object.assign(identityError('identity_provider_unavailable'), { cause });
        });
      this.#clients.set(realm, client);
    }
    return client;
  }
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value.trim() !== '')?.trim();
}
