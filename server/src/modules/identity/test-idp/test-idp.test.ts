import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formAction, TestBrowser } from '../../../../test/test-browser.ts';
import { citizenSubject, generatedCitizen } from './test-idp.directory.ts';
import { SEEDS_DIR, startTestIdpServer } from './test-idp.test-support.ts';

/** Follow redirects until the next hop would leave the identity provider for `target`. */
const stopAt = (target: string) => (next: URL) => !next.href.startsWith(target);

const CITIZEN_SCOPE = 'openid profile https://id.oidc.se/scope/naturalPersonNumber';
const STAFF_SCOPE = 'openid profile email';
const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

let app: FastifyInstance;
let publicUrl: string;
let realms: Record<'citizen' | 'staff', { config: oidc.Configuration; redirectUri: string }>;

beforeAll(async () => {
  const server = await startTestIdpServer();
  app = server.app;
  publicUrl = server.publicUrl;
  const { citizen, staff } = server.clients;
  const options = { execute: [oidc.allowInsecureRequests] };
  realms = {
    // One realm authenticates at the token endpoint with client_secret_basic, the other with _post.
    citizen: {
      config: await oidc.discovery(
        new URL(`${publicUrl}/test-idp/citizen`),
        citizen.clientId,
        undefined,
        oidc.ClientSecretBasic(citizen.clientSecret),
        options,
      ),
      redirectUri: citizen.redirectUris[0] ?? '',
    },
    staff: {
      config: await oidc.discovery(
        new URL(`${publicUrl}/test-idp/staff`),
        staff.clientId,
        staff.clientSecret,
        undefined,
        options,
      ),
      redirectUri: staff.redirectUris[0] ?? '',
    },
  };
});

afterAll(async () => {
  await app?.close();
});

