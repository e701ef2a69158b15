/**
 * Shared plumbing for the benchmarks: child processes in their own process group (so a whole
 * `npm start` tree can be stopped at once), temp directories, readiness polling, /proc readings,
 * statistics and output. Everything started or created here is tracked and cleaned up on exit,
 * also when a benchmark throws or is interrupted.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The repository root (/work/main): the benchmarks run the server from here, as a user would. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The pinned Node 24 (the `node` npm package); system node cannot run .ts files. */
const PINNED_BIN_DIR = path.join(REPO_ROOT, 'node_modules', '.bin');

export interface ManagedProcess {
  child: ChildProcess;
  pid: number;
  /** performance.now() just before spawn. */
  spawnedAt: number;
  /** Everything the process wrote so far (stdout and stderr interleaved), for error messages. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  hasExited(): boolean;
}

const liveProcesses = new Set<ManagedProcess>();
const tempDirs = new Set<string>();

/** The environment every child gets: the pinned node first on PATH, quiet logs. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${PINNED_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/**
 * Spawns a command as the leader of a new process group (detached), so stopProcess can signal the
 * whole tree (npm → sh → node) with one kill(-pgid).
 */
export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): ManagedProcess {
  let buffer = '';
  const append = (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    if (buffer.length > 64_000) buffer = buffer.slice(-32_000);
  };
  const spawnedAt = performance.now();
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not spawn ${command} ${args.join(' ')}`);
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  let done = false;
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      done = true;
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const managed: ManagedProcess = {
    child,
    pid: child.pid,
    spawnedAt,
    output: () => buffer,
    exited,
    hasExited: () => done,
  };
  // Stays tracked until stopProcess has seen the whole group gone: under npm the server can
  // outlive its leader.
  liveProcesses.add(managed);
  return managed;
}

/**
 * Sends `signal` to the process group and waits until every process in it has exited (under npm
 * the server may still be closing its database after npm itself is gone); after `graceMs`,
 * SIGKILLs whatever is left.
 */
export async function stopProcess(
  proc: ManagedProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 10_000,
) {
  if (!proc.hasExited()) signalGroup(proc.pid, signal);
  const deadline = performance.now() + graceMs;
  while (!proc.hasExited() || isGroupAlive(proc.pid)) {
    if (performance.now() > deadline) {
      signalGroup(proc.pid, 'SIGKILL');
      await proc.exited;
      break;
    }
    await sleep(20);
  }
  liveProcesses.delete(proc);
}

function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** A fresh directory under the OS temp dir, removed on exit. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Copies a directory (PGlite holds a lock on its own, so a second reader needs a copy). */
export function copyDir(source: string, prefix: string): string {
  const target = makeTempDir(prefix);
  cpSync(source, target, { recursive: true });
  return target;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Kills every child still running and removes every temp dir. Synchronous, so safe in 'exit'. */
export function cleanupAll(): void {
  for (const proc of liveProcesses) signalGroup(proc.pid, 'SIGKILL');
  liveProcesses.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

process.on('exit', cleanupAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nbench: got ${signal}, cleaning up\n`);
    cleanupAll();
    process.exit(130);
  });
}

/** A TCP port nobody listens on right now. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** One GET without keep-alive; resolves with the status, or null when the connection fails. */
export function getStatus(url: string, timeoutMs = 2_000): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? null));
      response.on('error', () => resolve(null));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
  });
}

/**
 * Polls `url` every `intervalMs` until it answers 200 and returns performance.now() at that moment.
 * Fails early when the process exits, with the tail of its output.
 */
export async function waitUntilOk(
  url: string,
  proc: ManagedProcess,
  { intervalMs = 20, timeoutMs = 60_000 }: { intervalMs?: number; timeoutMs?: number } = {},
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (proc.hasExited()) {
      throw new Error(
        `process exited (${await proc.exited}) before ${url} answered 200:\n${tail(proc.output())}`,
      );
    }
    const status = await getStatus(url, 1_000);
    if (status === 200) return performance.now();
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

export function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits for a process to exit; resolves 'timeout' after `ms` (and clears its timer either way). */
export async function waitForExit(proc: ManagedProcess, ms: number): Promise<number | string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([proc.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface MemoryReading {
  /** Resident set size now, in KiB (VmRSS). */
  rssKb: number;
  /** Peak resident set size, in KiB (VmHWM). */
  peakKb: number;
}

/** Reads VmRSS and VmHWM of one process from /proc/<pid>/status (Linux only). */
export function readMemory(pid: number): MemoryReading {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match?.[1]) throw new Error(`no ${name} in /proc/${pid}/status`);
    return Number(match[1]);
  };
  return { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
}

let clockTicksPerSecond: number | null = null;

/**
 * CPU time (user + system) a process has used so far, in seconds, from /proc/<pid>/stat. Unlike
 * requests per second, CPU per request barely moves when other work competes for the cores.
 */
export function readCpuSeconds(pid: number): number {
  clockTicksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}

/**
 * Finds the descendant of `rootPid` whose argv is `node … <script>` — the server itself, not the
 * npm or sh wrapper around it (sh's argv mentions the script too, so argv[0] must be node).
 */
export function findNodeProcess(rootPid: number, script: string): number | null {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command name, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (argv[0] && path.basename(argv[0]) === 'node' && argv.includes(script)) return pid;
    } catch {
      // Gone.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return null;
}

/** The server's entry point, relative to the repository root. */
export const SERVER_SCRIPT = 'server/src/main.ts';

/** Environment for a Kärna server on `port` with the given data directory. */
export function serverEnv(
  port: number,
  dataDir: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return childEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    KARNA_DATA_DIR: dataDir,
    KARNA_ENV: 'development',
    ...extra,
  });
}

