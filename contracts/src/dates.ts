/**
 * Calendar dates as Swedes live them: stored instants are UTC, but "today", a relation's start and
 * end, and an age turn over at midnight in Europe/Stockholm.
 */
const stockholmDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Sweden at `at` (default now), as `YYYY-MM-DD`. */
export function swedishDate(at: Date = new Date()): string {
  return stockholmDate.format(at);
}

/** Whole years from `birthDate` (`YYYY-MM-DD`) to `today` (`YYYY-MM-DD`). */
export function yearsBetween(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
