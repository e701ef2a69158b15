import writeXlsxFile, { type SheetData } from 'write-excel-file/node';

/**
 * The IT department's list of systems as an Excel file (.xlsx), as the portfolio's import reads it:
 * headings in the first row, one system a row. Written with write-excel-file, which the server's
 * import tests use too.
 */

export interface SpreadsheetSystem {
  name: string;
  board: string;
  users: number;
  singleSignOn: boolean;
  tier: string;
  supplier: string;
}

/** The headings are the Swedish words the import suggests its fields from. */
const HEADINGS = [
  'Namn',
  'Beskrivning',
  'Syfte',
  'Ägande nämnd',
  'Antal användare',
  'Leverantör',
  'SSO',
  'Nivå',
];

/** An .xlsx file's bytes with the systems, for Playwright's `setInputFiles`. */
export async function systemsWorkbook(systems: readonly SpreadsheetSystem[]): Promise<Buffer> {
  const rows = systems.map((system) => [
    system.name,
    `${system.name} används i journeyns test av importen.`,
    'Att visa att importen fungerar.',
    system.board,
    system.users,
    system.supplier,
    system.singleSignOn ? 'ja' : 'nej',
    system.tier,
  ]);
  const sheet: SheetData = [HEADINGS, ...rows].map((row) => row.map((value) => ({ value })));
  return writeXlsxFile(sheet).toBuffer();
}
