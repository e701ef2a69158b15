import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../../../seeds/demo-municipality.ts';
import {
  type ApiBrowser,
  openTestDatabase,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';
import type { AuditTables } from '../../platform/audit/audit.tables.ts';
import type { PersonRow } from './registry.repository.ts';
import { insertCustody, insertPerson, insertProperty } from './registry.test-support.ts';

const staff = (givenName: string) =>
  demoStaff.find((person) => person.givenName === givenName)?.subject ?? '';

interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}
interface SyncedPerson {
  id: string;
  address: unknown;
  coordinates: unknown;
  protection: string;
  guardianIds: string[];
  changedAt: string;
}

describe.each(testBackends)('the registers for systems that keep in step, on %s', (backend) => {
  let server: TestServer;
  let admin: ApiBrowser;
  let integration: (path: string) => Promise<{ status: number; body: unknown }>;
  let parent: PersonRow;
  let child: PersonRow;
  let hidden: PersonRow;

  beforeAll(async () => {
    server = await startTestServer(backend);
    const { db } = server.database;
    parent = await insertPerson(db, { personalNumber: '198003012385', givenName: 'Pia', familyName: 'Holm' });
    child = await insertPerson(db, {
      personalNumber: '201605012382',
      givenName: 'Oskar',
      familyName: 'Holm',
    });
    hidden = await insertPerson(db, {
      personalNumber: '201605032380',
      givenName: 'Saga',
      familyName: 'Holm',
      protection: 'protected_registration',
      address: null,
    });
    await insertCustody(db, parent, child);
    await insertCustody(db, parent, hidden);
    await insertProperty(db, {
      designation: 'KÅLLERED 1:23',
      owners: [
        { person: parent, numerator: 1, denominator: 2 },
        { person: hidden, numerator: 1, denominator: 2 },
      ],
    });
    admin = server.browser();
    await admin.loginAsStaff(staff('Ada'));
    const units = await admin.api<{ items: { id: string; parentId: string | null }[] }>(
      'GET',
      '/api/org-units',
    );
    const root = units.body.items.find((unit) => unit.parentId === null);
    const created = await admin.api<{ apiKey: string }>('POST', '/api/api-clients', {
      json: { name: 'Skolsystemet', role: 'itDepartment', orgUnitId: root?.id },
    });
    expect(created.status).toBe(201);
    const keyed = server.browser();
    integration = (path) =>
      keyed.api('GET', path, { headers: { authorization: `Bearer ${created.body.apiKey}` } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const readAll = async (first: string) => {
    const seen: SyncedPerson[] = [];
    let path: string | null = first;
    while (path) {
      const response = (await integration(path)) as { status: number; body: Page<SyncedPerson> };
      expect(response.status).toBe(200);
      seen.push(...response.body.items);
      path = response.body.nextCursor
        ? `/api/registry/sync/persons?limit=2&cursor=${response.body.nextCursor}`
        : null;
    }
    return seen;
  };

  it('pages through every person once, in the order of change, each page audited', async () => {
    const seen = await readAll('/api/registry/sync/persons?limit=2');
    expect(seen.map((person) => person.id).sort()).toEqual([parent.id, child.id, hidden.id].sort());
    const times = seen.map((person) => person.changedAt);
    expect([...times].sort()).toEqual(times);
    const entry = await server.database.db
      .withTables<AuditTables>()
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      action: 'registry.sync.persons',
      actor_type: 'apiClient',
      purpose: 'sync',
    });
  });

  it('gives a protected person without address, place or guardians, and keeps protected owners unnamed', async () => {
    const seen = await readAll('/api/registry/sync/persons?limit=2');
    const protectedOne = seen.find((person) => person.id === hidden.id);
    expect(protectedOne).toMatchObject({
      protection: 'protected_registration',
      address: null,
      coordinates: null,
      guardianIds: [],
    });
    expect(seen.find((person) => person.id === child.id)?.guardianIds).toEqual([parent.id]);
    const properties = (await integration('/api/registry/sync/properties')) as {
      body: Page<{ owners: { personId: string | null }[] }>;
    };
    expect(properties.body.items[0]?.owners.map((owner) => owner.personId)).toEqual([parent.id, null]);
    expect(JSON.stringify(properties.body)).not.toContain(hidden.id);
  });

  it('answers only what changed since a moment, and a changed person again', async () => {
    const later = new Date(Date.now() + 60_000).toISOString();
    const none = (await integration(
      `/api/registry/sync/persons?changedSince=${encodeURIComponent(later)}`,
    )) as {
      body: Page<SyncedPerson>;
    };
    expect(none.body).toEqual({ items: [], nextCursor: null });
    const before = new Date().toISOString();
    const citizen = server.browser();
    await insertPerson(server.database.db, {
      personalNumber: '198501012382',
      givenName: 'Elin',
      familyName: 'Lindqvist',
    });
    await citizen.loginAsCitizen('198501012382');
    await citizen.api('PUT', '/api/me/contact', { json: { phone: '070-123 45 67', email: null } });
    const changed = (await integration(
      `/api/registry/sync/persons?changedSince=${encodeURIComponent(before)}`,
    )) as {
      body: Page<SyncedPerson & { contact: { phone: string } }>;
    };
    expect(changed.body.items.map((person) => person.contact.phone)).toEqual(['070-123 45 67']);
  });

  it('refuses a cursor it did not give out, and a staff member without the permission', async () => {
    const forged = await integration('/api/registry/sync/persons?cursor=bm90LWEtY3Vyc29y');
    expect(forged).toMatchObject({ status: 400, body: { code: 'invalid_cursor' } });
    const officer = server.browser();
    await officer.loginAsStaff(staff('Anna'));
    expect((await officer.api('GET', '/api/registry/sync/persons')).status).toBe(403);
  });

  // A change is stamped when its transaction starts, but becomes visible when it commits: a feed in
  // the order of change time would page past a long import's rows while it ran. Two connections
  // are needed to show it, so this runs on PostgreSQL only.
  it.skipIf(backend !== 'postgres')(
    'holds a page at a change still uncommitted, then gives it and what came after, while a long transaction in another database holds nothing back',
    async () => {
      const { db } = server.database;
      const touch = (on: Kysely<unknown>, person: PersonRow, email: string) =>
        sql`update registry_persons set email = ${email}, updated_at = now() where id = ${person.id}`.execute(
          on,
        );
      const follow = async (cursor: string | undefined) => {
        const ids: string[] = [];
        let next = cursor;
        for (;;) {
          const query = next ? `limit=1&cursor=${next}` : 'limit=1';
          const page = (await integration(`/api/registry/sync/persons?${query}`)) as {
            body: Page<SyncedPerson>;
          };
          ids.push(...page.body.items.map((person) => person.id));
          if (!page.body.nextCursor) return { ids, cursor: next };
          next = page.body.nextCursor;
        }
      };
      const start = await follow(undefined);
      let held: { ids: string[]; cursor: string | undefined } = { ids: [], cursor: undefined };
      await db.transaction().execute(async (slow) => {
        await touch(slow, parent, 'pia@example.se');
        await touch(db, child, 'oskar@example.se');
        held = await follow(start.cursor);
      });
      expect(held.ids).not.toContain(child.id);
      const released = await follow(held.cursor);
      expect(released.ids).toEqual(expect.arrayContaining([parent.id, child.id]));
      expect(released.ids.indexOf(parent.id)).toBeLessThan(released.ids.indexOf(child.id));

      const elsewhere = await openTestDatabase('postgres');
      try {
        await elsewhere.db.transaction().execute(async (other) => {
          await sql`select pg_current_xact_id()`.execute(other);
          await touch(db, hidden, 'saga@example.se');
          expect((await follow(released.cursor)).ids).toContain(hidden.id);
        });
      } finally {
        await elsewhere.close();
      }
    },
  );

  describe('information types', () => {
    const input = (key: string, nameSv: string) => ({
      key,
      nameSv,
      nameEn: nameSv,
      description: 'Vem som är kund hos kommunen och dess bolag.',
      sourceSystem: 'Kärna folkbokföring',
      sourceSystemRef: null,
      stewardOrgUnitId: null,
      concepts: [{ term: 'Kund', definition: 'En person eller organisation som tar emot en tjänst.' }],
    });

    it('are designated, listed in Swedish order, changed, and refused when the key is taken', async () => {
      const created = await admin.api<{ id: string }>('POST', '/api/master-data/information-types', {
        json: input('partner', 'Ärende och kund'),
      });
      expect(created.status).toBe(201);
      await admin.api('POST', '/api/master-data/information-types', { json: input('zone', 'Zon') });
      const taken = await admin.api('POST', '/api/master-data/information-types', {
        json: input('partner', 'Kund'),
      });
      expect(taken).toMatchObject({ status: 409, body: { code: 'information_type_exists' } });
      const list = await admin.api<{ items: { nameSv: string }[] }>(
        'GET',
        '/api/master-data/information-types',
      );
      const names = list.body.items.map((item) => item.nameSv);
      expect(names.indexOf('Zon')).toBeLessThan(names.indexOf('Ärende och kund'));
      const updated = await admin.api<{ sourceSystem: string }>(
        'PUT',
        `/api/master-data/information-types/${created.body.id}`,
        { json: { ...input('partner', 'Kund'), sourceSystem: 'Kundregistret' } },
      );
      expect(updated.body.sourceSystem).toBe('Kundregistret');
    });

    it('refuse an unknown steward unit and an unknown type', async () => {
      const unknownUnit = await admin.api('POST', '/api/master-data/information-types', {
        json: {
          ...input('contractor', 'Leverantör'),
          stewardOrgUnitId: '00000000-0000-4000-8000-000000000000',
        },
      });
      expect(unknownUnit).toMatchObject({ status: 400, body: { code: 'unknown_org_unit' } });
      const missing = await admin.api(
        'PUT',
        '/api/master-data/information-types/00000000-0000-4000-8000-000000000000',
        { json: input('contractor', 'Leverantör') },
      );
      expect(missing).toMatchObject({ status: 404, body: { code: 'information_type_not_found' } });
    });
  });
});
