import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPopulationFile } from './population-file.parser.ts';
import { loadGeneratorInputs } from './population-file.test-support.ts';
import { generatePopulationFile, type PopulationFileSummary } from './population-generator.ts';

const PERSONS = 200_000;

/**
 * The live heap after a full collection: unlike the resident set, it does not move with how much
 * young-generation space V8 decides to keep, so the measure holds on a busy machine too.
 */
function liveHeapBytes(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}
const MiB = 1024 * 1024;

describe('a generated file of 200,000 people', () => {
  let directory: string;
  let file: string;
  let summary: PopulationFileSummary;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'karna-population-'));
    file = path.join(directory, 'population.xml');
    summary = await generatePopulationFile(
      createWriteStream(file),
      { persons: PERSONS, seed: 'streaming', today: '2026-11-23' },
      loadGeneratorInputs(),
    );
  }, 60_000);

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('is written as generated, about 1 in 1,000 protected', async () => {
    expect(summary.persons).toBe(PERSONS);
    expect((await stat(file)).size).toBe(summary.bytes);
    expect(summary.bytes).toBeGreaterThan(100 * MiB);
    expect(summary.protectedPersons).toBeGreaterThan(PERSONS * 0.0005);
    expect(summary.protectedPersons).toBeLessThan(PERSONS * 0.0015);
  });

  it('parses with flat memory: the live heap grows by less than 20 MB over a 100+ MB file', async () => {
    const counts = { person: 0, rejected: 0, protected: 0, protectedRegistration: 0 };
    let items = 0;
    let baseline = 0;
    let peak = 0;
    for await (const item of readPopulationFile(file, { now: new Date('2026-11-23T12:00:00Z') })) {
      items++;
      if (item.kind === 'person') {
        counts.person++;
        if (item.person.protection !== 'none') counts.protected++;
        if (item.person.protection === 'protected_registration') counts.protectedRegistration++;
      }
      if (item.kind === 'rejected') counts.rejected++;
      if (items === 10_000) baseline = liveHeapBytes();
      else if (items % 50_000 === 0) peak = Math.max(peak, liveHeapBytes());
    }
    expect(counts.person).toBe(PERSONS);
    expect(counts.rejected).toBe(0);
    expect(counts.protected).toBe(summary.protectedPersons);
    expect(counts.protectedRegistration).toBeGreaterThan(0);
    expect(counts.protectedRegistration).toBeLessThan(counts.protected);
    // The file is far larger than the growth allowed: holding it would fail.
    expect(peak - baseline).toBeLessThan(20 * 1000 * 1000);
  }, 60_000);

  it('reads no faster than the consumer takes records', async () => {
    let bytesRead = 0;
    async function* counted() {
      for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
        bytesRead += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    }
    const reader = readPopulationFile(counted());
    for (let index = 0; index < 100; index++) await reader.next();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bytesRead).toBeLessThanOrEqual(256 * 1024);
    await reader.return(undefined);
  });
});
