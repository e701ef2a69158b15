import { InboxQuery, type SharedStatus } from '@karna/contracts';

export type InboxSort = InboxQuery['sort'];
export type InboxAssigned = InboxQuery['assigned'];
/** Cases by their service promise: all, those past it, or those close to it. */
export type InboxPromise = 'any' | 'overdue' | 'atRisk';

/** What the inbox shows: kept in the page's address, since none of it is personal data. */
export interface InboxFilters {
  status: SharedStatus | null;
  service: string | null;
  orgUnitId: string | null;
  assigned: InboxAssigned;
  promise: InboxPromise;
  sort: InboxSort;
}

export const defaultInboxFilters: InboxFilters = {
  status: null,
  service: null,
  orgUnitId: null,
  assigned: 'any',
  promise: 'any',
  sort: 'dueDate',
};

/** Read the filters from the address; anything unknown or malformed falls back to the default. */
export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const { shape } = InboxQuery;
  const status = shape.status.safeParse(params.get('status') ?? undefined);
  const service = shape.service.safeParse(params.get('service') ?? undefined);
  const orgUnitId = shape.orgUnitId.safeParse(params.get('orgUnitId') ?? undefined);
  const assigned = shape.assigned.safeParse(params.get('assigned') ?? undefined);
  const sort = shape.sort.safeParse(params.get('sort') ?? undefined);
  return {
    status: (status.success && status.data) || null,
    service: (service.success && service.data) || null,
    orgUnitId: (orgUnitId.success && orgUnitId.data) || null,
    assigned: assigned.success ? assigned.data : defaultInboxFilters.assigned,
    promise:
      params.get('overdue') === 'true' ? 'overdue' : params.get('atRisk') === 'true' ? 'atRisk' : 'any',
    sort: sort.success ? sort.data : defaultInboxFilters.sort,
  };
}

/**
 * The filters as query parameters, for the page's address and the API alike (the same names):
 * defaults are left out so that the plain address shows the plain inbox.
 */
export function inboxSearchParams(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.service) params.set('service', filters.service);
  if (filters.orgUnitId) params.set('orgUnitId', filters.orgUnitId);
  if (filters.assigned !== defaultInboxFilters.assigned) params.set('assigned', filters.assigned);
  if (filters.promise !== 'any') params.set(filters.promise, 'true');
  if (filters.sort !== defaultInboxFilters.sort) params.set('sort', filters.sort);
  return params;
}

/** Whether any filter narrows the list (the sort order does not). */
export function isFiltered(filters: InboxFilters): boolean {
  return (
    filters.status !== null ||
    filters.service !== null ||
    filters.orgUnitId !== null ||
    filters.assigned !== 'any' ||
    filters.promise !== 'any'
  );
}

/** The columns the inbox can be sorted by, and the sort orders each offers. */
export const sortableColumns = {
  registrationNumber: { ascending: 'registrationNumber', descending: null },
  submittedAt: { ascending: 'submittedAt', descending: '-submittedAt' },
  dueDate: { ascending: 'dueDate', descending: '-dueDate' },
} as const satisfies Record<string, { ascending: InboxSort; descending: InboxSort | null }>;
export type SortableColumn = keyof typeof sortableColumns;

/** How a column is sorted now (for `aria-sort`). */
export function sortDirection(sort: InboxSort, column: SortableColumn): 'ascending' | 'descending' | 'none' {
  const orders = sortableColumns[column];
  if (sort === orders.ascending) return 'ascending';
  if (sort === orders.descending) return 'descending';
  return 'none';
}

/** The order a press on a column's header gives: ascending first, then descending where there is one. */
export function nextSort(sort: InboxSort, column: SortableColumn): InboxSort {
  const orders = sortableColumns[column];
  if (sort === orders.ascending && orders.descending) return orders.descending;
  return orders.ascending;
}
