import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import type { CitizenDirectory, CitizenLookupProblem, StaffDirectory } from './test-idp.directory.ts';
import {
  citizenClaims,
  LOA3,
  loadCitizenDirectory,
  loadStaffDirectory,
  staffClaims,
} from './test-idp.directory.ts';
import {
  type FieldError,
  renderCitizenLoginPage,
  renderErrorPage,
  renderStaffLoginPage,
  type TestIdpRealm,
} from './test-idp.pages.ts';
import {
  createTestProvider,
  type FindClaims,
  sessionCookieName,
  type TestIdpClient,
  testIdpIssuer,
} from './test-idp.provider.ts';

/** Options of {@link registerTestIdentityProvider}. */
export interface TestIdpOptions {
  /** Public base URL of the server without a trailing slash, e.g. `http://127.0.0.1:3000`. */
  publicUrl: string;
  citizenClient: TestIdpClient;
  staffClient: TestIdpClient;
  /** Absolute path of `server/seeds`. */
  seedsDir: string;
  /** Runs before each login form post: the platform's login rate limit, shared with its own login routes. */
  limitFormPosts: onRequestAsyncHookHandler;
}

interface Realm {
  realm: TestIdpRealm;
  issuer: string;
  provider: Provider;
  citizens: CitizenDirectory;
  staff: StaffDirectory;
  limitFormPosts: onRequestAsyncHookHandler;
}

type InteractionRequest = FastifyRequest<{ Params: { uid: string } }>;

// Every route here is reachable without a platform session: it is the login itself. It stands in
// for an outside service, so it is not part of Kärna's API (see `external` in platform/http/access.ts).
const ROUTE_OPTIONS = { config: { access: 'public', external: true }, schema: { hide: true } } as const;
const FORM_BODY_LIMIT = 16 * 1024;
const AUTHORIZATION_PATH = /^\/auth(?:\/[^/?]+)?(?:\?|$)/;

const PROBLEM_MESSAGES: Record<CitizenLookupProblem, string> = {
  format: 'Ange personnumret med 10 eller 12 siffror, till exempel 19900101-2385.',
  date: 'Personnumret innehåller inget giltigt datum. Kontrollera numret.',
  checksum: 'Kontrollsiffran stämmer inte. Kontrollera personnumret.',
  not_test_number:
    'Numret finns inte bland Skatteverkets testpersonnummer. Av säkerhetsskäl går det bara att logga in med testpersonnummer.',
};

/**
 * Mounts the test e-legitimation broker (`/test-idp/citizen`) and the test staff directory
 * (`/test-idp/staff`) on `app`. For development, demos and tests only: anyone can log in as any
 * test person or directory account.
 */
export async function registerTestIdentityProvider(
  app: FastifyInstance,
  options: TestIdpOptions,
): Promise<void> {
  const [citizens, staff] = await Promise.all([
    loadCitizenDirectory(options.seedsDir),
    loadStaffDirectory(options.seedsDir),
  ]);
  const findCitizen: FindClaims = (subject) => {
    const citizen = citizens.findBySubject(subject);
    return citizen ? citizenClaims(subject, citizen) : undefined;
  };
  const findStaff: FindClaims = (subject) => {
    const account = staff.findBySubject(subject);
    return account ? staffClaims(account) : undefined;
  };
  const setups = [
    { realm: 'citizen', client: options.citizenClient, findClaims: findCitizen },
    { realm: 'staff', client: options.staffClient, findClaims: findStaff },
  ] as const;

  for (const { realm, client, findClaims } of setups) {
    const issuer = testIdpIssuer(options.publicUrl, realm);
    const provider = createTestProvider({ realm, issuer, client, findClaims });
    provider.on('server_error', (_ctx, error) =>
      app.log.error({ err: error, realm }, 'test identity provider error'),
    );
    provider.on('error', (error) => app.log.error({ err: error, realm }, 'test identity provider error'));
    const mounted = { realm, issuer, provider, citizens, staff, limitFormPosts: options.limitFormPosts };
    await app.register(async (scope) => mountRealm(scope, mounted), {
      prefix: new URL(issuer).pathname,
    });
  }
}

async function mountRealm(scope: FastifyInstance, realm: Realm): Promise<void> {
  // oidc-provider reads request bodies itself: leave them unread in this context.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (_request, _payload, done) => done(null));

  const forward = forwardToProvider(realm);
  scope.all('/*', ROUTE_OPTIONS, forward);
  scope.all('/', { ...ROUTE_OPTIONS, prefixTrailingSlash: 'no-slash' }, forward);
  scope.get('/interaction/:uid', ROUTE_OPTIONS, (request: InteractionRequest, reply) =>
    showLoginPage(realm, request, reply),
  );
  scope.post(
    '/interaction/:uid',
    { ...ROUTE_OPTIONS, onRequest: realm.limitFormPosts },
    (request: InteractionRequest, reply) => submitLoginPage(realm, request, reply),
  );
}

/**
 * Hands the raw request to oidc-provider (a Koa app) with the URL made relative to the issuer;
 * `originalUrl` lets it work out its mount path. Host and protocol are taken from the issuer so
 * the endpoints it advertises are right behind a reverse proxy too.
 */
