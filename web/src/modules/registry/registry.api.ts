import {
  InformationType,
  type InformationTypeInput,
  InformationTypeListResponse,
  PersonOverview,
  type PersonOverviewQuery,
  type PersonSearchRequest,
  PersonSearchResponse,
} from '@karna/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../lib/api.ts';

/** Search the population register (`POST /api/registry/person-searches`, `persons.lookup`). */
export function usePersonSearch() {
  return useMutation({
    mutationFn: (request: PersonSearchRequest) =>
      apiRequest('/api/registry/person-searches', {
        method: 'POST',
        body: request,
        schema: PersonSearchResponse,
      }),
  });
}

/**
 * A person's overview (`GET /api/registry/persons/{id}`, `persons.lookup`), read once per purpose.
 * Every read is an audited lookup, so it is never refetched behind the officer's back (window
 * focus, reconnect, staleness) and not kept in memory after the page is left.
 */
export function usePersonOverview(personId: string, purpose: PersonOverviewQuery | null) {
  return useQuery({
    queryKey: ['registry', 'person', personId, purpose],
    queryFn: ({ signal }) => {
      if (!purpose) throw new Error('a lookup needs a purpose');
      const query = new URLSearchParams({ purpose: purpose.purpose });
      if (purpose.purposeText) query.set('purposeText', purpose.purposeText);
      return apiGet(`/api/registry/persons/${encodeURIComponent(personId)}?${query}`, PersonOverview, signal);
    },
    enabled: purpose !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export const informationTypesQueryKey = ['information-types'] as const;

/** The information types (`GET /api/master-data/information-types`, `workspace.use`). */
export function useInformationTypes() {
  return useQuery({
    queryKey: informationTypesQueryKey,
    queryFn: ({ signal }) =>
      apiGet('/api/master-data/information-types', InformationTypeListResponse, signal),
  });
}

/**
 * Add (`POST`) or change (`PUT …/{id}`) an information type (`masterData.manage`); the list is
 * refetched afterwards.
 */
export function useSaveInformationType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: InformationTypeInput }) =>
      id === null
        ? apiRequest('/api/master-data/information-types', {
            method: 'POST',
            body: input,
            schema: InformationType,
          })
        : apiRequest(`/api/master-data/information-types/${encodeURIComponent(id)}`, {
            method: 'PUT',
            body: input,
            schema: InformationType,
          }),
    onSuccess: (saved) => {
      queryClient.setQueryData<InformationTypeListResponse>(informationTypesQueryKey, (list) => {
        if (!list) return list;
        const others = list.items.filter((item) => item.id !== saved.id);
        return { items: [...others, saved] };
      });
      void queryClient.invalidateQueries({ queryKey: informationTypesQueryKey });
    },
  });
}
