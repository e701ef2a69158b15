import {
  type ImportField,
  type ImportPreview,
  type ImportResult,
  type ImportRowError,
  text,
} from '@karna/contracts';
import { parse as parseCsv } from 'csv-parse/sync';
import { type Kysely, sql } from 'kysely';
import { readSheet } from 'read-excel-file/node';
import { findStaffByEmails } from '../identity/index.ts';
import type { PortfolioAccess } from './portfolio.access.ts';
import { portfolioError } from './portfolio.errors.ts';
import { addDays } from './portfolio.rules.ts';
import { replaceUsage, withUniqueName } from './portfolio.systems.ts';
import { portfolioDb } from './portfolio.tables.ts';
import { swedishSortKey } from './swedish-sort.ts';

/**
 * Import of the register from a spreadsheet (M1): the IT department's existing Excel list (.xlsx)
 * or a CSV export. A file is read whole and kept for a day while the user maps its columns to the
 * register's fields; then every row is checked and the errors named by row and column. A file with
 * errors imports nothing unless the user chooses to import the valid rows. Rows whose system name
 * the register knows update that system's mapped fields; the others register new systems.
 */

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;

export interface Spreadsheet {
  columns: string[];
  rows: string[][];
}

/** A cell as text: dates as `YYYY-MM-DD`, numbers as written, truth values as ja/nej. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  return String(value).trim();
}

/** UTF-8 if the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252, as Excel writes CSV in Sweden. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function parseCsvText(content: string): unknown[][] {
  const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parseCsv(content, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
  }) as unknown[][];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads an .xlsx (its first sheet) or a CSV file into headings and rows of text. */
export async function readSpreadsheet(bytes: Buffer): Promise<Spreadsheet> {
  let table: unknown[][];
  try {
    table = bytes.subarray(0, 4).equals(ZIP_MAGIC) ? await readSheet(bytes) : parseCsvText(decodeText(bytes));
  } catch {
    throw portfolioError('import_file_unreadable');
  }
  const [heading, ...body] = table.map((row) => row.map(cellText));
  const columns = (heading ?? []).map((column, index) => column || `Kolumn ${index + 1}`);
  if (columns.length === 0 || new Set(columns).size !== columns.length)
    throw portfolioError('import_file_unreadable');
  const rows = body.filter((row) => row.some((cell) => cell !== ''));
  if (rows.length > MAX_IMPORT_ROWS) {
    throw portfolioError('import_file_unreadable', { detail: `more than ${MAX_IMPORT_ROWS} rows` });
  }
  return { columns, rows: rows.map((row) => columns.map((_, index) => row[index] ?? '')) };
}

// ---------------------------------------------------------------------------------------------
// Column mapping.

const headingWords: Record<ImportField, string[]> = {
  name: ['namn', 'system', 'systemnamn', 'name', 'applikation'],
  description: ['beskrivning', 'description'],
  purpose: ['syfte', 'ändamål', 'purpose'],
  category: ['kategori', 'category'],
  supportKind: ['typ av stöd', 'stödtyp', 'it-stöd', 'support kind'],
  lifecycle: ['livscykel', 'status', 'skede', 'lifecycle'],
  lifecycleFrom: ['sedan', 'från', 'datum', 'i drift sedan', 'lifecycle from'],
  owningBoard: ['ägande nämnd', 'nämnd', 'ägare', 'owning board', 'owner board'],
  systemOwnerEmail: [
    'systemägare e-post',
    'systemägarens e-post',
    'e-post systemägare',
    'system owner email',
  ],
  usedBy: ['används av', 'förvaltningar', 'verksamheter', 'used by'],
  userCount: ['antal användare', 'användare', 'users', 'user count'],
  supplier: ['leverantör', 'supplier'],
  contractReference: ['avtal', 'avtalsnummer', 'contract'],
  hosting: ['drift', 'driftform', 'hosting'],
  technicalPlatform: ['plattform', 'teknisk plattform', 'platform'],
  documentationUrl: ['dokumentation', 'documentation'],
  loginUrl: ['inloggning', 'adress', 'url', 'login'],
  singleSignOn: ['sso', 'gemensam inloggning', 'single sign-on'],
  centralAccessAdministration: ['metakatalog', 'behörighet från metakatalog', 'central access'],
  tier: ['nivå', 'klass', 'systemklass', 'tier'],
};

