import { connect } from 'node:net';
import { SESSION_EXPIRES_HEADER } from '@karna/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens, demoStaff } from '../../../seeds/demo-municipality.ts';
import { formAction } from '../../../test/test-browser.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';
import type { AuditTables } from '../audit/audit.tables.ts';

const ada = demoStaff.find((person) => person.givenName === 'Ada')?.subject ?? '';
const elin = demoCitizens[0]?.personalNumber ?? '';
const PROBLEM = /^application\/problem\+json/;

/** Sends bytes as they are (no URL normalisation by a client library) and returns the raw answer. */
function rawHttp(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe.each(testBackends)('hardening of the HTTP pipeline on %s', (backend) => {
  let server: TestServer;
  let admin: ApiBrowser;
  let nilsId: string;
  let bygglovId: string;
  const auditRows = () =>
    server.database.db
      .withTables<AuditTables>()
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(5)
      .execute();

  beforeAll(async () => {
    server = await startTestServer(backend);
    admin = server.browser();
    await admin.loginAsStaff(ada);
    const users = await admin.api<{ items: { id: string; email: string }[] }>('GET', '/api/users');
    nilsId = users.body.items.find((user) => user.email.startsWith('nils.berg'))?.id ?? '';
    const units = await admin.api<{ items: { id: string; name: string }[] }>('GET', '/api/org-units');
    bygglovId = units.body.items.find((unit) => unit.name === 'Bygglovsenheten')?.id ?? '';
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('decides on the routed path, not the URL text', () => {
    it('wants the CSRF token on a percent-encoded API path and audits the refusal', async () => {
      const response = await admin.api('POST', `/%61pi/users/${nilsId}/roles`, {
        json: { role: 'caseOfficer', orgUnitId: bygglovId },
        csrf: false,
      });
      expect(response).toMatchObject({ status: 403, body: { code: 'csrf_token_invalid' } });
      const [latest] = await auditRows();
      expect(latest).toMatchObject({ action: 'http.request', outcome: 'denied', actor_name: 'Ada Holm' });
      expect(latest?.details).toMatchObject({
        method: 'POST',
        route: '/api/users/:userId/roles',
        status: 403,
      });
    });

    it('audits a write through a percent-encoded path like any other', async () => {
      const response = await admin.api('POST', `/%61pi/users/${nilsId}/roles`, {
        json: { role: 'caseOfficer', orgUnitId: bygglovId },
      });
      expect(response.status).toBe(200);
      const [latest] = await auditRows();
      expect(latest).toMatchObject({
        action: 'identity.role.grant',
        outcome: 'success',
        resource_id: nilsId,
      });
    });

    it('answers an unknown percent-encoded API path with a 404 problem, not the web app', async () => {
      const response = await server.browser().api('GET', '/%61pi/nothing');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ code: 'not_found' });
    });
  });

  describe('answers every client mistake with a problem, never a 5xx', () => {
    it('refuses a NUL byte, a lone surrogate or a direction override in a text field', async () => {
      for (const name of ['Ekonomi\u0000system', 'Ekonomi\ud800', 'evil\u202Egnp.exe', 'a'.repeat(10_000)]) {
        const response = await admin.api('POST', '/api/api-clients', {
          json: { name, role: 'caseOfficer', orgUnitId: bygglovId },
        });
        expect(response.status, JSON.stringify(name.slice(0, 20))).toBe(400);
        expect(response.body).toMatchObject({
          code: 'validation_failed',
          errors: [expect.objectContaining({ path: 'body.name' })],
        });
      }
    });

    it('refuses a return path with non-Latin-1 or control characters before any login starts', async () => {
      for (const returnTo of ['/mina-sidor/ärende', '/mina-sidor\r\nSet-Cookie: x=1', '/\u0000', '/\\evil']) {
        const response = await server
          .browser()
          .api('GET', `/api/auth/login?realm=citizen&returnTo=${encodeURIComponent(returnTo)}`);
        expect(response, JSON.stringify(returnTo)).toMatchObject({
          status: 400,
          body: { code: 'validation_failed' },
        });
      }
      const browser = server.browser();
      const landed = await browser.loginAsCitizen(elin, '/mina-sidor?flik=%C3%A4renden');
      expect(`${landed.pathname}${landed.search}`).toBe('/mina-sidor?flik=%C3%A4renden');
    });

    it('answers a bad percent-encoding, an over-long parameter and oversized headers as problems', async () => {
      const badEncoding = await server.browser().api('GET', '/api/users/%E0%A4%A/roles');
      expect(badEncoding.status).toBe(400);
      expect(badEncoding.headers.get('content-type')).toMatch(PROBLEM);
      expect(badEncoding.body).toMatchObject({ code: 'malformed_request' });

      const longParam = await admin.api('DELETE', `/api/api-clients/${'a'.repeat(500)}`);
      expect(longParam.status).toBe(414);
      expect(longParam.body).toMatchObject({ code: 'uri_too_long' });

      const answer = await rawHttp(
        server.url,
        `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      expect(answer).toContain('"code":"headers_too_large"');

      const garbage = await rawHttp(server.url, 'NOT HTTP AT ALL\r\n\r\n');
      expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
      expect(garbage).toContain('"code":"malformed_request"');
    });
  });

  describe('audits refusals of reads too', () => {
    it('records an anonymous read of a protected route as denied', async () => {
      const response = await server.browser().api('GET', '/api/users');
      expect(response.status).toBe(401);
      const [latest] = await auditRows();
      expect(latest).toMatchObject({ action: 'http.request', outcome: 'denied', actor_type: 'anonymous' });
      expect(latest?.details).toMatchObject({ method: 'GET', route: '/api/users', status: 401 });
    });
  });

  describe('the session', () => {
    it('tells its expiry on every answer and can be extended', async () => {
      const citizen = server.browser();
      await citizen.loginAsCitizen(elin);
      const session = await citizen.api<{ expiresAt: string }>('GET', '/api/session');
      expect(session.headers.get(SESSION_EXPIRES_HEADER)).toBe(session.body.expiresAt);
      const extended = await citizen.api<{ authenticated: boolean; expiresAt: string }>(
        'POST',
        '/api/session/extend',
        { json: {} },
      );
      expect(extended.status).toBe(200);
      expect(extended.body.authenticated).toBe(true);
      expect(Date.parse(extended.body.expiresAt)).toBeGreaterThanOrEqual(Date.parse(session.body.expiresAt));
      expect(extended.headers.get(SESSION_EXPIRES_HEADER)).toBe(extended.body.expiresAt);
      const [latest] = await auditRows();
      expect(latest).toMatchObject({ action: 'identity.session.extend', outcome: 'success' });
      expect((await server.browser().api('POST', '/api/session/extend', { json: {} })).status).toBe(401);
    });
  });

  describe('the test identity provider', () => {
    it("answers with the platform's security headers on its pages and the provider's own answers", async () => {
      const browser = server.browser();
      const page = await browser.openLoginPage('citizen');
      const pageResponse = await browser.request(page.url);
      const discovery = await browser.request(
        `${server.url}/test-idp/citizen/.well-known/openid-configuration`,
      );
      for (const response of [pageResponse, discovery]) {
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      }
      expect(formAction(page.html, page.url)).toContain('/test-idp/citizen/interaction/');
    });

    it('is left out of the API documentation, which is titled Kärna API', async () => {
      const browser = server.browser();
      const document = await browser.api<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json');
      expect(Object.keys(document.body.paths).filter((path) => !path.startsWith('/api/'))).toEqual([]);
      const docsPage = await browser.request(`${server.url}/api/docs/`);
      expect(await docsPage.text()).toContain('<title>Kärna API</title>');
    });
  });
});
