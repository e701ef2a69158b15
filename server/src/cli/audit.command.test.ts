import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteAndRehash } from '../platform/audit/audit.tamper.test-support.ts';
import { openDatabase } from '../platform/db/database.ts';
import { karnaRunner } from './cli.test-support.ts';

/**
 * `karna audit verify` against signed checkpoints, on a real PGlite data directory: each spawned
 * command opens PGlite (~2 s), hence the generous timeout.
 */
describe('karna audit verify with checkpoints', { timeout: 180_000 }, () => {
  let dataDir: string;
  let elsewhere: string;
  const karna = karnaRunner(() => dataDir);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'karna-cli-audit-'));
    elsewhere = await mkdtemp(path.join(tmpdir(), 'karna-auditor-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(elsewhere, { recursive: true, force: true });
  });

  const copy = () => path.join(elsewhere, 'checkpoints.jsonl');
  const byAuditor = () => [
    'audit',
    'verify',
    '--public-key',
    path.join(elsewhere, 'audit-public-key.pem'),
    '--checkpoints',
    copy(),
  ];

  it('says nothing is anchored yet, then anchors what commands append, for the operator and an auditor', async () => {
    const empty = await karna(['audit', 'verify']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toContain('intact: 0 entries verified');
    expect(empty.stdout).toContain('nothing is anchored outside the database yet');

    expect((await karna(['seed'])).code).toBe(0);
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

    const intact = await karna(['audit', 'verify']);
    expect(intact.code, intact.stdout).toBe(0);
    // The seed writes two entries (the demo, then its population import), the grant a third.
    expect(intact.stdout).toContain('The audit trail is intact: 3 entries verified.');
    expect(intact.stdout).toMatch(
      /The trail matches its 2 checkpoints in .*checkpoints\.jsonl \(signed by key [0-9a-f]{32}\); the newest anchors entry 3/,
    );
    expect(intact.stdout).toContain('Every entry is anchored.');

    // An auditor's copies: the public key alone, and the checkpoint file kept elsewhere.
    const publicKey = await karna(['audit', 'public-key']);
    expect(publicKey.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
    await writeFile(path.join(elsewhere, 'audit-public-key.pem'), publicKey.stdout);
    await copyFile(path.join(dataDir, 'audit', 'checkpoints.jsonl'), copy());
    const auditor = await karna(byAuditor());
    expect(auditor.code, auditor.stdout).toBe(0);
    expect(auditor.stdout).toContain(`The trail matches its 2 checkpoints in ${copy()}`);
  });

  it('fails a trail a superuser rewrote and re-hashed, for the operator and the auditor alike', async () => {
    // A superuser rewrites the seed entry and re-hashes the chain behind it, head included.
    const database = await openDatabase({ dataDir });
    try {
      await rewriteAndRehash(database.db, 1, { rewritten: true });
    } finally {
      await database.close();
    }

    const tampered = await karna(['audit', 'verify']);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('The audit trail is intact: 3 entries verified.');
    expect(tampered.stdout).toContain('does NOT match its checkpoints');
    expect(tampered.stdout).toMatch(
      /line 1: entry 2 no longer has the hash anchored at .*: the trail up to it has been rewritten/,
    );
    expect(tampered.stdout).toMatch(/line 2: entry 3 no longer has the hash anchored at/);
    const auditorSees = await karna(byAuditor());
    expect(auditorSees.code).toBe(1);
    expect(auditorSees.stdout).toContain('does NOT match its checkpoints');

    const unknown = await karna(['audit', 'verify', '--checkpoints', path.join(elsewhere, 'nothing.jsonl')]);
    expect(unknown.code).toBe(2);
  });
});
