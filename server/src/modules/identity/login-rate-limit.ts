import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';

/**
 * One login rate limit per client address, shared by every step a person or a script can repeat
 * to guess or flood: starting a login, the callback, and the test identity provider's form posts.
 * (@fastify/rate-limit keeps a separate counter per route; one limiter called from each route's
 * hook keeps one counter.) Counted in this process's memory.
 */
export function createLoginRateLimit(app: FastifyInstance, perMinute: number): onRequestAsyncHookHandler {
  const limit = app.createRateLimit({ max: perMinute, timeWindow: 60_000 });
  return async (request, reply) => {
    const result = await limit(request);
    if (!result.isAllowed && result.isExceeded) {
      reply.header('retry-after', String(result.ttlInSeconds));
      throw new AppError('rate_limited');
    }
  };
}
