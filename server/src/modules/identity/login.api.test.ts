import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens, demoStaff } from '../../../seeds/demo-municipality.ts';
import { formAction } from '../../../test/test-browser.ts';
import { startTestServer, type TestServer, testBackends } from '../../../test/test-server.ts';
import { identityDb } from './index.ts';

const elin = demoCitizens.find((citizen) => citizen.givenName === 'Elin');
const anna = demoStaff.find((person) => person.givenName === 'Anna');
const nils = demoStaff.find((person) => person.givenName === 'Nils');

interface SessionBody {
  authenticated: boolean;
  user?: {
    kind: string;
    givenName: string;
    familyName: string;
    personalNumberMasked?: string;
    permissions: string[];
  };
  csrfToken?: string;
}

describe.each(testBackends)('login and sessions on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('logs a citizen in with a test personal number and shows them on the session', async () => {
    const browser = server.browser();
    const anonymous = await browser.api<SessionBody>('GET', '/api/session');
    expect(anonymous.body).toEqual({ authenticated: false });

    const landed = await browser.loginAsCitizen(elin?.personalNumber ?? '');
    expect(landed.pathname).toBe('/mina-sidor');
    const session = await browser.api<SessionBody>('GET', '/api/session');
    expect(session.body).toMatchObject({
      authenticated: true,
      user: {
        kind: 'citizen',
        givenName: 'Elin',
        familyName: 'Lindqvist',
        personalNumberMasked: '19850101-****',
      },
    });
    expect(session.body.user?.permissions).toEqual(['myPages.use']);
    expect(JSON.stringify(session.body)).not.toContain(elin?.personalNumber);
    expect(session.headers.get('cache-control')).toBe('no-store');
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, and keeps only its hash', async () => {
    const browser = server.browser();
    const page = await browser.openLoginPage('citizen', '/mina-sidor');
    const callback = await browser.follow(
      formAction(page.html, page.url),
      (next) => !next.pathname.startsWith('/api/auth/callback'),
      { form: { person: elin?.personalNumber ?? '', personalNumber: '', action: 'login' } },
    );
    const response = await browser.request(callback.url);
    const setCookie = response.headers.getSetCookie().find((line) => line.startsWith('karna_session='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const token = browser.cookieValue('karna_session') ?? '';
    const stored = await identityDb(server.database.db).selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(token);
  });

  it('logs a staff member in through the directory and gives the role permissions', async () => {
    const browser = server.browser();
    const landed = await browser.loginAsStaff(anna?.subject ?? '');
    expect(landed.pathname).toBe('/handlaggning');
    const session = await browser.api<
      SessionBody & { user: { roles: { role: string; orgUnitName: string }[] } }
    >('GET', '/api/session');
    expect(session.body.user).toMatchObject({
      kind: 'staff',
      givenName: 'Anna',
      roles: [{ role: 'caseOfficer', orgUnitName: 'Bygglovsenheten' }],
    });
    expect(session.body.user.permissions).toEqual(expect.arrayContaining(['workspace.use', 'tasks.read']));
    expect(session.body.user.permissions).not.toContain('users.read');
  });

  it('gives a staff member without roles their start page, the portfolio’s open parts and the IT service catalog, nothing more', async () => {
    const browser = server.browser();
    await browser.loginAsStaff(nils?.subject ?? '');
    const session = await browser.api<SessionBody>('GET', '/api/session');
    expect(session.body).toMatchObject({
      authenticated: true,
      user: { givenName: 'Nils', permissions: ['workspace.use', 'portfolio.read', 'itServices.read'] },
    });
    expect((await browser.api('GET', '/api/tasks/mine')).status).toBe(403);
  });

  it('ends the session at logout, also for a stolen copy of the cookie', async () => {
    const browser = server.browser();
    await browser.loginAsCitizen(elin?.personalNumber ?? '');
    const cookie = browser.cookieHeader('/');
    const logout = await browser.api<{ redirectTo: string }>('POST', '/api/auth/logout', { json: {} });
    expect(logout).toMatchObject({ status: 200, body: { redirectTo: '/?utloggad=1' } });
    expect((await browser.api('GET', '/api/session')).body).toEqual({ authenticated: false });
    const replay = await fetch(`${server.url}/api/session`, { headers: { cookie } });
    expect(await replay.json()).toEqual({ authenticated: false });
  });

  it('replaces the old session when the same browser logs in again', async () => {
    const browser = server.browser();
    await browser.loginAsCitizen(elin?.personalNumber ?? '');
    const firstCookie = browser.cookieHeader('/');
    await browser.loginAsStaff(anna?.subject ?? '');
    expect((await browser.api<SessionBody>('GET', '/api/session')).body.user?.givenName).toBe('Anna');
    const replay = await fetch(`${server.url}/api/session`, { headers: { cookie: firstCookie } });
    expect(await replay.json()).toEqual({ authenticated: false });
  });

  it('ends a session that has been idle too long', async () => {
    const browser = server.browser();
    await browser.loginAsStaff(anna?.subject ?? '');
    expect((await browser.api('GET', '/api/tasks/mine')).status).toBe(200);
    await identityDb(server.database.db)
      .updateTable('sessions')
      .set({ idle_expires_at: new Date(Date.now() - 1000) })
      .execute();
    expect((await browser.api('GET', '/api/tasks/mine')).status).toBe(401);
  });

  it('slides a short idle timeout on use, well before it runs out', async () => {
    const shortIdle = await startTestServer(backend, { KARNA_SESSION_IDLE_MINUTES: '1' });
    try {
      const browser = shortIdle.browser();
      await browser.loginAsStaff(anna?.subject ?? '');
      // Pretend the last use was 20 s ago: a third of the idle minute, far from its end.
      const twentySecondsAgo = new Date(Date.now() - 20_000);
      await identityDb(shortIdle.database.db)
        .updateTable('sessions')
        .set({
          last_seen_at: twentySecondsAgo,
          idle_expires_at: new Date(twentySecondsAgo.getTime() + 60_000),
        })
        .execute();
      const used = await browser.api('GET', '/api/tasks/mine');
      expect(used.status).toBe(200);
      const expiresAt = Date.parse(used.headers.get('x-session-expires-at') ?? '');
      expect(expiresAt).toBeGreaterThan(Date.now() + 55_000);
    } finally {
      await shortIdle.close();
    }
  });

  it('ends a session past its absolute lifetime even when in use', async () => {
    const browser = server.browser();
    await browser.loginAsStaff(anna?.subject ?? '');
    await identityDb(server.database.db)
      .updateTable('sessions')
      .set({ absolute_expires_at: new Date(Date.now() - 1000) })
      .execute();
    expect((await browser.api('GET', '/api/session')).body).toEqual({ authenticated: false });
  });

  it('returns a cancelled login to the start page with a reason and no session', async () => {
    const browser = server.browser();
    const page = await browser.openLoginPage('citizen');
    const landed = await browser.submitLoginForm(page, { person: '', personalNumber: '', action: 'cancel' });
    expect(landed.pathname).toBe('/');
    expect(landed.searchParams.get('loginError')).toBe('login_cancelled');
    expect((await browser.api('GET', '/api/session')).body).toEqual({ authenticated: false });
  });

  it('refuses a callback whose state does not belong to this browser (login CSRF)', async () => {
    const victim = server.browser();
    const attacker = server.browser();
    const page = await attacker.openLoginPage('citizen');
    const callback = await attacker.follow(
      formAction(page.html, page.url),
      (next) => !next.pathname.startsWith('/api/auth/callback'),
      { form: { person: elin?.personalNumber ?? '', personalNumber: '', action: 'login' } },
    );
    // The victim's browser is made to open the attacker's callback URL.
    const response = await victim.request(callback.url);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/?loginError=login_failed');
    expect((await victim.api('GET', '/api/session')).body).toEqual({ authenticated: false });
  });

  it('only returns to paths on this site after login', async () => {
    const browser = server.browser();
    const response = await browser.api(
      'GET',
      `/api/auth/login?realm=citizen&returnTo=${encodeURIComponent('//evil.example')}`,
    );
    expect(response).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    const absolute = await browser.api(
      'GET',
      `/api/auth/login?realm=citizen&returnTo=${encodeURIComponent('https://evil.example/')}`,
    );
    expect(absolute.status).toBe(400);
  });
});

