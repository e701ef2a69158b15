import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/platform/config.ts';
import { type Database, openDatabase } from '../src/platform/db/database.ts';
import { type Mailer, openMailer } from '../src/platform/mail/index.ts';
import { adminQuery, databaseUrl, dropDatabase } from './global-setup.ts';
import { findFreePort, formAction, type RequestOptions, TestBrowser } from './test-browser.ts';

export type Backend = 'pglite' | 'postgres';

/** The backends this run tests on: PGlite always, PostgreSQL when KARNA_TEST_DATABASE_URL is set. */
export const testBackends: Backend[] = inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];

/** Opens a private copy of the migrated, seeded template database on the given backend. */
export async function openTestDatabase(backend: Backend): Promise<Database> {
  if (backend === 'pglite') {
    const template = await readFile(inject('pgliteTemplatePath'));
    return openDatabase({ inMemory: true, pgliteLoadDataDir: new Blob([template]) });
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('KARNA_TEST_DATABASE_URL is not set');
  const name = `karna_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(template.url, `create database ${name} template ${template.database}`);
  const database = await openDatabase({ databaseUrl: databaseUrl(template.url, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropDatabase(template.url, name);
    },
  };
}

export interface TestServer {
  url: string;
  config: Config;
  database: Database;
  app: FastifyInstance;
  /** The server's mailer: its `catcher` (no SMTP_URL outside production) takes what is sent. */
  mailer: Mailer;
  /** A new browser with an empty cookie jar. */
  browser(): ApiBrowser;
  close(): Promise<void>;
}

/** How often a server start is tried again when its port was taken meanwhile. */
const LISTEN_ATTEMPTS = 5;

/** Starts the whole platform over real HTTP on a free port, on its own copy of the database. */
export async function startTestServer(
  backend: Backend,
  env: Record<string, string> = {},
  options: { webDistDir?: string } = {},
): Promise<TestServer> {
  const database = await openTestDatabase(backend);
  for (let attempt = 1; ; attempt++) {
    // The port is free when chosen, but something else (another test file's server, a mail
    // catcher's ephemeral port) may take it before this server listens: then choose again.
    const port = await findFreePort();
    const config = loadConfig({
      KARNA_ENV: 'test',
      PORT: String(port),
      LOG_LEVEL: process.env.KARNA_TEST_LOG_LEVEL ?? 'silent',
      // Test files log in many people from one address; the limit itself is tested with a low value.
      KARNA_LOGIN_RATE_LIMIT: '10000',
      ...env,
    });
    // As main.ts does: so the development routes over the catcher exist here too, and are tested.
    const mailer = await openMailer(config);
    const app = await buildApp(config, database, { ...options, mailer });
    try {
      await app.listen({ host: config.host, port });
    } catch (error) {
      await app.close();
      await mailer.stop();
      if ((error as { code?: string }).code === 'EADDRINUSE' && attempt < LISTEN_ATTEMPTS) continue;
      await database.close();
      throw error;
    }
    const url = config.publicUrl;
    return {
      url,
      config,
      database,
      app,
      mailer,
      browser: () => new ApiBrowser(url),
      close: async () => {
        await app.close();
        await mailer.stop();
        await database.close();
      },
    };
  }
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A TestBrowser bound to one server, that can log in through the test identity provider. */
export class ApiBrowser extends TestBrowser {
  readonly baseUrl: string;
  csrfToken: string | undefined;

  constructor(baseUrl: string) {
    super();
    this.baseUrl = baseUrl;
  }

  /** Calls the API; on writes sends the session's CSRF token unless `csrf: false`. */
  async api<T = unknown>(method: string, path: string, options: RequestOptions & { csrf?: boolean } = {}) {
    const headers = { ...options.headers };
    if (method !== 'GET' && options.csrf !== false && this.csrfToken)
      headers['x-csrf-token'] = this.csrfToken;
    const response = await this.request(`${this.baseUrl}${path}`, { ...options, method, headers });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const body = type.includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body } as ApiResponse<T>;
  }

  /** Walks the citizen login: the test e-legitimation page, pick a person, back with a session. */
  async loginAsCitizen(personalNumber: string, returnTo = '/mina-sidor'): Promise<URL> {
    return this.#login('citizen', returnTo, { person: personalNumber, personalNumber: '', action: 'login' });
  }

  /** Walks the staff login: the test directory page, pick an account by its subject. */
  async loginAsStaff(subject: string, returnTo = '/handlaggning'): Promise<URL> {
    return this.#login('staff', returnTo, { account: subject, action: 'login' });
  }

  /** Starts a login and stops at the identity provider's page; returns its URL and HTML. */
  async openLoginPage(realm: 'citizen' | 'staff', returnTo = '/'): Promise<{ url: string; html: string }> {
    const start = `${this.baseUrl}/api/auth/login?realm=${realm}&returnTo=${encodeURIComponent(returnTo)}`;
    const page = await this.follow(start, () => true);
    if (page.response.status !== 200) throw new Error(`login page answered ${page.response.status}`);
    return { url: page.url, html: await page.response.text() };
  }

  /** Submits the identity provider's form and follows back to the platform; returns where it landed. */
  async submitLoginForm(page: { url: string; html: string }, form: Record<string, string>): Promise<URL> {
    const landed = await this.follow(formAction(page.html, page.url), (next) => !isAppPage(next), { form });
    await this.refreshCsrfToken();
    return new URL(landed.url);
  }

  async #login(realm: 'citizen' | 'staff', returnTo: string, form: Record<string, string>): Promise<URL> {
    return this.submitLoginForm(await this.openLoginPage(realm, returnTo), form);
  }

  /** Reads the session's CSRF token, as the web app does after login. */
  async refreshCsrfToken(): Promise<void> {
    const session = await this.api<{ authenticated: boolean; csrfToken?: string }>('GET', '/api/session');
    this.csrfToken = session.body.csrfToken;
  }
}

/** Pages of the web app (where a login ends), as opposed to API and identity-provider URLs. */
function isAppPage(url: URL): boolean {
  return !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/test-idp/');
}
