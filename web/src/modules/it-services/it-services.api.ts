import {
  AllocationRunDetail,
  AllocationRunListResponse,
  ChargeLineListResponse,
  CostPool,
  type CostPoolInput,
  CostPoolListResponse,
  DepartmentCharges,
  DriverSet,
  ItServicesDepartments,
  Order,
  type OrderInput,
  OrderListResponse,
  type OrderStatus,
  type ServiceCategory,
  ServiceListResponse,
} from '@karna/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { uploadFile } from '../../app/upload.ts';
import { apiGet, apiRequest } from '../../lib/api.ts';

/**
 * The IT services' API calls (`/api/it-services/…`) as TanStack Query hooks: the catalog, the
 * departments the caller orders for, orders and their decisions, a department's charges, and the
 * IT department's chargeback (cost pools, drivers, allocation runs). Every answer is checked with
 * its contract schema; a change marks what it touches stale.
 */

export const itServicesQueryKey = ['it-services'] as const;
const ordersKey = [...itServicesQueryKey, 'orders'] as const;
const runsKey = [...itServicesQueryKey, 'runs'] as const;
const poolsKey = [...itServicesQueryKey, 'pools'] as const;
const driversKey = [...itServicesQueryKey, 'drivers'] as const;
const chargesKey = [...itServicesQueryKey, 'charges'] as const;

const BASE = '/api/it-services';
const orderPath = (orderId: string, action: string) =>
  `${BASE}/orders/${encodeURIComponent(orderId)}/${action}`;
const runPath = (runId: string, rest = '') => `${BASE}/allocation-runs/${encodeURIComponent(runId)}${rest}`;

/** A department the caller orders for or asks for orders in (the contracts name no type for it). */
export type Department = ReturnType<typeof ItServicesDepartments.parse>['items'][number];

/** The catalog, searched and filtered; `all` (the IT department) includes services not orderable now. */
export function useServices(filters: { q: string; category: ServiceCategory | null; all: boolean }) {
  const query = new URLSearchParams();
  if (filters.q) query.set('q', filters.q);
  if (filters.category) query.set('category', filters.category);
  if (filters.all) query.set('all', 'true');
  const search = query.toString();
  return useQuery({
    queryKey: [...itServicesQueryKey, 'services', search],
    queryFn: ({ signal }) => apiGet(`${BASE}/services?${search}`, ServiceListResponse, signal),
    placeholderData: keepPreviousData,
  });
}

/** The departments the caller may order for (`orders`) or ask for orders in (`requests`). */
export function useDepartments() {
  return useQuery({
    queryKey: [...itServicesQueryKey, 'departments'],
    queryFn: ({ signal }) => apiGet(`${BASE}/departments`, ItServicesDepartments, signal),
    staleTime: 60_000,
  });
}

/** Orders of the caller's departments, newest first. */
export function useOrders(filters: { departmentId: string | null; status: OrderStatus | null }) {
  const query = new URLSearchParams({ limit: '200' });
  if (filters.departmentId) query.set('departmentId', filters.departmentId);
  if (filters.status) query.set('status', filters.status);
  const search = query.toString();
  return useQuery({
    queryKey: [...ordersKey, search],
    queryFn: ({ signal }) => apiGet(`${BASE}/orders?${search}`, OrderListResponse, signal),
    placeholderData: keepPreviousData,
  });
}

/** Place an order (approved at once when the caller is the department's authorised orderer). */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderInput) => apiRequest(`${BASE}/orders`, { method: 'POST', body, schema: Order }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ordersKey }),
  });
}

export type OrderAction =
  | { kind: 'decision'; approve: boolean; reason: string | null }
  | { kind: 'delivery'; deliveredOn: string }
  | { kind: 'cancellation'; endDate: string };

/** Approve or reject, record a delivery, or cancel an order; the answered order replaces the old. */
export function useOrderAction(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: OrderAction) => {
      const { kind, ...body } = action;
      return apiRequest(orderPath(orderId, kind), { method: 'POST', body, schema: Order });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ordersKey });
      void queryClient.invalidateQueries({ queryKey: chargesKey });
    },
  });
}

