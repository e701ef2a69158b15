import type {
  AllocationRunDetail,
  ChargeLine,
  CostPoolInput,
  DepartmentCharges,
  DriverSet,
  KeyFigures,
  Order,
  Service,
  ServiceInput,
  SupplierTrend,
} from '@karna/contracts';
import { swedishDate } from '@karna/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../../../seeds/demo-municipality.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';
import { JobRunner } from '../../platform/jobs/index.ts';
import { MAIL_JOB } from '../../platform/mail/index.ts';

const staff = (givenName: string) =>
  demoStaff.find((person) => person.givenName === givenName)?.subject ?? '';

/** A year no seed touches, so the test owns its cost pools and runs. */
const YEAR = 2031;

function serviceInput(name: string, changes: Partial<ServiceInput> = {}): ServiceInput {
  return {
    name,
    category: 'workplace',
    summary: 'En tjänst som testet lägger i katalogen.',
    included: 'Det som ingår.',
    notIncluded: 'Det som inte ingår.',
    howToOrder: 'Beställ i Kärna.',
    deliveryWorkingDays: 5,
    howToReport: 'Ring servicedesk.',
    serviceLevel: 'bronze',
    systemId: null,
    priceModel: 'monthlyPerUnit',
    priceOre: 31_000,
    unit: 'st',
    driverKind: null,
    howToCancel: 'Avbeställ i Kärna.',
    cancellationNoticeDays: 30,
    availableFrom: '2020-01-01',
    availableTo: null,
    ...changes,
  };
}

function pool(category: string, annualAmountOre: number, models: CostPoolInput['models']): CostPoolInput {
  return { year: YEAR, costType: 'Testkostnader', category, annualAmountOre, models };
}

