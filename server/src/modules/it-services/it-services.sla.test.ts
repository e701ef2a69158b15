import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addServiceHours,
  type ServiceWindow,
  serviceHoursBetween,
  serviceWindowOf,
} from './it-services.sla.ts';

const always: ServiceWindow = { kind: 'always' };
const gold = serviceWindowOf('Dygnet runt, alla dagar');
const silver = serviceWindowOf('Vardagar 07–19');
const bronze = serviceWindowOf('Vardagar 08–17');

/** Times are written with their Stockholm offset (+01:00 winter, +02:00 summer), as a clock on the wall shows them. */
const at = (local: string) => new Date(local);
const iso = (date: Date) => date.toISOString();

describe('serviceWindowOf', () => {
  it.each<[string, ServiceWindow]>([
    ['Dygnet runt, alla dagar', { kind: 'always' }],
    ['Vardagar 07–19', { kind: 'workingHours', startHour: 7, endHour: 19 }],
    ['Vardagar 08–17', { kind: 'workingHours', startHour: 8, endHour: 17 }],
    ['Vardagar 08–17, bästa förmåga', { kind: 'workingHours', startHour: 8, endHour: 17 }],
    ['Vardagar 07:00-19:00', { kind: 'workingHours', startHour: 7, endHour: 19 }],
    ['vardagar 7—18', { kind: 'workingHours', startHour: 7, endHour: 18 }],
    ['0–24', { kind: 'workingHours', startHour: 0, endHour: 24 }],
    ['Kontorstid', { kind: 'workingHours', startHour: 8, endHour: 17 }],
    ['19–07', { kind: 'workingHours', startHour: 8, endHour: 17 }],
    ['08–25', { kind: 'workingHours', startHour: 8, endHour: 17 }],
    ['', { kind: 'workingHours', startHour: 8, endHour: 17 }],
  ])('reads %j', (text, window) => {
    expect(serviceWindowOf(text)).toEqual(window);
  });
});

describe('addServiceHours in working hours', () => {
  it('carries a Friday 16:00 ticket with 4 bronze hours over the weekend to Monday 11:00', () => {
    expect(iso(addServiceHours(at('2026-03-13T16:00+01:00'), 4, bronze))).toBe(
      iso(at('2026-03-16T11:00+01:00')),
    );
  });

  it('skips julafton, juldagen and annandag jul', () => {
    // 2025: Tuesday 23 December, then Wednesday–Friday 24–26 off, then the weekend.
    expect(iso(addServiceHours(at('2025-12-23T16:00+01:00'), 4, bronze))).toBe(
      iso(at('2025-12-29T11:00+01:00')),
    );
  });

  it('skips nyårsafton and nyårsdagen', () => {
    expect(iso(addServiceHours(at('2025-12-30T16:00+01:00'), 4, bronze))).toBe(
      iso(at('2026-01-02T11:00+01:00')),
    );
  });

  it('skips midsommarafton', () => {
    expect(iso(addServiceHours(at('2026-06-18T16:00+02:00'), 4, bronze))).toBe(
      iso(at('2026-06-22T11:00+02:00')),
    );
  });

  it('skips långfredag and annandag påsk', () => {
    expect(iso(addServiceHours(at('2026-04-02T16:00+02:00'), 4, bronze))).toBe(
      iso(at('2026-04-07T11:00+02:00')),
    );
  });

  it('starts a ticket logged at 03:00 on a working day at the opening', () => {
    expect(iso(addServiceHours(at('2026-02-03T03:00+01:00'), 2, bronze))).toBe(
      iso(at('2026-02-03T10:00+01:00')),
    );
    expect(iso(addServiceHours(at('2026-02-03T03:00+01:00'), 0, bronze))).toBe(
      iso(at('2026-02-03T08:00+01:00')),
    );
  });

  it('counts from the next opening after closing time, and from the start itself inside the window', () => {
    expect(iso(addServiceHours(at('2026-02-03T17:00+01:00'), 0, bronze))).toBe(
      iso(at('2026-02-04T08:00+01:00')),
    );
    expect(iso(addServiceHours(at('2026-02-03T12:00+01:00'), 0, bronze))).toBe(
      iso(at('2026-02-03T12:00+01:00')),
    );
    expect(iso(addServiceHours(at('2026-02-03T12:00+01:00'), 5, bronze))).toBe(
      iso(at('2026-02-03T17:00+01:00')),
    );
  });

  it('counts fractional hours and the wider silver window', () => {
    expect(iso(addServiceHours(at('2026-02-03T16:45+01:00'), 0.5, bronze))).toBe(
      iso(at('2026-02-04T08:15+01:00')),
    );
    expect(iso(addServiceHours(at('2026-03-13T18:00+01:00'), 8, silver))).toBe(
      iso(at('2026-03-16T14:00+01:00')),
    );
  });

  it('keeps local hours across the spring-forward and fall-back weekends', () => {
    expect(iso(addServiceHours(at('2026-03-27T16:00+01:00'), 4, bronze))).toBe(
      iso(at('2026-03-30T11:00+02:00')),
    );
    expect(iso(addServiceHours(at('2026-10-23T16:00+02:00'), 4, bronze))).toBe(
      iso(at('2026-10-26T11:00+01:00')),
    );
  });

  it('refuses negative hours and invalid dates', () => {
    expect(() => addServiceHours(at('2026-02-03T12:00+01:00'), -1, bronze)).toThrow(RangeError);
    expect(() => addServiceHours(new Date(Number.NaN), 1, bronze)).toThrow(RangeError);
  });
});