function forwardToProvider({ realm, issuer, provider }: Realm) {
  const handle = provider.callback();
  provider.proxy = true;
  const { host, protocol, pathname: mountPath } = new URL(issuer);

  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    reply.hijack();
    const raw = request.raw;
    // The platform's headers (security headers above all) were set on the reply, which a hijacked
    // answer never sends: hand them to the raw response oidc-provider writes.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) reply.raw.setHeader(name, value);
    }
    const originalUrl = raw.url ?? '/';
    const relative = originalUrl.startsWith(mountPath) ? originalUrl.slice(mountPath.length) : originalUrl;
    raw.url = relative.startsWith('/') ? relative : `/${relative}`;
    Object.assign(raw, { originalUrl });
    raw.headers['x-forwarded-host'] = host;
    raw.headers['x-forwarded-proto'] = protocol.slice(0, -1);
    if (AUTHORIZATION_PATH.test(raw.url)) {
      // No single sign-on: every authorization starts without an end-user session.
      removeCookie(raw, sessionCookieName(realm));
    }
    try {
      await handle(raw, reply.raw);
    } finally {
      raw.url = originalUrl;
    }
  };
}

async function showLoginPage(realm: Realm, request: InteractionRequest, reply: FastifyReply) {
  try {
    const details = await realm.provider.interactionDetails(request.raw, reply.raw);
    if (details.uid !== request.params.uid) return sendError(realm, reply, 'session_not_found');
    return sendLoginPage(realm, request, reply, 200);
  } catch (error) {
    return handleProviderError(realm, request, reply, error);
  }
}

async function submitLoginPage(realm: Realm, request: InteractionRequest, reply: FastifyReply) {
  try {
    const details = await realm.provider.interactionDetails(request.raw, reply.raw);
    if (details.uid !== request.params.uid) return sendError(realm, reply, 'session_not_found');
    const form = await readFormBody(request.raw);

    if (form.get('action') === 'cancel') {
      const result = { error: 'access_denied', error_description: 'End-User aborted the login' };
      return await finish(realm, request, reply, result);
    }

    const chosen =
      realm.realm === 'citizen' ? chooseCitizen(realm.citizens, form) : chooseStaff(realm.staff, form);
    if (!chosen.ok) {
      return sendLoginPage(realm, request, reply, 400, chosen.error, form.get('personalNumber') ?? '');
    }

    const grant = new realm.provider.Grant({
      accountId: chosen.subject,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    const login = {
      accountId: chosen.subject,
      remember: false,
      ...(realm.realm === 'citizen' ? { acr: LOA3 } : {}),
    };
    return await finish(realm, request, reply, { login, consent: { grantId } });
  } catch (error) {
    return handleProviderError(realm, request, reply, error);
  }
}

type Choice = { ok: true; subject: string } | { ok: false; error: FieldError };

function chooseCitizen(citizens: CitizenDirectory, form: URLSearchParams): Choice {
  const typed = (form.get('personalNumber') ?? '').trim();
  const picked = form.get('person') ?? '';
  if (!typed && !picked) {
    return {
      ok: false,
      error: { field: 'choice', message: 'Välj en testperson eller ange ett testpersonnummer.' },
    };
  }
  const result = citizens.lookUp(typed || picked);
  if (!result.ok) {
    return {
      ok: false,
      error: { field: typed ? 'personalNumber' : 'choice', message: PROBLEM_MESSAGES[result.problem] },
    };
  }
  return { ok: true, subject: result.subject };
}

function chooseStaff(staff: StaffDirectory, form: URLSearchParams): Choice {
  const account = staff.findBySubject(form.get('account') ?? '');
  if (!account) return { ok: false, error: { field: 'choice', message: 'Välj ett konto.' } };
  return { ok: true, subject: account.subject };
}

async function finish(
  realm: Realm,
  request: InteractionRequest,
  reply: FastifyReply,
  result: InteractionResults,
) {
  const returnTo = await realm.provider.interactionResult(request.raw, reply.raw, result, {
    mergeWithLastSubmission: false,
  });
  return reply.header('cache-control', 'no-store').redirect(returnTo, 303);
}

function sendLoginPage(
  realm: Realm,
  request: InteractionRequest,
  reply: FastifyReply,
  status: number,
  error?: FieldError,
  typedNumber?: string,
) {
  const action = `${new URL(realm.issuer).pathname}/interaction/${request.params.uid}`;
  const html =
    realm.realm === 'citizen'
      ? renderCitizenLoginPage({ action, citizens: realm.citizens.demoCitizens, error, typedNumber })
      : renderStaffLoginPage({ action, accounts: realm.staff.accounts, error });
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

function sendError(realm: Realm, reply: FastifyReply, error: string, description?: string, status = 400) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(renderErrorPage(realm.realm, { error, description }));
}

function handleProviderError(realm: Realm, request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (isOidcError(error)) {
    const code = error.name === 'SessionNotFound' ? 'session_not_found' : error.error;
    return sendError(realm, reply, code, error.error_description);
  }
  if (error instanceof FormBodyError) return sendError(realm, reply, 'invalid_request', error.message);
  request.log.error({ err: error, realm: realm.realm }, 'test identity provider interaction failed');
  return sendError(realm, reply, 'server_error', undefined, 500);
}

function isOidcError(error: unknown): error is Error & { error: string; error_description?: string } {
  return error instanceof Error && typeof (error as { error?: unknown }).error === 'string';
}

class FormBodyError extends Error {}

/** Reads an `application/x-www-form-urlencoded` body from the unread request stream. */
async function readFormBody(raw: IncomingMessage): Promise<URLSearchParams> {
  if (!String(raw.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    throw new FormBodyError('expected a form submission');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of raw) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > FORM_BODY_LIMIT) throw new FormBodyError('form submission too large');
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function removeCookie(raw: IncomingMessage, name: string): void {
  const header = raw.headers.cookie;
  if (!header) return;
  const kept = header
    .split(';')
    .filter((pair) => {
      const cookieName = pair.split('=', 1)[0]?.trim();
      return cookieName !== name && cookieName !== `${name}.sig`;
    })
    .join(';');
  if (kept) raw.headers.cookie = kept;
  else delete raw.headers.cookie;
}
