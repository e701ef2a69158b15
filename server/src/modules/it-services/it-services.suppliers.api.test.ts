import type { Contract, SpendImportResult, Supplier, SupplierTrend } from '@karna/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../../../seeds/demo-municipality.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';

const staff = (givenName: string) =>
  demoStaff.find((person) => person.givenName === givenName)?.subject ?? '';

describe.each(testBackends)('suppliers, contracts and spend on %s', (backend) => {
  let server: TestServer;
  let ivar: ApiBrowser;
  let anna: ApiBrowser;

  const csv = (body: string) => ({ raw: { body, contentType: 'text/csv' } });

  beforeAll(async () => {
    server = await startTestServer(backend);
    [ivar, anna] = [server.browser(), server.browser()];
    await ivar.loginAsStaff(staff('Ivar'));
    await anna.loginAsStaff(staff('Anna'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('registers a supplier by a valid organisation number only, once', async () => {
    const created = await ivar.api<Supplier>('POST', '/api/it-services/suppliers', {
      json: { name: 'Testbolaget AB', organisationNumber: '556036-0793', category: 'Konsulter', notes: null },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.organisationNumber).toBe('556036-0793');
    const badLuhn = await ivar.api<{ code: string }>('POST', '/api/it-services/suppliers', {
      json: { name: 'Fel AB', organisationNumber: '556036-0794', category: null, notes: null },
    });
    expect(badLuhn.status).toBe(400);
    const again = await ivar.api<{ code: string }>('POST', '/api/it-services/suppliers', {
      json: { name: 'Samma AB', organisationNumber: '5560360793', category: null, notes: null },
    });
    expect(again.body.code).toBe('supplier_taken');
    expect((await anna.api('GET', '/api/it-services/suppliers')).status).toBe(403);
    const found = await ivar.api<{ items: Supplier[] }>('GET', '/api/it-services/suppliers?q=556036');
    expect(found.body.items.map((supplier) => supplier.name)).toContain('Testbolaget AB');
  });

  it('imports the yearly spend whole or not at all, and measures the supplier count against the targets', async () => {
    const bad = await ivar.api<{ code: string; errors: { path: string }[] }>(
      'POST',
      '/api/it-services/suppliers/spend',
      csv(
        'organisationsnummer;leverantör;år;belopp\n556036-0793;Testbolaget AB;2001;100 000,00\n556036-0794;Fel AB;2001;5\n',
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'rad 3', message: 'har inget giltigt organisationsnummer' }]);
    // The rows' reasons follow the request's language, as the title does.
    const inEnglish = await ivar.api<{ errors: { message: string }[] }>(
      'POST',
      '/api/it-services/suppliers/spend',
      {
        ...csv('organisationsnummer;leverantör;år;belopp\n556036-0794;Fel AB;2001;5\n'),
        headers: { 'accept-language': 'en' },
      },
    );
    expect(inEnglish.body.errors).toEqual([{ path: 'rad 2', message: 'has no valid organisation number' }]);
    const wrongColumns = await ivar.api<{ code: string }>(
      'POST',
      '/api/it-services/suppliers/spend',
      csv('namn;belopp\nA;1\n'),
    );
    expect(wrongColumns.body.code).toBe('spend_file_invalid');
    const before = await ivar.api<SupplierTrend>('GET', '/api/it-services/supplier-trend');
    expect(before.body.years.find((year) => year.year === 2001)).toBeUndefined();

    // Years before the demo's history. 2001: five suppliers; 2005: four; 2008: two (the numbers are valid organisation numbers).
    const numbers = ['5560360793', '2120000142', '5565475489', '5560125790', '5568194731'];
    const lines = [
      ...numbers.map((number, index) => `${number};Bolag ${index};2001;${1000 * (index + 1)},50`),
      ...numbers.slice(0, 4).map((number, index) => `${number};Bolag ${index};2005;${2000 * (index + 1)}`),
      ...numbers.slice(0, 2).map((number, index) => `${number};Bolag ${index};2008;${3000 * (index + 1)}`),
    ];
    const imported = await ivar.api<SpendImportResult>(
      'POST',
      '/api/it-services/suppliers/spend',
      csv(`\uFEFFOrganisationsnummer;Leverantör;År;Belopp\n${lines.join('\n')}\n`),
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ rows: 11, years: [2001, 2005, 2008], suppliersUpdated: 1 });
    expect(imported.body.suppliersCreated).toBe(4);

    const trend = await ivar.api<SupplierTrend>('PUT', '/api/it-services/supplier-trend/targets', {
      json: {
        baselineYear: 2001,
        targets: [
          { year: 2005, reductionPercent: 20 },
          { year: 2008, reductionPercent: 50 },
        ],
      },
    });
    expect(trend.body).toMatchObject({ baselineYear: 2001, baselineCount: 5 });
    expect(trend.body.targets).toEqual([
      { year: 2005, reductionPercent: 20, targetCount: 4, actualCount: 4, met: true },
      { year: 2008, reductionPercent: 50, targetCount: 2, actualCount: 2, met: true },
    ]);
    const supplier = await ivar.api<{ items: Supplier[] }>('GET', '/api/it-services/suppliers?q=556036-0793');
    expect(supplier.body.items[0]?.spend).toEqual([
      { year: 2008, amountOre: 300_000 },
      { year: 2005, amountOre: 200_000 },
      { year: 2001, amountOre: 100_050 },
    ]);
    const badTargets = await ivar.api<{ code: string }>('PUT', '/api/it-services/supplier-trend/targets', {
      json: { baselineYear: 2001, targets: [{ year: 2001, reductionPercent: 20 }] },
    });
    expect(badTargets.body.code).toBe('supplier_targets_invalid');
  });

  it('keeps contracts with the date to renew or give notice', async () => {
    const suppliers = await ivar.api<{ items: Supplier[] }>(
      'GET',
      '/api/it-services/suppliers?q=testbolaget',
    );
    const supplierId = suppliers.body.items[0]?.id;
    const soon = new Date(Date.now() + 150 * 86_400_000).toISOString().slice(0, 10);
    const contract = await ivar.api<Contract>('POST', '/api/it-services/contracts', {
      json: {
        supplierId,
        title: 'Drift av ekonomisystemet',
        reference: 'AVT-2026-9',
        startsOn: '2024-01-01',
        endsOn: soon,
        noticeMonths: 3,
        annualValueOre: 1_200_000_00,
        systemId: null,
      },
    });
    expect(contract.status, JSON.stringify(contract.body)).toBe(201);
    expect(contract.body).toMatchObject({ active: true, renewalDue: true });
    expect(contract.body.noticeBy && contract.body.noticeBy < soon).toBe(true);
    const due = await ivar.api<{ items: Contract[] }>('GET', '/api/it-services/contracts?renewalDue=true');
    expect(due.body.items.map((item) => item.id)).toContain(contract.body.id);
    const backwards = await ivar.api('POST', '/api/it-services/contracts', {
      json: {
        supplierId,
        title: 'Baklänges',
        reference: null,
        startsOn: '2025-01-01',
        endsOn: '2024-01-01',
        noticeMonths: 0,
        annualValueOre: 0,
        systemId: null,
      },
    });
    expect(backwards.status).toBe(400);
    const unknown = await ivar.api<{ code: string }>('POST', '/api/it-services/contracts', {
      json: {
        supplierId: crypto.randomUUID(),
        title: 'Okänd',
        reference: null,
        startsOn: '2025-01-01',
        endsOn: null,
        noticeMonths: 0,
        annualValueOre: 0,
        systemId: null,
      },
    });
    expect(unknown.body.code).toBe('supplier_not_found');
  });
});
