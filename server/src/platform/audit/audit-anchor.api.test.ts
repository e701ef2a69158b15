import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends } from '../../../test/test-server.ts';
import type { Database } from '../db/database.ts';
import { verifyAuditAnchors } from './audit.anchor-verification.ts';
import { readAuditChainHead, verifyAuditChain } from './audit.chain.ts';
import {
  CHECKPOINT_FORMAT,
  parseCheckpoint,
  serializeCheckpoint,
  signCheckpoint,
} from './audit.checkpoint.ts';
import { readCheckpointLines } from './audit.checkpoint-file.ts';
import {
  AuditCheckpointWriter,
  type CheckpointLogger,
  CheckpointRefusedError,
} from './audit.checkpoint-writer.ts';
import { type CheckpointSigner, loadSigningKey } from './audit.signing-key.ts';
import { cutTail, rewriteAndRehash } from './audit.tamper.test-support.ts';
import { AuditTrail, NOT_A_REQUEST, systemActor } from './audit-trail.ts';

const quiet: CheckpointLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** Appends `count` entries the way the platform does, one transaction each. */
async function appendEntries(db: Kysely<unknown>, count: number): Promise<void> {
  const audit = await AuditTrail.load(db);
  for (let n = 0; n < count; n += 1) {
    await db.transaction().execute((trx) =>
      audit.append(trx, systemActor('anchor test'), NOT_A_REQUEST, {
        action: 'test.entry.write',
        outcome: 'success',
        details: { n },
      }),
    );
  }
}

