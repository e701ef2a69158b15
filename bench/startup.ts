/**
 * Cold start and idle memory of the Kärna server.
 *
 * 1. Prepares a temp KARNA_DATA_DIR once (the server starts on it, migrates, seeds the demo
 *    municipality and is stopped with SIGTERM).
 * 2. Starts `node server/src/main.ts` on that data dir `--runs` times: wall time from spawn until
 *    GET /api/ready answers 200 (polled every 20 ms), then idles `--idle` seconds and reads the
 *    server's VmRSS from /proc.
 * 3. The same through `npm start` (`--npm-runs` times), measuring the node server under npm.
 * 4. The bare PGlite floor (bench/pglite-floor.ts) on copies of the data dir, `--floor-runs` times.
 *
 * Usage: node bench/startup.ts [--runs 5] [--npm-runs 2] [--floor-runs 3] [--idle 5]
 * Prints a table and one JSON line. Targets are reported, never asserted.
 */
import { parseArgs } from 'node:util';
import {
  childEnv,
  copyDir,
  hasWebBuildCheck,
  machineInfo,
  mib,
  prepareDataDir,
  printTable,
  readMemory,
  removeTempDir,
  reportedReadyMs,
  round,
  type Summary,
  sleep,
  startKarna,
  startProcess,
  stopProcess,
  summarise,
  tail,
  waitForExit,
  webDistState,
} from './lib/server-process.ts';

const TARGET_READY_MS = 3_000;
const TARGET_OWN_SHARE_MIB = 150;
const TARGET_ABSOLUTE_RSS_MIB = 250;

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'npm-runs': { type: 'string', default: '2' },
    'floor-runs': { type: 'string', default: '3' },
    idle: { type: 'string', default: '5' },
  },
});
const runs = Number(options.runs);
const npmRuns = Number(options['npm-runs']);
const floorRuns = Number(options['floor-runs']);
const idleSeconds = Number(options.idle);

interface StartSample {
  readyMs: number;
  /** The server's own "ready in N ms" (after its modules have loaded). */
  inProcessMs: number | null;
  idleRssKb: number;
  peakKb: number;
  /** npm start rebuilt the web app first (web/dist missing or older than its sources). */
  didBuildWeb: boolean;
}

/** Starts the server, waits for readiness, idles, reads memory, stops it. */
async function measureStart(dataDir: string, viaNpm: boolean): Promise<StartSample> {
  const server = await startKarna(dataDir, { viaNpm });
  try {
    if (viaNpm && server.serverPid === server.proc.pid)
      throw new Error('measured npm itself, not the server');
    await sleep(idleSeconds * 1000);
    const memory = readMemory(server.serverPid);
    return {
      readyMs: server.readyMs,
      inProcessMs: reportedReadyMs(server.proc),
      idleRssKb: memory.rssKb,
      peakKb: memory.peakKb,
      // scripts/ensure-web-build.ts announces a build with one of these lines.
      didBuildWeb: /Building the web app|rebuilding/.test(server.proc.output()),
    };
  } finally {
    await stopProcess(server.proc, 'SIGTERM');
  }
}

interface FloorSample {
  bareNodeRssKb: number;
  openMs: number;
  rssKb: number;
  peakKb: number;
}

/** Runs bench/pglite-floor.ts on a fresh copy of the data dir (PGlite locks its directory). */
async function measureFloor(dataDir: string): Promise<FloorSample> {
  const copy = copyDir(dataDir, 'karna-bench-floor-');
  const proc = startProcess('node', ['bench/pglite-floor.ts', copy, String(idleSeconds)], childEnv({}));
  try {
    const code = await waitForExit(proc, 120_000);
    if (code !== 0) throw new Error(`pglite-floor.ts ended with ${code}:\n${tail(proc.output())}`);
    const line = proc.output().trim().split('\n').pop() ?? '';
    return JSON.parse(line) as FloorSample;
  } finally {
    await stopProcess(proc, 'SIGTERM');
    removeTempDir(copy);
  }
}

function row(
  label: string,
  summary: Summary | null,
  count: number,
  unit: 'ms' | 'MiB',
  target = '',
  met = '',
) {
  if (!summary) return [label, count, '–', '–', '–', target, met];
  const format = (value: number) => (unit === 'ms' ? round(value) : round(value, 1));
  return [label, count, format(summary.min), format(summary.median), format(summary.max), target, met];
}

const yesNo = (isMet: boolean) => (isMet ? 'yes' : 'NO');

