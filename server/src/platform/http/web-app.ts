import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

const ONE_YEAR_MS = 365 * 24 * 3_600_000;

/**
 * Serves the built web app (web/dist): hashed assets cached for a year, every other path that is
 * not the API gets index.html so the app's router can show it.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  await app.register(fastifyStatic, { root: distDir, serve: false });
  const hasBuild = existsSync(path.join(distDir, 'index.html'));
  app.get('/*', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '/';
    if (urlPath.startsWith('/api/') || urlPath === '/api' || !hasBuild) throw new AppError('not_found');
    const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1);
    if (lastSegment.includes('.')) {
      const immutable = urlPath.startsWith('/assets/');
      return reply.sendFile(urlPath.slice(1), { maxAge: immutable ? ONE_YEAR_MS : 0, immutable });
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { maxAge: 0 });
  });
}