function normalised(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[*:()]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A field for each column whose heading names one, each field for at most one column. */
export function suggestMapping(columns: readonly string[]): Record<string, ImportField | null> {
  const mapping: Record<string, ImportField | null> = {};
  const taken = new Set<ImportField>();
  for (const column of columns) {
    const heading = normalised(column);
    const field = (Object.keys(headingWords) as ImportField[]).find(
      (candidate) => !taken.has(candidate) && headingWords[candidate].includes(heading),
    );
    mapping[column] = field ?? null;
    if (field) taken.add(field);
  }
  return mapping;
}

// ---------------------------------------------------------------------------------------------
// Values.

const vocabularies: Partial<Record<ImportField, Record<string, string>>> = {
  category: {
    kommungemensamt: 'shared',
    kommungemensam: 'shared',
    gemensamt: 'shared',
    shared: 'shared',
    verksamhetsspecifikt: 'department',
    verksamhetsspecifik: 'department',
    förvaltningsspecifikt: 'department',
    department: 'department',
  },
  supportKind: {
    grundläggande: 'basic',
    basic: 'basic',
    differentierande: 'differentiating',
    differentiating: 'differentiating',
    innovativt: 'innovative',
    innovativ: 'innovative',
    innovative: 'innovative',
  },
  lifecycle: {
    planerat: 'planned',
    planerad: 'planned',
    planned: 'planned',
    införs: 'introducing',
    införande: 'introducing',
    introducing: 'introducing',
    'i drift': 'operating',
    drift: 'operating',
    förvaltning: 'operating',
    operating: 'operating',
    avvecklas: 'phasingOut',
    'under avveckling': 'phasingOut',
    phasingout: 'phasingOut',
    avvecklat: 'retired',
    avvecklad: 'retired',
    retired: 'retired',
  },
  hosting: {
    'egen drift': 'ownDataCentre',
    'egen hall': 'ownDataCentre',
    'eget datacenter': 'ownDataCentre',
    owndatacentre: 'ownDataCentre',
    leverantör: 'supplier',
    leverantörsdrift: 'supplier',
    supplier: 'supplier',
    moln: 'cloud',
    molntjänst: 'cloud',
    saas: 'cloud',
    cloud: 'cloud',
  },
  tier: {
    guld: 'gold',
    gold: 'gold',
    silver: 'silver',
    brons: 'bronze',
    bronze: 'bronze',
    koppar: 'copper',
    copper: 'copper',
  },
};
const truthWords: Record<string, boolean> = {
  ja: true,
  j: true,
  x: true,
  yes: true,
  true: true,
  '1': true,
  nej: false,
  n: false,
  no: false,
  false: false,
  '0': false,
};

const fieldNamesSv: Record<ImportField, string> = {
  name: 'namn',
  description: 'beskrivning',
  purpose: 'syfte',
  category: 'kategori',
  supportKind: 'typ av stöd',
  lifecycle: 'livscykel',
  lifecycleFrom: 'datum',
  owningBoard: 'ägande nämnd',
  systemOwnerEmail: 'systemägare',
  usedBy: 'används av',
  userCount: 'antal användare',
  supplier: 'leverantör',
  contractReference: 'avtal',
  hosting: 'drift',
  technicalPlatform: 'plattform',
  documentationUrl: 'dokumentation',
  loginUrl: 'inloggning',
  singleSignOn: 'gemensam inloggning',
  centralAccessAdministration: 'metakatalog',
  tier: 'nivå',
};

/** What a valid row sets: only the fields the file maps (and fills). */
interface ParsedRow {
  row: number;
  name: string;
  values: Partial<{
    description: string;
    purpose: string;
    category: string;
    support_kind: string;
    lifecycle: string;
    lifecycle_from: string;
    owning_board_id: string;
    user_count: number;
    supplier: string;
    contract_reference: string;
    hosting: string;
    technical_platform: string;
    documentation_url: string;
    login_url: string;
    single_sign_on: boolean;
    central_access_administration: boolean;
    tier: string;
  }>;
  usedBy: string[] | null;
  ownerId: string | null;
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || text < '1900-01-01' || text > '2199-12-31') return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function isWebAddress(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol) && text.length <= 500;
  } catch {
    return false;
  }
}

