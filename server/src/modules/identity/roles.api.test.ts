import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../../../seeds/demo-municipality.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';
import { createTask } from '../tasks/index.ts';

const subject = (givenName: string) =>
  demoStaff.find((person) => person.givenName === givenName)?.subject ?? '';

interface StaffUserBody {
  id: string;
  email: string | null;
  roles: { role: string; orgUnitId: string; orgUnitName: string }[];
}

describe.each(testBackends)('roles, tasks and API clients on %s', (backend) => {
  let server: TestServer;
  let ada: ApiBrowser;
  let units: Map<string, string>;
  let users: Map<string, StaffUserBody>;
  beforeAll(async () => {
    server = await startTestServer(backend);
    ada = server.browser();
    await ada.loginAsStaff(subject('Ada'));
    const unitList = await ada.api<{ items: { id: string; name: string }[] }>('GET', '/api/org-units');
    units = new Map(unitList.body.items.map((unit) => [unit.name, unit.id]));
    const userList = await ada.api<{ items: StaffUserBody[] }>('GET', '/api/users');
    users = new Map(userList.body.items.map((user) => [user.email?.split('.')[0] ?? '', user]));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists staff in Swedish alphabetical order with their roles', async () => {
    const response = await ada.api<{ items: { familyName: string }[] }>('GET', '/api/users');
    const names = response.body.items.map((user) => user.familyName);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv').compare));
    expect(users.get('anna')?.roles).toEqual([
      { role: 'caseOfficer', orgUnitId: units.get('Bygglovsenheten'), orgUnitName: 'Bygglovsenheten' },
    ]);
  });

  it('lets an administrator grant and revoke a role, which takes effect at once', async () => {
    const nils = server.browser();
    await nils.loginAsStaff(subject('Nils'));
    expect((await nils.api('GET', '/api/tasks/mine')).status).toBe(403);

    const nilsId = users.get('nils')?.id;
    const grant = { role: 'registrar', orgUnitId: units.get('Socialnämnden') };
    const granted = await ada.api<StaffUserBody>('POST', `/api/users/${nilsId}/roles`, { json: grant });
    expect(granted.status).toBe(200);
    expect(granted.body.roles).toEqual([{ ...grant, orgUnitName: 'Socialnämnden' }]);
    expect((await nils.api('GET', '/api/tasks/mine')).status).toBe(200);

    const query = `role=registrar&orgUnitId=${grant.orgUnitId}`;
    const revoked = await ada.api<StaffUserBody>('DELETE', `/api/users/${nilsId}/roles?${query}`);
    expect(revoked.body.roles).toEqual([]);
    expect((await nils.api('GET', '/api/tasks/mine')).status).toBe(403);
  });

  it('keeps an administrator of one board from granting roles in another', async () => {
    const rezaId = users.get('reza')?.id;
    await ada.api('POST', `/api/users/${rezaId}/roles`, {
      json: { role: 'administrator', orgUnitId: units.get('Byggnadsnämnden') },
    });
    const reza = server.browser();
    await reza.loginAsStaff(subject('Reza'));
    const inside = await reza.api('POST', `/api/users/${users.get('nils')?.id}/roles`, {
      json: { role: 'caseOfficer', orgUnitId: units.get('Bygglovsenheten') },
    });
    expect(inside.status).toBe(200);
    const outside = await reza.api('POST', `/api/users/${users.get('nils')?.id}/roles`, {
      json: { role: 'caseOfficer', orgUnitId: units.get('Försörjningsstöd') },
    });
    expect(outside).toMatchObject({ status: 403, body: { code: 'role_not_in_scope' } });
  });

  it('answers unknown users and units with 404 problems', async () => {
    const unknownUser = await ada.api('POST', '/api/users/00000000-0000-4000-8000-000000000000/roles', {
      json: { role: 'caseOfficer', orgUnitId: units.get('Bygglovsenheten') },
    });
    expect(unknownUser).toMatchObject({ status: 404, body: { code: 'user_not_found' } });
    const unknownUnit = await ada.api('POST', `/api/users/${users.get('anna')?.id}/roles`, {
      json: { role: 'caseOfficer', orgUnitId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownUnit).toMatchObject({ status: 404, body: { code: 'org_unit_not_found' } });
  });

  it("shows a unit's tasks to its case officers and not to other units", async () => {
    const bygglov = units.get('Bygglovsenheten') ?? '';
    await createTask(server.database.db, {
      title: 'Granska ansökan om bygglov',
      orgUnitId: bygglov,
      dueAt: new Date('2026-12-01T09:00:00Z'),
      source: { module: 'test', reference: 'bygglov-1' },
    });
    const anna = server.browser();
    await anna.loginAsStaff(subject('Anna'));
    const annasTasks = await anna.api<{ items: { title: string; orgUnitName: string; dueAt: string }[] }>(
      'GET',
      '/api/tasks/mine',
    );
    expect(annasTasks.body.items).toEqual([
      expect.objectContaining({
        title: 'Granska ansökan om bygglov',
        orgUnitName: 'Bygglovsenheten',
        dueAt: '2026-12-01T09:00:00.000Z',
      }),
    ]);
    const karin = server.browser();
    await karin.loginAsStaff(subject('Karin'));
    expect((await karin.api<{ items: unknown[] }>('GET', '/api/tasks/mine')).body.items).toEqual([]);
  });

  it('lets an integration call the API with a key, without CSRF, until the key is revoked', async () => {
    const created = await ada.api<{ client: { id: string; keyId: string }; apiKey: string }>(
      'POST',
      '/api/api-clients',
      {
        json: {
          name: 'Ekonomisystemet',
          role: 'caseOfficer',
          orgUnitId: units.get('Stadsbyggnadsförvaltningen'),
        },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.apiKey).toMatch(/^karna_[A-Za-z0-9]{16}_/);
    const integration = server.browser();
    const authorization = { authorization: `Bearer ${created.body.apiKey}` };
    const tree = await integration.api('GET', '/api/org-units', { headers: authorization });
    expect(tree.status).toBe(200);
    expect((await integration.api('GET', '/api/users', { headers: authorization })).status).toBe(403);

    const listed = await ada.api<{ items: { id: string; lastUsedAt: string | null }[] }>(
      'GET',
      '/api/api-clients',
    );
    expect(
      listed.body.items.find((client) => client.id === created.body.client.id)?.lastUsedAt,
    ).not.toBeNull();
    // The secret is everything after `karna_<keyId>_` (it may itself contain `_`).
    const secret = created.body.apiKey.slice(`karna_${created.body.client.keyId}_`.length);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const revoke = await ada.api('DELETE', `/api/api-clients/${created.body.client.id}`);
    expect(revoke.status).toBe(204);
    expect((await integration.api('GET', '/api/org-units', { headers: authorization })).status).toBe(401);
    const wrongSecret = created.body.apiKey.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expect(
      (
        await integration.api('GET', '/api/org-units', {
          headers: { authorization: `Bearer ${wrongSecret}` },
        })
      ).status,
    ).toBe(401);
  });

  describe('a scoped administrator (Maja Ström, administrator for Byggnadsnämnden)', () => {
    let maja: ApiBrowser;
    const createClient = (browser: ApiBrowser, role: string, unit: string, headers = {}) =>
      browser.api<{ client: { id: string }; apiKey: string }>('POST', '/api/api-clients', {
        json: { name: `Klient ${role} ${unit}`, role, orgUnitId: units.get(unit) },
        headers,
      });
    beforeAll(async () => {
      maja = server.browser();
      await maja.loginAsStaff(subject('Maja'));
    });

    it('sees only the staff and roles within her board, and staff without any role', async () => {
      const listed = await maja.api<{ items: StaffUserBody[] }>('GET', '/api/users');
      const byEmail = new Map(listed.body.items.map((user) => [user.email?.split('.')[0] ?? '', user]));
      expect(byEmail.get('anna')?.roles.map((role) => role.orgUnitName)).toEqual(['Bygglovsenheten']);
      expect(byEmail.has('karin')).toBe(false);
      expect(byEmail.has('ada')).toBe(false);
      expect(byEmail.has('nils') || byEmail.has('reza')).toBe(true);
      for (const user of listed.body.items) {
        for (const role of user.roles) {
          expect(['Byggnadsnämnden', 'Stadsbyggnadsförvaltningen', 'Bygglovsenheten']).toContain(
            role.orgUnitName,
          );
        }
      }
    });

    it('cannot create an API client outside her board', async () => {
      const outside = await createClient(maja, 'administrator', 'Mölnåls stad');
      expect(outside).toMatchObject({ status: 403, body: { code: 'role_not_in_scope' } });
      const otherBoard = await createClient(maja, 'caseOfficer', 'Försörjningsstöd');
      expect(otherBoard).toMatchObject({ status: 403, body: { code: 'role_not_in_scope' } });
      const inside = await createClient(maja, 'administrator', 'Stadsbyggnadsförvaltningen');
      expect(inside.status).toBe(201);
    });

    it('holds her API client to the same rule: no role grants or clients outside the board', async () => {
      const created = await createClient(maja, 'administrator', 'Byggnadsnämnden');
      const key = { authorization: `Bearer ${created.body.apiKey}` };
      const integration = server.browser();
      const nilsId = users.get('nils')?.id;
      const selfPromotion = await integration.api('POST', `/api/users/${nilsId}/roles`, {
        json: { role: 'administrator', orgUnitId: units.get('Mölnåls stad') },
        headers: key,
      });
      expect(selfPromotion).toMatchObject({ status: 403, body: { code: 'role_not_in_scope' } });
      const widerClient = await createClient(integration, 'administrator', 'Mölnåls stad', key);
      expect(widerClient).toMatchObject({ status: 403, body: { code: 'role_not_in_scope' } });
      const inside = await integration.api('POST', `/api/users/${nilsId}/roles`, {
        json: { role: 'caseOfficer', orgUnitId: units.get('Bygglovsenheten') },
        headers: key,
      });
      expect(inside.status).toBe(200);
    });

    it("neither lists nor revokes another unit's API clients", async () => {
      const adas = await createClient(ada, 'caseOfficer', 'Försörjningsstöd');
      expect(adas.status).toBe(201);
      const majas = await maja.api<{ items: { id: string; orgUnitId: string }[] }>('GET', '/api/api-clients');
      const boardUnits = ['Byggnadsnämnden', 'Stadsbyggnadsförvaltningen', 'Bygglovsenheten'].map((name) =>
        units.get(name),
      );
      expect(majas.body.items.length).toBeGreaterThan(0);
      for (const client of majas.body.items) expect(boardUnits).toContain(client.orgUnitId);
      expect(majas.body.items.map((client) => client.id)).not.toContain(adas.body.client.id);

      const revoke = await maja.api('DELETE', `/api/api-clients/${adas.body.client.id}`);
      expect(revoke).toMatchObject({ status: 404, body: { code: 'api_client_not_found' } });
      const stillWorks = await server
        .browser()
        .api('GET', '/api/org-units', { headers: { authorization: `Bearer ${adas.body.apiKey}` } });
      expect(stillWorks.status).toBe(200);
      const adasList = await ada.api<{ items: { id: string }[] }>('GET', '/api/api-clients');
      expect(adasList.body.items.map((client) => client.id)).toContain(adas.body.client.id);
    });
  });
});
