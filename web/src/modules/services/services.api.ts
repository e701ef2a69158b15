import {
  CatalogResponse,
  CreatedDraft,
  Draft,
  DraftListResponse,
  type LifeSituation,
  Problem,
  type SaveDraftRequest,
  ServiceForm,
  ServicePrefill,
  type SessionResponse,
  type SubmitRequest,
  SubmitResponse,
  TrackedCase,
  UploadedAttachment,
} from '@karna/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionQueryKey } from '../../app/auth.tsx';
import { sessionClock } from '../../app/session-clock.ts';
import { ApiError, apiGet, type Method, type ResponseSchema } from '../../lib/api.ts';
import { readStored, writeStored } from '../../lib/storage.ts';

// E-services as the citizen uses them: the catalog, a form, drafts with attachments, submitting,
// and following an anonymous submission. Draft calls go through `draftRequest` below rather than
// lib/api.ts's apiRequest, because they may carry an anonymous draft's token (`x-draft-token`) and
// a file's raw bytes, which apiRequest cannot send.

const servicesKey = ['services'] as const;
export const draftsQueryKey = ['services', 'drafts'] as const;

/** The catalog, searched and filtered on the server: `GET /api/services/catalog`. */
export function useCatalog(filter: { q: string; lifeSituation: LifeSituation | null }) {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.lifeSituation) params.set('lifeSituation', filter.lifeSituation);
  const query = params.toString();
  return useQuery({
    queryKey: [...servicesKey, 'catalog', filter.q, filter.lifeSituation],
    queryFn: ({ signal }) =>
      apiGet(`/api/services/catalog${query ? `?${query}` : ''}`, CatalogResponse, signal),
    // While a new search runs, the previous results stay (no flash of "loading" on each letter).
    placeholderData: (previous) => previous,
  });
}

/** A published e-service with its form: `GET /api/services/catalog/{slug}`. */
export function useServiceForm(slug: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...servicesKey, 'form', slug],
    queryFn: ({ signal }) => apiGet(`/api/services/catalog/${encodeURIComponent(slug)}`, ServiceForm, signal),
    enabled,
  });
}

/** What the register knows for the logged-in citizen, for prefill: `GET /api/services/prefill`. */
export function usePrefill({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: [...servicesKey, 'prefill'],
    queryFn: ({ signal }) => apiGet('/api/services/prefill', ServicePrefill, signal),
    enabled,
  });
}