async function main(): Promise<void> {
  const machine = machineInfo();
  const web = webDistState();
  const webCheck = hasWebBuildCheck();
  process.stdout.write(
    `Kärna startup benchmark — ${machine.date}\n` +
      `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, commit ${machine.gitCommit}, load average ${machine.loadAverage1m}\n` +
      `runs: ${runs} × node server/src/main.ts, ${npmRuns} × npm start, ${floorRuns} × PGlite floor; idle ${idleSeconds} s\n` +
      `web/dist: ${web}${web === 'missing' ? ' (npm start will build the web app, so its figure includes a build)' : ''}\n` +
      `scripts/ensure-web-build.ts: ${webCheck ? 'present' : 'MISSING (npm start cannot work in this checkout)'}\n\n`,
  );

  const { dataDir, firstStartMs } = await prepareDataDir();
  process.stdout.write(
    `prepared ${dataDir}: first start (migrate + seed) ready after ${round(firstStartMs)} ms\n`,
  );

  const direct: StartSample[] = [];
  for (let run = 1; run <= runs; run++) {
    const sample = await measureStart(dataDir, false);
    direct.push(sample);
    process.stdout.write(
      `  node run ${run}: ready ${round(sample.readyMs)} ms (in-process ${sample.inProcessMs ?? '?'} ms), ` +
        `idle RSS ${mib(sample.idleRssKb)} MiB\n`,
    );
  }

  const viaNpm: StartSample[] = [];
  let npmError: string | null = null;
  for (let run = 1; run <= npmRuns && npmError === null; run++) {
    try {
      const sample = await measureStart(dataDir, true);
      viaNpm.push(sample);
      process.stdout.write(
        `  npm start run ${run}: ready ${round(sample.readyMs)} ms, idle RSS of its node server ` +
          `${mib(sample.idleRssKb)} MiB${sample.didBuildWeb ? ' (this start REBUILT the web app first)' : ''}\n`,
      );
    } catch (error) {
      npmError = error instanceof Error ? error.message : String(error);
      process.stdout.write(`  npm start run ${run} FAILED:\n${tail(npmError, 8).replace(/^/gm, '    ')}\n`);
    }
  }

  const floors: FloorSample[] = [];
  for (let run = 1; run <= floorRuns; run++) {
    const sample = await measureFloor(dataDir);
    floors.push(sample);
    process.stdout.write(
      `  floor run ${run}: PGlite open ${sample.openMs} ms, idle RSS ${mib(sample.rssKb)} MiB\n`,
    );
  }
  process.stdout.write('\n');

  const ready = summarise(direct.map((s) => s.readyMs));
  const inProcessValues = direct.map((s) => s.inProcessMs).filter((v): v is number => v !== null);
  const inProcess = inProcessValues.length > 0 ? summarise(inProcessValues) : null;
  const npmReady = viaNpm.length > 0 ? summarise(viaNpm.map((s) => s.readyMs)) : null;
  const rssKb = summarise(direct.map((s) => s.idleRssKb));
  const peakKb = summarise(direct.map((s) => s.peakKb));
  const npmRssKb = viaNpm.length > 0 ? summarise(viaNpm.map((s) => s.idleRssKb)) : null;
  const floorKb = summarise(floors.map((s) => s.rssKb));
  const floorPeakKb = summarise(floors.map((s) => s.peakKb));
  const floorOpen = summarise(floors.map((s) => s.openMs));
  const bareNodeKb = summarise(floors.map((s) => s.bareNodeRssKb));
  const toMib = (s: Summary): Summary => ({
    min: mib(s.min),
    median: mib(s.median),
    max: mib(s.max),
    mean: mib(s.mean),
  });
  const ownShareMib = mib(rssKb.median - floorKb.median);

  const isReadyMet = ready.median < TARGET_READY_MS;
  const isNpmReadyMet = npmReady !== null && npmReady.median < TARGET_READY_MS;
  const isAbsoluteMet = mib(rssKb.median) < TARGET_ABSOLUTE_RSS_MIB;
  const isShareMet = ownShareMib < TARGET_OWN_SHARE_MIB;

  printTable([
    ['measure', 'n', 'min', 'median', 'max', 'target', 'met'],
    row('ready, node server/src/main.ts (ms)', ready, runs, 'ms', `< ${TARGET_READY_MS}`, yesNo(isReadyMet)),
    row('  server\'s own "ready in" (ms)', inProcess, inProcessValues.length, 'ms'),
    row(
      'ready, npm start (ms)',
      npmReady,
      viaNpm.length,
      'ms',
      `< ${TARGET_READY_MS}`,
      npmReady ? yesNo(isNpmReadyMet) : 'FAILED',
    ),
    row(
      'idle RSS, server (MiB)',
      toMib(rssKb),
      runs,
      'MiB',
      `< ${TARGET_ABSOLUTE_RSS_MIB}`,
      yesNo(isAbsoluteMet),
    ),
    row('peak RSS during start, VmHWM (MiB)', toMib(peakKb), runs, 'MiB'),
    row('idle RSS, server under npm start (MiB)', npmRssKb ? toMib(npmRssKb) : null, viaNpm.length, 'MiB'),
    row('bare PGlite floor RSS (MiB)', toMib(floorKb), floorRuns, 'MiB'),
    row('  PGlite import + open + select 1 (ms)', floorOpen, floorRuns, 'ms'),
    row('  peak RSS of the floor, VmHWM (MiB)', toMib(floorPeakKb), floorRuns, 'MiB'),
    row('  bare node RSS before PGlite (MiB)', toMib(bareNodeKb), floorRuns, 'MiB'),
    [
      "platform's own share = server − floor (MiB)",
      '',
      '',
      ownShareMib,
      '',
      `< ${TARGET_OWN_SHARE_MIB}`,
      yesNo(isShareMet),
    ],
  ]);
  if (npmError) process.stdout.write(`\nnpm start failed: ${tail(npmError, 3)}\n`);
  const buildCount = viaNpm.filter((s) => s.didBuildWeb).length;
  if (buildCount > 0) {
    process.stdout.write(
      `\nnote: ${buildCount} of ${viaNpm.length} npm start runs rebuilt the web app (web/dist was missing or ` +
        'older than web/src), so those figures include a build.\n',
    );
  }

  const result = {
    bench: 'startup',
    machine,
    webDist: web,
    webBuildCheckPresent: webCheck,
    idleSeconds,
    firstStartMs: round(firstStartMs),
    readyMs: { ...mapRound(ready), samples: direct.map((s) => round(s.readyMs)) },
    inProcessReadyMs: inProcess ? mapRound(inProcess) : null,
    npmStartReadyMs: npmReady
      ? { ...mapRound(npmReady), samples: viaNpm.map((s) => round(s.readyMs)) }
      : null,
    npmStartError: npmError ? tail(npmError, 5) : null,
    npmStartRunsThatBuiltWeb: viaNpm.filter((s) => s.didBuildWeb).length,
    idleRssMiB: { ...toMib(rssKb), samples: direct.map((s) => mib(s.idleRssKb)) },
    peakRssMiB: toMib(peakKb),
    npmStartIdleRssMiB: npmRssKb ? toMib(npmRssKb) : null,
    pgliteFloorRssMiB: toMib(floorKb),
    pgliteFloorPeakRssMiB: toMib(floorPeakKb),
    pgliteOpenMs: mapRound(floorOpen),
    bareNodeRssMiB: toMib(bareNodeKb),
    ownShareMiB: ownShareMib,
    targets: {
      readyMs: {
        target: TARGET_READY_MS,
        median: round(ready.median),
        ratio: round(ready.median / TARGET_READY_MS, 2),
        met: isReadyMet,
      },
      npmStartReadyMs: npmReady
        ? {
            target: TARGET_READY_MS,
            median: round(npmReady.median),
            ratio: round(npmReady.median / TARGET_READY_MS, 2),
            met: isNpmReadyMet,
          }
        : null,
      absoluteRssMiB: {
        target: TARGET_ABSOLUTE_RSS_MIB,
        median: mib(rssKb.median),
        ratio: round(mib(rssKb.median) / TARGET_ABSOLUTE_RSS_MIB, 2),
        met: isAbsoluteMet,
      },
      ownShareMiB: {
        target: TARGET_OWN_SHARE_MIB,
        value: ownShareMib,
        ratio: round(ownShareMib / TARGET_OWN_SHARE_MIB, 2),
        met: isShareMet,
      },
    },
  };
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}

function mapRound(summary: Summary): Summary {
  return {
    min: round(summary.min),
    median: round(summary.median),
    max: round(summary.max),
    mean: round(summary.mean),
  };
}

try {
  await main();
} catch (error) {
  process.stderr.write(
    `startup benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
// The exit handler in lib/server-process.ts kills any child still running and removes the temp dirs.
