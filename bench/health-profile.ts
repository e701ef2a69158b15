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
import {
  childEnv,
  findFreePort,
  type ManagedProcess,
  makeTempDir,
  prepareDataDir,
  printTable,
  REPO_ROOT,
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

/** The parts of V8's .cpuprofile format that we read. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Names the owner of a script: an npm package, a repository folder, node itself or V8. */
function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node (core)';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch?.[1]) return packageMatch[1];
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith('..') ? file : path.dirname(relative);
}

function location(url: string, line: number): string {
  if (!url) return '';
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  const short = file.includes('node_modules/')
    ? file.slice(file.lastIndexOf('node_modules/') + 13)
    : path.relative(REPO_ROOT, file);
  return `${short}:${line + 1}`;
}

function summariseProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const totalUs = [...selfUs.values()].reduce((sum, value) => sum + value, 0);

  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, { us: number; owner: string }>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const owner = ownerOf(frame.url, frame.functionName);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
    const key = `${frame.functionName || '(anonymous)'} ${location(frame.url, frame.lineNumber)}`.trim();
    const entry = byFunction.get(key) ?? { us: 0, owner };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const share = (us: number) => `${round((us / totalUs) * 100, 1)} %`;

  process.stdout.write(`\nself time by owner (${round(totalUs / 1000)} ms sampled)\n`);
  printTable([
    ['owner', 'self ms', 'share'],
    ...[...byOwner.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([owner, us]) => [owner, round(us / 1000), share(us)]),
  ]);
  process.stdout.write(`\ntop ${top} functions by self time\n`);
  printTable([
    ['function', 'owner', 'self ms', 'share'],
    ...[...byFunction.entries()]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([name, { us, owner }]) => [name, owner, round(us / 1000), share(us)]),
  ]);
}

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
  summariseProfile(JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile);
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
