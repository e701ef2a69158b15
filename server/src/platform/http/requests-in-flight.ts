import type { FastifyInstance } from 'fastify';

/**
 * Counts the requests this process is answering, so background work can give way to them (the job
 * runner's `giveWayWhile`). A request counts from its arrival until its connection is done with it,
 * answered or abandoned by the client.
 */
export function countRequestsInFlight(app: FastifyInstance): () => number {
  let inFlight = 0;
  app.addHook('onRequest', (_request, reply, done) => {
    inFlight += 1;
    reply.raw.once('close', () => {
      inFlight -= 1;
    });
    done();
  });
  return () => inFlight;
}
