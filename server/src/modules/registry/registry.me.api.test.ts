import { swedishDate } from '@karna/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens, demoStaff } from '../../../seeds/demo-municipality.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';
import type { AuditTables } from '../../platform/audit/audit.tables.ts';
import { verifyAuditChain } from '../../platform/audit/index.ts';
import type { PersonRow } from './registry.repository.ts';
import { prefillFor } from './registry.service.ts';
import {
  insertCustody,
  insertLindqvistFamily,
  insertOrganisation,
  insertPerson,
} from './registry.test-support.ts';

const elinNumber = demoCitizens.find((citizen) => citizen.givenName === 'Elin')?.personalNumber ?? '';
const anna = demoStaff.find((person) => person.givenName === 'Anna')?.subject ?? '';

interface Representations {
  self: { personId: string; name: string };
  children: ({ protected: true } | { protected: false; id: string; givenName: string })[];
  organisations: { id: string; name: string }[];
  actingFor: { kind: string; name: string } | null;
}

describe.each(testBackends)('acting on behalf and Mina sidor on %s', (backend) => {
  let server: TestServer;
  let elin: PersonRow;
  let oskar: PersonRow;
  let saga: PersonRow;
  let stranger: PersonRow;
  let companyId: string;
  let otherCompanyId: string;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const { db } = server.database;
    ({ elin, oskar, saga, stranger, companyId } = await insertLindqvistFamily(db, elinNumber));
    otherCompanyId = await insertOrganisation(db, {
      organisationNumber: '5560000011',
      name: 'Holms Måleri AB',
      legalForm: 'AB',
      signatories: [stranger],
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const loginAsElin = async () => {
    const browser = server.browser();
    await browser.loginAsCitizen(elinNumber);
    return browser;
  };
  const latestAudit = async () =>
    server.database.db
      .withTables<AuditTables>()
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
  const actingFor = async (browser: ApiBrowser) =>
    (await browser.api<{ actingFor: unknown }>('GET', '/api/session')).body.actingFor;

  it('lists the children in custody (a protected one only as protected) and the organisations', async () => {
    const citizen = await loginAsElin();
    const response = await citizen.api<Representations>('GET', '/api/me/representations');
    expect(response.status).toBe(200);
    expect(response.body.self).toEqual({ personId: elin.id, name: 'Elin Lindqvist' });
    expect(response.body.children).toEqual([
      expect.objectContaining({ protected: false, id: oskar.id, givenName: 'Oskar' }),
      { protected: true },
    ]);
    expect(response.body.organisations.map((organisation) => organisation.name)).toEqual([
      'Lindqvist Bygg AB',
    ]);
    expect(response.body.actingFor).toBeNull();
    expect(JSON.stringify(response.body)).not.toContain(saga.id);
  });

  it('acts for a child: the session shows it, Mina uppgifter shows the child, the audit records both', async () => {
    const citizen = await loginAsElin();
    const chosen = await citizen.api<Representations>('PUT', '/api/me/acting-for', {
      json: { kind: 'child', personId: oskar.id },
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.actingFor).toEqual({ kind: 'child', personId: oskar.id, name: 'Oskar Lindqvist' });
    expect(await actingFor(citizen)).toEqual({ kind: 'child', personId: oskar.id, name: 'Oskar Lindqvist' });

    const record = await citizen.api<{ person: { id: string }; guardians: unknown[] }>(
      'GET',
      '/api/me/person',
    );
    expect(record.status).toBe(200);
    expect(record.body.person.id).toBe(oskar.id);
    const entry = await latestAudit();
    expect(entry).toMatchObject({
      action: 'registry.person.read',
      actor_id: expect.any(String),
      actor_name: 'Elin Lindqvist',
      resource_id: oskar.id,
      on_behalf_of: { type: 'person', id: oskar.id, name: 'Oskar Lindqvist' },
    });
    // Her own contact details stay hers: correcting them while acting for a child changes hers.
    const contact = await citizen.api<{ id: string }>('PUT', '/api/me/contact', {
      json: { phone: '070-111 22 33', email: null },
    });
    expect(contact.body.id).toBe(elin.id);
    expect((await latestAudit()).on_behalf_of).toMatchObject({ id: oskar.id });

    const back = await citizen.api<Representations>('PUT', '/api/me/acting-for', { json: { kind: 'self' } });
    expect(back.body.actingFor).toBeNull();
    expect(await actingFor(citizen)).toBeNull();
    const own = await citizen.api<{ person: { id: string } }>('GET', '/api/me/person');
    expect(own.body.person.id).toBe(elin.id);
  });

  it('refuses a protected child, a stranger and an organisation she does not sign for', async () => {
    const citizen = await loginAsElin();
    for (const choice of [
      { kind: 'child', personId: saga.id },
      { kind: 'child', personId: stranger.id },
      { kind: 'child', personId: elin.id },
      { kind: 'organisation', organisationId: otherCompanyId },
    ]) {
      const response = await citizen.api('PUT', '/api/me/acting-for', { json: choice });
      expect(response).toMatchObject({ status: 403, body: { code: 'not_representing' } });
    }
    expect(await actingFor(citizen)).toBeNull();
    const entry = await latestAudit();
    expect(entry).toMatchObject({ outcome: 'denied', actor_name: 'Elin Lindqvist' });
  });

  it('acts for an organisation she signs for and reads it, but not one she does not', async () => {
    const citizen = await loginAsElin();
    const chosen = await citizen.api<Representations>('PUT', '/api/me/acting-for', {
      json: { kind: 'organisation', organisationId: companyId },
    });
    expect(chosen.body.actingFor).toMatchObject({ kind: 'organisation', name: 'Lindqvist Bygg AB' });
    const company = await citizen.api<{ signatories: { givenName: string }[] }>(
      'GET',
      `/api/me/organisations/${companyId}`,
    );
    expect(company.status).toBe(200);
    expect(company.body.signatories).toEqual([{ givenName: 'Elin', familyName: 'Lindqvist' }]);
    expect((await latestAudit()).on_behalf_of).toMatchObject({ type: 'organisation', id: companyId });
    const other = await citizen.api('GET', `/api/me/organisations/${otherCompanyId}`);
    expect(other).toMatchObject({ status: 404, body: { code: 'organisation_not_found' } });
  });

  it('cannot act for a child no longer in custody, and a choice made before the custody ended stops', async () => {
    const { db } = server.database;
    const ida = await insertPerson(db, {
      personalNumber: '201701022392',
      givenName: 'Ida',
      familyName: 'Lindqvist',
    });
    await insertCustody(db, elin, ida);
    const citizen = await loginAsElin();
    const chosen = await citizen.api('PUT', '/api/me/acting-for', {
      json: { kind: 'child', personId: ida.id },
    });
    expect(chosen.status).toBe(200);

    // The population register's change file ends the custody (e.g. moved to the other parent).
    await sql`update registry_custody set valid_to = ${swedishDate()} where child_id = ${ida.id}`.execute(db);

    const record = await citizen.api('GET', '/api/me/person');
    expect(record).toMatchObject({ status: 403, body: { code: 'not_representing' } });
    expect(await actingFor(citizen)).toBeNull();
    const again = await citizen.api('PUT', '/api/me/acting-for', {
      json: { kind: 'child', personId: ida.id },
    });
    expect(again).toMatchObject({ status: 403, body: { code: 'not_representing' } });
    const representations = await citizen.api<Representations>('GET', '/api/me/representations');
    expect(JSON.stringify(representations.body.children)).not.toContain(ida.id);
  });

  it('tells the person which officers looked them up, when and why (GDPR art. 15)', async () => {
    const officer = server.browser();
    await officer.loginAsStaff(anna);
    await officer.api('GET', `/api/registry/persons/${elin.id}?purpose=other&purposeText=Telefonsamtal`);
    await officer.api('GET', `/api/registry/persons/${stranger.id}?purpose=caseHandling`);
    const citizen = await loginAsElin();
    const response = await citizen.api<{
      items: { officer: string; kind: string; purpose: string | null }[];
    }>('GET', '/api/me/lookups');
    expect(response.status).toBe(200);
    expect(response.body.items[0]).toMatchObject({
      officer: 'Anna Svensson',
      kind: 'overview',
      purpose: 'other',
      purposeText: 'Telefonsamtal',
    });
    // Only lookups of her: the officer's read of another person is not among them.
    expect(response.body.items).toHaveLength(1);
  });

  it('prefills an e-service with her record, the children she may act for, and her organisation', async () => {
    const prefill = await prefillFor(server.database.db, elinNumber);
    expect(prefill?.person).toMatchObject({ id: elin.id, givenName: 'Elin' });
    expect(prefill?.children.map((child) => child.id)).toContain(oskar.id);
    expect(JSON.stringify(prefill)).not.toContain(saga.id);
    expect(prefill?.organisations.map((organisation) => organisation.name)).toEqual(['Lindqvist Bygg AB']);
    expect(await prefillFor(server.database.db, '198003012393')).toBeUndefined();
  });

  it('keeps the audit chain whole with entries made on behalf of someone', async () => {
    const verification = await verifyAuditChain(server.database.db);
    expect(verification).toMatchObject({ ok: true });
  });
});
