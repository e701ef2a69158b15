import {
  Integration,
  type IntegrationInput,
  IntegrationListResponse,
  MasterDataDesignation,
  type MasterDataDesignationInput,
  MasterDataDesignationListResponse,
  StandardComponent,
  type StandardComponentInput,
  StandardComponentListResponse,
  SystemDetail,
  type TierCode,
  TierListResponse,
  TierPolicy,
  type TierPolicyInput,
} from '@karna/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../lib/api.ts';
import { portfolioQueryKey, systemQueryKey } from './portfolio.api.ts';

/**
 * The portfolio's governance calls as TanStack Query hooks: the standard assortment (M8) and the
 * master-data designations (E3).
 */

const componentsKey = [...portfolioQueryKey, 'components'] as const;
const masterDataKey = [...portfolioQueryKey, 'master-data'] as const;

/** The standard assortment (`GET /api/portfolio/components`). */
export function useComponents() {
  return useQuery({
    queryKey: componentsKey,
    queryFn: ({ signal }) => apiGet('/api/portfolio/components', StandardComponentListResponse, signal),
  });
}

/** Add (no id) or change a component of the standard assortment (the IT department). */
export function useSaveComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: StandardComponentInput }) =>
      id
        ? apiRequest(`/api/portfolio/components/${encodeURIComponent(id)}`, {
            method: 'PUT',
            body,
            schema: StandardComponent,
          })
        : apiRequest('/api/portfolio/components', { method: 'POST', body, schema: StandardComponent }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: componentsKey });
      void queryClient.invalidateQueries({ queryKey: [...portfolioQueryKey, 'system'] });
    },
  });
}

/** Say which components a system runs on (`PUT …/systems/{id}/components`). */
export function useSetSystemComponents(systemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (componentIds: string[]) =>
      apiRequest(`/api/portfolio/systems/${encodeURIComponent(systemId)}/components`, {
        method: 'PUT',
        body: { componentIds },
        schema: SystemDetail,
      }),
    onSuccess: (detail) => {
      queryClient.setQueryData(systemQueryKey(systemId), detail);
      void queryClient.invalidateQueries({ queryKey: componentsKey });
    },
  });
}

/** The master-data designations, on a date if given (`GET /api/portfolio/master-data`). */
export function useMasterData(on: string | null) {
  const query = on ? `?${new URLSearchParams({ on })}` : '';
  return useQuery({
    queryKey: [...masterDataKey, on],
    queryFn: ({ signal }) =>
      apiGet(`/api/portfolio/master-data${query}`, MasterDataDesignationListResponse, signal),
  });
}

/** Designate an authoritative system for an information type (409 `designation_overlaps`). */
export function useDesignate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MasterDataDesignationInput) =>
      apiRequest('/api/portfolio/master-data', { method: 'POST', body, schema: MasterDataDesignation }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: masterDataKey }),
  });
}

/** End a designation on a date. */
export function useEndDesignation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, validTo }: { id: string; validTo: string }) =>
      apiRequest(`/api/portfolio/master-data/${encodeURIComponent(id)}/end`, {
        method: 'POST',
        body: { validTo },
        schema: MasterDataDesignation,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: masterDataKey }),
  });
}

const integrationsKey = [...portfolioQueryKey, 'system-integrations'] as const;

/** A system's integrations in full (`GET /api/portfolio/integrations?systemId=`). */
export function useSystemIntegrations(systemId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...integrationsKey, systemId],
    queryFn: ({ signal }) =>
      apiGet(
        `/api/portfolio/integrations?${new URLSearchParams({ systemId, limit: '200' })}`,
        IntegrationListResponse,
        signal,
      ),
    enabled,
  });
}

/** After an integration changes: both systems' pages, the lists and the graph are stale. */
function useRefreshIntegrations() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: integrationsKey });
    void queryClient.invalidateQueries({ queryKey: [...portfolioQueryKey, 'system'] });
    void queryClient.invalidateQueries({ queryKey: [...portfolioQueryKey, 'graph'] });
  };
}

/** Add (no id) or change an integration. */
export function useSaveIntegration() {
  const refresh = useRefreshIntegrations();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: IntegrationInput }) =>
      id
        ? apiRequest(`/api/portfolio/integrations/${encodeURIComponent(id)}`, {
            method: 'PUT',
            body,
            schema: Integration,
          })
        : apiRequest('/api/portfolio/integrations', { method: 'POST', body, schema: Integration }),
    onSuccess: refresh,
  });
}

/** Remove an integration (204). */
export function useDeleteIntegration() {
  const refresh = useRefreshIntegrations();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>(`/api/portfolio/integrations/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

const tiersKey = [...portfolioQueryKey, 'tiers'] as const;

/** The tiers' policies (`GET /api/portfolio/tiers`). */
export function useTierPolicies() {
  return useQuery({
    queryKey: tiersKey,
    queryFn: ({ signal }) => apiGet('/api/portfolio/tiers', TierListResponse, signal),
  });
}

/** Change a tier's policy (the IT department); systems' pages show it, so they are stale too. */
export function useSaveTierPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tier, body }: { tier: TierCode; body: TierPolicyInput }) =>
      apiRequest(`/api/portfolio/tiers/${encodeURIComponent(tier)}`, {
        method: 'PUT',
        body,
        schema: TierPolicy,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tiersKey });
      void queryClient.invalidateQueries({ queryKey: [...portfolioQueryKey, 'system'] });
    },
  });
}
