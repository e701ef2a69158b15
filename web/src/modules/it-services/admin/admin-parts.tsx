// Pieces the IT department's administration pages share: amounts and per cents as typed, and dates.

/** A per cent as typed (`2`, `2,15`), or null when it is not one between 0 and 100. */
export function parsePercent(text: string): number | null {
  const plain = text.trim().replace(',', '.').replace(/\s*%$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  const value = Number(plain);
  return value <= 100 ? value : null;
}

/** A year as typed, or null when it is not one between 2000 and 2199. */
export function parseYear(text: string): number | null {
  const plain = text.trim();
  if (!/^\d{4}$/.test(plain)) return null;
  const year = Number(plain);
  return year >= 2000 && year <= 2199 ? year : null;
}

/** Is `text` a real calendar day `YYYY-MM-DD` between 2000 and 2199? */
export function isIsoDate(text: string): boolean {
  if (!/^(20\d\d|21\d\d)-\d\d-\d\d$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Whole öre as kronor for a form field: `12500`, `1250,50`. */
export function kronorText(ore: number): string {
  return ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace('.', ',');
}

/** A per cent with up to two decimals: `2,15 %`. */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}
