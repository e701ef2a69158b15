import { Problem } from '@karna/contracts';

/** Anything that can check an unknown JSON value and return it typed (a Zod schema, for one). */
export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

/**
 * Codes for failures that happen before the server could answer with a problem: the UI translates
 * these itself, because the API client does not know the user's language.
 */
export const clientErrorCodes = ['network_error', 'unexpected_response'] as const;
export type ClientErrorCode = (typeof clientErrorCodes)[number];

/** An API call that failed. `problem` is the server's problem+json body, or one made up here. */
export class ApiError extends Error {
  readonly problem: Problem;
  readonly status: number;

  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status;
  }
}

export function isClientErrorCode(code: string): code is ClientErrorCode {
  return (clientErrorCodes as readonly string[]).includes(code);
}

// The CSRF token comes with the session (GET /api/session). The session query hands it over here
// so that every write carries it without each caller having to pass it along.
let csrfToken: string | undefined;

/** Remember the CSRF token of the current session, or forget it (`undefined`) after logout. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

// The UI language, sent as Accept-Language so that problem titles come back in the same language.
let language: string | undefined;

/** Ask the server for texts (problem titles) in this language from now on. */
export function setApiLanguage(tag: string): void {
  language = tag;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What an API answer tells beyond its body: the session clock reads its headers and status. */
export interface ApiAnswer {
  path: string;
  method: Method;
  status: number;
  headers: Headers;
}

const answerListeners = new Set<(answer: ApiAnswer) => void>();

/**
 * Be told of every API answer (before its body is read), e.g. to follow the session's expiry
 * header. Returns a function that stops listening.
 */
export function onApiAnswer(listener: (answer: ApiAnswer) => void): () => void {
  answerListeners.add(listener);
  return () => answerListeners.delete(listener);
}

interface RequestOptions<T> {
  method?: Method;
  /** Sent as JSON. Writes without a body send `{}` so the server always sees a JSON request. */
  body?: unknown;
  /** Validates the response body; without it the body is returned unchecked. */
  schema?: ResponseSchema<T>;
  signal?: AbortSignal;
}

/**
 * Call the Kärna API: JSON in and out, the session cookie (same origin) and, on writes, the
 * `x-csrf-token` header. Resolves with the (validated) body; rejects with an ApiError.
 */
export async function apiRequest<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (language) headers['accept-language'] = language;
  let body: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(clientProblem('network_error', 0, 'The service could not be reached'));
  }
  for (const listener of answerListeners) {
    listener({ path, method, status: response.status, headers: response.headers });
  }

  const data = await readJson(response);
  if (!response.ok) throw new ApiError(toProblem(data, response.status));
  if (response.status === 204) return undefined as T;
  if (!options.schema) return data as T;
  try {
    return options.schema.parse(data);
  } catch {
    throw new ApiError(
      clientProblem('unexpected_response', response.status, `Unexpected response from ${path}`),
    );
  }
}

/** GET a resource and validate it with its contract schema. */
export function apiGet<T>(path: string, schema: ResponseSchema<T>, signal?: AbortSignal): Promise<T> {
  return apiRequest(path, { schema, signal });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toProblem(data: unknown, status: number): Problem {
  const parsed = Problem.safeParse(data);
  if (parsed.success) return parsed.data;
  // A proxy or a crashed server may answer with HTML or nothing at all.
  return clientProblem('unexpected_response', status, `HTTP ${status}`);
}

function clientProblem(code: ClientErrorCode, status: number, title: string): Problem {
  return { type: `urn:karna:error:${code}`, code, title, status };
}
