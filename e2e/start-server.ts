/**
 * Starts Kärna for the browser journeys: a fresh embedded database in a temporary directory, the
 * demo municipality seeded, the test identity provider on. The directory is removed on exit.
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dataDir = await mkdtemp(path.join(tmpdir(), 'karna-e2e-'));
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
Object.assign(process.env, {
  KARNA_ENV: 'test',
  KARNA_SEED_DEMO: 'true',
  KARNA_DATA_DIR: dataDir,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  DATABASE_URL: '',
});
await import('../server/src/main.ts');
