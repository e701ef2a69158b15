import {
  AssigneeListResponse,
  CaseView,
  type FormData,
  InboxResponse,
  LeadTimeResponse,
  ServiceForm,
} from '@karna/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../lib/api.ts';
import { myTasksQueryKey } from '../workspace/workspace.api.ts';
import { type InboxFilters, inboxSearchParams } from './inbox-filters.ts';

export const casesQueryKey = ['cases'] as const;
const inboxQueryKey = [...casesQueryKey, 'inbox'] as const;
const leadTimesQueryKey = [...casesQueryKey, 'lead-times'] as const;

export function caseQueryKey(caseId: string) {
  return [...casesQueryKey, 'case', caseId] as const;
}

function casePath(caseId: string, rest = ''): string {
  return `/api/cases/${encodeURIComponent(caseId)}${rest}`;
}

/** Where a case's document is downloaded (`GET /api/cases/{caseId}/documents/{documentId}`). */
export function documentUrl(caseId: string, documentId: string): string {
  return casePath(caseId, `/documents/${encodeURIComponent(documentId)}`);
}

/**
 * The unit inbox (`GET /api/cases/inbox`, `cases.read`), page by page: each page's `next` is the
 * keyset cursor of the following one.
 */
export function useInbox(filters: InboxFilters) {
  return useInfiniteQuery({
    queryKey: [...inboxQueryKey, filters],
    queryFn: ({ pageParam, signal }) => {
      const query = inboxSearchParams(filters);
      if (pageParam) query.set('after', pageParam);
      return apiGet(`/api/cases/inbox?${query}`, InboxResponse, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    // While other filters load, the list shown stays (and its count is announced once they come).
    placeholderData: keepPreviousData,
  });
}

/** Lead times per e-service against its service promise (`GET /api/cases/lead-times`). */
export function useLeadTimes() {
  return useQuery({
    queryKey: leadTimesQueryKey,
    queryFn: ({ signal }) => apiGet('/api/cases/lead-times', LeadTimeResponse, signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * One case, the whole screen in one answer (`GET /api/cases/{caseId}`). Every read is audited, so
 * it is not refetched behind the officer's back when the window regains focus; only while its
 * process is still starting is it asked for again, until the first task is there.
 */
export function useCaseView(caseId: string) {
  return useQuery({
    queryKey: caseQueryKey(caseId),
    queryFn: ({ signal }) => apiGet(casePath(caseId), CaseView, signal),
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchInterval: (query) => (query.state.data?.process.state === 'starting' ? 3000 : false),
  });
}

/** The officers a case may be assigned to, fetched when the picker opens. */
export function useAssignees(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...caseQueryKey(caseId), 'assignees'],
    queryFn: ({ signal }) => apiGet(casePath(caseId, '/assignees'), AssigneeListResponse, signal),
    enabled,
  });
}

/**
 * The published form of an e-service (`GET /api/services/catalog/{slug}`): the case screen takes
 * the labels of the submitted fields from it. Failing is harmless (field names are shown instead).
 */
export function useServiceForm(slug: string) {
  return useQuery({
    queryKey: ['services', 'catalog', slug],
    queryFn: ({ signal }) => apiGet(`/api/services/catalog/${encodeURIComponent(slug)}`, ServiceForm, signal),
    staleTime: 30 * 60_000,
    retry: false,
  });
}

/**
 * The commands on a case and the body each takes (AssignRequest, NoteRequest, CompleteTaskRequest,
 * DecideRequest, SecrecyRequest, DocumentSecrecyRequest, CloseRequest in the contracts); each answers with the new CaseView.
 */
export type CaseCommand =
  | { kind: 'assign'; body: { assigneeId: string | null } }
  | { kind: 'note'; body: { text: string } }
  | { kind: 'completeTask'; taskId: string; body: { data: FormData } }
  | { kind: 'decide'; body: { outcome: string; justification: string; appealInformation?: string } }
  | { kind: 'secrecy'; body: { secret: boolean; ground?: string } }
  | { kind: 'documentSecrecy'; documentId: string; body: { secret: boolean } }
  | { kind: 'close'; body: { reason?: string } };

function commandPath(caseId: string, command: CaseCommand): string {
  switch (command.kind) {
    case 'assign':
      return casePath(caseId, '/assign');
    case 'note':
      return casePath(caseId, '/notes');
    case 'completeTask':
      return casePath(caseId, `/tasks/${encodeURIComponent(command.taskId)}/complete`);
    case 'decide':
      return casePath(caseId, '/decision');
    case 'secrecy':
      return casePath(caseId, '/secrecy');
    case 'documentSecrecy':
      return casePath(caseId, `/documents/${encodeURIComponent(command.documentId)}/secrecy`);
    case 'close':
      return casePath(caseId, '/close');
  }
}

/**
 * Send one command about a case. The CaseView it answers with replaces the cached one at once;
 * the inbox, lead times and the officer's task list are refetched when next shown.
 *
 * A button that goes away once its command is done (a task's, the decision's, "Tilldela mig")
 * shows no React Aria pending state: its announcement would point at a removed button for seconds
 * (a nameless `role="img"` in the live region). Such buttons ignore a second press while waiting.
 */
export function useCaseCommand(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: CaseCommand) =>
      apiRequest(commandPath(caseId, command), { method: 'POST', body: command.body, schema: CaseView }),
    onSuccess: (view) => {
      queryClient.setQueryData(caseQueryKey(caseId), view);
      void queryClient.invalidateQueries({ queryKey: inboxQueryKey });
      void queryClient.invalidateQueries({ queryKey: leadTimesQueryKey });
      void queryClient.invalidateQueries({ queryKey: myTasksQueryKey });
    },
  });
}
