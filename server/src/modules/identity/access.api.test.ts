import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens, demoStaff } from '../../../seeds/demo-municipality.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';

const staffSubject = (email: string) => {
  const person = demoStaff.find((candidate) => candidate.email.startsWith(email));
  if (!person) throw new Error(`no demo staff ${email}`);
  return person.subject;
};
const elin = demoCitizens[0]?.personalNumber ?? '';

describe.each(testBackends)('access control on %s', (backend) => {
  let server: TestServer;
  let citizen: ApiBrowser;
  let caseOfficer: ApiBrowser;
  let administrator: ApiBrowser;
  beforeAll(async () => {
    server = await startTestServer(backend);
    citizen = server.browser();
    await citizen.loginAsCitizen(elin);
    caseOfficer = server.browser();
    await caseOfficer.loginAsStaff(staffSubject('anna.svensson'));
    administrator = server.browser();
    await administrator.loginAsStaff(staffSubject('ada.holm'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses an anonymous caller with 401', async () => {
    for (const path of ['/api/tasks/mine', '/api/users', '/api/org-units', '/api/api-clients']) {
      const response = await server.browser().api('GET', path);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code: 'authentication_required' });
    }
  });

  it("refuses a citizen's session on staff routes with 403", async () => {
    for (const path of ['/api/tasks/mine', '/api/users', '/api/org-units']) {
      const response = await citizen.api('GET', path);
      expect(response.status, path).toBe(403);
      expect(response.body).toMatchObject({ code: 'forbidden' });
    }
  });

  it('refuses a staff member without the permission with 403', async () => {
    const response = await caseOfficer.api('GET', '/api/users');
    expect(response).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    const allowed = await caseOfficer.api('GET', '/api/tasks/mine');
    expect(allowed).toMatchObject({ status: 200, body: { items: [] } });
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const users = await administrator.api<{ items: { id: string; email: string }[] }>('GET', '/api/users');
    const nils = users.body.items.find((user) => user.email?.startsWith('nils.berg'));
    const units = await administrator.api<{ items: { id: string; name: string }[] }>('GET', '/api/org-units');
    const unit = units.body.items.find((candidate) => candidate.name === 'Bygglovsenheten');
    const grant = { role: 'caseOfficer', orgUnitId: unit?.id };
    const missing = await administrator.api('POST', `/api/users/${nils?.id}/roles`, {
      json: grant,
      csrf: false,
    });
    expect(missing).toMatchObject({ status: 403, body: { code: 'csrf_token_invalid' } });
    const wrong = await administrator.api('POST', `/api/users/${nils?.id}/roles`, {
      json: grant,
      csrf: false,
      headers: { 'x-csrf-token': 'not-the-token' },
    });
    expect(wrong).toMatchObject({ status: 403, body: { code: 'csrf_token_invalid' } });
    const withToken = await administrator.api('POST', `/api/users/${nils?.id}/roles`, { json: grant });
    expect(withToken.status).toBe(200);
  });

  it('answers malformed JSON and schema violations with 400 problems', async () => {
    const malformed = await administrator.api('POST', '/api/api-clients', {
      raw: { body: '{"name": "broken', contentType: 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(malformed.body).toMatchObject({ code: 'malformed_request' });

    const invalid = await administrator.api('POST', '/api/api-clients', {
      json: { name: '', role: 'emperor', orgUnitId: 'not-a-uuid' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'validation_failed' });
    const paths = (invalid.body as { errors: { path: string }[] }).errors.map((error) => error.path).sort();
    expect(paths).toEqual(['body.name', 'body.orgUnitId', 'body.role']);

    const badParam = await administrator.api('POST', '/api/users/not-a-uuid/roles', {
      json: { role: 'caseOfficer', orgUnitId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(badParam).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
  });

  it('answers a wrong content type with 415', async () => {
    const response = await administrator.api('POST', '/api/api-clients', {
      raw: { body: '<xml/>', contentType: 'application/xml' },
    });
    expect(response).toMatchObject({ status: 415, body: { code: 'unsupported_media_type' } });
  });
});
