/**
 * The "bare PGlite floor": the resident memory of a node process that does nothing but open PGlite
 * on a Kärna data directory, run `select 1` and idle. The server cannot go below this while it
 * embeds PGlite with the same settings, so startup.ts reports the server's RSS minus this figure as
 * the platform's own share.
 *
 * Usage: node bench/pglite-floor.ts <KARNA_DATA_DIR> [idleSeconds=5] [--conf shared_buffers=16MB ...]
 * Give it a COPY of the data directory: PGlite locks its directory. `--conf` (repeatable) passes
 * postgresql.conf settings to PGlite, to try what a setting would save. Prints one JSON line.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readMemory, round, sleep } from './lib/server-process.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { conf: { type: 'string', multiple: true, default: [] } },
});
const [dataDirArg, idleArg] = positionals;
if (!dataDirArg) {
  process.stderr.write(
    'usage: node bench/pglite-floor.ts <KARNA_DATA_DIR> [idleSeconds] [--conf name=value]\n',
  );
  process.exit(2);
}
const idleSeconds = Number(idleArg ?? 5);

// The server keeps PGlite's files in <KARNA_DATA_DIR>/pglite (see server/src/platform/db/database.ts).
const pgliteDir = path.resolve(dataDirArg, 'pglite');
// Read before PGlite is even imported: its module load alone is part of the floor.
const before = readMemory(process.pid);
const openedAt = performance.now();
const { PGlite } = await import('@electric-sql/pglite');
// By default the floor uses the server's own settings for the embedded database.
const { EMBEDDED_EXTENSIONS, EMBEDDED_POSTGRES_SETTINGS } = await import(
  '../server/src/platform/db/database.ts'
);
const postgresqlconf = values.conf.length > 0 ? values.conf : EMBEDDED_POSTGRES_SETTINGS;
const pglite = await PGlite.create(pgliteDir, { postgresqlconf, extensions: EMBEDDED_EXTENSIONS });
await pglite.query('select 1');
const openMs = performance.now() - openedAt;
const sharedBuffers = (await pglite.query<{ shared_buffers: string }>('show shared_buffers')).rows[0]
  ?.shared_buffers;
await sleep(idleSeconds * 1000);
const idle = readMemory(process.pid);
await pglite.close();

process.stdout.write(
  `${JSON.stringify({
    bench: 'pglite-floor',
    pgliteDir,
    idleSeconds,
    postgresqlconf,
    sharedBuffers,
    bareNodeRssKb: before.rssKb,
    openMs: round(openMs),
    rssKb: idle.rssKb,
    peakKb: idle.peakKb,
  })}\n`,
);
