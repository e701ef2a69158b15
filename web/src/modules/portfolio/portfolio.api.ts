import {
  ClassificationModel,
  ClassificationOverdueReport,
  type ImportCommitInput,
  ImportPreview,
  ImportResult,
  InformationTypeClassification,
  InnovationReport,
  IntegrationListResponse,
  type LifecycleChange,
  MyRolesResponse,
  type NewSystemInput,
  PeopleResponse,
  PortfolioGraph,
  PortfolioInformationTypeListResponse,
  PortfolioRoleAssignment,
  type PortfolioRoleAssignmentInput,
  RatingResults,
  RatingRound,
  RatingRoundListResponse,
  RoleCoverageReport,
  type RoleSubjectType,
  SsoCoverageReport,
  SystemDetail,
  type SystemInformationInput,
  type SystemInput,
  SystemListResponse,
  TierReport,
} from '@karna/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { uploadFile } from '../../app/upload.ts';
import { apiGet, apiRequest } from '../../lib/api.ts';

/**
 * The portfolio's API calls (`/api/portfolio/…`) as TanStack Query hooks. Every answer is checked
 * with its contract schema; a change puts the answered system into the cache at once and marks the
 * lists and reports stale.
 */

export const portfolioQueryKey = ['portfolio'] as const;
const systemsKey = [...portfolioQueryKey, 'systems'] as const;
const reportsKey = [...portfolioQueryKey, 'reports'] as const;
const myRolesKey = [...portfolioQueryKey, 'my-roles'] as const;
const informationTypesKey = [...portfolioQueryKey, 'information-types'] as const;
/** The pm3 management objects (objects.api.ts), which carry their roles. */
export const managementObjectsKey = [...portfolioQueryKey, 'management-objects'] as const;

export function systemQueryKey(systemId: string) {
  return [...portfolioQueryKey, 'system', systemId] as const;
}

export type MyRole = MyRolesResponse['items'][number];
export type InformationTypeListItem = PortfolioInformationTypeListResponse['items'][number];

const systemPath = (systemId: string, rest = '') =>
  `/api/portfolio/systems/${encodeURIComponent(systemId)}${rest}`;
const typePath = (typeId: string, rest = '') =>
  `/api/portfolio/information-types/${encodeURIComponent(typeId)}${rest}`;
const roundPath = (roundId: string, rest = '') =>
  `/api/portfolio/rating-rounds/${encodeURIComponent(roundId)}${rest}`;

/** The portfolio list (`GET /api/portfolio/systems`) for the query string of the page's filters. */
export function useSystems(query: string) {
  return useQuery({
    queryKey: [...systemsKey, query],
    queryFn: ({ signal }) => apiGet(`/api/portfolio/systems?${query}`, SystemListResponse, signal),
    placeholderData: keepPreviousData,
  });
}

/** One system with its roles, integrations and (for those allowed) its classification. */
export function useSystem(systemId: string) {
  return useQuery({
    queryKey: systemQueryKey(systemId),
    queryFn: ({ signal }) => apiGet(systemPath(systemId), SystemDetail, signal),
  });
}

/** After a change: the lists, reports and the caller's roles are fetched again when next shown. */
function useRefreshLists() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: systemsKey });
    void queryClient.invalidateQueries({ queryKey: reportsKey });
    void queryClient.invalidateQueries({ queryKey: myRolesKey });
    void queryClient.invalidateQueries({ queryKey: informationTypesKey });
  };
}

/** The changes to a system that answer with the whole system again. */
export type SystemChange =
  | { kind: 'facts'; body: SystemInput }
  | { kind: 'lifecycle'; body: LifecycleChange }
  | { kind: 'information'; body: SystemInformationInput };

/** Change a system's facts (PUT), lifecycle stage (POST …/lifecycle) or information held (PUT …/information). */
export function useChangeSystem(systemId: string) {
  const queryClient = useQueryClient();
  const refreshLists = useRefreshLists();
  return useMutation({
    mutationFn: (change: SystemChange) => {
      if (change.kind === 'facts')
        return apiRequest(systemPath(systemId), { method: 'PUT', body: change.body, schema: SystemDetail });
      if (change.kind === 'lifecycle')
        return apiRequest(systemPath(systemId, '/lifecycle'), {
          method: 'POST',
          body: change.body,
          schema: SystemDetail,
        });
      return apiRequest(systemPath(systemId, '/information'), {
        method: 'PUT',
        body: change.body,
        schema: SystemDetail,
      });
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(systemQueryKey(systemId), detail);
      refreshLists();
    },
  });
}

/** Register a system (`POST /api/portfolio/systems`, the IT department). */
export function useCreateSystem() {
  const queryClient = useQueryClient();
  const refreshLists = useRefreshLists();
  return useMutation({
    mutationFn: (body: NewSystemInput) =>
      apiRequest('/api/portfolio/systems', { method: 'POST', body, schema: SystemDetail }),
    onSuccess: (detail) => {
      queryClient.setQueryData(systemQueryKey(detail.id), detail);
      refreshLists();
    },
  });
}