describe.each(testBackends)('audit checkpoints on %s', (backend) => {
  let database: Database;
  let db: Kysely<unknown>;
  let dir: string;
  let file: string;
  let signer: CheckpointSigner;
  let writer: AuditCheckpointWriter;
  const verifyAnchors = async (keys = [signer.publicKey]) =>
    verifyAuditAnchors(db, (await readCheckpointLines(file)) ?? [], keys);

  beforeEach(async () => {
    database = await openTestDatabase(backend);
    db = database.db;
    dir = await mkdtemp(path.join(tmpdir(), 'karna-anchor-'));
    file = path.join(dir, 'checkpoints.jsonl');
    signer = (await loadSigningKey(path.join(dir, 'signing-key.pem'), { generate: true })).signer;
    writer = new AuditCheckpointWriter({ file, signer, logger: quiet });
    // The seeded template holds one entry; four more make entries 1–5.
    await appendEntries(db, 4);
  });
  afterEach(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('fails a rewritten and re-hashed chain that the hash chain check alone passes', async () => {
    const written = await writer.writeCheckpoint(db);
    expect(written).toMatchObject({ written: true, checkpoint: { seq: 5 } });
    expect(await verifyAnchors()).toMatchObject({ ok: true, checkpoints: 1, problems: [], unanchored: null });

    await rewriteAndRehash(db, 3, { n: 'rewritten' });

    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 5 });
    const result = await verifyAnchors();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        lineNumber: 1,
        reason: expect.stringMatching(
          /^entry 5 no longer has the hash anchored at .*: the trail up to it has been rewritten$/,
        ),
      },
    ]);
    // Nor does the writer vouch for the rewritten trail with a new checkpoint.
    await appendEntries(db, 1);
    await expect(writer.writeCheckpoint(db)).rejects.toThrow(
      new CheckpointRefusedError(
        'the audit trail does not extend the last checkpoint: entry 5 no longer has the checkpointed hash',
      ),
    );
    expect((await readCheckpointLines(file))?.length).toBe(1);
  });

  it('fails a cut tail with a rewound head, and a tail written anew over it', async () => {
    await writer.writeCheckpoint(db);
    await cutTail(db, 3);

    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 3 });
    expect((await verifyAnchors()).problems).toEqual([
      {
        lineNumber: 1,
        reason: expect.stringMatching(
          /^anchors entry 5 of .*, but the trail ends at entry 3: entries have been removed$/,
        ),
      },
    ]);

    await appendEntries(db, 3);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 6 });
    expect((await verifyAnchors()).problems).toEqual([
      { lineNumber: 1, reason: expect.stringMatching(/^entry 5 no longer has the hash anchored at/) },
    ]);
  });

  it('fails a forged checkpoint line and one signed by a key it does not trust', async () => {
    const first = await writer.writeCheckpoint(db);
    if (!first.written) throw new Error('expected a checkpoint');
    await appendEntries(db, 1);
    const head = await readAuditChainHead(db);
    const stranger = generateKeyPairSync('ed25519').privateKey;
    // True statements, our key id, someone else's signature.
    const forged = signCheckpoint(
      {
        format: CHECKPOINT_FORMAT,
        installationId: first.checkpoint.installationId,
        seq: head.seq,
        hash: head.hash,
        createdAt: new Date().toISOString(),
        previousDigest: first.checkpoint.digest,
        keyId: signer.keyId,
      },
      stranger,
    );
    await writeFile(file, `${serializeCheckpoint(forged)}\n`, { flag: 'a' });
    expect(await verifyAnchors()).toMatchObject({
      ok: false,
      problems: [
        {
          lineNumber: 2,
          reason: `the signature does not verify with key ${signer.keyId} (a forged or altered checkpoint)`,
        },
      ],
      newest: { seq: 5 },
    });

    // A genuine line with one field changed no longer verifies either.
    const altered = JSON.stringify({ ...first.checkpoint, seq: 4 });
    await writeFile(file, `${serializeCheckpoint(first.checkpoint)}\n${altered}\n`);
    expect((await verifyAnchors()).problems).toEqual([
      { lineNumber: 2, reason: expect.stringMatching(/^the signature does not verify/) },
    ]);

    const otherKey = generateKeyPairSync('ed25519').publicKey;
    expect((await verifyAnchors([otherKey])).problems).toEqual([
      {
        lineNumber: 1,
        reason: expect.stringMatching(/^signed by key [0-9a-f]{32}, which is not among the trusted/),
      },
      { lineNumber: 2, reason: expect.stringMatching(/^signed by key/) },
    ]);
  });

  it('reports entries after the newest checkpoint as not yet anchored, and skips an unmoved head', async () => {
    await writer.writeCheckpoint(db);
    expect(await writer.writeCheckpoint(db)).toEqual({ written: false, reason: 'unchanged' });
    await appendEntries(db, 2);

    expect(await verifyAnchors()).toEqual({
      ok: true,
      checkpoints: 1,
      keyIds: [signer.keyId],
      newest: { seq: 5, createdAt: expect.any(String) },
      unanchored: { fromSeq: 6, toSeq: 7 },
      problems: [],
    });
    await writer.writeCheckpoint(db);
    expect((await verifyAnchors()).unanchored).toBeNull();
  });

  it('chains checkpoints: a removed or reordered line fails', async () => {
    for (let n = 0; n < 3; n += 1) {
      await appendEntries(db, 1);
      await writer.writeCheckpoint(db);
    }
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    const [first, second, third] = lines.map((line) => parseCheckpoint(line));
    expect(
      [first, second, third].map((parsed) => parsed && 'checkpoint' in parsed && parsed.checkpoint.seq),
    ).toEqual([6, 7, 8]);
    expect(second && 'checkpoint' in second && second.checkpoint.previousDigest).toBe(
      first && 'checkpoint' in first && first.checkpoint.digest,
    );
    expect((await verifyAnchors()).ok).toBe(true);

    await writeFile(file, `${lines[0]}\n${lines[2]}\n`);
    expect((await verifyAnchors()).problems).toEqual([
      {
        lineNumber: 2,
        reason: 'does not name the checkpoint before it (lines were removed, inserted or reordered)',
      },
    ]);
    await writeFile(file, `${lines[1]}\n${lines[0]}\n`);
    expect((await verifyAnchors()).problems.map((problem) => problem.reason)).toEqual([
      'does not name the checkpoint before it (lines were removed, inserted or reordered)',
      'goes back from entry 7 to entry 6',
    ]);
  });

  it('fails checkpoints of another installation, and the writer will not mix them', async () => {
    await writer.writeCheckpoint(db);
    await sql`update audit_settings set installation_id = ${'00000000-0000-4000-8000-000000000000'}`.execute(
      db,
    );
    expect((await verifyAnchors()).problems).toEqual([
      {
        lineNumber: 1,
        reason: expect.stringMatching(
          /^made for installation .*, but this database is 00000000-0000-4000-8000-000000000000$/,
        ),
      },
    ]);
    await appendEntries(db, 1);
    await expect(writer.writeCheckpoint(db)).rejects.toThrow(
      /belongs to installation .*, not to this database/,
    );
  });
});
