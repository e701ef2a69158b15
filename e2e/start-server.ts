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
  // The journeys log in dozens of times a minute from one address; the per-address login limit
  // (20 a minute by default) is for people and scripts on the internet, and has its own API tests.
  KARNA_LOGIN_RATE_LIMIT: process.env.KARNA_LOGIN_RATE_LIMIT ?? '1000',
});
await import('../server/src/main.ts');