describe('login rate limit', () => {
  it('answers 429 problem+json after too many login attempts from one address', async () => {
    const server = await startTestServer('pglite', { KARNA_LOGIN_RATE_LIMIT: '3' });
    try {
      const browser = server.browser();
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        statuses.push((await browser.request(`${server.url}/api/auth/login?realm=citizen`)).status);
      }
      expect(statuses).toEqual([302, 302, 302, 429]);
      const limited = await browser.api('GET', '/api/auth/login?realm=citizen');
      expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(limited.body).toMatchObject({ code: 'rate_limited', status: 429 });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('counts the login start, the callback and the login form posts together', async () => {
    const server = await startTestServer('pglite', { KARNA_LOGIN_RATE_LIMIT: '4' });
    try {
      const browser = server.browser();
      // 1: the start; 2: the test identity provider's form post; 3: the callback.
      await browser.loginAsCitizen('198501012382');
      // 4: a second start is still allowed; 5: the form post is the one over the limit.
      const page = await browser.openLoginPage('citizen');
      const post = await browser.request(formAction(page.html, page.url), {
        method: 'POST',
        form: { person: '198501012382', personalNumber: '', action: 'login' },
      });
      expect(post.status).toBe(429);
      expect(post.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const callback = await browser.request(`${server.url}/api/auth/callback/citizen?state=x&code=y`);
      expect(callback.status).toBe(429);
    } finally {
      await server.close();
    }
  });
});
