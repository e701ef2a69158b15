import {
  type ChooseActingForRequest,
  MyOrganisation,
  PersonLookupsResponse,
  PersonOverview,
  RegistryPerson,
  Representations,
  type SessionResponse,
  type UpdateContactRequest,
} from '@karna/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionQueryKey } from '../../app/auth.tsx';
import { ApiError, apiGet, apiRequest, type ResponseSchema } from '../../lib/api.ts';

// What a citizen sees of themself, and of whom they act for, on Mina sidor. Everything under the
// key ['me'] depends on whom the citizen acts for, so a new choice throws all of it away.

const meQueryKey = ['me'] as const;
const myPersonQueryKey = ['me', 'person'] as const;
const representationsQueryKey = ['me', 'representations'] as const;

/**
 * GET one of my resources. When the server finds that the custody or signatory right I act under
 * no longer holds (`not_representing`), it has already ended the acting on behalf: the session is
 * read again so that the banner goes, and the page's error (with its retry) says why.
 */
async function getMine<T>(
  queryClient: QueryClient,
  path: string,
  schema: ResponseSchema<T>,
  signal: AbortSignal,
): Promise<T> {
  try {
    return await apiGet(path, schema, signal);
  } catch (error) {
    if (error instanceof ApiError && error.problem.code === 'not_representing') {
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    }
    throw error;
  }
}

/** My record (or that of the child I act for): `GET /api/me/person`. */
export function useMyPerson() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: myPersonQueryKey,
    queryFn: ({ signal }) => getMine(queryClient, '/api/me/person', PersonOverview, signal),
  });
}

/** Correct my own phone number and e-mail address: `PUT /api/me/contact`. */
export function useUpdateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateContactRequest) =>
      apiRequest('/api/me/contact', { method: 'PUT', body, schema: RegistryPerson }),
    onSuccess: (person) => {
      queryClient.setQueryData<PersonOverview>(myPersonQueryKey, (overview) =>
        overview && overview.person.id === person.id ? { ...overview, person } : overview,
      );
    },
  });
}

/** Whom I may act for, and whom I act for now: `GET /api/me/representations`. */
export function useRepresentations({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: representationsQueryKey,
    queryFn: ({ signal }) => apiGet('/api/me/representations', Representations, signal),
    enabled,
  });
}

/**
 * Act for myself, a child in my custody or an organisation I sign for: `PUT /api/me/acting-for`.
 * The session says whom I act for (the banner reads it), and everything read for the previous
 * choice is thrown away.
 */
export function useChooseActingFor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChooseActingForRequest) =>
      apiRequest('/api/me/acting-for', { method: 'PUT', body, schema: Representations }),
    onSuccess: (representations) => {
      queryClient.setQueryData(representationsQueryKey, representations);
      void queryClient.resetQueries({
        queryKey: meQueryKey,
        predicate: (query) => query.queryKey[1] !== representationsQueryKey[1],
      });
      queryClient.setQueryData<SessionResponse>(sessionQueryKey, (session) =>
        session?.authenticated ? { ...session, actingFor: representations.actingFor } : session,
      );
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}

/** An organisation I sign for, its signatories and properties: `GET /api/me/organisations/{id}`. */
export function useMyOrganisation(organisationId: string) {
  return useQuery({
    queryKey: ['me', 'organisation', organisationId],
    queryFn: ({ signal }) =>
      apiGet(`/api/me/organisations/${encodeURIComponent(organisationId)}`, MyOrganisation, signal),
  });
}

/** Who has looked me up in the register, when and why (GDPR art. 15): `GET /api/me/lookups`. */
export function useMyLookups() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['me', 'lookups'],
    queryFn: ({ signal }) => getMine(queryClient, '/api/me/lookups', PersonLookupsResponse, signal),
  });
}
