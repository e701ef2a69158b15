import { createHash, generateKeyPairSync } from 'node:crypto';
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHECKPOINT_FORMAT,
  type CheckpointPayload,
  checkCheckpointSignature,
  checkpointKeyId,
  parseCheckpoint,
  serializeCheckpoint,
  signCheckpoint,
} from './audit.checkpoint.ts';
import { appendCheckpointLine, readLastCheckpointLine } from './audit.checkpoint-file.ts';
import { canonicalJson } from './audit.hash.ts';
import { loadSigningKey, publicKeyPem, readPublicKeys, SigningKeyError } from './audit.signing-key.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const keyId = checkpointKeyId(publicKey);
const payload: CheckpointPayload = {
  format: CHECKPOINT_FORMAT,
  installationId: '6f1c2f1e-3b9a-4c47-9a55-2d7a1c9e0b11',
  seq: 42,
  hash: 'a'.repeat(64),
  createdAt: '2026-11-23T12:00:00.000Z',
  previousDigest: 'b'.repeat(64),
  keyId,
};

describe('a signed checkpoint', () => {
  it('round-trips through its JSON line and verifies with the public key', () => {
    const signed = signCheckpoint(payload, privateKey);
    expect(signed.digest).toBe(createHash('sha256').update(canonicalJson(payload)).digest('hex'));
    const parsed = parseCheckpoint(serializeCheckpoint(signed));
    expect(parsed).toEqual({ checkpoint: signed });
    expect(checkCheckpointSignature(signed, new Map([[keyId, publicKey]]))).toBeUndefined();
  });

  it.each([
    ['seq', { seq: 43 }],
    ['hash', { hash: 'c'.repeat(64) }],
    ['previousDigest', { previousDigest: null }],
    ['createdAt', { createdAt: '2026-11-23T12:00:01.000Z' }],
    ['installationId', { installationId: 'another' }],
  ])('does not verify once its %s is changed', (_field, change) => {
    const signed = { ...signCheckpoint(payload, privateKey), ...change };
    expect(checkCheckpointSignature(signed, new Map([[keyId, publicKey]]))).toBe(
      `the signature does not verify with key ${keyId} (a forged or altered checkpoint)`,
    );
  });

  it('does not verify with another key, nor with a digest that does not match', () => {
    const signed = signCheckpoint(payload, privateKey);
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(checkCheckpointSignature(signed, new Map([[keyId, other]]))).toMatch(
      /^the signature does not verify/,
    );
    expect(checkCheckpointSignature(signed, new Map())).toBe(
      `signed by key ${keyId}, which is not among the trusted public keys`,
    );
    expect(
      checkCheckpointSignature({ ...signed, digest: 'd'.repeat(64) }, new Map([[keyId, publicKey]])),
    ).toBe('the digest does not match the checkpoint');
  });

  it('says what is wrong with a line that is not a checkpoint', () => {
    expect(parseCheckpoint('{"format":"karna.audit')).toEqual({
      error: 'not a JSON line (a torn or foreign line)',
    });
    expect(parseCheckpoint('{"format":"karna.audit.checkpoint.v1","seq":-1}')).toEqual({
      error: expect.stringMatching(/^not a checkpoint \(bad .*seq/),
    });
  });
});

describe('the signing key and the checkpoint file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'karna-key-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates a key readable by its owner only, once, and reads it back', async () => {
    const file = path.join(dir, 'audit', 'signing-key.pem');
    const first = await loadSigningKey(file, { generate: true });
    expect(first).toMatchObject({ generated: true, warnings: [] });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    const again = await loadSigningKey(file, { generate: true });
    expect(again.generated).toBe(false);
    expect(again.signer.keyId).toBe(first.signer.keyId);

    await chmod(file, 0o640);
    expect((await loadSigningKey(file, { generate: false })).warnings).toEqual([]);
    await chmod(file, 0o644);
    expect((await loadSigningKey(file, { generate: false })).warnings).toEqual([
      `${file} is open to every user (mode 644); allow only its owner (and group)`,
    ]);
  });

  it('never generates a key it was told to find', async () => {
    const file = path.join(dir, 'elsewhere', 'missing.pem');
    await expect(loadSigningKey(file, { generate: false })).rejects.toThrow(SigningKeyError);
    await expect(loadSigningKey(file, { generate: false })).rejects.toThrow(/does not exist/);
  });

  it('refuses a key that is not Ed25519', async () => {
    const file = path.join(dir, 'rsa.pem');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    await writeFile(file, rsa.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    await expect(loadSigningKey(file, { generate: false })).rejects.toThrow(/holds an rsa key/);
  });

  it('reads several public keys from one PEM file, private ones by their public half', async () => {
    const file = path.join(dir, 'trusted.pem');
    const old = generateKeyPairSync('ed25519');
    await writeFile(
      file,
      `${publicKeyPem(old.publicKey)}\n${privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()}`,
    );
    const keys = await readPublicKeys(file);
    expect(keys.map(checkpointKeyId)).toEqual([checkpointKeyId(old.publicKey), keyId]);
  });

  it('appends whole lines and reads back the last one, noticing a torn end', async () => {
    const file = path.join(dir, 'checkpoints.jsonl');
    expect(await readLastCheckpointLine(file)).toBeUndefined();
    await appendCheckpointLine(file, '{"n":1}');
    await appendCheckpointLine(file, '{"n":2}');
    expect(await readLastCheckpointLine(file)).toEqual({ text: '{"n":2}', complete: true });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await writeFile(file, '{"n":3', { flag: 'a' });
    expect(await readLastCheckpointLine(file)).toEqual({ text: '{"n":3', complete: false });
  });
});
