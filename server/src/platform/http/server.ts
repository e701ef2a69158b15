import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { Problem } from '@karna/contracts';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { HelmetOptions } from 'helmet';
import type { Config } from '../config.ts';
import { AppError, type ErrorCatalog } from './errors.ts';
import { clientErrorHandler, frameworkErrorHandler, installProblemResponses } from './problem.ts';
import { computeHelmetHeaders, installSecurityHeaders } from './security-headers.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * What a request's log line says about it. The path without its query string: a query can carry
 * what a person typed (an officer's stated purpose, a search), and logs must not hold personal data.
 */
export function requestLogFields(request: { method: string; url: string; ip?: string }) {
  return { method: request.method, url: request.url.split('?')[0], remoteAddress: request.ip };
}

/**
 * The Fastify instance every module registers on: JSON logs with request ids (secrets redacted),
 * Zod validation and serialisation, OpenAPI 3.1 at /api/openapi.json with a browsable page at
 * /api/docs, security headers, cookies, opt-in rate limits and problem+json errors.
 */
export async function createHttpServer(
  config: Config,
  catalog: ErrorCatalog<string>,
): Promise<FastifyInstance> {
  const securityHeaders = computeHelmetHeaders(securityHeaderOptions(config));
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      serializers: { req: requestLogFields },
    },
    // In development the terminal is the developer's: one line per request would bury the start
    // banner with the demo accounts. LOG_LEVEL=debug brings them back.
    logController: new LogController({
      disableRequestLogging: config.env === 'development' && !['debug', 'trace'].includes(config.logLevel),
    }),
    trustProxy: config.trustProxy,
    // genReqId reads x-request-id itself, so that only well-formed ids are taken over.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrorHandler(catalog, securityHeaders),
    clientErrorHandler: clientErrorHandler(catalog),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installProblemResponses(app, catalog);
  documentProblemResponses(app);

  installSecurityHeaders(app, securityHeaders);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('rate_limited'),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kärna API',
        description:
          'The API of Kärna, the shared digital platform of a Swedish municipality. Errors are RFC 9457 ' +
          'problem+json. Browsers authenticate with the session cookie and send the x-csrf-token header ' +
          'on writes; integrations send `Authorization: Bearer <API key>`.',
        version: '0.1.0',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'karna_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API client key: karna_<id>_<secret>' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  return app;
}

/**
 * Declares problem+json as every API route's 4xx and 5xx answer, so the OpenAPI document tells
 * integrators what an error looks like. (Problems are written by the error handler with their own
 * serialiser; the declaration documents them.)
 */
function documentProblemResponses(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || !route.schema || route.schema.hide) return;
    const problem = {
      description: 'RFC 9457 problem details',
      content: { 'application/problem+json': { schema: Problem } },
    };
    route.schema = {
      ...route.schema,
      response: { ...(route.schema.response as object), '4XX': problem, '5XX': problem },
    };
  });
}

/** The browsable OpenAPI page at /api/docs and the document at /api/openapi.json. */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwaggerUi, {
    routePrefix: API_DOCS_PREFIX,
    uiConfig: { docExpansion: 'list', deepLinking: true },
    theme: { title: 'Kärna API' },
    staticCSP: true,
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );
}

/** Routes the documentation plugin adds itself; they are public like the API description. */
export const API_DOCS_PREFIX = '/api/docs';

/** Security headers as helmet defines them, for this configuration. */
function securityHeaderOptions(config: Config): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        // The OpenAPI page (swagger-ui) needs data: images; nothing else is loaded from elsewhere.
        'img-src': ["'self'", 'data:'],
        'form-action': ["'self'", ...formTargets(config)],
        // Only ask browsers to upgrade requests where the platform itself is served over https.
        'upgrade-insecure-requests': config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    // HSTS only where the platform is served over https.
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
  };
}

/** Identity providers our pages post forms to (login pickers, logout confirmations). */
function formTargets(config: Config): string[] {
  const origins = [config.citizenOidc.issuer, config.staffOidc.issuer].map(
    (issuer) => new URL(issuer).origin,
  );
  return [...new Set(origins)];
}