describe('addServiceHours around the clock', () => {
  it('ignores weekends and holidays', () => {
    expect(gold).toEqual(always);
    expect(iso(addServiceHours(at('2025-12-24T10:00+01:00'), 30, always))).toBe(
      iso(at('2025-12-25T16:00+01:00')),
    );
  });

  it('counts real hours across daylight-saving changes, so the wall clock moves one more or one less', () => {
    expect(iso(addServiceHours(at('2026-03-28T23:00+01:00'), 4, always))).toBe(
      iso(at('2026-03-29T04:00+02:00')),
    );
    expect(iso(addServiceHours(at('2026-10-24T23:00+02:00'), 4, always))).toBe(
      iso(at('2026-10-25T02:00+01:00')),
    );
    expect(serviceHoursBetween(at('2026-03-28T00:00+01:00'), at('2026-03-30T00:00+02:00'), always)).toBe(47);
    expect(serviceHoursBetween(at('2026-10-24T00:00+02:00'), at('2026-10-26T00:00+01:00'), always)).toBe(49);
  });
});

describe('serviceHoursBetween', () => {
  it('counts only the window on working days', () => {
    // 22–23 and 29–30 December and 2 January are the working days of the two holiday weeks.
    expect(serviceHoursBetween(at('2026-03-13T16:00+01:00'), at('2026-03-16T11:00+01:00'), bronze)).toBe(4);
    expect(serviceHoursBetween(at('2025-12-22T00:00+01:00'), at('2026-01-05T00:00+01:00'), bronze)).toBe(
      5 * 9,
    );
    expect(serviceHoursBetween(at('2026-03-27T12:00+01:00'), at('2026-03-30T12:00+02:00'), silver)).toBe(
      7 + 5,
    );
  });

  it('is 0 when the end is not after the start', () => {
    const start = at('2026-02-03T12:00+01:00');
    expect(serviceHoursBetween(start, start, bronze)).toBe(0);
    expect(serviceHoursBetween(start, at('2026-02-03T10:00+01:00'), bronze)).toBe(0);
    expect(serviceHoursBetween(start, at('2026-02-03T10:00+01:00'), always)).toBe(0);
  });
});

describe('properties', () => {
  const windows = fc.constantFrom<ServiceWindow>(
    always,
    silver,
    bronze,
    { kind: 'workingHours', startHour: 0, endHour: 24 },
    { kind: 'workingHours', startHour: 8.5, endHour: 16.25 },
  );
  const starts = fc
    .integer({
      min: Date.parse('2026-01-01T00:00:00+01:00'),
      max: Date.parse('2029-01-01T00:00:00+01:00') - 1,
    })
    .map((time) => new Date(time));
  const hours = fc.double({ min: 0, max: 200, noNaN: true });

  it('measures back the hours it added', () => {
    fc.assert(
      fc.property(starts, hours, windows, (start, h, window) => {
        const deadline = addServiceHours(start, h, window);
        expect(Math.abs(serviceHoursBetween(start, deadline, window) - h)).toBeLessThan(1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('never moves a deadline earlier when more hours are given', () => {
    fc.assert(
      fc.property(starts, hours, hours, windows, (start, a, b, window) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(addServiceHours(start, less, window).getTime()).toBeLessThanOrEqual(
          addServiceHours(start, more, window).getTime(),
        );
      }),
    );
  });
});
