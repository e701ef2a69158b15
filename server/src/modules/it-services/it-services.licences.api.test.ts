import type {
  LicencePoolDetail,
  LicencePoolInput,
  LicencePoolListResponse,
  LicenceUsageResult,
} from '@karna/contracts';
import { swedishDate } from '@karna/contracts';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../../../seeds/demo-municipality.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';
import type { AuditTables } from '../../platform/audit/audit.tables.ts';
import { ItServicesAccess } from './it-services.access.ts';
import { seedLicences } from './it-services.licences.seed.ts';
import { addDays, listLicencePools } from './it-services.licences.ts';

const staff = (givenName: string) =>
  demoStaff.find((person) => person.givenName === givenName)?.subject ?? '';

type Problem = { code: string; errors?: { path: string; message: string }[] };

function poolInput(name: string, changes: Partial<LicencePoolInput> = {}): LicencePoolInput {
  return {
    name,
    systemId: null,
    supplier: 'Testleverantören AB',
    purchased: 2,
    unitPriceOre: 120_000,
    renewalOn: '2027-03-31',
    notes: null,
    ...changes,
  };
}

describe.each(testBackends)('licence administration on %s', (backend) => {
  let server: TestServer;
  let ivar: ApiBrowser; // IT department: keeps the licences
  let anna: ApiBrowser; // case officer: sees nothing here
  const people = new Map<string, string>(); // e-mail → user id
  const today = swedishDate();
  let pool: LicencePoolDetail;

  const detail = async (id: string) => {
    const response = await ivar.api<LicencePoolDetail>('GET', `/api/it-services/licence-pools/${id}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const assign = (poolId: string, email: string, from: string) =>
    ivar.api<LicencePoolDetail & Problem>('POST', `/api/it-services/licence-pools/${poolId}/assignments`, {
      json: { personId: people.get(email), from },
    });
  const csv = (poolId: string, body: string) =>
    ivar.api<LicenceUsageResult & Problem>('POST', `/api/it-services/licence-pools/${poolId}/usage/file`, {
      raw: { body, contentType: 'text/csv' },
    });
  const assignmentOf = (of: LicencePoolDetail, email: string) =>
    of.assignments.find((row) => row.personId === people.get(email));
  const backdate = async (assignmentId: string, from: string, lastUsedOn: string | null) => {
    await server.database.db
      .withTables<{
        it_licence_assignments: { id: string; from_on: string; last_used_on: string | null };
      }>()
      .updateTable('it_licence_assignments')
      .set({ from_on: from, last_used_on: lastUsedOn })
      .where('id', '=', assignmentId)
      .execute();
  };

  beforeAll(async () => {
    server = await startTestServer(backend);
    [ivar, anna] = [server.browser(), server.browser()];
    await ivar.loginAsStaff(staff('Ivar'));
    await anna.loginAsStaff(staff('Anna'));
    const users = await ivar.api<{ items: { id: string; email: string }[] }>('GET', '/api/users');
    for (const user of users.body.items) people.set(user.email, user.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps a pool per application with a unique name and an existing system', async () => {
    const created = await ivar.api<LicencePoolDetail>('POST', '/api/it-services/licence-pools', {
      json: poolInput('Testlicens Ritprogram'),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    pool = created.body;
    expect(pool.figures).toEqual({
      purchased: 2,
      assigned: 0,
      unassigned: 2,
      used: 0,
      unused: 2,
      suggestedForRelease: 0,
      costPerYearOre: 240_000,
      unusedCostPerYearOre: 240_000,
    });
    expect(pool).toMatchObject({ system: null, assignments: [], released: [], suggestions: [] });

    const taken = await ivar.api<Problem>('POST', '/api/it-services/licence-pools', {
      json: poolInput('TESTLICENS RITPROGRAM'),
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('licence_pool_name_taken');
    const noSystem = await ivar.api<Problem>('POST', '/api/it-services/licence-pools', {
      json: poolInput('Testlicens utan system', { systemId: crypto.randomUUID() }),
    });
    expect(noSystem.body.code).toBe('licence_pool_system_unknown');
    const negative = await ivar.api<Problem>('POST', '/api/it-services/licence-pools', {
      json: poolInput('Testlicens negativ', { purchased: -1 }),
    });
    expect(negative.status).toBe(400);
    expect(negative.body.code).toBe('validation_failed');

    const systems = await ivar.api<{ items: { id: string; name: string }[] }>(
      'GET',
      '/api/portfolio/systems?q=Microsoft%20365',
    );
    const m365 = systems.body.items.find((system) => system.name === 'Microsoft 365');
    const withSystem = await ivar.api<LicencePoolDetail>('POST', '/api/it-services/licence-pools', {
      json: poolInput('Testlicens Microsoft 365 F3', { systemId: m365?.id ?? null, purchased: 5 }),
    });
    expect(withSystem.status).toBe(201);
    expect(withSystem.body.system).toEqual({ id: m365?.id, name: 'Microsoft 365' });
    const renamed = await ivar.api<LicencePoolDetail>(
      'PUT',
      `/api/it-services/licence-pools/${withSystem.body.id}`,
      {
        json: poolInput('Testlicens Microsoft 365 F1', { systemId: null, purchased: 7, notes: 'Bytt plan.' }),
      },
    );
    expect(renamed.body).toMatchObject({
      name: 'Testlicens Microsoft 365 F1',
      system: null,
      notes: 'Bytt plan.',
    });
  });

  it('assigns licences to staff up to the purchased count, one per person', async () => {
    const first = await assign(pool.id, 'anna.svensson@molnal.example', addDays(today, -10));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(assignmentOf(first.body, 'anna.svensson@molnal.example')).toMatchObject({
      name: 'Anna Svensson',
      email: 'anna.svensson@molnal.example',
      to: null,
      lastUsedOn: null,
    });
    const again = await assign(pool.id, 'anna.svensson@molnal.example', today);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('licence_already_assigned');
    expect((await assign(pool.id, 'karin.ek@molnal.example', addDays(today, -5))).status).toBe(201);

    const full = await assign(pool.id, 'nils.berg@molnal.example', today);
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('licence_pool_full');
    const stranger = await ivar.api<Problem>(
      'POST',
      `/api/it-services/licence-pools/${pool.id}/assignments`,
      {
        json: { personId: crypto.randomUUID(), from: today },
      },
    );
    expect(stranger.status).toBe(400);
    expect(stranger.body.code).toBe('licence_person_unknown');
    const noPool = await ivar.api<Problem>(
      'POST',
      `/api/it-services/licence-pools/${crypto.randomUUID()}/assignments`,
      { json: { personId: people.get('nils.berg@molnal.example'), from: today } },
    );
    expect(noPool.status).toBe(404);

    const fewer = await ivar.api<Problem>('PUT', `/api/it-services/licence-pools/${pool.id}`, {
      json: poolInput('Testlicens Ritprogram', { purchased: 1 }),
    });
    expect(fewer.status).toBe(409);
    expect(fewer.body.code).toBe('licence_purchased_below_assigned');
    const more = await ivar.api<LicencePoolDetail>('PUT', `/api/it-services/licence-pools/${pool.id}`, {
      json: poolInput('Testlicens Ritprogram', { purchased: 3 }),
    });
    expect(more.body.figures).toMatchObject({ purchased: 3, assigned: 2, unassigned: 1 });
    expect((await assign(pool.id, 'nils.berg@molnal.example', today)).status).toBe(201);
  });

  it('imports the report of use all or nothing, as CSV or JSON, naming the rows in error', async () => {
    const bad = await csv(
      pool.id,
      [
        'e-post;senast använd',
        `anna.svensson@molnal.example;${addDays(today, -3)}`,
        'okand.person@molnal.example;2026-01-05',
        `reza.karimi@molnal.example;${addDays(today, -3)}`,
        'karin.ek@molnal.example;5 januari',
        '',
        `nils.berg@molnal.example;${addDays(today, 2)}`,
        'ANNA.SVENSSON@molnal.example;',
        'inte en adress;2026-01-05;extra',
      ].join('\n'),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('licence_usage_invalid');
    expect(bad.body.errors?.map((error) => error.path)).toEqual([
      'rad 3',
      'rad 4',
      'rad 5',
      'rad 7',
      'rad 8',
      'rad 9',
    ]);
    expect(bad.body.errors?.[0]?.message).toBe('anger ingen medarbetare');
    expect(bad.body.errors?.[1]?.message).toBe('anger någon som inte har en licens i poolen');
    expect(bad.body.errors?.[4]?.message).toBe('upprepar e-postadressen på rad 2');
    // Nothing was written: Anna's good row waits for a good file.
    expect(assignmentOf(await detail(pool.id), 'anna.svensson@molnal.example')?.lastUsedOn).toBeNull();

    const hostile = await csv(pool.id, 'e-post;senast använd\nada\u0000@molnal.example;2026-01-05\n');
    expect(hostile.body.errors).toEqual([{ path: 'rad 2', message: 'ska vara en e-postadress' }]);
    const headings = await csv(pool.id, 'namn;datum\nanna.svensson@molnal.example;2026-01-05\n');
    expect(headings.body.errors).toEqual([
      { path: 'rad 1', message: 'ska vara rubrikerna e-post;senast använd' },
    ]);
    const json = await ivar.api<Problem>('POST', `/api/it-services/licence-pools/${pool.id}/usage`, {
      json: { items: [] },
    });
    expect(json.status).toBe(400);

    // A spreadsheet's export: a byte-order mark, commas, an empty date for never used.
    const good = await csv(
      pool.id,
      `\uFEFFE-post,Senast använd\r\nanna.svensson@molnal.example,${addDays(today, -3)}\r\nkarin.ek@molnal.example,\r\n`,
    );
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body).toMatchObject({ rows: 2, updated: 1 });
    expect(assignmentOf(good.body.pool, 'anna.svensson@molnal.example')?.lastUsedOn).toBe(addDays(today, -3));
    expect(good.body.pool.usageImportedAt).not.toBeNull();

    const unknown = await ivar.api<Problem>('POST', `/api/it-services/licence-pools/${pool.id}/usage`, {
      json: { items: [{ email: 'okand.person@molnal.example', lastUsedOn: today }] },
    });
    expect(unknown.body.errors).toEqual([{ path: 'items.0.email', message: 'anger ingen medarbetare' }]);
    // An older report does not move a later use back.
    const json2 = await ivar.api<LicenceUsageResult>(
      'POST',
      `/api/it-services/licence-pools/${pool.id}/usage`,
      {
        json: {
          items: [
            { email: 'Anna.Svensson@molnal.example', lastUsedOn: addDays(today, -30) },
            { email: 'nils.berg@molnal.example', lastUsedOn: addDays(today, -1) },
          ],
        },
      },
    );
    expect(json2.status, JSON.stringify(json2.body)).toBe(200);
    expect(json2.body.updated).toBe(1);
    expect(assignmentOf(json2.body.pool, 'anna.svensson@molnal.example')?.lastUsedOn).toBe(
      addDays(today, -3),
    );
    expect(json2.body.pool.figures).toMatchObject({ assigned: 3, used: 2, unused: 1 });
  });

  it('counts use within 90 days and suggests licences held 90 days without use for release', async () => {
    const before = await detail(pool.id);
    const [annas, karins, nilss] = ['anna', 'karin.ek', 'nils'].map(
      (name) => before.assignments.find((row) => row.email?.startsWith(name))?.id ?? '',
    );
    // Turn the clock back: Anna has held hers for 200 days, last used 120 days ago; Karin for 100
    // days and never used it; Nils got his 30 days ago and used it 95 days ago (an earlier licence).
    await backdate(annas ?? '', addDays(today, -200), addDays(today, -120));
    await backdate(karins ?? '', addDays(today, -100), null);
    await backdate(nilss ?? '', addDays(today, -30), addDays(today, -95));
    const after = await detail(pool.id);
    expect(after.figures).toEqual({
      purchased: 3,
      assigned: 3,
      unassigned: 0,
      used: 0,
      unused: 3,
      suggestedForRelease: 2,
      costPerYearOre: 360_000,
      unusedCostPerYearOre: 360_000,
    });
    expect(after.suggestions).toEqual([
      {
        assignmentId: karins,
        personId: people.get('karin.ek@molnal.example'),
        name: 'Karin Ek',
        from: addDays(today, -100),
        lastUsedOn: null,
        daysSinceUse: null,
        daysAssigned: 100,
      },
      {
        assignmentId: annas,
        personId: people.get('anna.svensson@molnal.example'),
        name: 'Anna Svensson',
        from: addDays(today, -200),
        lastUsedOn: addDays(today, -120),
        daysSinceUse: 120,
        daysAssigned: 200,
      },
    ]);
    // Used on the 90th day back still counts as used.
    await backdate(annas ?? '', addDays(today, -200), addDays(today, -90));
    const list = await ivar.api<LicencePoolListResponse>('GET', '/api/it-services/licence-pools');
    const listed = list.body.items.find((item) => item.id === pool.id);
    expect(listed?.figures).toMatchObject({ used: 1, unused: 2, suggestedForRelease: 1 });
    expect(list.body.totals.unusedCostPerYearOre).toBeGreaterThanOrEqual(240_000);
  });

  it('releases a licence as history and lets it be assigned again', async () => {
    const before = await detail(pool.id);
    const karin = assignmentOf(before, 'karin.ek@molnal.example')?.id;
    const path = `/api/it-services/licence-pools/${pool.id}/assignments/${karin}/release`;
    const future = await ivar.api<Problem>('POST', path, { json: { on: addDays(today, 1) } });
    expect(future.status).toBe(409);
    expect(future.body.code).toBe('licence_release_date_invalid');
    const early = await ivar.api<Problem>('POST', path, { json: { on: addDays(today, -101) } });
    expect(early.body.code).toBe('licence_release_date_invalid');
    const released = await ivar.api<LicencePoolDetail>('POST', path, { json: { on: today } });
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(assignmentOf(released.body, 'karin.ek@molnal.example')).toBeUndefined();
    expect(released.body.released).toEqual([
      expect.objectContaining({ id: karin, name: 'Karin Ek', to: today }),
    ]);
    expect(released.body.figures).toMatchObject({ assigned: 2, unassigned: 1 });
    const twice = await ivar.api<Problem>('POST', path, { json: { on: today } });
    expect(twice.body.code).toBe('licence_assignment_released');
    const elsewhere = await ivar.api<Problem>(
      'POST',
      `/api/it-services/licence-pools/${pool.id}/assignments/${crypto.randomUUID()}/release`,
      { json: { on: today } },
    );
    expect(elsewhere.status).toBe(404);

    const sameDay = await assign(pool.id, 'karin.ek@molnal.example', today);
    expect(sameDay.body.code).toBe('licence_assignment_overlaps');
    expect((await assign(pool.id, 'karin.ek@molnal.example', addDays(today, 1))).status).toBe(201);
  });

  it("records each read of a pool's holders in the audit trail", async () => {
    await detail(pool.id);
    const entry = await server.database.db
      .withTables<AuditTables>()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'it-services.licence-pool.read')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      resource_type: 'itLicencePool',
      resource_id: pool.id,
      actor_name: 'Ivar Nilsson',
    });
  });

  it('is for the IT department only', async () => {
    const calls: [string, string, Record<string, unknown>?][] = [
      ['GET', '/api/it-services/licence-pools'],
      ['GET', `/api/it-services/licence-pools/${pool.id}`],
      [
        'POST',
        '/api/it-services/licence-pools',
        poolInput('Annas licens') as unknown as Record<string, unknown>,
      ],
      [
        'PUT',
        `/api/it-services/licence-pools/${pool.id}`,
        poolInput('Annas licens') as unknown as Record<string, unknown>,
      ],
      [
        'POST',
        `/api/it-services/licence-pools/${pool.id}/assignments`,
        { personId: people.get('anna.svensson@molnal.example'), from: today },
      ],
      [
        'POST',
        `/api/it-services/licence-pools/${pool.id}/usage`,
        { items: [{ email: 'anna.svensson@molnal.example', lastUsedOn: today }] },
      ],
    ];
    for (const [method, url, json] of calls) {
      const response = await anna.api<Problem>(method, url, json ? { json } : {});
      expect(response.status, `${method} ${url}`).toBe(403);
    }
    const file = await anna.api('POST', `/api/it-services/licence-pools/${pool.id}/usage/file`, {
      raw: { body: 'e-post;senast använd\n', contentType: 'text/csv' },
    });
    expect(file.status).toBe(403);
  });

  it('seeds demo pools with licences to reuse', async () => {
    const demoPools = async (db: Kysely<unknown>) => {
      const list = await listLicencePools(db, await ItServicesAccess.forOperator(db));
      return list.items.filter((item) => item.name === 'Microsoft 365 E5' || item.name === 'Power BI Pro');
    };
    const check = (pools: Awaited<ReturnType<typeof demoPools>>) => {
      expect(pools).toHaveLength(2);
      const m365 = pools.find((item) => item.name === 'Microsoft 365 E5');
      expect(m365?.system?.name).toBe('Microsoft 365');
      expect(m365?.figures.assigned).toBeGreaterThan(30);
      expect(m365?.figures.suggestedForRelease).toBeGreaterThan(0);
      expect(m365?.figures.used).toBeGreaterThan(0);
    };
    const db = server.database.db;
    // The demo seed may call it already; otherwise seed here and roll back.
    if ((await demoPools(db)).length > 0) return check(await demoPools(db));
    const rollback = new Error('rollback');
    await expect(
      db.transaction().execute(async (trx) => {
        const seeded = await seedLicences(trx);
        expect(seeded.pools).toBe(6);
        check(await demoPools(trx));
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });
});
