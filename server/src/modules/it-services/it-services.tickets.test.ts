import { describe, expect, it } from 'vitest';
import { priorityOf, ticketDeadlines } from './it-services.tickets.ts';

const bronze = { supportHours: 'Vardagar 08–17', responseHours: 4, fixHours: 24 };
const gold = { supportHours: 'Dygnet runt, alla dagar', responseHours: 0.5, fixHours: 4 };
/** A Stockholm wall-clock time as an instant (CET in winter and spring before the change, CEST after). */
const cet = (local: string) => new Date(`${local}+01:00`);
const cest = (local: string) => new Date(`${local}+02:00`);

describe('a ticket’s priority and deadlines', () => {
  it('takes the priority from impact × urgency', () => {
    expect(priorityOf('high', 'high')).toBe(1);
    expect(priorityOf('high', 'medium')).toBe(2);
    expect(priorityOf('medium', 'high')).toBe(2);
    expect(priorityOf('medium', 'medium')).toBe(3);
    expect(priorityOf('low', 'high')).toBe(3);
    expect(priorityOf('low', 'low')).toBe(4);
  });

  it('counts a bronze ticket’s hours in working hours, over the Easter weekend', () => {
    // Reported on Thursday 2 April 2026 at 15:00; långfredag 3 April and annandag påsk 6 April are holidays.
    const { responseDueAt, fixDueAt } = ticketDeadlines(cest('2026-04-02T15:00:00'), bronze, 2);
    // 2 hours left on Thursday, 2 more from 08:00 on Tuesday 7 April.
    expect(responseDueAt).toEqual(cest('2026-04-07T10:00:00'));
    // 24 hours: 2 on Thursday, then 9 + 9 on Tuesday and Wednesday, 4 on Thursday 9 April.
    expect(fixDueAt).toEqual(cest('2026-04-09T12:00:00'));
  });

  it('skips julafton, juldagen, annandag jul and the weekend', () => {
    // Wednesday 23 December 2026 at 16:00, priority 1: 1 hour that day, 3 more from Monday 28 December.
    const { responseDueAt } = ticketDeadlines(cet('2026-12-23T16:00:00'), bronze, 1);
    expect(responseDueAt).toEqual(cet('2026-12-28T11:00:00'));
  });

  it('gives lower priorities longer, and keeps a gold system’s clock running through the night', () => {
    const friday = cet('2026-11-27T16:00:00');
    expect(ticketDeadlines(friday, bronze, 4).responseDueAt).toEqual(cet('2026-12-01T14:00:00'));
    const night = ticketDeadlines(cet('2026-12-24T23:00:00'), gold, 1);
    expect(night.responseDueAt).toEqual(cet('2026-12-24T23:30:00'));
    expect(night.fixDueAt).toEqual(cet('2026-12-25T03:00:00'));
  });
});