/** What a role change is about: the system is fetched again, since its gaps may change too. */
function useRoleChange<T>(mutationFn: (input: T) => Promise<PortfolioRoleAssignment>) {
  const queryClient = useQueryClient();
  const refreshLists = useRefreshLists();
  return useMutation({
    mutationFn,
    onSuccess: (assignment) => {
      if (assignment.subjectType === 'system')
        void queryClient.invalidateQueries({ queryKey: systemQueryKey(assignment.subjectId) });
      if (assignment.subjectType === 'managementObject')
        void queryClient.invalidateQueries({ queryKey: managementObjectsKey });
      refreshLists();
    },
  });
}

const ROLE_PATHS: Record<RoleSubjectType, string> = {
  system: '/api/portfolio/systems',
  managementObject: '/api/portfolio/management-objects',
  informationType: '/api/portfolio/information-types',
};

/** Give a person a dated role on a system, management object or information type (`POST …/{id}/roles`). */
export function useAssignRole(subjectType: RoleSubjectType, subjectId: string) {
  return useRoleChange((body: PortfolioRoleAssignmentInput) =>
    apiRequest(`${ROLE_PATHS[subjectType]}/${encodeURIComponent(subjectId)}/roles`, {
      method: 'POST',
      body,
      schema: PortfolioRoleAssignment,
    }),
  );
}

/** End a role on a date (`POST /api/portfolio/role-assignments/{id}/end`). */
export function useEndRole() {
  return useRoleChange(({ assignmentId, validTo }: { assignmentId: string; validTo: string }) =>
    apiRequest(`/api/portfolio/role-assignments/${encodeURIComponent(assignmentId)}/end`, {
      method: 'POST',
      body: { validTo },
      schema: PortfolioRoleAssignment,
    }),
  );
}

/** Accept a role one has been given (`POST /api/portfolio/role-assignments/{id}/accept`). */
export function useAcceptRole() {
  return useRoleChange((assignmentId: string) =>
    apiRequest(`/api/portfolio/role-assignments/${encodeURIComponent(assignmentId)}/accept`, {
      method: 'POST',
      schema: PortfolioRoleAssignment,
    }),
  );
}

/** The caller's own roles, current and coming (`GET /api/portfolio/role-assignments/mine`). */
export function useMyRoles() {
  return useQuery({
    queryKey: myRolesKey,
    queryFn: ({ signal }) => apiGet('/api/portfolio/role-assignments/mine', MyRolesResponse, signal),
  });
}

