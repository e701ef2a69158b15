import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDayOf, formatCalendarDate, yearOf } from './calendar-date.ts';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './index.ts';

/** Every date of a year, as `YYYY-MM-DD`. */
function datesOf(year: number): string[] {
  const dates: string[] = [];
  for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; ) {
    dates.push(day.toISOString().slice(0, 10));
    day = new Date(day.getTime() + 86_400_000);
  }
  return dates;
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The weekdays that are not working days: the test's own list, written out from the almanac. */
const closedWeekdays: Record<number, string[]> = {
  2026: [
    '2026-01-01', // nyårsdagen (Thu)
    '2026-01-06', // trettondedag jul
    '2026-04-03', // långfredagen
    '2026-04-06', // annandag påsk
    '2026-05-01', // första maj
    '2026-05-14', // Kristi himmelsfärdsdag
    '2026-06-19', // midsommarafton (nationaldagen, midsommardagen and alla helgons dag are Saturdays)
    '2026-12-24', // julafton
    '2026-12-25', // juldagen (annandag jul is a Saturday)
    '2026-12-31', // nyårsafton
  ],
  2027: [
    '2027-01-01',
    '2027-01-06',
    '2027-03-26', // långfredagen
    '2027-03-29', // annandag påsk
    '2027-05-06', // Kristi himmelsfärdsdag (första maj is a Saturday)
    '2027-06-25', // midsommarafton
    '2027-12-24', // julafton (Fri); juldagen, annandag jul and nationaldagen fall on weekends
    '2027-12-31',
  ],
};

describe('isWorkingDay', () => {
  it.each([2026, 2027])('closes exactly the almanac weekdays of %i', (year) => {
    const closed = datesOf(year).filter((date) => !isWeekend(date) && !isWorkingDay(date));
    expect(closed).toEqual(closedWeekdays[year]);
  });

  it('never counts a Saturday or Sunday', () => {
    expect(datesOf(2026).filter((date) => isWeekend(date) && isWorkingDay(date))).toEqual([]);
  });

  it('keeps the half-days that are not days off as working days', () => {
    expect(isWorkingDay('2026-01-05')).toBe(true); // trettondagsafton
    expect(isWorkingDay('2026-04-02')).toBe(true); // skärtorsdagen
    expect(isWorkingDay('2026-04-30')).toBe(true); // valborgsmässoafton
    expect(isWorkingDay('2026-10-30')).toBe(true); // allhelgonaafton
    expect(isWorkingDay('2026-05-25')).toBe(true); // annandag pingst, no holiday since 2005
  });

  it('handles leap days', () => {
    expect(isWorkingDay('2028-02-29')).toBe(true); // a Tuesday
    expect(workingDaysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('skips the Easter weekend of 2026', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07'); // skärtorsdagen → Tuesday after
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
    expect(workingDaysBetween('2026-03-30', '2026-04-10')).toBe(7); // 9 weekdays after, 2 closed
  });

  it('skips the Easter weekend and Ascension Day of 2027', () => {
    expect(addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
    expect(addWorkingDays('2027-05-05', 1)).toBe('2027-05-07');
    expect(workingDaysBetween('2027-03-22', '2027-04-02')).toBe(7);
  });

  it('skips midsummer', () => {
    expect(addWorkingDays('2026-06-18', 1)).toBe('2026-06-22');
    expect(addWorkingDays('2027-06-24', 1)).toBe('2027-06-28');
    expect(workingDaysBetween('2026-06-15', '2026-06-26')).toBe(8);
  });

  it('counts Christmas to Epiphany 2026–27 across the turn of the year', () => {
    const from = '2026-12-23';
    const expected = ['2026-12-28', '2026-12-29', '2026-12-30', '2027-01-04', '2027-01-05', '2027-01-07'];
    expect(expected.map((_, i) => addWorkingDays(from, i + 1))).toEqual(expected);
    expect(workingDaysBetween(from, '2027-01-07')).toBe(6);
    expect(workingDaysBetween(from, '2027-01-06')).toBe(5);
  });

  it('counts a weekend submission from the next working day', () => {
    for (const submitted of ['2026-03-06', '2026-03-07', '2026-03-08']) {
      expect(addWorkingDays(submitted, 1)).toBe('2026-03-09');
    }
    // Four weeks from a Saturday, with långfredagen and annandag påsk on the way.
    expect(addWorkingDays('2026-03-07', 20)).toBe('2026-04-07');
    expect(workingDaysBetween('2026-03-07', '2026-04-07')).toBe(20);
    expect(workingDaysBetween('2026-03-07', '2026-03-08')).toBe(0);
  });

  it('gives the start itself for 0 days and 0 for spans that do not go forward', () => {
    expect(addWorkingDays('2026-12-24', 0)).toBe('2026-12-24');
    expect(workingDaysBetween('2026-05-05', '2026-05-05')).toBe(0);
    expect(workingDaysBetween('2026-05-05', '2026-05-01')).toBe(0);
  });

  it('counts whole years', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(251);
    expect(workingDaysBetween('2026-12-31', '2027-12-31')).toBe(253);
    expect(addWorkingDays('2025-12-31', 251)).toBe('2026-12-30');
  });
});

describe('consistency (property-based)', () => {
  const DAY = 86_400_000;
  const date = fc
    .integer({ min: Date.UTC(1990, 0, 1) / DAY, max: Date.UTC(2120, 0, 1) / DAY })
    .map((day) => new Date(day * DAY).toISOString().slice(0, 10));
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  const previousDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - DAY).toISOString().slice(0, 10);

  it('addWorkingDays(a, n) = b is the first day b with workingDaysBetween(a, b) = n', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 800 }), (from, days) => {
        const to = addWorkingDays(from, days);
        expect(workingDaysBetween(from, to)).toBe(days);
        if (days > 0) {
          expect(isWorkingDay(to)).toBe(true);
          expect(workingDaysBetween(from, previousDay(to))).toBe(days - 1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('workingDaysBetween adds up over adjacent spans', () => {
    fc.assert(
      fc.property(date, date, date, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort() as [string, string, string];
        expect(workingDaysBetween(a, c)).toBe(workingDaysBetween(a, b) + workingDaysBetween(b, c));
      }),
      { numRuns: 2000 },
    );
  });

  it('workingDaysBetween agrees with counting day by day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 500 }), (from, span) => {
        let count = 0;
        let day = from;
        for (let i = 0; i < span; i++) {
          day = nextDay(day);
          if (isWorkingDay(day)) count++;
        }
        expect(workingDaysBetween(from, day)).toBe(count);
      }),
      { numRuns: 300 },
    );
  });
});

