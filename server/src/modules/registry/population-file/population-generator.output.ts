import type { Writable } from 'node:stream';

const FLUSH_AT = 256 * 1024;

/**
 * Collects text and writes it to a stream in large pieces, waiting for the stream to drain, so a
 * generator of any size holds about one piece in memory.
 */
export class BufferedOutput {
  private readonly stream: Writable;
  private buffer = '';
  private failure: Error | null = null;
  bytes = 0;

  constructor(stream: Writable) {
    this.stream = stream;
    // A failed write (a full disk) is reported by the next flush or end, never as an uncaught event.
    stream.on('error', (error) => {
      this.failure ??= error;
    });
  }

  write(text: string): void {
    this.buffer += text;
  }

  /** Writes when enough has gathered; call between records. */
  async maybeFlush(): Promise<void> {
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffer === '') return;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await waitForDrain(this.stream);
    if (this.failure) throw this.failure;
  }

  /** Flushes and ends the stream, resolving once everything is written (and a file is closed). */
  async end(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
    if (this.failure) throw this.failure;
  }
}

function waitForDrain(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
