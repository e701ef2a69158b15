import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../../test/test-browser.ts';
import { openTestDatabase } from '../../../test/test-server.ts';
import type { Database } from '../db/database.ts';
import { checkCheckpointSignature, parseCheckpoint } from './audit.checkpoint.ts';
import { syslogSink, witnessSink } from './audit.checkpoint-sinks.ts';
import { AuditCheckpointWriter, type CheckpointLogger } from './audit.checkpoint-writer.ts';
import { type CheckpointSigner, loadSigningKey } from './audit.signing-key.ts';
import { AuditTrail, NOT_A_REQUEST, systemActor } from './audit-trail.ts';

/** RFC 5424: <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG */
const SYSLOG_LINE =
  /^<110>1 (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) (\S+) karna (\d+) audit-checkpoint - (\{.*\})$/;

interface Logged {
  level: 'info' | 'warn' | 'error';
  details: object;
  message: string;
}

function recordingLogger(): { logger: CheckpointLogger; logged: Logged[] } {
  const logged: Logged[] = [];
  const record = (level: Logged['level']) => (details: object, message: string) => {
    logged.push({ level, details, message });
  };
  return { logger: { info: record('info'), warn: record('warn'), error: record('error') }, logged };
}

describe('audit checkpoint sinks', () => {
  let database: Database;
  let dir: string;
  let signer: CheckpointSigner;
  let udp: Socket;
  let tcp: TcpServer;
  let witness: Server;
  const datagrams: string[] = [];
  const frames: string[] = [];
  const posts: { contentType: string | undefined; body: string }[] = [];
  let witnessStatus = 200;

  const appendEntry = async () => {
    const audit = await AuditTrail.load(database.db);
    await database.db.transaction().execute((trx) =>
      audit.append(trx, systemActor('sink test'), NOT_A_REQUEST, {
        action: 'test.entry.write',
        outcome: 'success',
      }),
    );
  };

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    dir = await mkdtemp(path.join(tmpdir(), 'karna-sinks-'));
    signer = (await loadSigningKey(path.join(dir, 'key.pem'), { generate: true })).signer;

    udp = createSocket('udp4');
    udp.on('message', (message) => datagrams.push(message.toString('utf8')));
    udp.bind(0, '127.0.0.1');
    await once(udp, 'listening');

    tcp = createTcpServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => {
        frames.push(Buffer.concat(chunks).toString('utf8'));
        socket.end();
      });
    });
    tcp.listen(0, '127.0.0.1');
    await once(tcp, 'listening');

    witness = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        posts.push({
          contentType: request.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(witnessStatus, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ received: true }));
      });
    });
    witness.listen(0, '127.0.0.1');
    await once(witness, 'listening');
  });
  afterAll(async () => {
    udp?.close();
    tcp?.close();
    witness?.close();
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends each checkpoint to syslog over UDP and TCP and POSTs it to the witness, as written to the file', async () => {
    const file = path.join(dir, 'delivered.jsonl');
    const { logger, logged } = recordingLogger();
    const writer = new AuditCheckpointWriter({
      file,
      signer,
      logger,
      sinks: [
        syslogSink(`udp://127.0.0.1:${(udp.address() as AddressInfo).port}`),
        syslogSink(`tcp://127.0.0.1:${(tcp.address() as AddressInfo).port}`),
        witnessSink(`http://127.0.0.1:${(witness.address() as AddressInfo).port}/checkpoints`),
      ],
    });
    await appendEntry();
    const result = await writer.writeCheckpoint(database.db);
    await writer.settled();
    if (!result.written) throw new Error('expected a checkpoint');
    const line = (await readFile(file, 'utf8')).trimEnd();

    // UDP delivery on loopback is immediate but asynchronous to the sender: wait for the datagram.
    for (let waited = 0; datagrams.length === 0 && waited < 5000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(datagrams).toHaveLength(1);
    const udpMatch = SYSLOG_LINE.exec(datagrams[0] ?? '');
    expect(udpMatch?.[3]).toBe(String(process.pid));
    expect(udpMatch?.[4]).toBe(line);
    const received = parseCheckpoint(udpMatch?.[4] ?? '');
    if (!('checkpoint' in received)) throw new Error(received.error);
    expect(
      checkCheckpointSignature(received.checkpoint, new Map([[signer.keyId, signer.publicKey]])),
    ).toBeUndefined();

    // TCP: RFC 6587 octet counting, "<length> <message>".
    for (let waited = 0; frames.length === 0 && waited < 5000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [frame] = frames;
    const space = frame?.indexOf(' ') ?? -1;
    const message = frame?.slice(space + 1) ?? '';
    expect(Number(frame?.slice(0, space))).toBe(Buffer.byteLength(message));
    expect(SYSLOG_LINE.exec(message)?.[4]).toBe(line);

    expect(posts).toEqual([{ contentType: 'application/json', body: line }]);
    expect(logged.filter((entry) => entry.message === 'audit checkpoint sent')).toHaveLength(3);
    expect(
      logged.find((entry) => entry.details && 'note' in entry.details && entry.details.note),
    ).toMatchObject({
      details: { note: 'answered 200: {"received":true}' },
    });
  });

  it('logs a failing sink and keeps the checkpoint in the file', async () => {
    const file = path.join(dir, 'failing.jsonl');
    const { logger, logged } = recordingLogger();
    const closedPort = await findFreePort();
    witnessStatus = 500;
    const writer = new AuditCheckpointWriter({
      file,
      signer,
      logger,
      sinks: [
        syslogSink(`tcp://127.0.0.1:${closedPort}`),
        witnessSink(`http://127.0.0.1:${(witness.address() as AddressInfo).port}/checkpoints`),
      ],
    });
    await appendEntry();
    const result = await writer.writeCheckpoint(database.db);
    await writer.settled();

    expect(result.written).toBe(true);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const errors = logged.filter((entry) => entry.level === 'error');
    expect(errors.map((entry) => entry.message)).toEqual([
      'audit checkpoint not sent (the file has it)',
      'audit checkpoint not sent (the file has it)',
    ]);
    const causes = errors.map((entry) => String((entry.details as { err?: Error }).err?.message)).sort();
    expect(causes[0]).toMatch(/^answered 500: /);
    expect(causes[1]).toMatch(/ECONNREFUSED/);
  });
});
