import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { karnaRunner } from './cli.test-support.ts';

describe('the karna command', () => {
  let dataDir: string;
  const karna = karnaRunner(() => dataDir);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'karna-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints help and exits 0, and exits 2 on an unknown command', async () => {
    const help = await karna(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('audit verify');
    expect((await karna(['seed', '--help'])).stdout).toContain('--reset');
    const unknown = await karna(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  });

  it('exits 3 with a clear message on bad configuration', async () => {
    const result = await karna(['migrate'], { PORT: 'seventy' });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('PORT');
  });

  // Each spawned command opens PGlite (~2 s, far more on a busy machine): generous timeouts.
  it('migrates, seeds, grants a role, lists users and verifies the audit trail', {
    timeout: 180_000,
  }, async () => {
    const migrated = await karna(['migrate']);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/Applied \d+_identity_create-identity-tables/);
    expect((await karna(['migrate'])).stdout).toContain('up to date');

    expect((await karna(['seed'])).code).toBe(0);
    const again = await karna(['seed']);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('--reset');

    const granted = await karna([
      'users',
      'add-role',
      '--email',
      'nils.berg@molnal.example',
      '--role',
      'registrar',
      '--org-unit',
      'BN',
    ]);
    expect(granted.code, granted.stderr).toBe(0);
    expect(granted.stdout).toContain('Nils Berg is now registrar for Byggnadsnämnden');
    const badRole = await karna([
      'users',
      'add-role',
      '--email',
      'nils.berg@molnal.example',
      '--role',
      'king',
      '--org-unit',
      'BN',
    ]);
    expect(badRole.code).toBe(2);

    const listed = await karna(['users', 'list']);
    expect(listed.stdout).toContain('Berg, Nils  <nils.berg@molnal.example>  registrar @ Byggnadsnämnden');

    const verified = await karna(['audit', 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/intact: 3 entries verified/);

    const search = await karna(['audit', 'search', '--personal-number', '-'], {}, '19850101-2382\n');
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('No audit entries about that person.');
    expect(search.stdout).not.toContain('2382');
  });

  it('rebuilds the demo with seed --reset and refuses it in production', { timeout: 180_000 }, async () => {
    const reset = await karna(['seed', '--reset']);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(
      /Moved the wiped audit trail's checkpoints to .*checkpoints\.jsonl\.set-aside-/,
    );
    const verified = await karna(['audit', 'verify']);
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toMatch(/intact: 2 entries verified/);
    expect(verified.stdout).toMatch(/matches its 1 checkpoints/);
    const production = await karna(['seed', '--reset'], {
      KARNA_ENV: 'production',
      KARNA_PUBLIC_URL: 'https://karna.example',
      KARNA_CITIZEN_OIDC_ISSUER: 'https://eid.example',
      KARNA_CITIZEN_OIDC_CLIENT_ID: 'x',
      KARNA_CITIZEN_OIDC_CLIENT_SECRET: 'y',
      KARNA_STAFF_OIDC_ISSUER: 'https://login.example',
      KARNA_STAFF_OIDC_CLIENT_ID: 'x',
      KARNA_STAFF_OIDC_CLIENT_SECRET: 'y',
      KARNA_AUDIT_SIGNING_KEY_FILE: path.join(dataDir, 'production-key.pem'),
    });
    expect(production.code).toBe(1);
    expect(production.stderr).toContain('never seeded');
  });

  it('imports the portfolio from a spreadsheet, naming each bad row, and nothing until the rows are good', {
    timeout: 180_000,
  }, async () => {
    const file = path.join(dataDir, 'system.csv');
    await writeFile(
      file,
      'Namn;Ägande nämnd;Livscykel;Antal användare\r\n' +
        'Kommandoradssystemet;Byggnadsnämnden;i drift;25\r\n' +
        'Felsystemet;Månnämnden;i drift;många\r\n',
    );
    const refused = await karna(['import', 'portfolio', file]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('row 3, column "Ägande nämnd": Nämnden "Månnämnden" finns inte');
    expect(refused.stdout).toContain('row 3, column "Antal användare"');
    expect(refused.stdout).toContain('Nothing was imported');
    const partly = await karna(['import', 'portfolio', '--valid-rows-only', file]);
    expect(partly.code, partly.stdout).toBe(0);
    expect(partly.stdout).toContain('Imported 1 of 2 rows: 1 new systems, 0 updated, 1 skipped');
    const missing = await karna(['import', 'portfolio', path.join(dataDir, 'finns-inte.xlsx')]);
    expect(missing.code).toBe(1);
  });
});
