import { createServer } from 'node:net';

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

export interface RequestOptions {
  method?: string;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as is, with the given content type (for malformed-input tests). */
  raw?: { body: string | Uint8Array; contentType: string };
  headers?: Record<string, string>;
}

/**
 * A minimal browser for API tests: a cookie jar (name, path, expiry) and fetch with manual
 * redirects, so a test can walk a real login through the identity provider's pages.
 */
export class TestBrowser {
  readonly #cookies = new Map<string, StoredCookie>();

  /** Requests `url`, storing cookies it sets; never follows redirects. */
  async request(url: string, options: RequestOptions = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(options.headers);
    const cookie = this.cookieHeader(target.pathname);
    if (cookie) headers.set('cookie', cookie);
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (options.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(options.form).toString();
    } else if (options.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(options.json);
    } else if (options.raw) {
      headers.set('content-type', options.raw.contentType);
      body = typeof options.raw.body === 'string' ? options.raw.body : new Uint8Array(options.raw.body);
    }
    const method = options.method ?? (body === undefined ? 'GET' : 'POST');
    const response = await fetch(target, { method, headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.#store(line);
    return response;
  }

  /**
   * Follows redirects from `url` while `shouldFollow(nextUrl)` allows; returns the last response
   * and the URL it was for (or, when stopped, the URL it would have gone to next).
   */
  async follow(
    url: string,
    shouldFollow: (next: URL) => boolean,
    options: RequestOptions = {},
  ): Promise<{ response: Response; url: string }> {
    let current = url;
    let response = await this.request(current, options);
    for (let hops = 0; hops < 12; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current);
      if (!shouldFollow(next)) return { response, url: next.href };
      current = next.href;
      response = await this.request(current);
    }
    throw new Error('too many redirects');
  }

  /** Whether the jar holds a cookie whose name contains `part`. */
  hasCookie(part: string): boolean {
    return [...this.#cookies.values()].some((cookie) => cookie.name.includes(part));
  }

  cookieValue(name: string): string | undefined {
    return [...this.#cookies.values()].find((cookie) => cookie.name === name)?.value;
  }

  cookieHeader(path: string): string {
    return [...this.#cookies.values()]
      .filter((stored) => pathMatches(path, stored.path))
      .map((stored) => `${stored.name}=${stored.value}`)
      .join('; ');
  }

  #store(line: string): void {
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
    if (expired) this.#cookies.delete(key);
    else this.#cookies.set(key, { name, value, path });
  }
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath || cookiePath === '/') return true;
  return requestPath.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);
}

/** The `action` of the first POST form on an HTML page, resolved against the page's URL. */
export function formAction(html: string, pageUrl: string): string {
  const match = /<form method="post" action="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no form on the page');
  return new URL(match[1].replaceAll('&amp;', '&'), pageUrl).href;
}

/** A port nothing listens on right now (bind to 0, read it, release it). */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
