import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

/** A line of a checkpoint file with its 1-based number, as a verifier reports it. */
export interface CheckpointFileLine {
  lineNumber: number;
  text: string;
}

/** How much of the file's end is read to find its last line; a checkpoint line is ~450 bytes. */
const TAIL_BYTES = 16 * 1024;

/** Every non-empty line of a checkpoint file, or undefined when there is no such file. */
export async function readCheckpointLines(file: string): Promise<CheckpointFileLine[] | undefined> {
  if (!(await fileExists(file))) return undefined;
  const lines: CheckpointFileLine[] = [];
  let lineNumber = 0;
  const reader = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const text of reader) {
    lineNumber += 1;
    if (text.trim() !== '') lines.push({ lineNumber, text });
  }
  return lines;
}

/**
 * The file's last line, read from its end (the file grows by a line every few minutes for years).
 * `complete` is false when the file does not end with a newline: the last write was torn.
 */
export async function readLastCheckpointLine(
  file: string,
): Promise<{ text: string; complete: boolean } | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const tail = buffer.toString('utf8');
    const complete = tail.endsWith('\n');
    const lines = tail.split('\n').filter((line) => line.trim() !== '');
    const text = lines.at(-1);
    return text === undefined ? undefined : { text, complete };
  } finally {
    await handle.close();
  }
}

/**
 * Appends one line and waits until it is on disk. The file is opened for appending only (created
 * 0600 on first use, its folder 0700), so no write here can change what is already in it.
 */
export async function appendCheckpointLine(file: string, line: string): Promise<void> {
  const folder = dirname(file);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const isNew = !(await fileExists(file));
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.appendFile(`${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (isNew) await syncFolder(folder);
}

/**
 * Renames the checkpoint file aside (`checkpoints.jsonl.set-aside-<time>`) and returns the new path,
 * for a chain that was wiped on purpose (`karna seed --reset` in development). Never deletes it.
 */
export async function setAsideCheckpointFile(file: string, now = new Date()): Promise<string | undefined> {
  if (!(await fileExists(file))) return undefined;
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(dirname(file), `${basename(file)}.set-aside-${stamp}`);
  await rename(file, target);
  return target;
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw error;
  }
}

/** Makes a new file's directory entry durable too; not every platform can fsync a folder. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the line itself was synced.
  }
}
