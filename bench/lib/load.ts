/**
 * Load helpers for the person-overview benchmark: exact latency percentiles, a fixed number of
 * concurrent callers looping over an async call for a while, and the CPU time of the local
 * PostgreSQL server's backends for one database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readCpuSeconds } from './server-process.ts';

/** Every response time of a run, in ms; percentiles are exact (a 20 s run is at most a few 100,000). */
export class Latencies {
  readonly #values: number[] = [];
  #sorted: Float64Array | null = null;

  record(milliseconds: number): void {
    this.#values.push(milliseconds);
    this.#sorted = null;
  }

  get count(): number {
    return this.#values.length;
  }

  /** The given percentile (0–100) in ms, nearest-rank. */
  percentile(percentile: number): number {
    this.#sorted ??= Float64Array.from(this.#values).sort();
    if (this.#sorted.length === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((percentile / 100) * this.#sorted.length));
    return this.#sorted[rank - 1] as number;
  }

  mean(): number {
    return this.#values.reduce((sum, value) => sum + value, 0) / Math.max(this.#values.length, 1);
  }
}

/**
 * Runs `call` from `callers` concurrent loops until `seconds` have passed; each completed call's
 * time is recorded, a thrown error counted.
 */
export async function runCallers(
  callers: number,
  seconds: number,
  call: () => Promise<unknown>,
): Promise<{ latencies: Latencies; errors: number; seconds: number }> {
  const latencies = new Latencies();
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const before = performance.now();
      try {
        await call();
        latencies.record(performance.now() - before);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: callers }, loop));
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

/**
 * CPU seconds the local PostgreSQL server's backends for one database used since start(): the
 * processes named `postgres` whose title names the database (its connections and autovacuum
 * workers, not other databases' work on a shared server, nor the shared WAL writer and
 * checkpointer). Backends come and go, so each is read while it lives and its last reading counts.
 * Null when no such process is visible (a server on another machine or in a container).
 */
export class PostgresCpu {
  readonly #first = new Map<number, number>();
  readonly #last = new Map<number, number>();
  readonly #database: string;
  #timer: NodeJS.Timeout | undefined;

  constructor(database: string) {
    this.#database = database;
  }

  start(intervalMs = 100): this {
    this.sample(true);
    this.#timer = setInterval(() => this.sample(false), intervalMs);
    return this;
  }

  /** Reads every postgres process; one first seen after start() counts from zero. */
  sample(isStart = false): void {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
        // The process title, e.g. "postgres: 15/main: postgres bench_import_1 127.0.0.1(5432) idle".
        const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        if (!title.includes(` ${this.#database} `)) continue;
        const seconds = readCpuSeconds(pid);
        if (!this.#first.has(pid)) this.#first.set(pid, isStart ? seconds : 0);
        this.#last.set(pid, seconds);
      } catch {
        // The process ended while we looked.
      }
    }
  }

  stop(): number | null {
    clearInterval(this.#timer);
    this.sample(false);
    if (this.#first.size === 0) return null;
    let total = 0;
    for (const [pid, last] of this.#last) total += last - (this.#first.get(pid) ?? 0);
    return total;
  }
}

/**
 * The whole machine's CPU over a stretch, from /proc/stat: the share of all cores' time that was
 * busy (not idle or waiting for the disk). Near 100 % the run measured the machine, not the code.
 */
export class MachineCpu {
  #start = MachineCpu.#read();

  static #read(): { busy: number; total: number } {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total };
  }

  restart(): this {
    this.#start = MachineCpu.#read();
    return this;
  }

  /** Busy share since the start, 0–1. */
  busyShare(): number {
    const now = MachineCpu.#read();
    return (now.busy - this.#start.busy) / Math.max(now.total - this.#start.total, 1);
  }
}
