/**
 * The baseline for health-throughput.ts: a bare Fastify 5 hello-world with one GET route answering
 * {status:'ok'} (the same body as Kärna's /api/health), no plugins, no hooks, no logger.
 *
 * Usage: PORT=3100 [HOST=127.0.0.1] node bench/baseline-hello.ts
 */
import Fastify from 'fastify';

const app = Fastify();
app.get('/api/health', async () => ({ status: 'ok' }));

const port = Number(process.env.PORT ?? 3100);
const host = process.env.HOST ?? '127.0.0.1';
await app.listen({ port, host });
process.stdout.write(`baseline listening on http://${host}:${port}\n`);

const shutdown = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