/** A department's charges for a month from its approved run (`null` query: nothing asked yet). */
export function useCharges(query: { departmentId: string; period: string } | null) {
  const search = query ? new URLSearchParams(query).toString() : '';
  return useQuery({
    queryKey: [...chargesKey, search],
    queryFn: ({ signal }) => apiGet(`${BASE}/charges?${search}`, DepartmentCharges, signal),
    enabled: query !== null,
  });
}

/** A year's cost pools. */
export function useCostPools(year: number) {
  return useQuery({
    queryKey: [...poolsKey, year],
    queryFn: ({ signal }) => apiGet(`${BASE}/cost-pools?year=${year}`, CostPoolListResponse, signal),
  });
}

/** Add a cost pool for a year. */
export function useCreateCostPool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CostPoolInput) =>
      apiRequest(`${BASE}/cost-pools`, { method: 'POST', body, schema: CostPool }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: poolsKey }),
  });
}

/** A month's drivers per department, with where each quantity comes from. */
export function useDrivers(period: string) {
  return useQuery({
    queryKey: [...driversKey, period],
    queryFn: ({ signal }) => apiGet(`${BASE}/drivers/${encodeURIComponent(period)}`, DriverSet, signal),
  });
}

/** Import a month's quantities from the finance system's CSV file: every row or none. */
export function useUploadDrivers(period: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) =>
      uploadFile(
        queryClient,
        `${BASE}/drivers/${encodeURIComponent(period)}/file`,
        file,
        'text/csv',
        DriverSet,
      ),
    onSuccess: (drivers) => queryClient.setQueryData([...driversKey, period], drivers),
  });
}

/** The allocation runs of a month, newest version first. */
export function useRuns(period: string) {
  return useQuery({
    queryKey: [...runsKey, 'list', period],
    queryFn: ({ signal }) =>
      apiGet(
        `${BASE}/allocation-runs?period=${encodeURIComponent(period)}`,
        AllocationRunListResponse,
        signal,
      ),
  });
}

/** One run with its totals per department and what IT keeps. */
export function useRun(runId: string | null) {
  return useQuery({
    queryKey: [...runsKey, 'detail', runId],
    queryFn: ({ signal }) => apiGet(runPath(runId ?? ''), AllocationRunDetail, signal),
    enabled: runId !== null,
  });
}

/** A run's charge lines, of one department or all. */
export function useRunLines(runId: string, departmentId: string | null) {
  const search = departmentId ? `?departmentId=${encodeURIComponent(departmentId)}` : '';
  return useQuery({
    queryKey: [...runsKey, 'lines', runId, departmentId],
    queryFn: ({ signal }) => apiGet(runPath(runId, `/lines${search}`), ChargeLineListResponse, signal),
    placeholderData: keepPreviousData,
  });
}

/** Run a month's allocation: a new version, proposed. */
export function useCreateRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: string) =>
      apiRequest(`${BASE}/allocation-runs`, {
        method: 'POST',
        body: { period },
        schema: AllocationRunDetail,
      }),
    onSuccess: (run) => {
      queryClient.setQueryData([...runsKey, 'detail', run.id], run);
      void queryClient.invalidateQueries({ queryKey: [...runsKey, 'list'] });
    },
  });
}

/** Approve (someone other than who ran it) or discard a proposed run. */
export function useRunDecision(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'approve' | 'discard') =>
      apiRequest(runPath(runId, `/${action}`), { method: 'POST', schema: AllocationRunDetail }),
    onSuccess: (run) => {
      queryClient.setQueryData([...runsKey, 'detail', run.id], run);
      void queryClient.invalidateQueries({ queryKey: runsKey });
      void queryClient.invalidateQueries({ queryKey: chargesKey });
    },
  });
}

/** Where the run's CSV for the finance system is downloaded. */
export function runExportUrl(runId: string): string {
  return runPath(runId, '/export');
}