/** The logged-in person's drafts, newest first: `GET /api/services/drafts`. */
export function useDrafts({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: draftsQueryKey,
    queryFn: async ({ signal }) => {
      const { items } = await apiGet('/api/services/drafts', DraftListResponse, signal);
      return [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    enabled,
  });
}

// ---------------------------------------------------------------------------------------------
// Anonymous drafts: the token is the only key to them. It is kept for this tab only
// (sessionStorage), with which draft this tab has for each e-service, so a reload can resume.

const tokenKey = (draftId: string) => `karna.draftToken.${draftId}`;
const anonymousDraftKey = (slug: string) => `karna.anonymousDraft.${slug}`;

/** The anonymous draft this tab has started for an e-service, if any. */
export function anonymousDraftFor(slug: string): { draftId: string; token: string } | null {
  const draftId = readStored(anonymousDraftKey(slug), 'session');
  const token = draftId ? readStored(tokenKey(draftId), 'session') : null;
  return draftId && token ? { draftId, token } : null;
}

function rememberAnonymousDraft(slug: string, draftId: string, token: string): void {
  writeStored(tokenKey(draftId), token, 'session');
  writeStored(anonymousDraftKey(slug), draftId, 'session');
}

/** Forget an anonymous draft (submitted, removed or no longer known to the server). */
export function forgetAnonymousDraft(slug: string): void {
  const draftId = readStored(anonymousDraftKey(slug), 'session');
  if (draftId) writeStored(tokenKey(draftId), null, 'session');
  writeStored(anonymousDraftKey(slug), null, 'session');
}

function draftTokenOf(draftId: string): string | null {
  return readStored(tokenKey(draftId), 'session');
}

interface DraftRequestOptions<T> {
  method?: Method;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, as `application/octet-stream` (a file's bytes). */
  bytes?: Blob;
  schema?: ResponseSchema<T>;
  /** The anonymous draft this call is about: its token is sent along. */
  draftId?: string;
  /** Answer the body as a Blob (a document download) instead of JSON. */
  asBlob?: boolean;
}

function csrfTokenOf(queryClient: QueryClient): string | undefined {
  const session = queryClient.getQueryData<SessionResponse>(sessionQueryKey);
  return session?.authenticated ? session.csrfToken : undefined;
}

/**
 * Call the services API like lib/api.ts does (session cookie, CSRF token on writes, the UI
 * language, problems as ApiError, answers shown to the session clock), plus an anonymous draft's
 * token and raw file bodies.
 */
async function draftRequest<T>(
  queryClient: QueryClient,
  path: string,
  options: DraftRequestOptions<T> = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const language = document.documentElement.lang;
  if (language) headers['accept-language'] = language;
  let body: BodyInit | undefined;
  if (method !== 'GET') {
    const csrf = csrfTokenOf(queryClient);
    if (csrf) headers['x-csrf-token'] = csrf;
    if (options.bytes) {
      headers['content-type'] = 'application/octet-stream';
      body = options.bytes;
    } else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json ?? {});
    }
  }
  const token = options.draftId ? draftTokenOf(options.draftId) : null;
  if (token) headers['x-draft-token'] = token;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError({
      type: 'urn:karna:error:network_error',
      code: 'network_error',
      title: 'The service could not be reached',
      status: 0,
    });
  }
  sessionClock.observeAnswer({ path, method, status: response.status, headers: response.headers });
  if (response.ok && options.asBlob) return (await response.blob()) as T;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const problem = Problem.safeParse(data);
    throw new ApiError(
      problem.success
        ? problem.data
        : {
            type: 'urn:karna:error:unexpected_response',
            code: 'unexpected_response',
            title: `HTTP ${response.status}`,
            status: response.status,
          },
    );
  }
  if (response.status === 204 || !options.schema) return data as T;
  try {
    return options.schema.parse(data);
  } catch {
    throw new ApiError({
      type: 'urn:karna:error:unexpected_response',
      code: 'unexpected_response',
      title: `Unexpected response from ${path}`,
      status: response.status,
    });
  }
}

const draftPath = (draftId: string) => `/api/services/drafts/${encodeURIComponent(draftId)}`;

/** Read one draft (an anonymous one with its token): `GET /api/services/drafts/{id}`. */
export function fetchDraft(queryClient: QueryClient, draftId: string): Promise<Draft> {
  return draftRequest(queryClient, draftPath(draftId), { schema: Draft, draftId });
}

