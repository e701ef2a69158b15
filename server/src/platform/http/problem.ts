import type { Socket } from 'node:net';
import type { Problem } from '@karna/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCatalog, type FieldErrorDetail } from './errors.ts';

const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Fastify's own error codes that a client can cause, and the code we answer with. */
const fastifyClientErrors: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_request',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_VALIDATION: 'validation_failed',
  // Raised by the router before any route runs (see frameworkErrorHandler).
  FST_ERR_BAD_URL: 'malformed_request',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
};

/**
 * Makes every error answer RFC 9457 problem+json: AppErrors by their catalog entry, schema
 * validation failures with field errors, unknown routes as `not_found`, and anything unexpected as
 * an opaque 500 that carries only the request id (the log has the rest).
 */
export function installProblemResponses(app: FastifyInstance, catalog: ErrorCatalog<string>): void {
  app.setNotFoundHandler((request, reply) => {
    sendProblem(request, reply, catalog, new AppError('not_found'));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (!appError) {
      request.log.error({ err: error }, 'unhandled error');
      sendProblem(request, reply, catalog, new AppError('internal_error'));
      return;
    }
    const status = catalog[appError.code]?.status ?? 500;
    if (status >= 500) request.log.error({ err: error }, appError.code);
    sendProblem(request, reply, catalog, appError);
  });
}

/**
 * For Fastify's `frameworkErrors` option: errors the router meets before a route is chosen (a bad
 * percent-encoding in the path, an over-long path parameter) answered as problems, not Fastify's JSON.
 */
export function frameworkErrorHandler(catalog: ErrorCatalog<string>, headers: Record<string, string>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    reply.headers(headers);
    sendProblem(request, reply, catalog, toAppError(error) ?? new AppError('malformed_request'));
  };
}

/**
 * For Fastify's `clientErrorHandler` option: requests Node's HTTP parser refuses before there is a
 * request at all (headers too large, a timeout, garbage) get a problem+json answer on the socket.
 */
export function clientErrorHandler(catalog: ErrorCatalog<string>) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const code =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 'headers_too_large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 'request_timeout'
          : 'malformed_request';
    const definition = catalog[code] ?? catalog.internal_error;
    if (socket.writable && definition) {
      const body = JSON.stringify({
        type: `urn:karna:error:${code}`,
        title: definition.title.sv,
        status: definition.status,
        code,
      } satisfies Problem);
      socket.write(
        `HTTP/1.1 ${definition.status} ${code}\r\nConnection: close\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}

function toAppError(error: FastifyError): AppError | undefined {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fieldErrors: FieldErrorDetail[] = error.validation.map((issue) => ({
      path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is not valid',
    }));
    return new AppError('validation_failed', { fieldErrors });
  }
  if (isResponseSerializationError(error)) return undefined;
  const mapped = error.code ? fastifyClientErrors[error.code] : undefined;
  if (mapped) return new AppError(mapped, { cause: error });
  if (error.statusCode === 429) return new AppError('rate_limited', { cause: error });
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('malformed_request', { cause: error });
  }
  return undefined;
}

/** Writes one problem+json answer; the title follows the request's language (Swedish by default). */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  catalog: ErrorCatalog<string>,
  error: AppError,
): void {
  const definition = catalog[error.code] ?? catalog.internal_error;
  if (!definition) throw new Error('the error catalog lacks internal_error');
  const language = prefersEnglish(request) ? 'en' : 'sv';
  const body: Problem = {
    type: `urn:karna:error:${error.code}`,
    title: definition.title[language],
    status: definition.status,
    code: error.code,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(error.fieldErrors
      ? {
          errors: error.fieldErrors.map(({ path, message }) => ({
            path,
            message: typeof message === 'string' ? message : message[language],
          })),
        }
      : {}),
  };
  reply.status(definition.status).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(body);
}

function prefersEnglish(request: FastifyRequest): boolean {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return false;
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en');
}