/** A cell holds what the API's free text may hold: no control characters or direction overrides. */
const cellContent = text({ max: 4000, min: 0, multiline: true });

interface Lookups {
  units: PortfolioAccess['units'];
  owners: Map<string, { id: string }>;
  existing: Map<string, { id: string; owning_board_id: string; lifecycle: string; tier: string | null }>;
}

function unitByName(units: Lookups['units'], text: string) {
  const wanted = text.toLowerCase();
  return [...units.values()].find(
    (unit) => unit.name.toLowerCase() === wanted || unit.shortName?.toLowerCase() === wanted,
  );
}

/** Checks one row; returns what it sets, or the errors naming its columns. */
function parseRow(
  rowNumber: number,
  cells: Map<ImportField, { column: string; value: string }>,
  lookups: Lookups,
  access: PortfolioAccess,
): { parsed: ParsedRow | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const fail = (field: ImportField, code: string, message: string) =>
    errors.push({ row: rowNumber, column: cells.get(field)?.column ?? null, field, code, message });
  const value = (field: ImportField) => cells.get(field)?.value ?? '';
  const values: ParsedRow['values'] = {};

  for (const [field, cell] of cells) {
    if (!cellContent.safeParse(cell.value).success)
      fail(field, 'invalid_text', `Fältet ${fieldNamesSv[field]} innehåller otillåtna tecken.`);
  }
  const name = value('name');
  if (!name) fail('name', 'required', 'Namn saknas.');
  else if (name.length > 120) fail('name', 'too_long', 'Namnet är längre än 120 tecken.');

  const existing = lookups.existing.get(name.toLowerCase());
  const boardText = value('owningBoard');
  if (boardText) {
    const board = unitByName(lookups.units, boardText);
    if (!board) fail('owningBoard', 'unknown_board', `Nämnden "${boardText}" finns inte i organisationen.`);
    else if (board.kind !== 'board') fail('owningBoard', 'not_a_board', `"${boardText}" är inte en nämnd.`);
    else if (!access.manages(board.id))
      fail('owningBoard', 'not_in_scope', `Du förvaltar inte portföljen för ${board.name}.`);
    else values.owning_board_id = board.id;
  } else if (!existing) {
    fail('owningBoard', 'required', 'Ägande nämnd saknas.');
  }
  if (existing && !access.manages(existing.owning_board_id)) {
    fail('name', 'not_in_scope', `Du förvaltar inte portföljen för systemet ${name}.`);
  }

  for (const field of ['category', 'supportKind', 'lifecycle', 'hosting', 'tier'] as const) {
    const text = value(field);
    if (!text) continue;
    const mapped =
      vocabularies[field]?.[text.toLowerCase().replace(/\s+/g, ' ')] ??
      vocabularies[field]?.[text.toLowerCase().replace(/\s+/g, '')];
    if (!mapped) {
      const allowed = [...new Set(Object.keys(vocabularies[field] ?? {}))].slice(0, 8).join(', ');
      fail(
        field,
        'unknown_value',
        `"${text}" är inte en giltig ${fieldNamesSv[field]} (till exempel ${allowed}).`,
      );
    } else if (field === 'category') values.category = mapped;
    else if (field === 'supportKind') values.support_kind = mapped;
    else if (field === 'lifecycle') values.lifecycle = mapped;
    else if (field === 'hosting') values.hosting = mapped;
    else values.tier = mapped;
  }
  // The lifecycle of a registered system moves on its page, where the owner rules are checked; a
  // new system is registered as planned or as already in use (introducing takes an accepted owner).
  if (values.lifecycle && existing && values.lifecycle !== existing.lifecycle) {
    fail(
      'lifecycle',
      'lifecycle_not_imported',
      'Livscykeln för ett registrerat system ändras på systemets sida.',
    );
  } else if (values.lifecycle === 'introducing' && !existing) {
    fail(
      'lifecycle',
      'accepted_owner_required',
      'Ett system som införs behöver en systemägare som har accepterat. Registrera det som planerat.',
    );
  }
  if (existing && values.lifecycle === existing.lifecycle) delete values.lifecycle;
  // A tier in the file that is the system's tier already is no decision of its own.
  if (existing && values.tier === existing.tier) delete values.tier;
  const from = value('lifecycleFrom');
  if (from) {
    if (!isCalendarDate(from))
      fail('lifecycleFrom', 'invalid_date', `"${from}" är inte ett datum (ÅÅÅÅ-MM-DD).`);
    else if (!existing) values.lifecycle_from = from;
  }
  const users = value('userCount');
  if (users) {
    const count = Number(users.replace(/\s/g, ''));
    if (Number.isInteger(count) && count >= 0 && count <= 10_000_000) values.user_count = count;
    else fail('userCount', 'invalid_number', `"${users}" är inte ett antal användare.`);
  }
  for (const field of ['singleSignOn', 'centralAccessAdministration'] as const) {
    const text = value(field);
    if (!text) continue;
    const truth = truthWords[text.toLowerCase()];
    if (truth === undefined) fail(field, 'invalid_yes_no', `"${text}" ska vara ja eller nej.`);
    else if (field === 'singleSignOn') values.single_sign_on = truth;
    else values.central_access_administration = truth;
  }
  for (const field of ['documentationUrl', 'loginUrl'] as const) {
    const text = value(field);
    if (!text) continue;
    if (!isWebAddress(text)) fail(field, 'invalid_url', `"${text}" är inte en webbadress (https://…).`);
    else if (field === 'documentationUrl') values.documentation_url = text;
    else values.login_url = text;
  }
  const plain: [
    ImportField,
    'description' | 'purpose' | 'supplier' | 'contract_reference' | 'technical_platform',
    number,
  ][] = [
    ['description', 'description', 4000],
    ['purpose', 'purpose', 2000],
    ['supplier', 'supplier', 200],
    ['contractReference', 'contract_reference', 200],
    ['technicalPlatform', 'technical_platform', 300],
  ];
  for (const [field, column, max] of plain) {
    const text = value(field);
    if (!text) continue;
    if (text.length > max)
      fail(field, 'too_long', `Fältet ${fieldNamesSv[field]} är längre än ${max} tecken.`);
    else values[column] = text;
  }
  let usedBy: string[] | null = null;
  if (cells.has('usedBy')) {
    usedBy = [];
    for (const part of value('usedBy')
      .split(/[;,]/)
      .map((text) => text.trim())
      .filter(Boolean)) {
      const unit = unitByName(lookups.units, part);
      if (unit) usedBy.push(unit.id);
      else fail('usedBy', 'unknown_unit', `Enheten "${part}" finns inte i organisationen.`);
    }
  }
  let ownerId: string | null = null;
  const ownerEmail = value('systemOwnerEmail');
  if (ownerEmail) {
    const owner = lookups.owners.get(ownerEmail.toLowerCase());
    if (owner) ownerId = owner.id;
    else fail('systemOwnerEmail', 'unknown_person', `Ingen medarbetare har e-postadressen ${ownerEmail}.`);
  }
  return { parsed: errors.length === 0 ? { row: rowNumber, name, values, usedBy, ownerId } : null, errors };
}

