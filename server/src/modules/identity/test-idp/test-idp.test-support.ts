import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerTestIdentityProvider, type TestIdpClient } from './index.ts';

/** Absolute path of server/seeds. */
export const SEEDS_DIR = fileURLToPath(new URL('../../../../seeds', import.meta.url));

/** A bare Fastify server with only the test identity provider, listening on a free port. */
export async function startTestIdpServer(): Promise<{
  app: FastifyInstance;
  publicUrl: string;
  clients: { citizen: TestIdpClient; staff: TestIdpClient };
}> {
  const port = await findFreePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const client = (realm: string): TestIdpClient => ({
    clientId: `karna-${realm}`,
    clientSecret: `karna-${realm}-secret`,
    redirectUris: [`${publicUrl}/auth/callback/${realm}`],
    postLogoutRedirectUris: [`${publicUrl}/`],
  });
  const clients = { citizen: client('citizen'), staff: client('staff') };
  const app = Fastify();
  await registerTestIdentityProvider(app, {
    publicUrl,
    citizenClient: clients.citizen,
    staffClient: clients.staff,
    seedsDir: SEEDS_DIR,
  });
  await app.listen({ host: '127.0.0.1', port });
  return { app, publicUrl, clients };
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

/** A minimal browser: a cookie jar and fetch with manual redirects. */
export class TestBrowser {
  private readonly cookies = new Map<string, StoredCookie>();

  /** Requests `url`, storing cookies; does not follow redirects. */
  async request(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers();
    const cookie = [...this.cookies.values()]
      .filter((stored) => pathMatches(target.pathname, stored.path))
      .map((stored) => `${stored.name}=${stored.value}`)
      .join('; ');
    if (cookie) headers.set('cookie', cookie);
    let body: string | undefined;
    if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) this.store(line);
    return response;
  }

  /**
   * Follows redirects from `url` until a page answers or the next hop is `stopAt` (the relying
   * party's redirect URI, which nothing serves here). Returns the last response and the final URL.
   */
  async follow(
    url: string,
    stopAt: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<{ response: Response; url: string }> {
    let current = url;
    let response = await this.request(current, init);
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      current = new URL(location, current).href;
      if (current.startsWith(stopAt)) return { response, url: current };
      response = await this.request(current);
    }
    throw new Error('too many redirects');
  }

  /** Whether the jar holds a cookie whose name contains `part`. */
  hasCookie(part: string): boolean {
    return [...this.cookies.values()].some((stored) => stored.name.includes(part));
  }

  private store(line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    let path = '/';
    let expired = value === '';
    for (const attribute of attributes) {
      const [key = '', attributeValue = ''] = attribute.split('=');
      const normalised = key.trim().toLowerCase();
      if (normalised === 'path') path = attributeValue.trim();
      if (normalised === 'expires' && new Date(attributeValue).getTime() < Date.now()) expired = true;
      if (normalised === 'max-age' && Number(attributeValue) <= 0) expired = true;
    }
    const key = `${name};${path}`;
    if (expired) this.cookies.delete(key);
    else this.cookies.set(key, { name, value, path });
  }
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath || cookiePath === '/') return true;
  return requestPath.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);
}

/** The `action` of the page's login form (HTML-unescaped). */
export function formAction(html: string, pageUrl: string): string {
  const match = /<form method="post" action="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no form on the page');
  return new URL(match[1].replaceAll('&amp;', '&'), pageUrl).href;
}
