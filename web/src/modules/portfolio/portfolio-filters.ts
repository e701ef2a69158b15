import { SystemListQuery } from '@karna/contracts';

export type SystemSort = SystemListQuery['sort'];

/** The filters of the portfolio list: kept in the page's address, since none of it is personal data. */
export interface SystemFilters {
  q: string | null;
  tier: SystemListQuery['tier'] | null;
  category: SystemListQuery['category'] | null;
  supportKind: SystemListQuery['supportKind'] | null;
  lifecycle: SystemListQuery['lifecycle'] | null;
  orgUnitId: string | null;
  singleSignOn: SystemListQuery['singleSignOn'] | null;
  hosting: SystemListQuery['hosting'] | null;
  time: SystemListQuery['time'] | null;
  sort: SystemSort;
  page: number;
}

/** The filters that narrow the list (the search text, sort order and page do not count here). */
export const choiceFilters = [
  'tier',
  'category',
  'supportKind',
  'lifecycle',
  'orgUnitId',
  'singleSignOn',
  'hosting',
  'time',
] as const;
type ChoiceFilter = (typeof choiceFilters)[number];

export const defaultSystemFilters: SystemFilters = {
  q: null,
  tier: null,
  category: null,
  supportKind: null,
  lifecycle: null,
  orgUnitId: null,
  singleSignOn: null,
  hosting: null,
  time: null,
  sort: 'name',
  page: 1,
};

/** The list's page size: the API's default. */
export const PAGE_SIZE = 50;

/** Read the filters from the address; anything unknown or malformed falls back to the default. */
export function parseSystemFilters(params: URLSearchParams): SystemFilters {
  const { shape } = SystemListQuery;
  const read = <T>(schema: { safeParse(value: unknown): { success: boolean; data?: T } }, name: string) => {
    const result = schema.safeParse(params.get(name) ?? undefined);
    return result.success && result.data !== undefined ? result.data : null;
  };
  return {
    q: read(shape.q, 'q'),
    tier: read(shape.tier, 'tier'),
    category: read(shape.category, 'category'),
    supportKind: read(shape.supportKind, 'supportKind'),
    lifecycle: read(shape.lifecycle, 'lifecycle'),
    orgUnitId: read(shape.orgUnitId, 'orgUnitId'),
    singleSignOn: read(shape.singleSignOn, 'singleSignOn'),
    hosting: read(shape.hosting, 'hosting'),
    time: read(shape.time, 'time'),
    sort: read(shape.sort, 'sort') ?? defaultSystemFilters.sort,
    page: read(shape.page, 'page') ?? 1,
  };
}

/**
 * The filters as query parameters, for the page's address, the API and the CSV export alike (the
 * same names); defaults are left out. `withPage: false` leaves the page out (the export has none).
 */
export function systemSearchParams(filters: SystemFilters, { withPage = true } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const name of choiceFilters) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (filters.sort !== defaultSystemFilters.sort) params.set('sort', filters.sort);
  if (withPage && filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** Whether any filter or search narrows the list. */
export function isFiltered(filters: SystemFilters): boolean {
  return filters.q !== null || choiceFilters.some((name) => filters[name] !== null);
}

/** A changed filter starts the list from its first page again. */
export function withFilter(
  filters: SystemFilters,
  name: ChoiceFilter | 'q',
  value: string | null,
): SystemFilters {
  return { ...filters, [name]: value, page: 1 };
}

export type SortColumn =
  | 'name'
  | 'tier'
  | 'lifecycle'
  | 'owningBoard'
  | 'userCount'
  | 'supplier'
  | 'updatedAt';

/** How a column is sorted now (for `aria-sort`). */
export function sortDirection(sort: SystemSort, column: SortColumn): 'ascending' | 'descending' | 'none' {
  if (sort === column) return 'ascending';
  if (sort === `-${column}`) return 'descending';
  return 'none';
}

/** The order a press on a column's header gives: ascending first, then descending. */
export function nextSort(sort: SystemSort, column: SortColumn): SystemSort {
  return sort === column ? `-${column}` : column;
}

/** The column a sort order sorts by. */
export function sortedColumn(sort: SystemSort): SortColumn {
  return sort.replace(/^-/, '') as SortColumn;
}
