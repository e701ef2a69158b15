/**
 * GET /api/health throughput: the real Kärna server (started from a prepared data dir) against a
 * bare Fastify 5 hello-world (bench/baseline-hello.ts), one after the other, never concurrently
 * (the machine has 2 cores: the load generator runs here, each server in its own child process).
 *
 * Usage: node bench/health-throughput.ts [--duration 10] [--connections 10] [--warmup 3] [--rounds 1]
 * With --rounds N the two targets alternate N times (Kärna, baseline, Kärna, …) and the table
 * shows the mean over rounds. Prints a table and one JSON line. Targets are reported, never asserted.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  childEnv,
  findFreePort,
  type ManagedProcess,
  machineInfo,
  mib,
  prepareDataDir,
  printTable,
  readCpuSeconds,
  readMemory,
  round,
  startKarna,
  startProcess,
  stopProcess,
  summarise,
  waitUntilOk,
} from './lib/server-process.ts';

const TARGET_RATIO = 0.7;

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '1' },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);
const warmup = Number(options.warmup);
const rounds = Number(options.rounds);

interface LoadFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The server's CPU time (user + system) per request during the measured run, in µs. */
  cpuPerRequestUs: number;
  /** Resident memory of the server right after the measured run. */
  rssAfterMiB: number;
  /** 1-minute load average right after the run (above ~2 means other work shared the 2 cores). */
  loadAfter: number;
}

/**
 * Response times with microsecond resolution: autocannon's own histogram keeps whole milliseconds,
 * which reads 0 for every request of a local health check. One bucket per µs up to 100 ms.
 */
class LatencyHistogram {
  private readonly buckets = new Uint32Array(100_000);
  private count = 0;
  private sumUs = 0;

  record(milliseconds: number): void {
    const us = Math.min(Math.round(milliseconds * 1000), this.buckets.length - 1);
    this.buckets[us] = (this.buckets[us] ?? 0) + 1;
    this.count++;
    this.sumUs += us;
  }

  /** The given percentile (0–100) in milliseconds. */
  percentileMs(percentile: number): number {
    const rank = Math.ceil((percentile / 100) * this.count);
    let seen = 0;
    for (let us = 0; us < this.buckets.length; us++) {
      seen += this.buckets[us] ?? 0;
      if (seen >= rank) return us / 1000;
    }
    return this.buckets.length / 1000;
  }

  meanMs(): number {
    return this.count === 0 ? 0 : this.sumUs / this.count / 1000;
  }
}

/** Runs autocannon and records every response time alongside its result. */
function runLoad(
  url: string,
  seconds: number,
): Promise<{ result: autocannon.Result; latency: LatencyHistogram }> {
  const latency = new LatencyHistogram();
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds }, (error, result) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve({ result, latency });
    });
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => latency.record(responseTimeMs));
  });
}

/** A short unmeasured warm-up (JIT, connection set-up), then the measured run. */
async function load(url: string, serverPid: number): Promise<LoadFigures> {
  if (warmup > 0) await autocannon({ url, connections, duration: warmup });
  const cpuBefore = readCpuSeconds(serverPid);
  const { result, latency } = await runLoad(url, duration);
  const cpuSeconds = readCpuSeconds(serverPid) - cpuBefore;
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: latency.percentileMs(50),
    latencyP99Ms: latency.percentileMs(99),
    latencyMeanMs: latency.meanMs(),
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuPerRequestUs: (cpuSeconds * 1e6) / Math.max(result.requests.total, 1),
    rssAfterMiB: mib(readMemory(serverPid).rssKb),
    loadAfter: round(os.loadavg()[0] ?? 0, 2),
  };
}

async function measureKarna(dataDir: string): Promise<LoadFigures> {
  const server = await startKarna(dataDir);
  try {
    return await load(`${server.baseUrl}/api/health`, server.serverPid);
  } finally {
    await stopProcess(server.proc, 'SIGTERM');
  }
}

