import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, figuresOf, isIsoDate, usageCutoff } from './it-services.licences.ts';
import { readUsageCsv, usageRowsOf } from './it-services.licences.usage.ts';

describe('licence figures', () => {
  it('counts the unassigned and the idle as unused, and what they cost', () => {
    expect(figuresOf(10, 50_000, { assigned: 8, used: 5, suggested: 2 })).toEqual({
      purchased: 10,
      assigned: 8,
      unassigned: 2,
      used: 5,
      unused: 5,
      suggestedForRelease: 2,
      costPerYearOre: 500_000,
      unusedCostPerYearOre: 250_000,
    });
    expect(figuresOf(0, 50_000, { assigned: 0, used: 0, suggested: 0 })).toMatchObject({
      unused: 0,
      unusedCostPerYearOre: 0,
    });
  });

  it('counts a use 90 days back as within the window', () => {
    expect(usageCutoff('2026-03-31')).toBe('2025-12-31');
    expect(daysBetween(usageCutoff('2026-03-31'), '2026-03-31')).toBe(90);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across the change to summer time
  });

  it('takes real calendar dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(isIsoDate('1999-12-31')).toBe(false);
    expect(isIsoDate('5 januari')).toBe(false);
  });
});

describe("reading a supplier's report of use", () => {
  it('reads `;` or `,`, a byte-order mark and empty dates, naming rows by their line', () => {
    const rows = readUsageCsv(
      '\uFEFFE-post,Senast använd\r\n\r\nada@molnal.example,2026-01-05\r\nbo@molnal.example,\r\n',
    );
    expect(rows).toEqual([
      {
        email: 'ada@molnal.example',
        lastUsedOn: '2026-01-05',
        paths: { email: 'rad 3', lastUsedOn: 'rad 3' },
      },
      { email: 'bo@molnal.example', lastUsedOn: null, paths: { email: 'rad 4', lastUsedOn: 'rad 4' } },
    ]);
    expect(readUsageCsv('e-post;senast använd\nada@molnal.example;2026-01-05;x\n')[0]?.problem).toEqual({
      sv: 'ska ha två kolumner: e-post;senast använd',
      en: 'must have two columns: e-post;senast använd',
    });
  });

  it('refuses a file without the headings, or one that is not CSV', () => {
    expect(() => readUsageCsv('namn;datum\nada;2026-01-05\n')).toThrow(
      expect.objectContaining({ code: 'licence_usage_invalid' }),
    );
    expect(() => readUsageCsv('e-post;senast använd\n"ada;2026-01-05\n')).toThrow(
      expect.objectContaining({ code: 'licence_usage_invalid' }),
    );
  });

  it('names JSON rows by index and field', () => {
    expect(usageRowsOf([{ email: 'ada@molnal.example', lastUsedOn: null }])).toEqual([
      {
        email: 'ada@molnal.example',
        lastUsedOn: null,
        paths: { email: 'items.0.email', lastUsedOn: 'items.0.lastUsedOn' },
      },
    ]);
  });
});
