import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, testBackends } from '../../../test/test-server.ts';

describe.each(testBackends)('HTTP platform on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers liveness and readiness', async () => {
    const browser = server.browser();
    const health = await browser.api('GET', '/api/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await browser.api('GET', '/api/ready');
    expect(ready).toMatchObject({
      status: 200,
      body: { status: 'ready', database: 'up', migrations: { pending: [] } },
    });
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await server.browser().api('GET', '/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'urn:karna:error:not_found',
      code: 'not_found',
      status: 404,
      title: 'Det du söker finns inte.',
      instance: '/api/no-such-thing',
    });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts|stack/i);
  });

  it('gives problem titles in English when the browser prefers English', async () => {
    const response = await server
      .browser()
      .api('GET', '/api/nope', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(response.body).toMatchObject({ title: 'Not found.' });
  });

  it('echoes a well-formed request id and makes one otherwise', async () => {
    const browser = server.browser();
    const given = await browser.api('GET', '/api/health', {
      headers: { 'x-request-id': 'test-request-0001' },
    });
    expect(given.headers.get('x-request-id')).toBe('test-request-0001');
    const made = await browser.api('GET', '/api/health', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const response = await server.browser().api('GET', '/api/health');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('publishes an OpenAPI 3.1 document and a browsable page', async () => {
    const browser = server.browser();
    const document = await browser.api<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/api/openapi.json',
    );
    expect(document.status).toBe(200);
    expect(document.body.openapi).toBe('3.1.0');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/session', '/api/users/{userId}/roles', '/api/tasks/mine']),
    );
    const page = await browser.request(`${server.url}/api/docs/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });
});

describe('the web app', () => {
  let server: TestServer;
  let distDir: string;
  beforeAll(async () => {
    // A stand-in build, so the test does not depend on `npm run build` having run first.
    distDir = await mkdtemp(path.join(tmpdir(), 'karna-web-'));
    await mkdir(path.join(distDir, 'assets'));
    await writeFile(path.join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(distDir, 'assets', 'app-1234.js'), 'console.log(1)');
    server = await startTestServer('pglite', {}, { webDistDir: distDir });
  });
  afterAll(async () => {
    await server?.close();
    await rm(distDir, { recursive: true, force: true });
  });

  it("serves the app's pages with 200 and an unknown page with the app and 404", async () => {
    const browser = server.browser();
    for (const known of ['/', '/mina-sidor', '/handlaggning/', '/admin']) {
      const page = await browser.request(`${server.url}${known}`);
      expect(page.status, known).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    }
    const unknown = await browser.request(`${server.url}/ingen-sadan-sida`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await unknown.text()).toContain('<div id="root">');
  });

  it('serves hashed assets for a year and a missing file as a 404 problem', async () => {
    const browser = server.browser();
    const asset = await browser.request(`${server.url}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const missing = await browser.request(`${server.url}/assets/nope.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('never serves the app for an API path, however it is spelled', async () => {
    for (const apiPath of ['/api/nothing', '/%61pi/nothing', '/api']) {
      const response = await server.browser().request(`${server.url}${apiPath}`);
      expect(response.status, apiPath).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });
});