async function measureBaseline(): Promise<LoadFigures> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}/api/health`;
  const proc: ManagedProcess = startProcess(
    'node',
    ['bench/baseline-hello.ts'],
    childEnv({ PORT: String(port), HOST: '127.0.0.1' }),
  );
  try {
    await waitUntilOk(url, proc);
    return await load(url, proc.pid);
  } finally {
    await stopProcess(proc, 'SIGTERM');
  }
}

/** Mean of each figure over the rounds. */
function meanOf(samples: LoadFigures[]): LoadFigures {
  const mean = (pick: (f: LoadFigures) => number) => summarise(samples.map(pick)).mean;
  return {
    requestsPerSecond: mean((f) => f.requestsPerSecond),
    latencyP50Ms: mean((f) => f.latencyP50Ms),
    latencyP99Ms: mean((f) => f.latencyP99Ms),
    latencyMeanMs: mean((f) => f.latencyMeanMs),
    total: mean((f) => f.total),
    non2xx: mean((f) => f.non2xx),
    errors: mean((f) => f.errors),
    timeouts: mean((f) => f.timeouts),
    cpuPerRequestUs: mean((f) => f.cpuPerRequestUs),
    rssAfterMiB: mean((f) => f.rssAfterMiB),
    loadAfter: mean((f) => f.loadAfter),
  };
}

/** The figures rounded for the JSON line. */
function rounded(f: LoadFigures): LoadFigures {
  return {
    ...f,
    requestsPerSecond: round(f.requestsPerSecond),
    latencyP50Ms: round(f.latencyP50Ms, 3),
    latencyP99Ms: round(f.latencyP99Ms, 3),
    latencyMeanMs: round(f.latencyMeanMs, 3),
    total: round(f.total),
    cpuPerRequestUs: round(f.cpuPerRequestUs, 2),
    rssAfterMiB: round(f.rssAfterMiB, 1),
    loadAfter: round(f.loadAfter, 2),
  };
}

function describe(name: string, f: LoadFigures): (string | number)[] {
  return [
    name,
    round(f.requestsPerSecond),
    round(f.latencyP50Ms, 3),
    round(f.latencyP99Ms, 3),
    round(f.latencyMeanMs, 3),
    round(f.cpuPerRequestUs, 1),
    round(f.total),
    round(f.non2xx + f.errors + f.timeouts),
    round(f.rssAfterMiB, 1),
    round(f.loadAfter, 2),
  ];
}

async function main(): Promise<void> {
  const machine = machineInfo();
  process.stdout.write(
    `Kärna GET /api/health throughput — ${machine.date}\n` +
      `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, commit ${machine.gitCommit}, load average ${machine.loadAverage1m}\n` +
      `autocannon in this process: ${connections} connections, ${warmup} s warm-up + ${duration} s measured, ` +
      `${rounds} round(s); targets run one after the other\n\n`,
  );
  const { dataDir } = await prepareDataDir();

  const karnaRuns: LoadFigures[] = [];
  const baselineRuns: LoadFigures[] = [];
  for (let roundNumber = 1; roundNumber <= rounds; roundNumber++) {
    const karna = await measureKarna(dataDir);
    karnaRuns.push(karna);
    process.stdout.write(`  round ${roundNumber}: Kärna ${round(karna.requestsPerSecond)} req/s\n`);
    const baseline = await measureBaseline();
    baselineRuns.push(baseline);
    process.stdout.write(`  round ${roundNumber}: baseline ${round(baseline.requestsPerSecond)} req/s\n`);
  }
  process.stdout.write('\n');

  const karna = meanOf(karnaRuns);
  const baseline = meanOf(baselineRuns);
  const ratio = karna.requestsPerSecond / baseline.requestsPerSecond;
  const isMet = ratio >= TARGET_RATIO;
  // The same comparison by server CPU per request: robust when other work shares the machine.
  const cpuRatio = baseline.cpuPerRequestUs / karna.cpuPerRequestUs;

  printTable([
    [
      'server',
      'req/s (mean)',
      'p50 ms',
      'p99 ms',
      'mean ms',
      'CPU µs/req',
      'requests',
      'non-2xx/errors',
      'RSS after MiB',
      'load after',
    ],
    describe('Kärna /api/health', karna),
    describe('bare Fastify 5 hello-world', baseline),
  ]);
  process.stdout.write(
    `\nratio Kärna/baseline: ${round(ratio, 3)} (target ≥ ${TARGET_RATIO}: ${isMet ? 'met' : 'NOT met'}; ` +
      `${round((ratio / TARGET_RATIO) * 100)} % of target)\n` +
      `latency p50 ${round(karna.latencyP50Ms, 3)} vs ${round(baseline.latencyP50Ms, 3)} ms, ` +
      `p99 ${round(karna.latencyP99Ms, 3)} vs ${round(baseline.latencyP99Ms, 3)} ms ` +
      `(measured per response in µs; autocannon's own histogram keeps whole ms)\n` +
      `CPU per request: ${round(karna.cpuPerRequestUs, 1)} vs ${round(baseline.cpuPerRequestUs, 1)} µs, ` +
      `baseline/Kärna ${round(cpuRatio, 3)} (the throughput ratio the CPU cost alone predicts)\n`,
  );

  const result = {
    bench: 'health-throughput',
    machine,
    settings: { connections, durationSeconds: duration, warmupSeconds: warmup, rounds },
    karna: { ...rounded(karna), rounds: karnaRuns.map(rounded) },
    baseline: { ...rounded(baseline), rounds: baselineRuns.map(rounded) },
    ratio: round(ratio, 3),
    cpuRatio: round(cpuRatio, 3),
    target: { ratio: TARGET_RATIO, met: isMet, ofTarget: round(ratio / TARGET_RATIO, 2) },
  };
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(
    `health-throughput benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
// The exit handler in lib/server-process.ts kills any child still running and removes the temp dirs.
