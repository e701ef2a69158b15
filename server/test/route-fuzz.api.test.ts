import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../seeds/demo-municipality.ts';
import {
  arbitraryFor,
  hostileFieldValues,
  type JsonSchema,
  unconstrainedStrings,
  validFor,
} from './openapi-arbitrary.ts';
import { type ApiBrowser, startTestServer, type TestServer, testBackends } from './test-server.ts';

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

/** Generated requests per route and caller; every refusal must be a problem, never a 5xx. */
const RUNS_PER_ROUTE = 40;

/** Percent-encodes a path segment; a lone surrogate (which encodeURIComponent refuses) goes as raw UTF-8 bytes. */
function encodeSegment(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
  }
}

function requestArbitrary(
  operation: Operation,
  known: { uuids: string[] },
  generate: typeof arbitraryFor = arbitraryFor,
) {
  const parameters = operation.parameters ?? [];
  const pick = (where: Parameter['in']) =>
    Object.fromEntries(
      parameters
        .filter((parameter) => parameter.in === where)
        .map((parameter) => [parameter.name, generate(parameter.schema, known)]),
    );
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  return fc.record({
    pathParams: fc.record(pick('path')),
    query: fc.record(pick('query'), { requiredKeys: [] }),
    body: bodySchema ? generate(bodySchema, known) : fc.constant(undefined),
  });
}

type GeneratedRequest = {
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
};

/** `/api/users/{userId}/roles` with the parameters filled in. */
function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeSegment(values[name]));
}

function queryString(values: Record<string, unknown>): string {
  const entries = Object.entries(values).map(([key, value]) => [
    key,
    typeof value === 'string' ? value.toWellFormed() : JSON.stringify(value),
  ]);
  return entries.length > 0 ? `?${new URLSearchParams(entries)}` : '';
}

describe.each(testBackends)('every route under generated and hostile input on %s', (backend) => {
  let server: TestServer;
  let document: OpenApiDocument;
  let admin: ApiBrowser;
  let apiKey: string;
  const known: { uuids: string[] } = { uuids: [] };

  beforeAll(async () => {
    server = await startTestServer(backend);
    admin = server.browser();
    await admin.loginAsStaff(demoStaff.find((person) => person.givenName === 'Ada')?.subject ?? '');
    const units = await admin.api<{ items: { id: string }[] }>('GET', '/api/org-units');
    const root = units.body.items[0]?.id;
    const created = await admin.api<{ apiKey: string }>('POST', '/api/api-clients', {
      json: { name: 'Fuzz', role: 'administrator', orgUnitId: root },
    });
    apiKey = created.body.apiKey;
    const users = await admin.api<{ items: { id: string; email: string }[] }>('GET', '/api/users');
    // Staff whose roles the fuzzing may change without locking the fuzzing callers out.
    const victims = users.body.items.filter((user) => /^(nils|anna|karin)\./.test(user.email));
    known.uuids = [...units.body.items.map((unit) => unit.id), ...victims.map((user) => user.id)];
    document = (await admin.api<OpenApiDocument>('GET', '/api/openapi.json')).body;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('documents every free-text field of a request with a pattern and a length limit', () => {
    const loose = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) => [
        ...(operation.parameters ?? []).flatMap((parameter) =>
          unconstrainedStrings(parameter.schema, `${method} ${path} ${parameter.in}.${parameter.name}`),
        ),
        ...unconstrainedStrings(
          operation.requestBody?.content?.['application/json']?.schema,
          `${method} ${path} body`,
        ),
      ]),
    );
    expect(loose).toEqual([]);
  });

  /** Sends one request as the API client (root administrator) or as the administrator's browser session. */
  const send = async (method: string, template: string, request: GeneratedRequest, caller: string) => {
    const url = `${fillPath(template, request.pathParams)}${queryString(request.query)}`;
    const options =
      request.body === undefined
        ? {}
        : { raw: { body: JSON.stringify(request.body), contentType: 'application/json' } };
    const response =
      caller === 'apiClient'
        ? await server
            .browser()
            .api(method, url, { ...options, headers: { authorization: `Bearer ${apiKey}` } })
        : await admin.api(method, url, options);
    const isProblem = /^application\/problem\+json/.test(response.headers.get('content-type') ?? '');
    expect(response.status, `${method} ${url.slice(0, 200)} as ${caller}`).toBeLessThan(500);
    if (response.status >= 400) expect(isProblem, `${method} ${url.slice(0, 200)}: problem+json`).toBe(true);
  };
  /**
   * A valid request the route accepts (2xx/3xx), so that each hostile value is the only thing wrong
   * with it and reaches as far into the handler as it can; the first valid one when none succeeds.
   */
  const succeedingRequest = async (method: string, path: string, operation: Operation) => {
    const candidates = fc.sample(requestArbitrary(operation, known, validFor), { numRuns: 30, seed: 7 });
    for (const candidate of candidates) {
      const url = `${fillPath(path, candidate.pathParams)}${queryString(candidate.query)}`;
      const options = candidate.body === undefined ? {} : { json: candidate.body };
      const response = await server
        .browser()
        .api(method, url, { ...options, headers: { authorization: `Bearer ${apiKey}` } });
      if (response.status < 400) return candidate;
    }
    const [first] = candidates;
    if (!first) throw new Error(`no request could be generated for ${method} ${path}`);
    return first;
  };
  /** The logout route would end the session the other requests use. */
  const callersOf = (path: string) =>
    path === '/api/auth/logout' ? ['apiClient'] : ['apiClient', 'session'];

  it('answers generated requests to every route, as an API client and as a browser session, without a 5xx', {
    timeout: 300_000,
  }, async () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        await fc.assert(
          fc.asyncProperty(
            requestArbitrary(operation, known),
            fc.constantFrom(...callersOf(path)),
            (request, caller) => send(method.toUpperCase(), path, request, caller),
          ),
          { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        );
      }
    }
  });

  // About 3,000 requests per backend (it grows with every route): minutes on a busy two-core
  // machine, hence its own time limit.
  it('answers every hostile string in every field of an otherwise valid request without a 5xx', {
    timeout: 600_000,
  }, async () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const base = await succeedingRequest(method.toUpperCase(), path, operation);
        const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
        const fields = [
          ...(operation.parameters ?? []).map((parameter) => ({ in: parameter.in, name: parameter.name })),
          ...Object.keys(bodySchema?.properties ?? {}).map((name) => ({ in: 'body', name })),
        ];
        for (const field of fields) {
          for (const [index, hostile] of hostileFieldValues.entries()) {
            const request = { ...base, pathParams: { ...base.pathParams }, query: { ...base.query } };
            if (field.in === 'path') request.pathParams[field.name] = hostile;
            else if (field.in === 'query') request.query[field.name] = hostile;
            else request.body = { ...(base.body as Record<string, unknown>), [field.name]: hostile };
            const callers = callersOf(path);
            await send(method.toUpperCase(), path, request, callers[index % callers.length] ?? 'apiClient');
          }
        }
      }
    }
  });
});
