import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { karnaRunner } from './cli.test-support.ts';

describe('karna generate population', () => {
  let directory: string;
  const karna = karnaRunner(() => directory);

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'karna-generate-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('prints its help and exits 2 on wrong usage, writing nothing', async () => {
    const help = await karna(['generate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--changes-from FULL');
    const out = path.join(directory, 'never.xml');
    for (const args of [
      ['generate', 'population', '--persons', '100'],
      ['generate', 'population', '--persons', '3', '--out', out],
      ['generate', 'population', '--persons', 'many', '--out', out],
      ['generate', 'population', '--kind', 'change', '--out', out],
      ['generate', 'population', '--persons', '100', '--out', out, '--date', '2026-13-45'],
      ['generate', 'people', '--persons', '100', '--out', out],
    ]) {
      const result = await karna(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: karna generate population');
    }
    expect(existsSync(out)).toBe(false);
  });

  it('writes a full file and a change file from it', { timeout: 60_000 }, async () => {
    const full = path.join(directory, 'population.xml');
    const made = await karna([
      'generate',
      'population',
      '--persons',
      '300',
      '--out',
      full,
      '--date',
      '2026-11-23',
    ]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^Wrote 300 persons in \d+ households/);
    expect(readFileSync(full, 'utf8')).toContain('<PersonNr>201501012395</PersonNr>');

    const changes = path.join(directory, 'changes.xml');
    const changed = await karna([
      'generate',
      'population',
      '--changes-from',
      full,
      '--out',
      changes,
      '--count',
      '2',
    ]);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('2 move');
    expect(readFileSync(changes, 'utf8')).toContain('typ="andring"');

    const missing = await karna([
      'generate',
      'population',
      '--changes-from',
      path.join(directory, 'none.xml'),
      '--out',
      changes,
    ]);
    expect(missing.code).toBe(1);
    expect(existsSync(`${changes}.partial`)).toBe(false);
  });
});