interface Flow {
  browser: TestBrowser;
  loginPage: { html: string; url: string; status: number };
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Starts an authorization like the platform's relying party and follows it to the login page. */
async function startLogin(
  realm: 'citizen' | 'staff',
  scope: string,
  browser = new TestBrowser(),
  extra: Record<string, string> = { prompt: 'login' },
): Promise<Flow> {
  const { config, redirectUri } = realms[realm];
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  const { response, url: pageUrl } = await browser.follow(url.href, stopAt(redirectUri));
  const html = await response.text();
  return { browser, loginPage: { html, url: pageUrl, status: response.status }, state, nonce, codeVerifier };
}

/** Submits the login form and follows the redirects back to the relying party's redirect URI. */
async function submit(realm: 'citizen' | 'staff', flow: Flow, form: Record<string, string>) {
  const action = formAction(flow.loginPage.html, flow.loginPage.url);
  return flow.browser.follow(action, stopAt(realms[realm].redirectUri), { form });
}

async function idTokenClaims(realm: 'citizen' | 'staff', flow: Flow, callbackUrl: string) {
  const tokens = await oidc.authorizationCodeGrant(realms[realm].config, new URL(callbackUrl), {
    pkceCodeVerifier: flow.codeVerifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  return claims;
}

describe('test identity provider: discovery', () => {
  it('advertises the code flow with S256 PKCE, both secret methods and the Swedish scopes', () => {
    const metadata = realms.citizen.config.serverMetadata();
    expect(metadata.issuer).toBe(`${publicUrl}/test-idp/citizen`);
    expect(metadata.authorization_endpoint).toBe(`${publicUrl}/test-idp/citizen/auth`);
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.token_endpoint_auth_methods_supported).toEqual([
      'client_secret_basic',
      'client_secret_post',
    ]);
    expect(metadata.scopes_supported).toContain('https://id.oidc.se/scope/naturalPersonNumber');
    expect(metadata.acr_values_supported).toEqual([LOA3]);
    expect(realms.staff.config.serverMetadata().issuer).toBe(`${publicUrl}/test-idp/staff`);
  });
});

describe('test identity provider: citizens', () => {
  it('logs in a demo citizen with the e-legitimation claims in the ID token', async () => {
    const flow = await startLogin('citizen', CITIZEN_SCOPE);
    expect(flow.loginPage.status).toBe(200);
    expect(flow.loginPage.html).toContain('<html lang="sv">');
    expect(flow.loginPage.html).toContain('Testinloggning — inte en riktig e-legitimation');
    expect(flow.loginPage.html).toContain('Elin Lindqvist');

    const { url } = await submit('citizen', flow, {
      person: '198501012382',
      personalNumber: '',
      action: 'login',
    });
    expect(url).toMatch(/[?&]code=/);
    const claims = await idTokenClaims('citizen', flow, url);
    expect(claims).toMatchObject({
      iss: `${publicUrl}/test-idp/citizen`,
      aud: 'karna-citizen',
      sub: citizenSubject('198501012382'),
      acr: LOA3,
      personalIdentityNumber: '198501012382',
      'https://id.oidc.se/claim/personalIdentityNumber': '198501012382',
      givenName: 'Elin',
      surname: 'Lindqvist',
      given_name: 'Elin',
      family_name: 'Lindqvist',
      name: 'Elin Lindqvist',
      birthdate: '1985-01-01',
    });
    expect(claims.sub).not.toContain('198501012382');
  });

  it('accepts another Skatteverket test number, typed short, with a generated name (scope openid profile)', async () => {
    const flow = await startLogin('citizen', 'openid profile');
    const { url } = await submit('citizen', flow, { personalNumber: '900101-2385', action: 'login' });
    const claims = await idTokenClaims('citizen', flow, url);
    const expected = generatedCitizen('199001012385');
    expect(claims).toMatchObject({
      sub: citizenSubject('199001012385'),
      acr: LOA3,
      personalIdentityNumber: '199001012385',
      'https://id.oidc.se/claim/personalIdentityNumber': '199001012385',
      givenName: expected.givenName,
      surname: expected.familyName,
      name: `${expected.givenName} ${expected.familyName}`,
      birthdate: '1990-01-01',
    });
    expect(expected.givenName).not.toBe('');
  });

  it('refuses a valid-looking number that is not a test number, and issues no code', async () => {
    const realLooking = '198507099805';
    const testList = readFileSync(join(SEEDS_DIR, 'testpersonnummer.txt'), 'utf8').split('\n');
    expect(testList).not.toContain(realLooking);

    const flow = await startLogin('citizen', CITIZEN_SCOPE);
    const { response, url } = await submit('citizen', flow, {
      personalNumber: '19850709-9805',
      action: 'login',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(url).not.toMatch(/code=/);
    const html = await response.text();
    expect(html).toContain('Numret finns inte bland Skatteverkets testpersonnummer');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="19850709-9805"');

    // The same login can still go on with a test person.
    const retry = await submit(
      'citizen',
      { ...flow, loginPage: { ...flow.loginPage, html } },
      { person: '198501012390' },
    );
    expect(retry.url).toMatch(/[?&]code=/);
    const claims = await idTokenClaims('citizen', flow, retry.url);
    expect(claims.personalIdentityNumber).toBe('198501012390');
  });

  it('asks again when nothing is chosen, and rejects a malformed number', async () => {
    const flow = await startLogin('citizen', CITIZEN_SCOPE);
    const empty = await submit('citizen', flow, { personalNumber: '', action: 'login' });
    expect(empty.response.status).toBe(400);
    expect(await empty.response.text()).toContain('Välj en testperson eller ange ett testpersonnummer.');
    const malformed = await submit('citizen', flow, { personalNumber: '1985-01', action: 'login' });
    expect(await malformed.response.text()).toContain('Ange personnumret med 10 eller 12 siffror');
  });

  it('returns access_denied to the relying party on Avbryt', async () => {
    const flow = await startLogin('citizen', CITIZEN_SCOPE);
    const { url } = await submit('citizen', flow, { person: '198501012382', action: 'cancel' });
    const callback = new URL(url);
    expect(callback.href.startsWith(realms.citizen.redirectUri)).toBe(true);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(flow.state);
    expect(callback.searchParams.get('code')).toBeNull();
  });

  it('shows the login page on every authorization, also for another person in the same browser', async () => {
    const first = await startLogin('citizen', CITIZEN_SCOPE);
    const firstResult = await submit('citizen', first, { person: '198501012382' });
    expect((await idTokenClaims('citizen', first, firstResult.url)).personalIdentityNumber).toBe(
      '198501012382',
    );
    expect(first.browser.hasCookie('citizen_session')).toBe(true);

    // Same browser (cookies kept), and without prompt=login: still no silent single sign-on.
    const second = await startLogin('citizen', CITIZEN_SCOPE, first.browser, {});
    expect(second.loginPage.status).toBe(200);
    expect(second.loginPage.url).toContain('/test-idp/citizen/interaction/');
    expect(second.loginPage.html).toContain('Logga in');
    const secondResult = await submit('citizen', second, { person: '198501012390' });
    const claims = await idTokenClaims('citizen', second, secondResult.url);
    expect(claims.personalIdentityNumber).toBe('198501012390');
  });

  it('logs out at the end-session endpoint and returns to the registered address', async () => {
    const flow = await startLogin('citizen', CITIZEN_SCOPE);
    const { url } = await submit('citizen', flow, { person: '198501012382' });
    const tokens = await oidc.authorizationCodeGrant(realms.citizen.config, new URL(url), {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
    });
    const logoutUrl = oidc.buildEndSessionUrl(realms.citizen.config, {
      id_token_hint: tokens.id_token ?? '',
      post_logout_redirect_uri: `${publicUrl}/`,
      state: 'after-logout',
    });
    const page = await flow.browser.request(logoutUrl.href);
    const html = await page.text();
    expect(html).toContain('Logga ut från testinloggningen');
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const done = await flow.browser.follow(action, stopAt(`${publicUrl}/`), {
      form: { xsrf, logout: 'yes' },
    });
    expect(done.url).toBe(`${publicUrl}/?state=after-logout`);
    expect(flow.browser.hasCookie('citizen_session')).toBe(false);
  });

  it('requires PKCE', async () => {
    const { config, redirectUri } = realms.citizen;
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: CITIZEN_SCOPE,
      state: 'x',
    });
    const { url: final } = await new TestBrowser().follow(url.href, stopAt(redirectUri));
    const callback = new URL(final);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('renders errors it cannot send back as a Swedish page', async () => {
    const response = await fetch(`${publicUrl}/test-idp/citizen/auth?client_id=unknown&response_type=code`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Det gick inte att logga in');
  });

  it('explains an expired or unknown login instead of showing the form', async () => {
    const response = await fetch(`${publicUrl}/test-idp/citizen/interaction/unknown-uid`);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Inloggningen har gått ut eller avbrutits.');
    expect(html).not.toContain('<form');
  });
});

describe('test identity provider: staff directory', () => {
  it('logs in a directory account with its subject, names and email', async () => {
    const flow = await startLogin('staff', STAFF_SCOPE);
    expect(flow.loginPage.html).toContain('Anna Svensson');
    expect(flow.loginPage.html).toContain('Bygglovshandläggare');

    const { url } = await submit('staff', flow, {
      account: 'd3b07384-d113-4ec6-a1f1-1b2b3c4d5e01',
      action: 'login',
    });
    const claims = await idTokenClaims('staff', flow, url);
    expect(claims).toMatchObject({
      iss: `${publicUrl}/test-idp/staff`,
      sub: 'd3b07384-d113-4ec6-a1f1-1b2b3c4d5e01',
      given_name: 'Anna',
      family_name: 'Svensson',
      name: 'Anna Svensson',
      email: 'anna.svensson@molnal.example',
      preferred_username: 'anna.svensson@molnal.example',
    });
    expect(claims.personalIdentityNumber).toBeUndefined();
  });

  it('asks again when no account is chosen', async () => {
    const flow = await startLogin('staff', STAFF_SCOPE);
    const { response } = await submit('staff', flow, { action: 'login' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Välj ett konto.');
  });
});