export interface RunningServer {
  proc: ManagedProcess;
  port: number;
  baseUrl: string;
  /** Wall time from spawn until GET /api/ready answered 200, in ms. */
  readyMs: number;
  /** The pid of the node process serving HTTP (differs from proc.pid under npm). */
  serverPid: number;
}

/**
 * Starts Kärna (`node server/src/main.ts`, or `npm start` with `viaNpm`) on a free port and waits
 * for /api/ready to answer 200, polling every 20 ms.
 */
export async function startKarna(
  dataDir: string,
  { viaNpm = false, nodeArgs = [] }: { viaNpm?: boolean; nodeArgs?: string[] } = {},
): Promise<RunningServer> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = serverEnv(port, dataDir);
  const proc = viaNpm
    ? startProcess('npm', ['start'], env)
    : startProcess('node', [...nodeArgs, SERVER_SCRIPT], env);
  try {
    const readyAt = await waitUntilOk(`${baseUrl}/api/ready`, proc);
    const serverPid = viaNpm ? findNodeProcess(proc.pid, SERVER_SCRIPT) : proc.pid;
    if (serverPid === null) throw new Error('could not find the node process under npm start');
    return { proc, port, baseUrl, readyMs: readyAt - proc.spawnedAt, serverPid };
  } catch (error) {
    await stopProcess(proc);
    throw error;
  }
}

/** The server's own "ready in N ms" figure (measured inside the process, after module loading). */
export function reportedReadyMs(proc: ManagedProcess): number | null {
  const match = /ready in (\d+) ms/.exec(proc.output());
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * A data directory with a migrated, seeded database: starts the server once on an empty temp dir
 * (KARNA_ENV=development seeds the demo municipality) and stops it with SIGTERM.
 */
export async function prepareDataDir(): Promise<{ dataDir: string; firstStartMs: number }> {
  const dataDir = makeTempDir('karna-bench-data-');
  const server = await startKarna(dataDir);
  await stopProcess(server.proc, 'SIGTERM');
  const code = await server.proc.exited;
  if (code !== 0)
    throw new Error(`the preparing server did not stop cleanly (${code}):\n${tail(server.proc.output())}`);
  return { dataDir, firstStartMs: server.readyMs };
}

export interface Summary {
  min: number;
  median: number;
  max: number;
  mean: number;
}

export function summarise(values: number[]): Summary {
  if (values.length === 0) throw new Error('no values to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    min: sorted[0] as number,
    median,
    max: sorted[sorted.length - 1] as number,
    mean: values.reduce((sum, value) => sum + value, 0) / values.length,
  };
}

/** Prints rows as an aligned text table (first row is the header). */
export function printTable(rows: (string | number)[][]): void {
  const cells = rows.map((row) => row.map(String));
  const widths =
    cells[0]?.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  const [header, ...body] = cells;
  if (!header) return;
  process.stdout.write(`${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}\n`);
  for (const row of body) process.stdout.write(`${line(row)}\n`);
}

export const round = (value: number, digits = 0) => Number(value.toFixed(digits));
export const mib = (kb: number) => round(kb / 1024, 1);

/** The machine the figures were taken on, for the JSON line and RESULTS.md. */
export function machineInfo() {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  let git = 'unknown';
  try {
    git = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout.
  }
  return {
    date: new Date().toISOString(),
    cpu,
    cores: os.availableParallelism(),
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    gitCommit: git,
    /** 1-minute load average when the benchmark started: other work on the machine skews figures. */
    loadAverage1m: round(os.loadavg()[0] ?? 0, 2),
  };
}

/** Whether the built web app that the server serves (web/dist/index.html) is there at all. */
export function webDistState(): 'missing' | 'present' {
  return existsSync(path.join(REPO_ROOT, 'web', 'dist', 'index.html')) ? 'present' : 'missing';
}

/** Whether the first half of `npm start` (the web build check) exists in this checkout. */
export function hasWebBuildCheck(): boolean {
  return existsSync(path.join(REPO_ROOT, 'scripts', 'ensure-web-build.ts'));
}
