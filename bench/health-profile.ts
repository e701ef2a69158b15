/**
 * Where the time of a GET /api/health goes: starts Kärna under `node --cpu-prof`, loads
 * /api/health with autocannon (warm-up, then the profiled run), stops the server with SIGTERM
 * (the profile is written on exit) and sums the profile's self time by package and by function.
 * A diagnostic for health-throughput.ts, not a benchmark: the profiler itself slows the server.
 *
 * Usage: node bench/health-profile.ts [--target karna|baseline] [--duration 10] [--connections 10] [--top 25]
 *        [--keep out.cpuprofile]
 * (--target baseline profiles bench/baseline-hello.ts instead, for comparison; --keep saves the raw
 * profile for Chrome DevTools or speedscope.)
 */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { type CpuProfile, summariseProfile } from './lib/cpu-profile.ts';
import {
  childEnv,
  findFreePort,
  type ManagedProcess,
  makeTempDir,
  prepareDataDir,
  round,
  startKarna,
  startProcess,
  stopProcess,
  waitUntilOk,
} from './lib/server-process.ts';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    top: { type: 'string', default: '25' },
    keep: { type: 'string' },
    target: { type: 'string', default: 'karna' },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);
const top = Number(options.top);

/** Starts the chosen target under the profiler and returns its URL and process. */
async function startTarget(profileDir: string): Promise<{ url: string; proc: ManagedProcess }> {
  const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  if (options.target === 'baseline') {
    const port = await findFreePort();
    const proc = startProcess(
      'node',
      [...nodeArgs, 'bench/baseline-hello.ts'],
      childEnv({ PORT: String(port) }),
    );
    const url = `http://127.0.0.1:${port}/api/health`;
    await waitUntilOk(url, proc);
    return { url, proc };
  }
  if (options.target !== 'karna')
    throw new Error(`--target must be karna or baseline, not ${options.target}`);
  const { dataDir } = await prepareDataDir();
  const server = await startKarna(dataDir, { nodeArgs });
  return { url: `${server.baseUrl}/api/health`, proc: server.proc };
}

async function main(): Promise<void> {
  const profileDir = makeTempDir('karna-bench-profile-');
  const { url, proc } = await startTarget(profileDir);
  let requestsPerSecond = 0;
  try {
    await autocannon({ url, connections, duration: 2 });
    const result = await autocannon({ url, connections, duration });
    requestsPerSecond = result.requests.average;
  } finally {
    await stopProcess(proc, 'SIGTERM');
  }
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no CPU profile (did it exit through process.exit?)');
  const profilePath = path.join(profileDir, file);
  process.stdout.write(
    `${options.target} GET /api/health under --cpu-prof: ${round(requestsPerSecond)} req/s ` +
      `(${connections} connections, ${duration} s; the profile covers start, warm-up and load)\n`,
  );
  summariseProfile(JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile, top);
  if (options.keep) {
    copyFileSync(profilePath, path.resolve(options.keep));
    process.stdout.write(`\nprofile saved to ${path.resolve(options.keep)}\n`);
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(
    `health-profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
