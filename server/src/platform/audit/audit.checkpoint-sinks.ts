import { createSocket } from 'node:dgram';
import { connect, isIPv6 } from 'node:net';
import { hostname } from 'node:os';

/**
 * A second place a checkpoint goes after the file, so deleting the file's newest lines is noticed.
 * `send` resolves with a note for the log (e.g. the witness's answer, which is never trusted).
 */
export interface CheckpointSink {
  name: string;
  send(line: string): Promise<string | undefined>;
}

const SEND_TIMEOUT_MS = 10_000;

/** RFC 5424 facility 13 ("log audit"), severity 6 (informational). */
const SYSLOG_PRIORITY = 13 * 8 + 6;

/**
 * One RFC 5424 syslog message carrying the checkpoint line as its message:
 * `<110>1 2026-11-23T16:00:00.000Z host karna 1234 audit-checkpoint - {"format":…}`.
 */
export function formatSyslogMessage(
  line: string,
  facts: { time: Date; host: string; processId: number },
): string {
  const host = facts.host.replace(/[^\x21-\x7e]/g, '').slice(0, 255) || '-';
  return `<${SYSLOG_PRIORITY}>1 ${facts.time.toISOString()} ${host} karna ${facts.processId} audit-checkpoint - ${line}`;
}

/**
 * Sends checkpoints to a syslog server: `udp://host:port` (one datagram each) or `tcp://host:port`
 * (a connection each, framed by octet counting, RFC 6587). Small enough not to need a library.
 */
export function syslogSink(url: string, timeoutMs = SEND_TIMEOUT_MS): CheckpointSink {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port);
  const name = `syslog ${target.protocol}//${target.host}`;
  const message = (line: string) =>
    Buffer.from(formatSyslogMessage(line, { time: new Date(), host: hostname(), processId: process.pid }));
  const send = target.protocol === 'udp:' ? sendDatagram : sendOverTcp;
  return { name, send: (line) => send(host, port, message(line), timeoutMs).then(() => undefined) };
}

function sendDatagram(host: string, port: number, message: Buffer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
    let settled = false;
    const settle = (error?: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => settle(new Error(`not sent within ${timeoutMs} ms`)), timeoutMs);
    socket.on('error', settle);
    socket.send(message, port, host, settle);
  });
}

function sendOverTcp(host: string, port: number, message: Buffer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let settled = false;
    const settle = (error?: Error | null) => {
      if (settled) return;
      settled = true;
      socket.setTimeout(0);
      if (error) {
        socket.destroy();
        reject(error);
      } else {
        // Sent and half-closed; the server closes its side when it has read the frame.
        socket.unref();
        resolve();
      }
    };
    socket.setTimeout(timeoutMs, () => settle(new Error(`not sent within ${timeoutMs} ms`)));
    socket.on('error', settle);
    socket.once('connect', () => {
      socket.end(Buffer.concat([Buffer.from(`${message.length} `), message]), () => settle());
    });
  });
}

/**
 * POSTs each checkpoint line (application/json) to an external witness. The answer is logged and
 * never trusted: verification rests on the signature alone.
 */
export function witnessSink(url: string, timeoutMs = SEND_TIMEOUT_MS): CheckpointSink {
  return {
    name: `witness ${new URL(url).origin}`,
    send: async (line) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: line,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const answer = (await response.text()).replace(/\s+/g, ' ').slice(0, 200);
      if (!response.ok) throw new Error(`answered ${response.status}: ${answer}`);
      return `answered ${response.status}${answer ? `: ${answer}` : ''}`;
    },
  };
}

/** The sinks the configuration names. */
export function checkpointSinks(config: { syslogUrl: string | undefined; witnessUrl: string | undefined }) {
  const sinks: CheckpointSink[] = [];
  if (config.syslogUrl) sinks.push(syslogSink(config.syslogUrl));
  if (config.witnessUrl) sinks.push(witnessSink(config.witnessUrl));
  return sinks;
}
