import { parse } from 'csv-parse/sync';
import type { AppError, FieldErrorDetail } from '../../platform/http/errors.ts';

/**
 * The CSV files the IT department imports (drivers, supplier spend, licence use), as finance and
 * portal exports write them: `;` or `,` (told by the first line), UTF-8 with or without a byte-order
 * mark, the headings on the first line, in order, in any letter case. Each row comes with its line
 * in the file, as a spreadsheet numbers it, so errors can name it.
 */

/** The module's CSV uploads are read as text up to this size; each route sets its own, lower limit. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

export interface CsvRow {
  cells: string[];
  /** `rad N`: the row's line in the file. */
  at: string;
}

type Refusal = (options: { detail: string; fieldErrors?: FieldErrorDetail[] }) => AppError;

export function readCsvFile(content: string, headings: readonly string[], refuse: Refusal): CsvRow[] {
  const text = content.replace(/^\uFEFF/, '');
  const delimiter = (text.split('\n')[0] ?? '').includes(';') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const options = { delimiter, skip_empty_lines: true, trim: true, relax_column_count: true, info: true };
    // With `info`, each record comes with where it was read (csv-parse's types do not say so).
    records = parse(text, options) as unknown as typeof records;
  } catch {
    throw refuse({ detail: 'The file is not CSV.' });
  }
  const found = (records[0]?.record ?? []).map((cell) => cell.toLocaleLowerCase('sv'));
  if (found.length !== headings.length || headings.some((heading, index) => found[index] !== heading)) {
    throw refuse({
      detail: `The columns must be ${headings.join(';')}, in that order.`,
      fieldErrors: [
        {
          path: 'rad 1',
          message: {
            sv: `ska vara rubrikerna ${headings.join(';')}`,
            en: `must be the headings ${headings.join(';')}`,
          },
        },
      ],
    });
  }
  return records.slice(1).map(({ record, info }) => ({ cells: record, at: `rad ${info.lines}` }));
}
