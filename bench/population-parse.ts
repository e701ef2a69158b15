/**
 * Parse speed and memory of the population file parser (docs/population-file-format.md).
 *
 * 1. Generates a full file of `--persons` people (default 1,000,000) as `karna generate
 *    population` does, in a child process, timed, with its peak RSS — or takes `--file FILE`.
 * 2. `--runs` times (default 2), each in a fresh child process, alternating:
 *    - the baseline: the same file read as raw bytes through a stream (fs.createReadStream), and
 *    - the parser: every item of `readPopulationFile(file)` taken by a consumer that counts them.
 *    Each child reports wall time, CPU time and its peak RSS (getrusage maxrss, the whole process
 *    with Node's TypeScript stripping), and the parser its RSS after 10,000 items, so the growth
 *    while parsing shows apart from the process's fixed cost.
 *
 * Usage: node bench/population-parse.ts [--persons 1000000] [--runs 2] [--file FILE] [--keep]
 * Prints a table and, last, one JSON line. Targets are reported, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  generatePopulationFile,
  readPopulationFile,
} from '../server/src/modules/registry/population-file/index.ts';
import {
  machineInfo,
  makeTempDir,
  printTable,
  REPO_ROOT,
  removeTempDir,
  round,
} from './lib/server-process.ts';

const TARGET_RECORDS_PER_SECOND = 50_000;
const TARGET_GROWTH_MIB = 50;
const MiB = 1024 * 1024;

const { values: options } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '2' },
    file: { type: 'string' },
    keep: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});

type ChildResult = {
  seconds: number;
  cpuSeconds: number;
  maxRssMiB: number;
  bytes: number;
  items?: number;
  rejected?: number;
  rssAfterWarmupMiB?: number;
};

if (options.child) {
  const file = options.file as string;
  const result =
    options.child === 'raw'
      ? await readRaw(file)
      : options.child === 'generate'
        ? await generate(file, Number(options.persons))
        : await parse(file);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await main();
}

/** What `karna generate population` does, in this process so getrusage measures the generator alone. */
async function generate(file: string, persons: number): Promise<ChildResult> {
  const seeds = path.join(REPO_ROOT, 'server/seeds');
  const inputs = {
    testNumbers: readFileSync(path.join(seeds, 'testpersonnummer.txt'), 'utf8').split('\n').filter(Boolean),
    demoCitizens: JSON.parse(readFileSync(path.join(seeds, 'demo/citizens.json'), 'utf8')),
  };
  const started = performance.now();
  const summary = await generatePopulationFile(
    createWriteStream(file),
    { persons, seed: 'bench', today: '2026-11-23' },
    inputs,
  );
  return finish(started, { bytes: summary.bytes, items: summary.persons });
}

async function readRaw(file: string): Promise<ChildResult> {
  const started = performance.now();
  let bytes = 0;
  for await (const chunk of createReadStream(file)) bytes += (chunk as Buffer).length;
  return finish(started, { bytes });
}

async function parse(file: string): Promise<ChildResult> {
  const started = performance.now();
  let items = 0;
  let rejected = 0;
  let rssAfterWarmup = 0;
  for await (const item of readPopulationFile(file)) {
    items++;
    if (item.kind === 'rejected') rejected++;
    if (items === 10_000) rssAfterWarmup = process.memoryUsage().rss;
  }
  return finish(started, {
    bytes: statSync(file).size,
    items,
    rejected,
    rssAfterWarmupMiB: round(rssAfterWarmup / MiB, 1),
  });
}

function finish(started: number, fields: Partial<ChildResult> & { bytes: number }): ChildResult {
  const usage = process.resourceUsage();
  return {
    seconds: round((performance.now() - started) / 1000, 2),
    cpuSeconds: round((usage.userCPUTime + usage.systemCPUTime) / 1e6, 2),
    maxRssMiB: round(usage.maxRSS / 1024, 1),
    ...fields,
  };
}

function runChild(args: string[]): ChildResult {
  const child = spawnSync(process.execPath, [import.meta.filename, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as ChildResult;
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const persons = Number(options.persons);
  const runs = Number(options.runs);
  let file = options.file;
  let generated: { seconds: number; maxRssMiB: number; bytes: number } | null = null;
  let directory: string | null = null;

  if (!file) {
    directory = makeTempDir('karna-population-bench-');
    file = path.join(directory, 'population.xml');
    const result = runChild(['--child', 'generate', '--file', file, '--persons', String(persons)]);
    generated = { seconds: result.seconds, maxRssMiB: result.maxRssMiB, bytes: result.bytes };
  }

  const raw: ChildResult[] = [];
  const parsed: ChildResult[] = [];
  for (let run = 0; run < runs; run++) {
    raw.push(runChild(['--child', 'raw', '--file', file]));
    parsed.push(runChild(['--child', 'parse', '--file', file]));
  }
  if (directory && !options.keep) removeTempDir(directory);

  const best = (results: ChildResult[]) => results.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
  const bestParse = best(parsed);
  const bestRaw = best(raw);
  const records = (bestParse.items ?? 1) - 1;
  const recordsPerSecond = Math.round(records / bestParse.seconds);
  const growth = Math.max(...parsed.map((result) => result.maxRssMiB - (result.rssAfterWarmupMiB ?? 0)));
  const sizeMiB = round((generated?.bytes ?? bestParse.bytes) / MiB, 1);

  const rows: (string | number)[][] = [['measure', 'wall s', 'CPU s', 'MiB/s', 'records/s', 'peak RSS MiB']];
  if (generated) {
    rows.push([
      `generate ${persons.toLocaleString('en-GB')} persons`,
      generated.seconds,
      '',
      round(sizeMiB / generated.seconds),
      round(persons / generated.seconds),
      generated.maxRssMiB,
    ]);
  }
  for (const result of raw)
    rows.push([
      'raw read (baseline)',
      result.seconds,
      result.cpuSeconds,
      round(sizeMiB / result.seconds),
      '',
      result.maxRssMiB,
    ]);
  for (const result of parsed) {
    rows.push([
      'parse',
      result.seconds,
      result.cpuSeconds,
      round(sizeMiB / result.seconds),
      Math.round(((result.items ?? 1) - 1) / result.seconds),
      result.maxRssMiB,
    ]);
  }
  printTable(rows);
  process.stdout.write(
    `\nfile ${sizeMiB} MiB, ${records.toLocaleString('en-GB')} records (${bestParse.rejected} rejected)\n` +
      `parse: ${recordsPerSecond.toLocaleString('en-GB')} records/s (target ≥ ${TARGET_RECORDS_PER_SECOND.toLocaleString('en-GB')}), ` +
      `${round(bestRaw.seconds / bestParse.seconds, 3)} of the raw read's speed; ` +
      `RSS growth while parsing ${round(growth, 1)} MiB (target < ${TARGET_GROWTH_MIB}), peak ${bestParse.maxRssMiB} MiB\n`,
  );
  process.stdout.write(
    `${JSON.stringify({
      benchmark: 'population-parse',
      machine,
      file: { persons: generated ? persons : null, mib: sizeMiB, records },
      generate: generated,
      raw,
      parse: parsed,
      recordsPerSecond,
      ratioToRawRead: round(bestRaw.seconds / bestParse.seconds, 4),
      rssGrowthMiB: round(growth, 1),
      targets: { recordsPerSecond: TARGET_RECORDS_PER_SECOND, rssGrowthMiB: TARGET_GROWTH_MIB },
    })}\n`,
  );
}