describe.each(testBackends)('IT services and chargeback on %s', (backend) => {
  let server: TestServer;
  let ivar: ApiBrowser; // IT department
  let jonas: ApiBrowser; // IT department, approves Ivar's runs
  let greta: ApiBrowser; // authorised orderer of Stadsbyggnadsförvaltningen
  let anna: ApiBrowser; // case officer in Bygglovsenheten (in Stadsbyggnadsförvaltningen)
  let karin: ApiBrowser; // case officer in Socialförvaltningen
  let nils: ApiBrowser; // staff without roles
  const unit = new Map<string, string>();
  let workplace: Service;

  const createService = async (input: ServiceInput) => {
    const response = await ivar.api<Service>('POST', '/api/it-services/services', { json: input });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  const order = (browser: ApiBrowser, changes: Record<string, unknown> = {}) =>
    browser.api<Order & { code?: string }>('POST', '/api/it-services/orders', {
      json: {
        serviceId: workplace.id,
        departmentId: unit.get('sbf'),
        quantity: 2,
        costCentre: '4410',
        startDate: `${YEAR}-03-15`,
        note: null,
        ...changes,
      },
    });

  beforeAll(async () => {
    server = await startTestServer(backend);
    [ivar, jonas, greta, anna, karin, nils] = (await Promise.all(
      ['Ivar', 'Jonas', 'Greta', 'Anna', 'Karin', 'Nils'].map(async (name) => {
        const browser = server.browser();
        await browser.loginAsStaff(staff(name));
        return browser;
      }),
    )) as [ApiBrowser, ApiBrowser, ApiBrowser, ApiBrowser, ApiBrowser, ApiBrowser];
    const units = await ivar.api<{ items: { id: string; name: string }[] }>('GET', '/api/org-units');
    for (const [key, name] of [
      ['sbf', 'Stadsbyggnadsförvaltningen'],
      ['sof', 'Socialförvaltningen'],
      ['ubf', 'Utbildningsförvaltningen'],
      ['bygglov', 'Bygglovsenheten'],
    ]) {
      unit.set(key as string, units.body.items.find((item) => item.name === name)?.id ?? '');
    }
    workplace = await createService(serviceInput('Testarbetsplats'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps a searchable catalog that staff read and only the IT department changes', async () => {
    const list = await nils.api<{ items: Service[] }>('GET', '/api/it-services/services?q=testarbets');
    expect(list.status).toBe(200);
    expect(list.body.items.map((service) => service.name)).toEqual(['Testarbetsplats']);
    const service = list.body.items[0];
    expect(service?.serviceLevel).toMatchObject({ tier: 'bronze', source: 'service' });
    expect(service?.serviceLevel?.fixHours).toBeGreaterThan(0);

    expect(
      (await anna.api('POST', '/api/it-services/services', { json: serviceInput('Annas tjänst') })).status,
    ).toBe(403);
    const taken = await ivar.api<{ code: string }>('POST', '/api/it-services/services', {
      json: serviceInput('TESTARBETSPLATS'),
    });
    expect(taken.body.code).toBe('service_name_taken');
    const allocatedWithoutDriver = await ivar.api<{ code: string }>('POST', '/api/it-services/services', {
      json: serviceInput('Fördelad utan nyckel', { priceModel: 'allocated' }),
    });
    expect(allocatedWithoutDriver.status).toBe(400);
    expect(allocatedWithoutDriver.headers.get('content-type')).toContain('application/problem+json');
    const unknownSystem = await ivar.api<{ code: string }>('POST', '/api/it-services/services', {
      json: serviceInput('Stöd för okänt system', { serviceLevel: null, systemId: crypto.randomUUID() }),
    });
    expect(unknownSystem.body.code).toBe('service_system_unknown');

    // Not yet delivered: only the IT department sees it, with ?all=true.
    await createService(serviceInput('Framtida tjänst', { availableFrom: '2190-01-01' }));
    const forStaff = await nils.api<{ items: Service[] }>(
      'GET',
      '/api/it-services/services?all=true&q=framtida',
    );
    expect(forStaff.body.items).toEqual([]);
    const forIt = await ivar.api<{ items: Service[] }>(
      'GET',
      '/api/it-services/services?all=true&q=framtida',
    );
    expect(forIt.body.items.map((item) => item.available)).toEqual([false]);
  });

  it("has a department's staff ask, its authorised orderer approve and IT deliver, with tasks and mail", async () => {
    const departments = await anna.api<{ items: { name: string; orders: boolean; requests: boolean }[] }>(
      'GET',
      '/api/it-services/departments',
    );
    expect(departments.body.items).toEqual([
      expect.objectContaining({ name: 'Stadsbyggnadsförvaltningen', orders: false, requests: true }),
    ]);
    const asked = await order(anna, { quantity: 3 });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'awaitingApproval',
      canDecide: false,
      number: expect.stringMatching(/^AV-\d{4}-\d{5}$/),
    });

    // Anna cannot approve; Karin (another department) does not even see it; Nils cannot order.
    expect(
      (
        await anna.api('POST', `/api/it-services/orders/${asked.body.id}/decision`, {
          json: { approve: true, reason: null },
        })
      ).status,
    ).toBe(403);
    expect((await karin.api('GET', `/api/it-services/orders/${asked.body.id}`)).status).toBe(404);
    expect((await order(karin)).status).toBe(403);
    expect((await order(nils)).status).toBe(403);

    const tasks = await greta.api<{ items: { title: string }[] }>('GET', '/api/tasks/mine');
    expect(tasks.body.items.map((task) => task.title)).toContainEqual(
      expect.stringContaining(asked.body.number),
    );
    const pending = await greta.api<{ items: Order[] }>(
      'GET',
      '/api/it-services/orders?status=awaitingApproval',
    );
    expect(pending.body.items.find((item) => item.id === asked.body.id)?.canDecide).toBe(true);

    const approved = await greta.api<Order>('POST', `/api/it-services/orders/${asked.body.id}/decision`, {
      json: { approve: true, reason: null },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: 'Greta Lindqvist',
      promisedBy: expect.any(String),
    });
    const again = await greta.api<{ code: string }>(
      'POST',
      `/api/it-services/orders/${asked.body.id}/decision`,
      {
        json: { approve: true, reason: null },
      },
    );
    expect(again.body.code).toBe('order_not_awaiting_approval');

    // The outbox holds the mail to Anna; the server's job runner sends it (run here by hand).
    const runner = new JobRunner({ db: server.database.db, handlers: { [MAIL_JOB]: server.mailer.handler } });
    expect(await runner.runDue()).toBeGreaterThanOrEqual(1);
    const mail = server.mailer.catcher?.caught.find((caught) => caught.subject.includes(asked.body.number));
    expect(mail).toMatchObject({
      to: ['anna.svensson@molnal.example'],
      subject: expect.stringContaining('har godkänts'),
    });

    expect(
      (
        await greta.api('POST', `/api/it-services/orders/${asked.body.id}/delivery`, {
          json: { deliveredOn: `${YEAR}-03-16` },
        })
      ).status,
    ).toBe(403);
    const delivered = await ivar.api<Order>('POST', `/api/it-services/orders/${asked.body.id}/delivery`, {
      json: { deliveredOn: `${YEAR}-03-16` },
    });
    expect(delivered.body.status).toBe('delivered');

    // The orderer's own order is approved as placed.
    const own = await order(greta, { quantity: 1 });
    expect(own.body.status).toBe('approved');
  });

  it('refuses an order outside the days the service is delivered, and a cancellation within the notice', async () => {
    const later = await createService(serviceInput('Tjänst från 2030', { availableFrom: '2030-01-01' }));
    const early = await order(greta, { serviceId: later.id, startDate: '2029-06-01' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('service_not_available');

    // The notice runs from today: an order that started today cannot end tomorrow.
    const today = swedishDate();
    const past = await order(greta, { startDate: '2026-01-01' });
    expect(past.body.code).toBe('order_start_in_past');
    const current = await order(greta, { startDate: today });
    const inThirtyDays = new Date(`${today}T00:00:00Z`);
    inThirtyDays.setUTCDate(inThirtyDays.getUTCDate() + 30);
    expect(current.body.earliestEndDate).toBe(inThirtyDays.toISOString().slice(0, 10));
    const tooSoon = await greta.api<{ code: string }>(
      'POST',
      `/api/it-services/orders/${current.body.id}/cancellation`,
      {
        json: { endDate: today },
      },
    );
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.code).toBe('order_end_before_notice');
    const placed = await order(greta, { startDate: `${YEAR}-04-01` });
    expect(
      (
        await anna.api('POST', `/api/it-services/orders/${placed.body.id}/cancellation`, {
          json: { endDate: `${YEAR}-12-31` },
        })
      ).status,
    ).toBe(403);
    const cancelled = await greta.api<Order>(
      'POST',
      `/api/it-services/orders/${placed.body.id}/cancellation`,
      {
        json: { endDate: `${YEAR}-05-31` },
      },
    );
    expect(cancelled.body).toMatchObject({ status: 'cancelled', endDate: `${YEAR}-05-31` });
  });

  it('runs a month to the öre, explains each line, needs a second person to approve, and versions reruns', async () => {
    // A pool split by models 2 and 3, one by users, one IT keeps.
    for (const input of [
      pool('Drift – infrastruktur', 12_000_000_07, [
        { model: 2, shareBasisPoints: 5000 },
        { model: 3, shareBasisPoints: 5000 },
      ]),
      pool('Licenser', 3_600_000_00, [{ model: 4, shareBasisPoints: 10_000 }]),
      pool('Stab IT', 1_200_000_00, [{ model: 1, shareBasisPoints: 10_000 }]),
      pool('Projektledning', 600_000_00, [{ model: 6, shareBasisPoints: 10_000 }]),
    ]) {
      const created = await ivar.api('POST', '/api/it-services/cost-pools', { json: input });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const badShares = await ivar.api('POST', '/api/it-services/cost-pools', {
      json: pool('Fel andelar', 100, [{ model: 4, shareBasisPoints: 9000 }]),
    });
    expect(badShares.status).toBe(400);

    const period = `${YEAR}-03`;
    // Users by a file from the finance system; computers by the API.
    const badFile = await ivar.api<{ code: string; errors?: { path: string }[] }>(
      'POST',
      `/api/it-services/drivers/${period}/file`,
      {
        raw: {
          body: 'förvaltning;nyckel;antal\nSBF;användare;12\nOkänd;användare;3\nSOF;äpplen;1\n',
          contentType: 'text/csv',
        },
      },
    );
    expect(badFile.status).toBe(400);
    expect(badFile.body.code).toBe('driver_file_invalid');
    const afterBadFile = await ivar.api<DriverSet>('GET', `/api/it-services/drivers/${period}`);
    expect(afterBadFile.body.items.filter((item) => item.source === 'imported')).toEqual([]);

    const computers = await ivar.api('PUT', `/api/it-services/drivers/${period}`, {
      json: {
        values: [
          { departmentId: unit.get('sbf'), kind: 'computerStaff', quantity: 100 },
          { departmentId: unit.get('sof'), kind: 'computerStaff', quantity: 250 },
        ],
      },
    });
    expect(computers.status).toBe(200);
    // No department has asked for project work this month: the project pool cannot be distributed.
    const zero = await ivar.api<{ code: string; detail: string }>(
      'POST',
      '/api/it-services/allocation-runs',
      { json: { period } },
    );
    expect(zero.status).toBe(409);
    expect(zero.body.code).toBe('driver_sum_zero');
    expect(zero.body.detail).toContain('Projektledning');

    const file = await ivar.api<DriverSet>('POST', `/api/it-services/drivers/${period}/file`, {
      raw: {
        body: '\uFEFFFörvaltning;Nyckel;Antal\nSBF;användare;120\nSocialförvaltningen;användare;300,5\nUBF;elevdatorer;1000\nSBF;projektbehov;40\n',
        contentType: 'text/csv',
      },
    });
    expect(file.status, JSON.stringify(file.body)).toBe(200);

    const run = await ivar.api<AllocationRunDetail>('POST', '/api/it-services/allocation-runs', {
      json: { period },
    });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body).toMatchObject({ version: 1, status: 'proposed', canApprove: false });
    // The month's twelfth of each pool: what is distributed and what IT keeps sum to it exactly.
    const monthOf = (annual: number) => Math.floor((annual * 3) / 12) - Math.floor((annual * 2) / 12);
    expect(run.body.retainedOre).toBe(monthOf(1_200_000_00));
    const lines = await ivar.api<{ items: ChargeLine[] }>(
      'GET',
      `/api/it-services/allocation-runs/${run.body.id}/lines`,
    );
    const poolTotal = lines.body.items
      .filter((line) => line.kind === 'pool')
      .reduce((sum, line) => sum + line.amountOre, 0);
    expect(poolTotal).toBe(monthOf(12_000_000_07) + monthOf(3_600_000_00) + monthOf(600_000_00));
    expect(run.body.departments.reduce((sum, department) => sum + department.amountOre, 0)).toBe(
      run.body.distributedOre,
    );

    // The order approved above (3 workplaces from 15 March) is charged for 17 of March's 31 days.
    const service = lines.body.items.find(
      (line) => line.serviceName === 'Testarbetsplats' && line.units === 3,
    );
    expect(service).toMatchObject({ days: 17, amountOre: Math.round((31_000 * 3 * 17) / 31) });
    expect(service?.explanation.sv).toContain('17 dagar');

    // Four eyes: Ivar ran it, so Jonas approves it.
    const own = await ivar.api<{ code: string }>(
      'POST',
      `/api/it-services/allocation-runs/${run.body.id}/approve`,
    );
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('allocation_run_own_approval');
    const approved = await jonas.api<AllocationRunDetail>(
      'POST',
      `/api/it-services/allocation-runs/${run.body.id}/approve`,
    );
    expect(approved.body.status).toBe('approved');

    // The department's orderer sees its own lines, explained; not another department's.
    const charges = await greta.api<DepartmentCharges>(
      'GET',
      `/api/it-services/charges?departmentId=${unit.get('sbf')}&period=${period}`,
    );
    expect(charges.status).toBe(200);
    expect(charges.body.run?.version).toBe(1);
    const users = charges.body.lines.find((line) => line.model === 4);
    // Users: the 120 imported and the accounts the department has ordered (the demo's stock).
    const drivers = await ivar.api<DriverSet>('GET', `/api/it-services/drivers/${period}`);
    const usersOf = (departmentId?: string) =>
      drivers.body.items
        .filter((item) => item.kind === 'user' && (!departmentId || item.departmentId === departmentId))
        .reduce((sum, item) => sum + item.quantity, 0);
    const sbfUsers = usersOf(unit.get('sbf'));
    expect(sbfUsers).toBeGreaterThanOrEqual(120);
    expect(users?.drivers).toEqual([{ kind: 'user', quantity: sbfUsers, weight: 1 }]);
    expect(users?.totalUnits).toBeCloseTo(usersOf(), 6);
    const sv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
    expect(users?.explanation.sv).toContain(
      `Licenser, modell 4 per användare: ${sv.format(sbfUsers)} användare = ${sv.format(sbfUsers)} enheter av kommunens ${sv.format(usersOf())}`,
    );
    expect(charges.body.totalOre).toBe(charges.body.lines.reduce((sum, line) => sum + line.amountOre, 0));
    expect(
      (await greta.api('GET', `/api/it-services/charges?departmentId=${unit.get('sof')}&period=${period}`))
        .status,
    ).toBe(403);
    expect(
      (await anna.api('GET', `/api/it-services/charges?departmentId=${unit.get('sbf')}&period=${period}`))
        .status,
    ).toBe(403);
    expect((await greta.api('GET', `/api/it-services/allocation-runs/${run.body.id}/lines`)).status).toBe(
      403,
    );

    // The approved run never changes, even by a direct statement.
    await expect(
      sql`update it_allocation_lines set amount_ore = 0 where run_id = ${run.body.id}`.execute(
        server.database.db,
      ),
    ).rejects.toThrow(/never changed/);
    const discard = await ivar.api<{ code: string }>(
      'POST',
      `/api/it-services/allocation-runs/${run.body.id}/discard`,
    );
    expect(discard.body.code).toBe('allocation_run_not_proposed');

    // A rerun after more users: version 2, compared with version 1; approving it supersedes 1.
    await ivar.api('PUT', `/api/it-services/drivers/${period}`, {
      json: {
        values: [
          { departmentId: unit.get('sbf'), kind: 'user', quantity: 240 },
          { departmentId: unit.get('sof'), kind: 'user', quantity: 300.5 },
        ],
      },
    });
    const rerun = await jonas.api<AllocationRunDetail>('POST', '/api/it-services/allocation-runs', {
      json: { period },
    });
    expect(rerun.body).toMatchObject({ version: 2, previousVersionId: run.body.id });
    const sbfChange = rerun.body.departments.find(
      (department) => department.departmentId === unit.get('sbf'),
    );
    expect(sbfChange?.changeOre).toBeGreaterThan(0);
    await ivar.api('POST', `/api/it-services/allocation-runs/${rerun.body.id}/approve`);
    const first = await ivar.api<AllocationRunDetail>(
      'GET',
      `/api/it-services/allocation-runs/${run.body.id}`,
    );
    expect(first.body.status).toBe('superseded');
    const after = await greta.api<DepartmentCharges>(
      'GET',
      `/api/it-services/charges?departmentId=${unit.get('sbf')}&period=${period}`,
    );
    expect(after.body.run?.version).toBe(2);

    // The finance system's file: every line, amounts in kronor with a decimal comma.
    const csv = await ivar.api<string>('GET', `/api/it-services/allocation-runs/${rerun.body.id}/export`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toContain('Belopp (kr)');
    expect(rows).toHaveLength(rerun.body.lineCount + 1);
  });

  it('gives IT cost as a share of turnover for the municipality and each department (P4)', async () => {
    const input = {
      municipalityTurnoverOre: 900_000_000_00,
      nationalAveragePercent: 2.0,
      departments: [{ departmentId: unit.get('sbf'), turnoverOre: 120_000_000_00, ownItCostOre: 500_000_00 }],
    };
    expect((await greta.api('PUT', `/api/it-services/key-figures/${YEAR}`, { json: input })).status).toBe(
      403,
    );
    const figures = await ivar.api<KeyFigures>('PUT', `/api/it-services/key-figures/${YEAR}`, {
      json: input,
    });
    expect(figures.status, JSON.stringify(figures.body)).toBe(200);
    const pools = await ivar.api<{ items: { annualAmountOre: number }[] }>(
      'GET',
      `/api/it-services/cost-pools?year=${YEAR}`,
    );
    const poolTotal = pools.body.items.reduce((sum, pool) => sum + pool.annualAmountOre, 0);
    expect(figures.body.municipality).toMatchObject({
      itDepartmentCostOre: poolTotal,
      departmentsOwnCostOre: 500_000_00,
      itCostOre: poolTotal + 500_000_00,
    });
    expect(figures.body.municipality.sharePercent).toBeCloseTo(
      ((poolTotal + 500_000_00) / 900_000_000_00) * 100,
      3,
    );
    expect(figures.body.nationalAveragePercent).toBe(2);
    // The department's charges are the approved runs' lines of the year (March's version 2).
    const charges = await greta.api<DepartmentCharges>(
      'GET',
      `/api/it-services/charges?departmentId=${unit.get('sbf')}&period=${YEAR}-03`,
    );
    const sbf = figures.body.departments.find((department) => department.departmentId === unit.get('sbf'));
    expect(sbf).toMatchObject({ chargedOre: charges.body.totalOre, ownItCostOre: 500_000_00 });
    expect(figures.body.trend.map((point) => point.year)).toContain(YEAR);
    const unknown = await ivar.api<{ code: string }>('PUT', `/api/it-services/key-figures/${YEAR}`, {
      json: {
        ...input,
        departments: [{ departmentId: unit.get('bygglov'), turnoverOre: 1, ownItCostOre: 0 }],
      },
    });
    expect(unknown.body.code).toBe('department_unknown');
  });

  it('charges an order cancelled mid-month up to its end date, and not after', async () => {
    const period = `${YEAR}-05`;
    await ivar.api('PUT', `/api/it-services/drivers/${period}`, {
      json: {
        values: [
          { departmentId: unit.get('sbf'), kind: 'user', quantity: 1 },
          { departmentId: unit.get('sbf'), kind: 'computerStaff', quantity: 1 },
          { departmentId: unit.get('sbf'), kind: 'projectDemand', quantity: 1 },
        ],
      },
    });
    const run = await ivar.api<AllocationRunDetail>('POST', '/api/it-services/allocation-runs', {
      json: { period },
    });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    const lines = await ivar.api<{ items: ChargeLine[] }>(
      'GET',
      `/api/it-services/allocation-runs/${run.body.id}/lines?departmentId=${unit.get('sbf')}`,
    );
    // The order from 1 April cancelled to 31 May runs all of May; the one from 15 March too.
    const services = lines.body.items.filter((line) => line.kind === 'service');
    expect(services.every((line) => line.days === 31)).toBe(true);
    const june = await ivar.api<AllocationRunDetail>('POST', '/api/it-services/allocation-runs', {
      json: { period: `${YEAR}-06` },
    });
    expect(june.status).toBe(409); // no project demand for June: the project pool has nothing to go by
  });
});

describe('the demo municipality’s IT services', () => {
  let server: TestServer;
  afterAll(async () => {
    await server?.close();
  });

  it('has a catalog, a year of orders and last month’s approved run, explained to the department', async () => {
    server = await startTestServer('pglite');
    const [ivar, greta] = [server.browser(), server.browser()];
    await ivar.loginAsStaff(staff('Ivar'));
    await greta.loginAsStaff(staff('Greta'));
    const catalog = await greta.api<{ items: Service[] }>('GET', '/api/it-services/services');
    expect(catalog.body.items.length).toBeGreaterThanOrEqual(25);
    const support = catalog.body.items.find((service) => service.name === 'Support för ekonomisystemet');
    expect(support?.serviceLevel).toMatchObject({ source: 'system' });

    const runs = await ivar.api<{ items: AllocationRunDetail[] }>('GET', '/api/it-services/allocation-runs');
    const approved = runs.body.items.filter((run) => run.status === 'approved');
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ createdBy: 'Ivar Nilsson', approvedBy: 'Jonas Ekberg' });

    const departments = await greta.api<{ items: { id: string; name: string; orders: boolean }[] }>(
      'GET',
      '/api/it-services/departments',
    );
    const sbf = departments.body.items.find((department) => department.orders);
    expect(sbf?.name).toBe('Stadsbyggnadsförvaltningen');
    const charges = await greta.api<DepartmentCharges>(
      'GET',
      `/api/it-services/charges?departmentId=${sbf?.id}&period=${approved[0]?.period}`,
    );
    expect(charges.body.lines.length).toBeGreaterThan(10);
    expect(charges.body.lines.map((line) => line.model)).toEqual(expect.arrayContaining([2, 3, 4, 5, 6]));
    expect(charges.body.totalOre).toBeGreaterThan(0);
    const trend = await ivar.api<SupplierTrend>('GET', '/api/it-services/supplier-trend');
    expect(trend.body).toMatchObject({ baselineYear: 2011, baselineCount: 180 });
    expect(trend.body.targets.map((target) => target.targetCount)).toEqual([144, 90]);
    const lastYear = new Date().getUTCFullYear() - 1;
    const paid = await ivar.api<{ total: number }>(
      'GET',
      `/api/it-services/suppliers?year=${lastYear}&limit=1`,
    );
    expect(paid.body.total).toBeGreaterThan(140);
    const breached = await ivar.api<{ items: unknown[] }>('GET', '/api/it-services/tickets?breached=fix');
    expect(breached.body.items.length).toBeGreaterThan(0);
    const orders = await greta.api<{ items: Order[] }>(
      'GET',
      `/api/it-services/orders?departmentId=${sbf?.id}`,
    );
    expect(orders.body.items.length).toBeGreaterThanOrEqual(10);
  });
});
