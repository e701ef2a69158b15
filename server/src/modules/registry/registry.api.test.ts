import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizens, demoStaff } from '../../../seeds/demo-municipality.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';
import type { AuditTables } from '../../platform/audit/audit.tables.ts';
import { AuditTrail } from '../../platform/audit/index.ts';
import { findOrgUnits, findStaffUserByEmail, identityDb, insertRoleAssignment } from '../identity/index.ts';
import { addCustomerRelation, endCustomerRelation, setOpenCasesSource } from './registry.extensions.ts';
import type { PersonRow } from './registry.repository.ts';
import { insertLindqvistFamily, insertProperty } from './registry.test-support.ts';

const staff = (givenName: string) =>
  demoStaff.find((person) => person.givenName === givenName)?.subject ?? '';
const elinNumber = demoCitizens.find((citizen) => citizen.givenName === 'Elin')?.personalNumber ?? '';
const johanNumber = demoCitizens.find((citizen) => citizen.givenName === 'Johan')?.personalNumber ?? '';

interface Overview {
  person: {
    id: string;
    address: unknown;
    coordinates: unknown;
    protection: string;
    contact: { phone: string | null };
  };
  children: ({ protected: true } | { protected: false; givenName: string })[];
  guardians: unknown[];
  properties: {
    designation: string;
    share: { numerator: number };
    coordinates: { wgs84: { latitude: number } };
  }[];
  organisations: { name: string }[];
}

