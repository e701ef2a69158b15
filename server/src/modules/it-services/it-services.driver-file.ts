import type { FieldErrorDetail } from '../../platform/http/errors.ts';
import type { ItServicesAccess } from './it-services.access.ts';
import type { DriverKind } from './it-services.allocation.ts';
import { readCsvFile } from './it-services.csv-file.ts';
import { itServicesError } from './it-services.errors.ts';

/**
 * A month's driver quantities as the finance and asset systems export them: a CSV file (`;` or
 * `,`, UTF-8) with the columns förvaltning (name or short name), nyckel (datorer, elevdatorer,
 * användare, anslutningar, projektbehov — or the code) and antal (a decimal comma is fine). Every
 * row is checked before anything is written; the first errors are named by row.
 */

export const MAX_DRIVER_FILE_BYTES = 5 * 1024 * 1024;

const KIND_WORDS: Record<string, DriverKind> = {
  datorer: 'computerStaff',
  dator: 'computerStaff',
  elevdatorer: 'computerPupil',
  elevdator: 'computerPupil',
  användare: 'user',
  anslutningar: 'connection',
  anslutning: 'connection',
  projektbehov: 'projectDemand',
  computerstaff: 'computerStaff',
  computerpupil: 'computerPupil',
  user: 'user',
  connection: 'connection',
  projectdemand: 'projectDemand',
};
const HEADINGS = ['förvaltning', 'nyckel', 'antal'];

export interface DriverFileRow {
  departmentId: string;
  kind: DriverKind;
  quantity: number;
}

export function readDriverFile(access: ItServicesAccess, content: string): DriverFileRow[] {
  const records = readCsvFile(content, HEADINGS, (problem) =>
    itServicesError('driver_file_invalid', problem),
  );
  const departments = new Map<string, string>();
  for (const unit of access.departments()) {
    departments.set(unit.name.toLocaleLowerCase('sv'), unit.id);
    if (unit.shortName) departments.set(unit.shortName.toLocaleLowerCase('sv'), unit.id);
  }
  const rows: DriverFileRow[] = [];
  const errors: FieldErrorDetail[] = [];
  for (const { cells: record, at } of records) {
    const [department = '', kind = '', amount = ''] = record;
    const departmentId = departments.get(department.toLocaleLowerCase('sv'));
    const driverKind = KIND_WORDS[kind.toLocaleLowerCase('sv')];
    const quantity = Number(amount.replace(/\s/g, '').replace(',', '.'));
    if (record.length !== 3)
      errors.push({ path: at, message: { sv: 'ska ha tre kolumner', en: 'must have three columns' } });
    else if (!departmentId)
      errors.push({ path: at, message: { sv: 'anger ingen förvaltning', en: 'names no department' } });
    else if (!driverKind)
      errors.push({
        path: at,
        message: {
          sv: 'anger ingen fördelningsnyckel (datorer, elevdatorer, användare, anslutningar, projektbehov)',
          en: 'names no driver (datorer, elevdatorer, användare, anslutningar, projektbehov)',
        },
      });
    else if (amount === '' || !Number.isFinite(quantity) || quantity < 0 || quantity > 10_000_000)
      errors.push({
        path: at,
        message: {
          sv: 'ska ha ett antal från 0 till 10 000 000',
          en: 'must have a quantity from 0 to 10 000 000',
        },
      });
    else rows.push({ departmentId, kind: driverKind, quantity });
  }
  if (errors.length > 0) {
    throw itServicesError('driver_file_invalid', {
      detail: `${errors.length} rows have errors.`,
      fieldErrors: errors.slice(0, 50),
    });
  }
  if (rows.length === 0) throw itServicesError('driver_file_invalid', { detail: 'The file has no rows.' });
  return rows;
}
