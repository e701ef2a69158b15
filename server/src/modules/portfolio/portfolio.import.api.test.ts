import type { ImportPreview, ImportResult, SystemDetail, SystemListResponse } from '@karna/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { demoStaff } from '../../../seeds/demo-municipality.ts';
import {
  type ApiBrowser,
  startTestServer,
  type TestServer,
  testBackends,
} from '../../../test/test-server.ts';

const staff = (givenName: string) =>
  demoStaff.find((person) => person.givenName === givenName)?.subject ?? '';

const HEADINGS = [
  'Systemnamn',
  'Nämnd',
  'Livscykel',
  'I drift sedan',
  'Antal användare',
  'SSO',
  'Systemägare e-post',
  'Nivå',
];

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const sheet: SheetData = [HEADINGS, ...rows].map((row) =>
    row.map((value) => (value === null ? null : { value })),
  );
  return writeXlsxFile(sheet, { dateFormat: 'yyyy-mm-dd' }).toBuffer();
}

describe.each(testBackends)('importing the portfolio from a spreadsheet on %s', (backend) => {
  let server: TestServer;
  let ivar: ApiBrowser;
  let anna: ApiBrowser;

  const upload = async (browser: ApiBrowser, bytes: Buffer | string, fileName = 'system.xlsx') =>
    browser.api<ImportPreview>('POST', `/api/portfolio/imports?fileName=${encodeURIComponent(fileName)}`, {
      raw: { body: bytes, contentType: 'application/octet-stream' },
    });
  const commit = (
    id: string,
    mapping: Record<string, string | null>,
    options: Record<string, boolean> = {},
  ) =>
    ivar.api<ImportResult>('POST', `/api/portfolio/imports/${id}/commit`, { json: { mapping, ...options } });

  beforeAll(async () => {
    server = await startTestServer(backend);
    ivar = server.browser();
    anna = server.browser();
    await ivar.loginAsStaff(staff('Ivar'));
    await anna.loginAsStaff(staff('Anna'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reads an Excel file, suggests the mapping, names each bad row and column, and imports nothing until told', async () => {
    const file = await xlsx([
      [
        'Importsystemet Ett',
        'Byggnadsnämnden',
        'i drift',
        new Date(Date.UTC(2019, 3, 1)),
        120,
        'ja',
        'sara.lind@molnal.example',
        'Guld',
      ],
      ['Importsystemet Två', 'Månnämnden', 'i drift', '2020-01-01', 5, 'nej', null, null],
      [
        'Importsystemet Tre',
        'Socialnämnden',
        'i drift',
        '2020-02-30',
        'många',
        'kanske',
        'okänd@molnal.example',
        'platina',
      ],
      ['importsystemet ett', 'Byggnadsnämnden', null, null, null, null, null, null],
      ['Importsystemet Fyra', 'SN', 'planerat', null, null, null, null, null],
    ]);
    const preview = await upload(ivar, file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(201);
    expect(preview.body.rowCount).toBe(5);
    expect(preview.body.columns).toEqual(HEADINGS);
    expect(preview.body.sample[0]?.[3]).toBe('2019-04-01');
    const mapping = preview.body.suggestedMapping;
    expect(mapping).toMatchObject({
      Systemnamn: 'name',
      Nämnd: 'owningBoard',
      Livscykel: 'lifecycle',
      'I drift sedan': 'lifecycleFrom',
      'Antal användare': 'userCount',
      SSO: 'singleSignOn',
      'Systemägare e-post': 'systemOwnerEmail',
      Nivå: 'tier',
    });

    const checked = await commit(preview.body.id, mapping);
    expect(checked.status).toBe(200);
    expect(checked.body.committed).toBe(false);
    const errors = checked.body.errors.map((error) => `${error.row}:${error.column}:${error.code}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        '3:Nämnd:unknown_board',
        '4:I drift sedan:invalid_date',
        '4:Antal användare:invalid_number',
        '4:SSO:invalid_yes_no',
        '4:Systemägare e-post:unknown_person',
        '4:Nivå:unknown_value',
        '5:Systemnamn:duplicate_name',
      ]),
    );
    expect(checked.body.errors.every((error) => error.message.length > 0)).toBe(true);
    const none = await ivar.api<SystemListResponse>('GET', '/api/portfolio/systems?q=Importsystemet');
    expect(none.body.total).toBe(0);

    // Importing the valid rows only: two of five, the owner named, the tier kept as the file's decision.
    const imported = await commit(preview.body.id, mapping, { validRowsOnly: true });
    expect(imported.body).toMatchObject({ committed: true, created: 2, updated: 0, skipped: 3 });
    const list = await ivar.api<SystemListResponse>(
      'GET',
      '/api/portfolio/systems?q=Importsystemet&sort=name',
    );
    expect(list.body.items.map((item) => item.name)).toEqual(['Importsystemet Ett', 'Importsystemet Fyra']);
    const first = await ivar.api<SystemDetail>('GET', `/api/portfolio/systems/${list.body.items[0]?.id}`);
    expect(first.body).toMatchObject({
      lifecycle: 'operating',
      userCount: 120,
      singleSignOn: true,
      tier: 'gold',
      systemOwnerName: 'Sara Lind',
      owningBoard: { name: 'Byggnadsnämnden' },
    });
    expect(first.body.roleGaps).toContain('ownerNotAccepted');

    // The same file again, fixed: the known system is updated, not duplicated.
    const fixed = await upload(
      ivar,
      await xlsx([
        [
          'Importsystemet Ett',
          'Byggnadsnämnden',
          'i drift',
          '2019-04-01',
          150,
          'ja',
          'sara.lind@molnal.example',
          'Guld',
        ],
      ]),
    );
    const again = await commit(fixed.body.id, fixed.body.suggestedMapping);
    expect(again.body).toMatchObject({ committed: true, created: 0, updated: 1, errors: [] });
    const updated = await ivar.api<SystemDetail>('GET', `/api/portfolio/systems/${list.body.items[0]?.id}`);
    expect(updated.body.userCount).toBe(150);
  });

  it('reads a semicolon CSV from Excel in Windows-1252, and refuses what is not a spreadsheet', async () => {
    const csv = Buffer.from(
      'Namn;Ägande nämnd;Leverantör\r\nKassaregistret;Kommunstyrelsen;Åbergs Data AB\r\n',
      'latin1',
    );
    const preview = await upload(ivar, csv, 'lista.csv');
    expect(preview.status).toBe(201);
    expect(preview.body.columns).toEqual(['Namn', 'Ägande nämnd', 'Leverantör']);
    expect(preview.body.sample[0]).toEqual(['Kassaregistret', 'Kommunstyrelsen', 'Åbergs Data AB']);
    const dry = await commit(preview.body.id, preview.body.suggestedMapping, { dryRun: true });
    expect(dry.body).toMatchObject({ committed: false, created: 1, errors: [] });
    expect(
      (await ivar.api<SystemListResponse>('GET', '/api/portfolio/systems?q=Kassaregistret')).body.total,
    ).toBe(0);

    const noName = await commit(preview.body.id, { Namn: null, 'Ägande nämnd': 'owningBoard' });
    expect(noName.body.errors.map((error) => error.code)).toEqual(['name_not_mapped']);
    const twice = await commit(preview.body.id, {
      Namn: 'name',
      'Ägande nämnd': 'owningBoard',
      Leverantör: 'owningBoard',
    });
    expect(twice.body.errors.map((error) => error.code)).toContain('mapped_twice');

    const broken = await upload(ivar, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'trasig.xlsx');
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toContain('application/problem+json');
    const json = await ivar.api('POST', '/api/portfolio/imports?fileName=x.csv', { json: { rows: [] } });
    expect(json.status).toBe(400);
  });

  it('keeps an upload to the one who made it, and the import to the IT department', async () => {
    const preview = await upload(
      ivar,
      Buffer.from('Namn;Nämnd\r\nEgensystemet;Kommunstyrelsen\r\n'),
      'a.csv',
    );
    expect((await anna.api('GET', `/api/portfolio/imports/${preview.body.id}`)).status).toBe(403);
    expect((await upload(anna, Buffer.from('Namn\r\nX\r\n'), 'a.csv')).status).toBe(403);
    const other = server.browser();
    await other.loginAsStaff(staff('Ivar'));
    expect((await other.api('GET', `/api/portfolio/imports/${preview.body.id}`)).status).toBe(200);
  });

  it('exports the list as CSV the import reads back', async () => {
    const exported = await ivar.api<string>('GET', '/api/portfolio/exports/systems?tier=gold');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const text = exported.body; // the byte order mark is taken off by the decoder
    const [heading] = text.split('\r\n');
    expect(heading?.split(';').slice(0, 3)).toEqual(['Namn', 'Beskrivning', 'Kategori']);
    const back = await upload(ivar, Buffer.from(text, 'utf8'), 'export.csv');
    expect(back.status).toBe(201);
    const check = await commit(back.body.id, back.body.suggestedMapping, { dryRun: true });
    expect(check.body.errors).toEqual([]);
    expect(check.body.updated).toBe(back.body.rowCount);
  });
});
