import { Problem, type SessionResponse } from '@karna/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { ApiError, type ResponseSchema } from '../lib/api.ts';
import { sessionQueryKey } from './auth.tsx';
import { sessionClock } from './session-clock.ts';

function problemOf(status: number, data: unknown): Problem {
  const problem = Problem.safeParse(data);
  if (problem.success) return problem.data;
  return {
    type: 'urn:karna:error:unexpected_response',
    code: 'unexpected_response',
    title: `HTTP ${status}`,
    status,
  };
}

/**
 * POST a file's bytes with its content type (a spreadsheet as `application/octet-stream`, the IT
 * services' imports as `text/csv`), as the lib/api.ts client does everything else: the session
 * cookie, the session's CSRF token, the UI language for problem titles, the answer shown to the
 * session clock, problems as ApiError.
 */
export async function uploadFile<T>(
  queryClient: QueryClient,
  path: string,
  file: Blob,
  contentType: string,
  schema: ResponseSchema<T>,
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'content-type': contentType,
  };
  const language = document.documentElement.lang;
  if (language) headers['accept-language'] = language;
  const session = queryClient.getQueryData<SessionResponse>(sessionQueryKey);
  if (session?.authenticated) headers['x-csrf-token'] = session.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError({
      type: 'urn:karna:error:network_error',
      code: 'network_error',
      title: 'The service could not be reached',
      status: 0,
    });
  }
  sessionClock.observeAnswer({ path, method: 'POST', status: response.status, headers: response.headers });
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) throw new ApiError(problemOf(response.status, data));
  try {
    return schema.parse(data);
  } catch {
    throw new ApiError(problemOf(response.status, undefined));
  }
}