// ---------------------------------------------------------------------------------------------
// The import's steps.

export async function stageImport(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  fileName: string,
  sheet: Spreadsheet,
): Promise<ImportPreview> {
  const tables = portfolioDb(db);
  await tables
    .deleteFrom('portfolio_imports')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  const row = await tables
    .insertInto('portfolio_imports')
    .values({
      file_name: fileName,
      uploaded_by: access.userId,
      columns: JSON.stringify(sheet.columns),
      rows: JSON.stringify(sheet.rows),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return previewOf(row.id, fileName, sheet);
}

export function previewOf(id: string, fileName: string, sheet: Spreadsheet): ImportPreview {
  return {
    id,
    fileName,
    columns: sheet.columns,
    suggestedMapping: suggestMapping(sheet.columns),
    rowCount: sheet.rows.length,
    sample: sheet.rows.slice(0, 5),
  };
}

export async function findImport(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  id: string,
): Promise<{ fileName: string; sheet: Spreadsheet }> {
  const row = await portfolioDb(db)
    .selectFrom('portfolio_imports')
    .selectAll()
    .where('id', '=', id)
    .where('created_at', '>=', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst();
  // Another person's upload is theirs: answered as not found.
  if (!row || row.uploaded_by !== access.userId) throw portfolioError('import_not_found');
  return {
    fileName: row.file_name,
    sheet: { columns: row.columns as string[], rows: row.rows as string[][] },
  };
}

/**
 * Checks every row and, when allowed, writes them in one transaction: with errors nothing is
 * written unless `validRowsOnly`; `dryRun` only checks.
 */
export async function runImport(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  sheet: Spreadsheet,
  options: { mapping: Record<string, ImportField | null>; validRowsOnly: boolean; dryRun: boolean },
  record: (trx: Kysely<unknown>, result: ImportResult) => Promise<void>,
): Promise<ImportResult> {
  const mapped = Object.entries(options.mapping).filter(
    (entry): entry is [string, ImportField] => entry[1] !== null,
  );
  const errors: ImportRowError[] = [];
  const fieldCount = new Map<ImportField, number>();
  for (const [column, field] of mapped) {
    if (!sheet.columns.includes(column)) {
      errors.push({
        row: 1,
        column,
        field,
        code: 'unknown_column',
        message: `Filen har ingen kolumn "${column}".`,
      });
    }
    fieldCount.set(field, (fieldCount.get(field) ?? 0) + 1);
  }
  for (const [field, count] of fieldCount) {
    if (count > 1) {
      errors.push({
        row: 1,
        column: null,
        field,
        code: 'mapped_twice',
        message: `Fältet ${fieldNamesSv[field]} har valts för ${count} kolumner.`,
      });
    }
  }
  if (!fieldCount.has('name')) {
    errors.push({
      row: 1,
      column: null,
      field: 'name',
      code: 'name_not_mapped',
      message: 'Välj vilken kolumn som innehåller systemens namn.',
    });
  }
  if (errors.length > 0)
    return {
      rows: sheet.rows.length,
      created: 0,
      updated: 0,
      skipped: sheet.rows.length,
      errors,
      committed: false,
    };

  const columnIndex = new Map(
    mapped.map(([column, field]) => [field, { column, index: sheet.columns.indexOf(column) }]),
  );
  const emails = sheet.rows
    .map((cells) => cells[columnIndex.get('systemOwnerEmail')?.index ?? -1] ?? '')
    .filter(Boolean);
  const existingRows = await portfolioDb(db)
    .selectFrom('portfolio_systems')
    .select(['id', 'name', 'owning_board_id', 'lifecycle', 'tier'])
    .execute();
  const lookups: Lookups = {
    units: access.units,
    owners: await findStaffByEmails(db, emails),
    existing: new Map(existingRows.map((row) => [row.name.toLowerCase(), row])),
  };
  const valid: ParsedRow[] = [];
  const seenNames = new Map<string, number>();
  sheet.rows.forEach((cells, index) => {
    const rowNumber = index + 2;
    const rowCells = new Map(
      [...columnIndex].map(
        ([field, { column, index: at }]) => [field, { column, value: cells[at] ?? '' }] as const,
      ),
    );
    const { parsed, errors: rowErrors } = parseRow(rowNumber, rowCells, lookups, access);
    const key = (rowCells.get('name')?.value ?? '').toLowerCase();
    const first = seenNames.get(key);
    if (key && first !== undefined) {
      rowErrors.push({
        row: rowNumber,
        column: rowCells.get('name')?.column ?? null,
        field: 'name',
        code: 'duplicate_name',
        message: `Systemet finns redan på rad ${first} i filen.`,
      });
    } else if (key) seenNames.set(key, rowNumber);
    errors.push(...rowErrors);
    if (parsed && rowErrors.length === 0) valid.push(parsed);
  });

  const result: ImportResult = {
    rows: sheet.rows.length,
    created: valid.filter((row) => !lookups.existing.has(row.name.toLowerCase())).length,
    updated: valid.filter((row) => lookups.existing.has(row.name.toLowerCase())).length,
    skipped: sheet.rows.length - valid.length,
    errors,
    committed: false,
  };
  // A dry run tells what would be written; a refused commit says that nothing was.
  if (options.dryRun) return result;
  if (errors.length > 0 && !options.validRowsOnly) {
    return { ...result, created: 0, updated: 0, skipped: sheet.rows.length };
  }
  if (valid.length === 0) return result;
  await db.transaction().execute(async (trx) => {
    for (const row of valid) {
      await withUniqueName(writeRow(trx, access, row, lookups.existing.get(row.name.toLowerCase())));
    }
    await record(trx, { ...result, committed: true });
  });
  return { ...result, committed: true };
}

async function writeRow(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  row: ParsedRow,
  existing: { id: string } | undefined,
): Promise<void> {
  const tables = portfolioDb(trx);
  const { tier, ...facts } = row.values;
  // A tier in the file is the municipality's decision, kept as an override with where it came from.
  const tierColumns = tier
    ? { tier_override: tier, tier_override_justification: 'Nivån kommer från den importerade filen.', tier }
    : {};
  let systemId: string;
  if (existing) {
    systemId = existing.id;
    await tables
      .updateTable('portfolio_systems')
      .set({
        ...facts,
        ...tierColumns,
        ...(facts.supplier ? { supplier_sort: swedishSortKey(facts.supplier) } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', systemId)
      .execute();
  } else {
    const lifecycle = facts.lifecycle ?? 'operating';
    const from = facts.lifecycle_from ?? access.today;
    const created = await tables
      .insertInto('portfolio_systems')
      .values({
        name: row.name,
        name_sort: swedishSortKey(row.name),
        description: facts.description ?? '',
        purpose: facts.purpose ?? '',
        category: facts.category ?? 'department',
        support_kind: facts.support_kind ?? 'basic',
        support_kind_since: from,
        lifecycle,
        lifecycle_from: from,
        owning_board_id: facts.owning_board_id ?? '',
        user_count: facts.user_count ?? null,
        supplier: facts.supplier ?? null,
        supplier_sort: facts.supplier ? swedishSortKey(facts.supplier) : null,
        contract_reference: facts.contract_reference ?? null,
        hosting: facts.hosting ?? 'ownDataCentre',
        technical_platform: facts.technical_platform ?? null,
        documentation_url: facts.documentation_url ?? null,
        login_url: facts.login_url ?? null,
        single_sign_on: facts.single_sign_on ?? false,
        central_access_administration: facts.central_access_administration ?? false,
        ...tierColumns,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    systemId = created.id;
    await tables
      .insertInto('portfolio_system_lifecycle')
      .values({ system_id: systemId, stage: lifecycle, from_date: from, recorded_by: access.userId })
      .execute();
  }
  if (row.usedBy) await replaceUsage(tables, systemId, row.usedBy);
  if (row.ownerId) await nameOwner(trx, access, systemId, row.ownerId);
}

/** The file's system owner becomes the owner from today, unless they already are (not yet accepted). */
async function nameOwner(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  systemId: string,
  personId: string,
): Promise<void> {
  const tables = portfolioDb(trx);
  const today = access.today;
  const current = await tables
    .selectFrom('portfolio_role_assignments')
    .selectAll()
    .where('subject_type', '=', 'system')
    .where('subject_id', '=', systemId)
    .where('role', '=', 'systemOwner')
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .execute();
  if (current.some((row) => row.person_id === personId)) return;
  const system = await tables
    .selectFrom('portfolio_systems')
    .select('owning_board_id')
    .where('id', '=', systemId)
    .executeTakeFirstOrThrow();
  for (const row of current) {
    // A holder from before today hands over; one not yet begun is replaced.
    if (row.valid_from < today) {
      await tables
        .updateTable('portfolio_role_assignments')
        .set({ valid_to: addDays(today, -1), updated_at: new Date() })
        .where('id', '=', row.id)
        .execute();
    } else {
      await tables.deleteFrom('portfolio_role_assignments').where('id', '=', row.id).execute();
    }
  }
  await tables
    .insertInto('portfolio_role_assignments')
    .values({
      subject_type: 'system',
      subject_id: systemId,
      role: 'systemOwner',
      person_id: personId,
      org_unit_id: system.owning_board_id,
      valid_from: today,
      assigned_by: access.userId,
    })
    .execute();
}
