import {
  type Contract,
  type ContractInput,
  formatOrganisationNumber,
  isValidOrganisationNumber,
  normalizeOrganisationNumber,
  type Supplier,
  type SupplierInput,
  type SupplierTrend,
} from '@karna/contracts';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { FieldErrorDetail } from '../../platform/http/errors.ts';
import { systemFacts } from '../portfolio/index.ts';
import { readCsvFile } from './it-services.csv-file.ts';
import { itServicesError } from './it-services.errors.ts';
import { type ItServicesSupplierTables, itServicesDb } from './it-services.tables.ts';

/**
 * The supplier register (N7): suppliers by organisation number, their contracts with the date by
 * which each must be renewed or given notice, the yearly spend the finance system reports, and
 * the number of suppliers paid each year against MOL's targets.
 */

type SupplierRow = Selectable<ItServicesSupplierTables['it_suppliers']>;
type ContractRow = Selectable<ItServicesSupplierTables['it_contracts']>;

/** A contract's notice date within this many days (or passed) puts it on the renewal list. */
export const RENEWAL_HORIZON_DAYS = 120;

function uniqueNumber<T>(write: Promise<T>): Promise<T> {
  return write.catch((error: unknown) => {
    if ((error as { code?: string }).code === '23505') {
      throw itServicesError('supplier_taken', {
        fieldErrors: [{ path: 'organisationNumber', message: 'is already in the register' }],
      });
    }
    throw error;
  });
}

async function presentSuppliers(db: Kysely<unknown>, rows: readonly SupplierRow[]): Promise<Supplier[]> {
  const ids = rows.map((row) => row.id);
  const [spend, contracts] = ids.length
    ? await Promise.all([
        itServicesDb(db)
          .selectFrom('it_supplier_spend')
          .selectAll()
          .where('supplier_id', 'in', ids)
          .orderBy('year', 'desc')
          .execute(),
        itServicesDb(db)
          .selectFrom('it_contracts')
          .select(['supplier_id', sql<number>`count(*)::int`.as('count')])
          .where('supplier_id', 'in', ids)
          .groupBy('supplier_id')
          .execute(),
      ])
    : [[], []];
  const counts = new Map(contracts.map((row) => [row.supplier_id, row.count]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    organisationNumber: formatOrganisationNumber(row.organisation_number),
    category: row.category,
    notes: row.notes,
    spend: spend
      .filter((item) => item.supplier_id === row.id)
      .map((item) => ({ year: item.year, amountOre: Number(item.amount_ore) })),
    contractCount: counts.get(row.id) ?? 0,
  }));
}