describe.each(testBackends)('the population register on %s', (backend) => {
  let server: TestServer;
  let officer: ApiBrowser;
  let citizen: ApiBrowser;
  let elin: PersonRow;
  let oskar: PersonRow;
  let hidden: PersonRow;
  let stranger: PersonRow;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const { db } = server.database;
    ({ elin, oskar, saga: hidden, stranger } = await insertLindqvistFamily(db, elinNumber));
    await insertProperty(db, {
      designation: 'KÅLLERED 1:23',
      owners: [{ person: elin, numerator: 1, denominator: 2 }],
    });
    officer = server.browser();
    await officer.loginAsStaff(staff('Anna'));
    citizen = server.browser();
    await citizen.loginAsCitizen(elinNumber);
  });
  afterAll(async () => {
    await server?.close();
  });

  const latestAudit = async () =>
    server.database.db
      .withTables<AuditTables>()
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();

  describe('an officer', () => {
    it('finds a person by personal number and the lookup is audited with its purpose', async () => {
      const response = await officer.api<{ items: { id: string; givenName: string }[] }>(
        'POST',
        '/api/registry/person-searches',
        { json: { personalNumber: '19850101-2382', purpose: 'caseHandling', purposeText: 'BN 2026/17' } },
      );
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([expect.objectContaining({ id: elin.id, givenName: 'Elin' })]);
      const entry = await latestAudit();
      expect(entry).toMatchObject({
        action: 'registry.person.search',
        purpose: 'caseHandling: BN 2026/17',
        actor_name: 'Anna Svensson',
      });
      const audit = await AuditTrail.load(server.database.db);
      expect(entry.subject_personal_number_hmac).toBe(audit.subjectKey(elinNumber));
      expect(JSON.stringify(entry)).not.toContain(elinNumber);
    });

    it('must state a purpose, and say what it is when it is "other"', async () => {
      const none = await officer.api('POST', '/api/registry/person-searches', {
        json: { personalNumber: elinNumber },
      });
      expect(none).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
      const other = await officer.api('POST', '/api/registry/person-searches', {
        json: { personalNumber: elinNumber, purpose: 'other' },
      });
      expect(other).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
      const overview = await officer.api('GET', `/api/registry/persons/${elin.id}`);
      expect(overview).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    });

    it('never finds a protected person by name, even by the exact name and year', async () => {
      const response = await officer.api<{ items: { id: string }[] }>(
        'POST',
        '/api/registry/person-searches',
        {
          json: { familyName: 'Lindqvist', birthYear: 2016, purpose: 'serviceToTheIndividual' },
        },
      );
      expect(response.body.items.map((hit) => hit.id)).toEqual([oskar.id]);
      const exact = await officer.api<{ items: unknown[] }>('POST', '/api/registry/person-searches', {
        json: {
          familyName: 'Lindqvist',
          givenName: 'Saga',
          birthYear: 2016,
          purpose: 'serviceToTheIndividual',
        },
      });
      expect(exact.body.items).toEqual([]);
    });

    it("sees a person's children, properties and organisations, with a protected child only as protected", async () => {
      const response = await officer.api<Overview>(
        'GET',
        `/api/registry/persons/${elin.id}?purpose=caseHandling`,
      );
      expect(response.status).toBe(200);
      expect(response.body.children).toEqual([
        expect.objectContaining({ protected: false, givenName: 'Oskar' }),
        { protected: true },
      ]);
      expect(response.body.properties).toEqual([
        expect.objectContaining({ designation: 'KÅLLERED 1:23', share: { numerator: 1, denominator: 2 } }),
      ]);
      expect(response.body.properties[0]?.coordinates.wgs84.latitude).toBeCloseTo(57.68, 1);
      expect(response.body.organisations.map((organisation) => organisation.name)).toEqual([
        'Lindqvist Bygg AB',
      ]);
      expect(JSON.stringify(response.body)).not.toContain(hidden.id);
      const entry = await latestAudit();
      expect(entry).toMatchObject({
        action: 'registry.person.read',
        resource_id: elin.id,
        purpose: 'caseHandling',
      });
    });

    it('sees of a protected person no address, place or relations', async () => {
      const response = await officer.api<Overview>(
        'GET',
        `/api/registry/persons/${hidden.id}?purpose=caseHandling`,
      );
      expect(response.status).toBe(200);
      expect(response.body.person).toMatchObject({
        protection: 'protected_registration',
        address: null,
        coordinates: null,
      });
      expect(response.body.guardians).toEqual([]);
      expect(JSON.stringify(response.body)).not.toContain(elin.id);
    });

    it('sees the customer relations and open cases other modules give the person', async () => {
      const { db } = server.database;
      const [unit] = await findOrgUnits(identityDb(db));
      if (!unit) throw new Error('no org unit');
      await addCustomerRelation(db, {
        personId: elin.id,
        orgUnitId: unit.id,
        relation: 'Bygglovssökande',
        source: 'test',
        validFrom: '2024-01-01',
      });
      setOpenCasesSource(async (_db, personId) =>
        personId === elin.id
          ? [{ id: '00000000-0000-4000-8000-0000000000aa', reference: 'BN 2026/17', title: 'Bygglov' }]
          : [],
      );
      try {
        const response = await officer.api<Overview & { openCases: unknown[]; customerRelations: unknown[] }>(
          'GET',
          `/api/registry/persons/${elin.id}?purpose=caseHandling`,
        );
        expect(response.body.openCases).toEqual([expect.objectContaining({ reference: 'BN 2026/17' })]);
        expect(response.body.customerRelations).toEqual([
          { orgUnitId: unit.id, orgUnitName: unit.name, relation: 'Bygglovssökande', since: '2024-01-01' },
        ]);
        await endCustomerRelation(db, {
          personId: elin.id,
          orgUnitId: unit.id,
          relation: 'Bygglovssökande',
          validTo: '2024-06-01',
        });
        const after = await officer.api<{ customerRelations: unknown[] }>(
          'GET',
          `/api/registry/persons/${elin.id}?purpose=caseHandling`,
        );
        expect(after.body.customerRelations).toEqual([]);
      } finally {
        setOpenCasesSource(undefined);
      }
    });

    it('gets a 404 problem for a person who is not there', async () => {
      const response = await officer.api(
        'GET',
        '/api/registry/persons/00000000-0000-4000-8000-000000000000?purpose=caseHandling',
      );
      expect(response).toMatchObject({ status: 404, body: { code: 'person_not_found' } });
    });
  });

  describe('a case officer for protected identities', () => {
    it("sees a protected person's address and relations; an administrator cannot hand the role out", async () => {
      const { db } = server.database;
      const tables = identityDb(db);
      const nils = await findStaffUserByEmail(tables, 'nils.berg@molnal.example');
      const root = (await findOrgUnits(tables)).find((unit) => unit.parentId === null);
      if (!nils || !root) throw new Error('the demo lacks Nils Berg or the municipality');
      // As `karna users add-role` does: the role is granted outside the web by someone accountable.
      await insertRoleAssignment(tables, {
        userId: nils.id,
        role: 'protectedIdentityOfficer',
        orgUnitId: root.id,
        grantedBy: null,
      });
      const protectedOfficer = server.browser();
      await protectedOfficer.loginAsStaff(staff('Nils'));
      const response = await protectedOfficer.api<Overview>(
        'GET',
        `/api/registry/persons/${hidden.id}?purpose=caseHandling`,
      );
      expect(response.status).toBe(200);
      expect(response.body.person.protection).toBe('protected_registration');
      expect(response.body.guardians).toEqual([expect.objectContaining({ protected: false, id: elin.id })]);
      const parent = await protectedOfficer.api<Overview>(
        'GET',
        `/api/registry/persons/${elin.id}?purpose=caseHandling`,
      );
      expect(parent.body.children).toEqual([
        expect.objectContaining({ givenName: 'Oskar' }),
        expect.objectContaining({ protected: false, id: hidden.id }),
      ]);

      const admin = server.browser();
      await admin.loginAsStaff(staff('Ada'));
      const refused = await admin.api('POST', `/api/users/${nils.id}/roles`, {
        json: { role: 'protectedIdentityOfficer', orgUnitId: root.id },
      });
      expect(refused).toMatchObject({ status: 403, body: { code: 'role_not_grantable' } });
    });
  });

  describe('a citizen', () => {
    it('reads exactly their own record, children, properties and organisations', async () => {
      const response = await citizen.api<Overview>('GET', '/api/me/person');
      expect(response.status).toBe(200);
      expect(response.body.person.id).toBe(elin.id);
      expect(response.body.children).toEqual([
        expect.objectContaining({ protected: false, givenName: 'Oskar' }),
        { protected: true },
      ]);
      expect(response.body.properties.map((property) => property.designation)).toEqual(['KÅLLERED 1:23']);
      expect(JSON.stringify(response.body)).not.toContain(stranger.id);
    });

    it("cannot read anybody else's record by any id", async () => {
      for (const id of [stranger.id, oskar.id, hidden.id]) {
        const response = await citizen.api('GET', `/api/registry/persons/${id}?purpose=other&purposeText=x`);
        expect(response.status).toBe(403);
      }
      const search = await citizen.api('POST', '/api/registry/person-searches', {
        json: { personalNumber: '198003012385', purpose: 'caseHandling' },
      });
      expect(search.status).toBe(403);
    });

    it('corrects their own phone and e-mail, and a bad one is refused with the field named', async () => {
      const updated = await citizen.api<{ contact: { phone: string; email: string } }>(
        'PUT',
        '/api/me/contact',
        {
          json: { phone: '070-123 45 67', email: 'elin@example.se' },
        },
      );
      expect(updated.status).toBe(200);
      expect(updated.body.contact).toEqual({ phone: '070-123 45 67', email: 'elin@example.se' });
      const after = await citizen.api<Overview>('GET', '/api/me/person');
      expect(after.body.person.contact.phone).toBe('070-123 45 67');
      const bad = await citizen.api('PUT', '/api/me/contact', { json: { phone: 'call me', email: null } });
      expect(bad).toMatchObject({
        status: 400,
        body: { errors: [expect.objectContaining({ path: 'body.phone' })] },
      });
    });

    it('who is not in the register is told so', async () => {
      const johan = server.browser();
      await johan.loginAsCitizen(johanNumber);
      const response = await johan.api('GET', '/api/me/person');
      expect(response).toMatchObject({ status: 404, body: { code: 'not_in_population_register' } });
    });
  });
});
