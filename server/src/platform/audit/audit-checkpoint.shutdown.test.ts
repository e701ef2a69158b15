import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../../test/test-browser.ts';
import { openDatabase } from '../db/database.ts';
import { readAuditChainHead } from './audit.chain.ts';
import { checkCheckpointSignature, parseCheckpoint, type SignedCheckpoint } from './audit.checkpoint.ts';
import { loadSigningKey } from './audit.signing-key.ts';

const MAIN = path.resolve(import.meta.dirname, '../../main.ts');

/** The server as `npm start` runs it: a checkpoint at start, and one at a clean shutdown. */
describe('the server process', () => {
  let dataDir: string;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'karna-shutdown-'));
  });
  afterAll(async () => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  const readCheckpoints = async (): Promise<SignedCheckpoint[]> => {
    const text = await readFile(path.join(dataDir, 'audit', 'checkpoints.jsonl'), 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const parsed = parseCheckpoint(line);
        if ('error' in parsed) throw new Error(parsed.error);
        return parsed.checkpoint;
      });
  };

  it('checkpoints the trail at start and again at SIGTERM', { timeout: 120_000 }, async () => {
    const port = await findFreePort();
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        KARNA_DATA_DIR: dataDir,
        KARNA_ENV: 'development',
        DATABASE_URL: '',
        HOST: '127.0.0.1',
        PORT: String(port),
        KARNA_PUBLIC_URL: '',
        LOG_LEVEL: 'warn',
        KARNA_AUDIT_CHECKPOINT_MINUTES: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    for (let waited = 0; !output.includes('Kärna is running') && waited < 90_000; waited += 100) {
      if (child.exitCode !== null) throw new Error(`the server stopped: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The start checkpoint is written right after listening; wait for it.
    let atStart: SignedCheckpoint[] = [];
    for (let waited = 0; atStart.length === 0 && waited < 30_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      atStart = await readCheckpoints();
    }
    expect(atStart).toHaveLength(1);

    // A refused read is audited before its answer leaves: the trail has moved past the checkpoint.
    const refused = await fetch(`http://127.0.0.1:${port}/api/users`);
    expect(refused.status).toBe(401);

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code, output).toBe(0);

    const checkpoints = await readCheckpoints();
    expect(checkpoints).toHaveLength(2);
    const [first, last] = checkpoints;
    expect(first).toEqual(atStart[0]);
    expect(last?.previousDigest).toBe(first?.digest);
    const { signer } = await loadSigningKey(path.join(dataDir, 'audit', 'signing-key.pem'), {
      generate: false,
    });
    for (const checkpoint of checkpoints) {
      expect(
        checkCheckpointSignature(checkpoint, new Map([[signer.keyId, signer.publicKey]])),
      ).toBeUndefined();
    }
    const database = await openDatabase({ dataDir });
    try {
      const head = await readAuditChainHead(database.db);
      expect(last).toMatchObject({ seq: head.seq, hash: head.hash });
      expect(head.seq).toBeGreaterThan(first?.seq ?? Number.POSITIVE_INFINITY);
    } finally {
      await database.close();
    }
  });
});
