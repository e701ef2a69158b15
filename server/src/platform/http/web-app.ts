import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { isWebPage } from '@karna/contracts';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

const ONE_YEAR_MS = 365 * 24 * 3_600_000;

/**
 * Serves the built web app (web/dist): hashed assets cached for a year; the app's pages (the list
 * shared with its router) get index.html with 200, and any other path gets index.html with 404, so
 * the app shows its "page not found" and the status tells browsers and crawlers the same.
 * The path is the router's decoded wildcard, not the URL text: `/%61pi/x` is `/api/x`, never a page.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  await app.register(fastifyStatic, { root: distDir, serve: false });
  const hasBuild = existsSync(path.join(distDir, 'index.html'));
  app.get<{ Params: { '*': string } }>(
    '/*',
    { schema: { hide: true }, config: { access: 'public' } },
    async (request, reply) => {
      const urlPath = `/${request.params['*']}`;
      if (urlPath === '/api' || urlPath.startsWith('/api/') || !hasBuild) throw new AppError('not_found');
      const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1);
      if (lastSegment.includes('.')) {
        const immutable = urlPath.startsWith('/assets/');
        return reply.sendFile(urlPath.slice(1), { maxAge: immutable ? ONE_YEAR_MS : 0, immutable });
      }
      reply.header('cache-control', 'no-cache');
      return reply.code(isWebPage(urlPath) ? 200 : 404).sendFile('index.html', { maxAge: 0 });
    },
  );
}
