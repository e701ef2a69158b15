import {
  Contract,
  type ContractInput,
  ContractListResponse,
  type KeyFigureInput,
  KeyFigures,
  type LicenceAssignmentInput,
  LicencePoolDetail,
  LicencePoolListResponse,
  LicenceUsageResult,
  SpendImportResult,
  Supplier,
  type SupplierInput,
  SupplierListResponse,
  SupplierTrend,
} from '@karna/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { uploadFile } from '../../../app/upload.ts';
import { apiGet, apiRequest } from '../../../lib/api.ts';
import { itServicesQueryKey } from '../it-services.api.ts';

/**
 * The IT department's own administration as TanStack Query hooks: suppliers with their spend and
 * contracts, the supplier-count trend and its targets, licence pools, and IT cost as a share of
 * turnover. Every answer is checked with its contract schema; a change marks what it touches stale.
 */

const BASE = '/api/it-services';
const suppliersKey = [...itServicesQueryKey, 'suppliers'] as const;
const trendKey = [...itServicesQueryKey, 'supplier-trend'] as const;
const contractsKey = [...itServicesQueryKey, 'contracts'] as const;
const licencesKey = [...itServicesQueryKey, 'licence-pools'] as const;
const keyFiguresKey = [...itServicesQueryKey, 'key-figures'] as const;
const poolPath = (poolId: string, rest = '') => `${BASE}/licence-pools/${encodeURIComponent(poolId)}${rest}`;

/** One page of the supplier register, searched by name or organisation number. */
export function useSuppliers(filters: { q: string; limit: number; offset: number }) {
  const query = new URLSearchParams({ limit: String(filters.limit), offset: String(filters.offset) });
  if (filters.q) query.set('q', filters.q);
  const search = query.toString();
  return useQuery({
    queryKey: [...suppliersKey, search],
    queryFn: ({ signal }) => apiGet(`${BASE}/suppliers?${search}`, SupplierListResponse, signal),
    placeholderData: keepPreviousData,
  });
}

/** Add a supplier (`supplierId` null) or change one. */
export function useSaveSupplier(supplierId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SupplierInput) =>
      supplierId
        ? apiRequest(`${BASE}/suppliers/${encodeURIComponent(supplierId)}`, {
            method: 'PUT',
            body,
            schema: Supplier,
          })
        : apiRequest(`${BASE}/suppliers`, { method: 'POST', body, schema: Supplier }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: suppliersKey });
      void queryClient.invalidateQueries({ queryKey: contractsKey });
    },
  });
}

/** Import the finance system's yearly spend per supplier (CSV): every row or none. */
export function useUploadSpend() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) =>
      uploadFile(queryClient, `${BASE}/suppliers/spend`, file, 'text/csv', SpendImportResult),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: suppliersKey });
      void queryClient.invalidateQueries({ queryKey: trendKey });
    },
  });
}

/** Suppliers paid per year, the baseline and the targets. */
export function useSupplierTrend() {
  return useQuery({
    queryKey: trendKey,
    queryFn: ({ signal }) => apiGet(`${BASE}/supplier-trend`, SupplierTrend, signal),
  });
}

/** Set the baseline year and the reduction targets. */
export function useSaveTargets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { baselineYear: number; targets: { year: number; reductionPercent: number }[] }) =>
      apiRequest(`${BASE}/supplier-trend/targets`, { method: 'PUT', body, schema: SupplierTrend }),
    onSuccess: (trend) => queryClient.setQueryData(trendKey, trend),
  });
}

/** Contracts, all or only those whose renewal is near. */
export function useContracts(renewalDue: boolean) {
  const search = renewalDue ? '?renewalDue=true' : '';
  return useQuery({
    queryKey: [...contractsKey, renewalDue],
    queryFn: ({ signal }) => apiGet(`${BASE}/contracts${search}`, ContractListResponse, signal),
    placeholderData: keepPreviousData,
  });
}

/** Add a contract (`contractId` null) or change one. */
export function useSaveContract(contractId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractInput) =>
      contractId
        ? apiRequest(`${BASE}/contracts/${encodeURIComponent(contractId)}`, {
            method: 'PUT',
            body,
            schema: Contract,
          })
        : apiRequest(`${BASE}/contracts`, { method: 'POST', body, schema: Contract }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contractsKey });
      void queryClient.invalidateQueries({ queryKey: suppliersKey });
    },
  });
}

/** The licence pools with their figures and the totals. */
export function useLicencePools() {
  return useQuery({
    queryKey: [...licencesKey, 'list'],
    queryFn: ({ signal }) => apiGet(`${BASE}/licence-pools`, LicencePoolListResponse, signal),
  });
}

/** One pool with its assignments, history and reuse suggestions (asked only when `enabled`). */
export function useLicencePool(poolId: string, enabled = true) {
  return useQuery({
    queryKey: [...licencesKey, 'detail', poolId],
    queryFn: ({ signal }) => apiGet(poolPath(poolId), LicencePoolDetail, signal),
    enabled,
  });
}

function useSetPool(poolId: string) {
  const queryClient = useQueryClient();
  return (pool: LicencePoolDetail) => {
    queryClient.setQueryData([...licencesKey, 'detail', poolId], pool);
    void queryClient.invalidateQueries({ queryKey: [...licencesKey, 'list'] });
  };
}

/** Give a person one of the pool's licences from a day. */
export function useAssignLicence(poolId: string) {
  const setPool = useSetPool(poolId);
  return useMutation({
    mutationFn: (body: LicenceAssignmentInput) =>
      apiRequest(poolPath(poolId, '/assignments'), { method: 'POST', body, schema: LicencePoolDetail }),
    onSuccess: setPool,
  });
}

/** Release an assignment: the person holds the licence until `on`. */
export function useReleaseLicence(poolId: string) {
  const setPool = useSetPool(poolId);
  return useMutation({
    mutationFn: ({ assignmentId, on }: { assignmentId: string; on: string }) =>
      apiRequest(poolPath(poolId, `/assignments/${encodeURIComponent(assignmentId)}/release`), {
        method: 'POST',
        body: { on },
        schema: LicencePoolDetail,
      }),
    onSuccess: setPool,
  });
}

/** Import the supplier's report of use (CSV `e-post;senast använd`): every row or none. */
export function useUploadUsage(poolId: string) {
  const setPool = useSetPool(poolId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) =>
      uploadFile(queryClient, poolPath(poolId, '/usage/file'), file, 'text/csv', LicenceUsageResult),
    onSuccess: (result) => setPool(result.pool),
  });
}

/** A year's IT cost as a share of turnover, for the municipality and each department. */
export function useKeyFigures(year: number) {
  return useQuery({
    queryKey: [...keyFiguresKey, year],
    queryFn: ({ signal }) => apiGet(`${BASE}/key-figures/${year}`, KeyFigures, signal),
  });
}

/** Enter a year's turnover, the departments' own IT costs and the reference value. */
export function useSaveKeyFigures(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: KeyFigureInput) =>
      apiRequest(`${BASE}/key-figures/${year}`, { method: 'PUT', body, schema: KeyFigures }),
    onSuccess: (figures) => {
      queryClient.setQueryData([...keyFiguresKey, year], figures);
      void queryClient.invalidateQueries({ queryKey: keyFiguresKey });
    },
  });
}