export async function listSuppliers(
  db: Kysely<unknown>,
  query: { q?: string | undefined; year?: number | undefined; limit: number; offset: number },
): Promise<{ items: Supplier[]; total: number }> {
  let select = itServicesDb(db).selectFrom('it_suppliers as s');
  for (const word of (query.q ?? '').toLocaleLowerCase('sv').split(/\s+/).filter(Boolean)) {
    const digits = word.replace(/-/g, '');
    select = select.where((eb) =>
      eb.or([
        eb(sql`lower(s.name)`, 'like', `%${word.replace(/[\\%_]/g, '\\$&')}%`),
        ...(/^\d+$/.test(digits) ? [eb('s.organisation_number', 'like', `${digits}%`)] : []),
      ]),
    );
  }
  if (query.year !== undefined) {
    const year = query.year;
    select = select.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('it_supplier_spend as p')
          .select('p.year')
          .whereRef('p.supplier_id', '=', 's.id')
          .where('p.year', '=', year)
          .where('p.amount_ore', '>', 0),
      ),
    );
  }
  const [rows, total] = await Promise.all([
    select
      .selectAll('s')
      .orderBy(sql`lower(s.name)`)
      .orderBy('s.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    select.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  const collator = new Intl.Collator('sv');
  const items = await presentSuppliers(db, rows);
  return { items: items.sort((a, b) => collator.compare(a.name, b.name)), total: total.count };
}

export async function supplierView(db: Kysely<unknown>, id: string): Promise<Supplier> {
  const row = await itServicesDb(db)
    .selectFrom('it_suppliers')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw itServicesError('supplier_not_found');
  const [supplier] = await presentSuppliers(db, [row]);
  if (!supplier) throw itServicesError('supplier_not_found');
  return supplier;
}

export async function createSupplier(trx: Kysely<unknown>, input: SupplierInput): Promise<string> {
  const row = await uniqueNumber(
    itServicesDb(trx)
      .insertInto('it_suppliers')
      .values({
        name: input.name,
        organisation_number: input.organisationNumber,
        category: input.category,
        notes: input.notes,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

export async function updateSupplier(trx: Kysely<unknown>, id: string, input: SupplierInput): Promise<void> {
  const row = await uniqueNumber(
    itServicesDb(trx)
      .updateTable('it_suppliers')
      .set({
        name: input.name,
        organisation_number: input.organisationNumber,
        category: input.category,
        notes: input.notes,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst(),
  );
  if (!row) throw itServicesError('supplier_not_found');
}

// ---------------------------------------------------------------------------------------------
// Contracts.

function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return target.toISOString().slice(0, 10);
}

export function noticeDateOf(contract: { ends_on: string | null; notice_months: number }): string | null {
  return contract.ends_on ? addMonths(contract.ends_on, -contract.notice_months) : null;
}

async function presentContracts(
  db: Kysely<unknown>,
  rows: readonly ContractRow[],
  today: string,
): Promise<Contract[]> {
  const supplierIds = [...new Set(rows.map((row) => row.supplier_id))];
  const [suppliers, systems] = await Promise.all([
    supplierIds.length
      ? itServicesDb(db)
          .selectFrom('it_suppliers')
          .select(['id', 'name'])
          .where('id', 'in', supplierIds)
          .execute()
      : [],
    systemFacts(
      db,
      rows.flatMap((row) => (row.system_id ? [row.system_id] : [])),
    ),
  ]);
  const names = new Map(suppliers.map((supplier) => [supplier.id, supplier.name]));
  const horizon = addDays(today, RENEWAL_HORIZON_DAYS);
  return rows.map((row) => {
    const noticeBy = noticeDateOf(row);
    const active = row.starts_on <= today && (row.ends_on === null || row.ends_on >= today);
    const system = row.system_id ? systems.get(row.system_id) : undefined;
    return {
      id: row.id,
      supplier: { id: row.supplier_id, name: names.get(row.supplier_id) ?? '' },
      title: row.title,
      reference: row.reference,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      noticeMonths: row.notice_months,
      noticeBy,
      annualValueOre: Number(row.annual_value_ore),
      system: system ? { id: system.id, name: system.name } : null,
      active,
      renewalDue: active && noticeBy !== null && noticeBy <= horizon,
    };
  });
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export async function listContracts(
  db: Kysely<unknown>,
  query: { supplierId?: string | undefined; renewalDue: 'true' | 'false' },
  today: string,
): Promise<Contract[]> {
  let select = itServicesDb(db).selectFrom('it_contracts').selectAll();
  if (query.supplierId) select = select.where('supplier_id', '=', query.supplierId);
  const rows = await select.orderBy(sql`ends_on nulls last`).orderBy('title').limit(1000).execute();
  const contracts = await presentContracts(db, rows, today);
  return query.renewalDue === 'true' ? contracts.filter((contract) => contract.renewalDue) : contracts;
}

export async function contractView(db: Kysely<unknown>, id: string, today: string): Promise<Contract> {
  const row = await itServicesDb(db)
    .selectFrom('it_contracts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw itServicesError('contract_not_found');
  const [contract] = await presentContracts(db, [row], today);
  if (!contract) throw itServicesError('contract_not_found');
  return contract;
}

async function checkContract(db: Kysely<unknown>, input: ContractInput): Promise<void> {
  const supplier = await itServicesDb(db)
    .selectFrom('it_suppliers')
    .select('id')
    .where('id', '=', input.supplierId)
    .executeTakeFirst();
  if (!supplier) {
    throw itServicesError('supplier_not_found', {
      fieldErrors: [{ path: 'supplierId', message: 'is not a supplier in the register' }],
    });
  }
  if (input.systemId && !(await systemFacts(db, [input.systemId])).has(input.systemId)) {
    throw itServicesError('service_system_unknown', {
      fieldErrors: [{ path: 'systemId', message: 'is not a system in the portfolio' }],
    });
  }
}

function contractColumns(input: ContractInput) {
  return {
    supplier_id: input.supplierId,
    title: input.title,
    reference: input.reference,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    notice_months: input.noticeMonths,
    annual_value_ore: input.annualValueOre,
    system_id: input.systemId,
  };
}

export async function createContract(trx: Kysely<unknown>, input: ContractInput): Promise<string> {
  await checkContract(trx, input);
  const row = await itServicesDb(trx)
    .insertInto('it_contracts')
    .values(contractColumns(input))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateContract(trx: Kysely<unknown>, id: string, input: ContractInput): Promise<void> {
  await checkContract(trx, input);
  const row = await itServicesDb(trx)
    .updateTable('it_contracts')
    .set({ ...contractColumns(input), updated_at: new Date() })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw itServicesError('contract_not_found');
}

// ---------------------------------------------------------------------------------------------
// The finance system's spend file: organisationsnummer;leverantör;år;belopp.

export const MAX_SPEND_FILE_BYTES = 10 * 1024 * 1024;
const SPEND_HEADINGS = ['organisationsnummer', 'leverantör', 'år', 'belopp'];

interface SpendRow {
  organisationNumber: string;
  name: string;
  year: number;
  amountOre: number;
}

/** Reads every row before anything is written; a file with any bad row is refused whole. */
export function readSpendFile(content: string): SpendRow[] {
  const records = readCsvFile(content, SPEND_HEADINGS, (problem) =>
    itServicesError('spend_file_invalid', problem),
  );
  const rows: SpendRow[] = [];
  const errors: FieldErrorDetail[] = [];
  const seen = new Set<string>();
  for (const { cells: record, at } of records) {
    const [number = '', name = '', yearText = '', amountText = ''] = record;
    const year = Number(yearText);
    // Kronor with a decimal comma (12 345,50), spaces as thousands separators.
    const amount = Number(amountText.replace(/[\s\u00a0]/g, '').replace(',', '.'));
    if (record.length !== 4)
      errors.push({ path: at, message: { sv: 'ska ha fyra kolumner', en: 'must have four columns' } });
    else if (!isValidOrganisationNumber(number))
      errors.push({
        path: at,
        message: { sv: 'har inget giltigt organisationsnummer', en: 'has no valid organisation number' },
      });
    else if (name === '' || name.length > 200)
      errors.push({
        path: at,
        message: {
          sv: 'ska ange leverantören (högst 200 tecken)',
          en: 'must name the supplier (at most 200 characters)',
        },
      });
    else if (!Number.isInteger(year) || year < 2000 || year > 2199)
      errors.push({ path: at, message: { sv: 'ska ha ett år 2000–2199', en: 'must have a year 2000–2199' } });
    else if (amountText === '' || !Number.isFinite(amount) || amount < 0 || amount > 100_000_000_000)
      errors.push({
        path: at,
        message: {
          sv: 'ska ha ett belopp i kronor, 0 eller mer',
          en: 'must have an amount in kronor, 0 or more',
        },
      });
    else {
      const organisationNumber = normalizeOrganisationNumber(number);
      const key = `${organisationNumber} ${year}`;
      if (seen.has(key))
        errors.push({
          path: at,
          message: { sv: 'upprepar en leverantör och ett år', en: 'repeats a supplier and year' },
        });
      seen.add(key);
      rows.push({ organisationNumber, name, year, amountOre: Math.round(amount * 100) });
    }
  }
  if (errors.length > 0) {
    throw itServicesError('spend_file_invalid', {
      detail: `${errors.length} rows have errors.`,
      fieldErrors: errors.slice(0, 50),
    });
  }
  if (rows.length === 0) throw itServicesError('spend_file_invalid', { detail: 'The file has no rows.' });
  return rows;
}

/** Writes the spend: suppliers not yet in the register are added by name; a year's amount is replaced. */
export async function importSpend(trx: Kysely<unknown>, rows: readonly SpendRow[]) {
  const tables = itServicesDb(trx);
  const numbers = [...new Set(rows.map((row) => row.organisationNumber))];
  const known = new Map<string, string>();
  for (let index = 0; index < numbers.length; index += 1000) {
    const found = await tables
      .selectFrom('it_suppliers')
      .select(['id', 'organisation_number'])
      .where('organisation_number', 'in', numbers.slice(index, index + 1000))
      .execute();
    for (const row of found) known.set(row.organisation_number, row.id);
  }
  const created = new Map<string, string>();
  const newSuppliers = [
    ...new Map(
      rows
        .filter((row) => !known.has(row.organisationNumber))
        .map((row) => [row.organisationNumber, row.name]),
    ),
  ];
  for (let index = 0; index < newSuppliers.length; index += 1000) {
    const inserted = await tables
      .insertInto('it_suppliers')
      .values(
        newSuppliers
          .slice(index, index + 1000)
          .map(([organisationNumber, name]) => ({ name, organisation_number: organisationNumber })),
      )
      .returning(['id', 'organisation_number'])
      .execute();
    for (const row of inserted) created.set(row.organisation_number, row.id);
  }
  const values = rows.map((row) => ({
    supplier_id: known.get(row.organisationNumber) ?? created.get(row.organisationNumber) ?? '',
    year: row.year,
    amount_ore: row.amountOre,
  }));
  for (let index = 0; index < values.length; index += 1000) {
    await tables
      .insertInto('it_supplier_spend')
      .values(values.slice(index, index + 1000))
      .onConflict((conflict) =>
        conflict
          .columns(['supplier_id', 'year'])
          .doUpdateSet((eb) => ({ amount_ore: eb.ref('excluded.amount_ore'), imported_at: new Date() })),
      )
      .execute();
  }
  return {
    rows: rows.length,
    years: [...new Set(rows.map((row) => row.year))].sort(),
    suppliersCreated: created.size,
    suppliersUpdated: new Set(
      rows.filter((row) => known.has(row.organisationNumber)).map((row) => row.organisationNumber),
    ).size,
  };
}

// ---------------------------------------------------------------------------------------------
// The trend against MOL's targets.

export async function setSupplierTargets(
  trx: Kysely<unknown>,
  input: { baselineYear: number; targets: { year: number; reductionPercent: number }[] },
): Promise<void> {
  await itServicesDb(trx).deleteFrom('it_supplier_targets').execute();
  if (input.targets.length === 0) return;
  const years = input.targets.map((target) => target.year);
  if (new Set(years).size !== years.length || years.some((year) => year <= input.baselineYear)) {
    throw itServicesError('supplier_targets_invalid');
  }
  await itServicesDb(trx)
    .insertInto('it_supplier_targets')
    .values(
      input.targets.map((target) => ({
        baseline_year: input.baselineYear,
        year: target.year,
        reduction_percent: target.reductionPercent,
      })),
    )
    .execute();
}

export async function supplierTrend(db: Kysely<unknown>): Promise<SupplierTrend> {
  const [years, targets] = await Promise.all([
    itServicesDb(db)
      .selectFrom('it_supplier_spend')
      .select(['year', sql<number>`count(*)::int`.as('suppliers'), sql<string>`sum(amount_ore)`.as('spend')])
      .where('amount_ore', '>', 0)
      .groupBy('year')
      .orderBy('year')
      .execute(),
    itServicesDb(db).selectFrom('it_supplier_targets').selectAll().orderBy('year').execute(),
  ]);
  const counts = new Map(years.map((row) => [row.year, row.suppliers]));
  const baselineYear = targets[0]?.baseline_year ?? null;
  const baselineCount = baselineYear !== null ? (counts.get(baselineYear) ?? null) : null;
  return {
    baselineYear,
    baselineCount,
    years: years.map((row) => ({ year: row.year, suppliers: row.suppliers, spendOre: Number(row.spend) })),
    targets: targets.map((target) => {
      const targetCount =
        baselineCount !== null ? Math.floor(baselineCount * (1 - target.reduction_percent / 100)) : null;
      const actualCount = counts.get(target.year) ?? null;
      return {
        year: target.year,
        reductionPercent: target.reduction_percent,
        targetCount,
        actualCount,
        met: targetCount !== null && actualCount !== null ? actualCount <= targetCount : null,
      };
    }),
  };
}