describe('invalid input', () => {
  it.each([
    '2026-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '20260105',
    '2026-01-05T00:00:00Z',
    ' 2026-01-05',
    '',
    '1899-12-31',
    '3000-01-01',
    '２０２６-01-05',
  ])('throws a RangeError for %j', (bad) => {
    expect(() => isWorkingDay(bad)).toThrow(RangeError);
    expect(() => addWorkingDays(bad, 1)).toThrow(RangeError);
    expect(() => workingDaysBetween(bad, '2026-01-05')).toThrow(RangeError);
    expect(() => workingDaysBetween('2026-01-05', bad)).toThrow(RangeError);
  });

  it('throws for values that are not strings', () => {
    expect(() => isWorkingDay(undefined as unknown as string)).toThrow(RangeError);
    expect(() => isWorkingDay(new Date() as unknown as string)).toThrow(RangeError);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d working days', (days) => {
    expect(() => addWorkingDays('2026-01-05', days)).toThrow(RangeError);
  });

  it('refuses to count past the last supported year', () => {
    expect(() => addWorkingDays('2999-12-20', 30)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('agrees with Date for every day from 1900 to 2999', () => {
    const mismatches: string[] = [];
    for (let day = epochDayOf(1900, 1, 1); day < epochDayOf(3000, 1, 1); day++) {
      const date = new Date(day * 86_400_000);
      const iso = date.toISOString().slice(0, 10);
      const roundTrip = epochDayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      if (formatCalendarDate(day) !== iso || yearOf(day) !== date.getUTCFullYear() || roundTrip !== day) {
        mismatches.push(iso);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('speed', () => {
  // A list of a million cases computes a deadline per row: a slip back to walking the days one by
  // one (≈ 365 steps a call here) would take seconds, the tables take tens of milliseconds.
  it('answers 200,000 year-long spans well under a second', () => {
    const starts = datesOf(2026);
    const ends = datesOf(2027);
    workingDaysBetween('2026-01-01', '2027-12-31'); // build the year tables outside the timing
    const began = performance.now();
    let sum = 0;
    for (let i = 0; i < 200_000; i++) sum += workingDaysBetween(starts[i % 365] ?? '', ends[i % 365] ?? '');
    const elapsed = performance.now() - began;
    expect(sum).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(1000);
  });
});