/** The draft operations of one form, bound to the app's query client. */
export function useDraftActions() {
  const queryClient = useQueryClient();
  const refreshDrafts = () => void queryClient.invalidateQueries({ queryKey: draftsQueryKey });
  return {
    /** Start a draft: `POST /api/services/drafts`. An anonymous draft's token is kept for this tab. */
    create: async (slug: string): Promise<Draft> => {
      const created = await draftRequest(queryClient, '/api/services/drafts', {
        method: 'POST',
        json: { slug },
        schema: CreatedDraft,
      });
      if (created.draftToken) rememberAnonymousDraft(slug, created.id, created.draftToken);
      refreshDrafts();
      const { draftToken: _token, ...draft } = created;
      return draft;
    },
    /** Save answers and the step: `PUT /api/services/drafts/{id}`. */
    save: async (draftId: string, request: SaveDraftRequest): Promise<Draft> => {
      const saved = await draftRequest(queryClient, draftPath(draftId), {
        method: 'PUT',
        json: request,
        schema: Draft,
        draftId,
      });
      refreshDrafts();
      return saved;
    },
    /** Throw a draft away: `DELETE /api/services/drafts/{id}`. */
    remove: async (draftId: string, slug: string): Promise<void> => {
      await draftRequest(queryClient, draftPath(draftId), { method: 'DELETE', draftId });
      if (anonymousDraftFor(slug)?.draftId === draftId) forgetAnonymousDraft(slug);
      refreshDrafts();
    },
    /** Upload a file to an attachment field: `POST …/attachments?field=&fileName=`, raw bytes. */
    upload: (draftId: string, field: string, file: File): Promise<UploadedAttachment> =>
      draftRequest(
        queryClient,
        `${draftPath(draftId)}/attachments?${new URLSearchParams({ field, fileName: file.name })}`,
        { method: 'POST', bytes: file, schema: UploadedAttachment, draftId },
      ),
    /** Remove an uploaded file: `DELETE …/attachments/{attachmentId}`. */
    removeAttachment: (draftId: string, attachmentId: string): Promise<void> =>
      draftRequest(queryClient, `${draftPath(draftId)}/attachments/${encodeURIComponent(attachmentId)}`, {
        method: 'DELETE',
        draftId,
      }),
    /**
     * Submit: `POST …/submit`. The same idempotency key on a retry gives back the same case (200),
     * never a second one.
     */
    submit: async (draftId: string, slug: string, request: SubmitRequest): Promise<SubmitResponse> => {
      const submitted = await draftRequest(queryClient, `${draftPath(draftId)}/submit`, {
        method: 'POST',
        json: request,
        schema: SubmitResponse,
        draftId,
      });
      forgetAnonymousDraft(slug);
      refreshDrafts();
      void queryClient.invalidateQueries({ queryKey: ['me', 'cases'] });
      return submitted;
    },
  };
}

/** Remove a draft from Mina sidor's list: `DELETE /api/services/drafts/{id}`. */
export function useRemoveDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draftId: string) => draftRequest(queryClient, draftPath(draftId), { method: 'DELETE' }),
    onSuccess: (_result, draftId) => {
      queryClient.setQueryData<Draft[]>(draftsQueryKey, (drafts) =>
        drafts?.filter((draft) => draft.id !== draftId),
      );
      void queryClient.invalidateQueries({ queryKey: draftsQueryKey });
    },
  });
}

/** Follow an anonymous submission by its tracking link's token: `POST /api/cases/track`. */
export function useTrackedCase(token: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['cases', 'track', token],
    queryFn: () =>
      draftRequest(queryClient, '/api/cases/track', { method: 'POST', json: { token }, schema: TrackedCase }),
    enabled: token !== null,
    // The token is a secret: keep the answer no longer than the page needs it.
    gcTime: 0,
    // The receipt is written just after the case is registered: ask again for a little while.
    refetchInterval: (query) =>
      query.state.data &&
      !query.state.data.documents.some((document) => document.kind === 'receipt') &&
      query.state.dataUpdateCount < 30
        ? 2000
        : false,
  });
}

/**
 * Save a document of an anonymous submission — its receipt or decision — by the tracking link's
 * token: `POST /api/cases/track/document` (the token goes in the body, never in an address).
 */
export async function downloadTrackedDocument(
  queryClient: QueryClient,
  token: string,
  document: TrackedCase['documents'][number],
): Promise<void> {
  const blob = await draftRequest<Blob>(queryClient, '/api/cases/track/document', {
    method: 'POST',
    json: { token, kind: document.kind },
    asBlob: true,
  });
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.fileName;
  link.click();
  // The browser has started the download by the time the click returns; free the bytes soon after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What the form page is told when a draft is opened from Mina ärenden: continue it without asking. */
export interface ContinueDraftState {
  continueDraft: string;
}
