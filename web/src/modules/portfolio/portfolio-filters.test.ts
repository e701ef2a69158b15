import { describe, expect, it } from 'vitest';
import {
  defaultSystemFilters,
  isFiltered,
  nextSort,
  parseSystemFilters,
  sortDirection,
  systemSearchParams,
  withFilter,
} from './portfolio-filters.ts';

describe('the portfolio list filters in the address', () => {
  it('reads known values and drops unknown ones', () => {
    const filters = parseSystemFilters(
      new URLSearchParams('tier=none&lifecycle=operating&hosting=moon&sort=-userCount&page=3&q=%20lön%20'),
    );
    expect(filters).toEqual({
      ...defaultSystemFilters,
      q: 'lön',
      tier: 'none',
      lifecycle: 'operating',
      sort: '-userCount',
      page: 3,
    });
  });

  it('writes only what differs from the default, and the export leaves the page out', () => {
    const filters = { ...defaultSystemFilters, singleSignOn: 'false' as const, page: 2 };
    expect(systemSearchParams(filters).toString()).toBe('singleSignOn=false&page=2');
    expect(systemSearchParams(filters, { withPage: false }).toString()).toBe('singleSignOn=false');
    expect(systemSearchParams(defaultSystemFilters).toString()).toBe('');
  });

  it('goes back to the first page when a filter changes', () => {
    const changed = withFilter({ ...defaultSystemFilters, page: 4 }, 'tier', 'gold');
    expect(changed.page).toBe(1);
    expect(isFiltered(changed)).toBe(true);
    expect(isFiltered({ ...defaultSystemFilters, sort: '-name' })).toBe(false);
  });

  it('sorts a column ascending first, then descending', () => {
    expect(nextSort('name', 'tier')).toBe('tier');
    expect(nextSort('tier', 'tier')).toBe('-tier');
    expect(nextSort('-tier', 'tier')).toBe('tier');
    expect(sortDirection('-tier', 'tier')).toBe('descending');
    expect(sortDirection('name', 'tier')).toBe('none');
  });
});
