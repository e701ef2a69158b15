import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

/**
 * A CSV file as Swedish spreadsheets open it: semicolons, CRLF and a byte-order mark, so Excel
 * reads å, ä and ö. Text starting like a formula (=, +, -, @, tab, CR) gets a leading apostrophe,
 * so no cell runs as a formula when the file is opened (CSV injection).
 */
export function toCsv(headings: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const safe = (cell: CsvCell) => {
    if (cell === null) return '';
    const text = String(cell);
    return typeof cell === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  };
  return `\uFEFF${stringify([headings, ...rows.map((row) => row.map(safe))], { delimiter: ';', record_delimiter: '\r\n' })}`;
}