/** Staff to give a role, by name or e-mail (at least two characters). */
export function usePeople(search: string) {
  const q = search.trim();
  return useQuery({
    queryKey: [...portfolioQueryKey, 'people', q],
    queryFn: ({ signal }) =>
      apiGet(`/api/portfolio/people?${new URLSearchParams({ q })}`, PeopleResponse, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Information types with systems, levels and review dates (`GET /api/portfolio/information-types`). */
export function useInformationTypeList() {
  return useQuery({
    queryKey: informationTypesKey,
    queryFn: ({ signal }) =>
      apiGet('/api/portfolio/information-types', PortfolioInformationTypeListResponse, signal),
    staleTime: 60_000,
  });
}

/** The classification model (KLASSA): questions, levels, controls. It changes with a release only. */
export function useClassificationModel() {
  return useQuery({
    queryKey: [...portfolioQueryKey, 'classification-model'],
    queryFn: ({ signal }) => apiGet('/api/portfolio/classification-model', ClassificationModel, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** An information type's classification and its history; 403 for those who may not see it. */
export function useInformationTypeClassification(typeId: string) {
  return useQuery({
    queryKey: [...informationTypesKey, typeId],
    queryFn: ({ signal }) =>
      apiGet(typePath(typeId, '/classification'), InformationTypeClassification, signal),
    retry: false,
  });
}

/** Classify an information type through the questionnaire (`POST …/classifications`). */
export function useClassify(typeId: string) {
  const queryClient = useQueryClient();
  const refreshLists = useRefreshLists();
  return useMutation({
    mutationFn: (body: { answers: Record<string, number>; legalBases: string[]; comment: string | null }) =>
      apiRequest(typePath(typeId, '/classifications'), {
        method: 'POST',
        body,
        schema: InformationTypeClassification,
      }),
    onSuccess: (classification) => {
      queryClient.setQueryData([...informationTypesKey, typeId], classification);
      // Every system holding the type now requires other protection.
      void queryClient.invalidateQueries({ queryKey: [...portfolioQueryKey, 'system'] });
      refreshLists();
    },
  });
}

/** Systems and integrations as a graph, of a unit or an information type (`GET /api/portfolio/graph`). */
/** The map's largest number of boxes: above it the server gathers systems by board. */
export const MAP_MAX_BOXES = 80;
// Why 80: the force-directed layout grows with the square of the boxes; 176 systems took seconds
// to draw on the bench machine, a department's 30–60 take a few hundred milliseconds.

type GraphFilters = { orgUnitId: string | null; informationTypeId: string | null };

function graphFilterQuery(filters: GraphFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.orgUnitId) query.set('orgUnitId', filters.orgUnitId);
  if (filters.informationTypeId) query.set('informationTypeId', filters.informationTypeId);
  return query;
}

/** The integration map of a unit or an information type, at most MAP_MAX_BOXES boxes. */
export function useGraph(filters: GraphFilters) {
  const query = graphFilterQuery(filters);
  query.set('maxBoxes', String(MAP_MAX_BOXES));
  return useQuery({
    queryKey: [...portfolioQueryKey, 'graph', query.toString()],
    queryFn: ({ signal }) => apiGet(`/api/portfolio/graph?${query}`, PortfolioGraph, signal),
  });
}

/** One page of the integrations the map stands for, by the systems' names. */
export function useGraphIntegrations(filters: GraphFilters, page: number, limit: number) {
  const query = graphFilterQuery(filters);
  query.set('page', String(page));
  query.set('limit', String(limit));
  return useQuery({
    queryKey: [...portfolioQueryKey, 'graph-integrations', query.toString()],
    queryFn: ({ signal }) => apiGet(`/api/portfolio/integrations?${query}`, IntegrationListResponse, signal),
    placeholderData: keepPreviousData,
  });
}

// Reports.

export function useTierReport() {
  return useQuery({
    queryKey: [...reportsKey, 'tiers'],
    queryFn: ({ signal }) => apiGet('/api/portfolio/reports/tiers', TierReport, signal),
  });
}

export function useRoleCoverageReport() {
  return useQuery({
    queryKey: [...reportsKey, 'role-coverage'],
    queryFn: ({ signal }) => apiGet('/api/portfolio/reports/role-coverage', RoleCoverageReport, signal),
  });
}

export function useSsoCoverageReport(top: number) {
  return useQuery({
    queryKey: [...reportsKey, 'sso-coverage', top],
    queryFn: ({ signal }) =>
      apiGet(`/api/portfolio/reports/sso-coverage?top=${top}`, SsoCoverageReport, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClassificationOverdueReport(enabled: boolean) {
  return useQuery({
    queryKey: [...reportsKey, 'classification-overdue'],
    queryFn: ({ signal }) =>
      apiGet('/api/portfolio/reports/classification-overdue', ClassificationOverdueReport, signal),
    enabled,
  });
}

export function useInnovationReport() {
  return useQuery({
    queryKey: [...reportsKey, 'innovation'],
    queryFn: ({ signal }) => apiGet('/api/portfolio/reports/innovation', InnovationReport, signal),
  });
}

// Rating rounds (systemenkäter).

export function useRatingRounds() {
  return useQuery({
    queryKey: [...reportsKey, 'rating-rounds'],
    queryFn: ({ signal }) => apiGet('/api/portfolio/rating-rounds', RatingRoundListResponse, signal),
  });
}

export function useRatingResults(roundId: string | null) {
  return useQuery({
    queryKey: [...reportsKey, 'rating-results', roundId],
    queryFn: ({ signal }) => apiGet(roundPath(roundId ?? '', '/results'), RatingResults, signal),
    enabled: roundId !== null,
  });
}

/** Rate a system in an open round (204); rating it again replaces the earlier answer. */
export function useRate(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { systemId: string; score: number; comment: string | null }) =>
      apiRequest<void>(roundPath(roundId, '/ratings'), { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reportsKey }),
  });
}

/** Open a rating round (the IT department). */
export function useCreateRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; opensOn: string; closesOn: string }) =>
      apiRequest('/api/portfolio/rating-rounds', { method: 'POST', body, schema: RatingRound }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reportsKey }),
  });
}

// Import from a spreadsheet.

/** Upload a spreadsheet: the file's bytes as the body, its name in the query. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile(
        queryClient,
        `/api/portfolio/imports?${new URLSearchParams({ fileName: file.name })}`,
        file,
        'application/octet-stream',
        ImportPreview,
      ),
  });
}

/** Check (dryRun) or import the uploaded rows with a column mapping. */
export function useCommitImport(importId: string) {
  const refreshLists = useRefreshLists();
  return useMutation({
    mutationFn: (body: ImportCommitInput) =>
      apiRequest(`/api/portfolio/imports/${encodeURIComponent(importId)}/commit`, {
        method: 'POST',
        body,
        schema: ImportResult,
      }),
    onSuccess: (result) => {
      if (result.committed) refreshLists();
    },
  });
}

/** Where a list of the portfolio is downloaded as CSV (`GET /api/portfolio/exports/{list}`). */
export function exportUrl(
  list:
    | 'systems'
    | 'tiers'
    | 'role-coverage'
    | 'sso-coverage'
    | 'classification-overdue'
    | 'innovation'
    | 'ratings',
  query?: URLSearchParams,
): string {
  const search = query?.toString();
  return `/api/portfolio/exports/${list}${search ? `?${search}` : ''}`;
}
