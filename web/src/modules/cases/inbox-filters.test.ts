import { describe, expect, it } from 'vitest';
import { defaultInboxFilters, inboxSearchParams, isFiltered, parseInboxFilters } from './inbox-filters.ts';

describe('the inbox filters in the page address', () => {
  it('keeps the plain inbox at the plain address', () => {
    expect(inboxSearchParams(defaultInboxFilters).toString()).toBe('');
    expect(parseInboxFilters(new URLSearchParams())).toEqual(defaultInboxFilters);
  });

  it('reads back what it wrote, the service promise filter included', () => {
    for (const promise of ['overdue', 'atRisk'] as const) {
      const filters = {
        ...defaultInboxFilters,
        assigned: 'me' as const,
        promise,
        sort: '-submittedAt' as const,
      };
      const params = inboxSearchParams(filters);
      expect(params.get(promise)).toBe('true');
      expect(parseInboxFilters(params)).toEqual(filters);
      expect(isFiltered(filters)).toBe(true);
    }
  });

  it('falls back to the default for anything it does not know', () => {
    const odd = new URLSearchParams({
      status: 'lost',
      assigned: 'everyone',
      sort: 'random',
      atRisk: 'maybe',
    });
    expect(parseInboxFilters(odd)).toEqual(defaultInboxFilters);
  });
});
