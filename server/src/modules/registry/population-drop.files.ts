import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PopulationFileError } from './population-file/index.ts';
import { ImportRefusedError, type ImportSummary } from './population-import.ts';

// The drop directory's files: which are taken, how they are moved, and what is written beside them.

/** A file the job takes: `*.xml`, not hidden (editors' and transfer tools' temporary files are). */
export function isDropFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.xml') && !name.startsWith('.');
}

/** A file's size and modification time, or undefined when it has gone. */
export async function fileState(file: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const { size, mtimeMs } = await stat(file);
    return { size, mtimeMs };
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** `name.xml`, or `name.2.xml`, `name.3.xml`, … when the name is taken in that directory. */
export async function freePath(directory: string, name: string): Promise<string> {
  const extension = path.extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let attempt = 1; ; attempt += 1) {
    const candidate = path.join(directory, attempt === 1 ? name : `${stem}.${attempt}${extension}`);
    try {
      await access(candidate);
    } catch {
      return candidate;
    }
  }
}

/** `<file>.summary.json` beside a processed file. */
export async function writeSummary(file: string, summary: object): Promise<void> {
  await writeFile(`${file}.summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
}

/**
 * The summary kept beside a processed file: counts, and each rejection by position and reason.
 * Named field by field, so that nothing the import adds to its summary later lands here unseen.
 */
export function presentSummary(name: string, sha256: string, summary: ImportSummary) {
  return {
    file: name,
    sha256,
    outcome: 'imported',
    batchId: summary.batchId,
    importedAt: new Date().toISOString(),
    fileKind: summary.fileKind,
    records: summary.records,
    added: summary.added,
    changed: summary.changed,
    unchanged: summary.unchanged,
    rejected: summary.rejected,
    relations: { added: summary.relations.added, ended: summary.relations.ended },
    rejections: summary.rejections.map((rejection) => ({
      record: rejection.position.record,
      line: rejection.position.line,
      reason: rejection.reason,
    })),
  };
}

/**
 * The summary kept beside a file whose bytes were imported before: which import that was.
 */
export function presentRepeat(
  name: string,
  sha256: string,
  earlier: { id: string; file_name: string; finished_at: Date | null },
) {
  return {
    file: name,
    sha256,
    outcome: 'already_imported',
    earlierImport: {
      batchId: earlier.id,
      file: earlier.file_name,
      finishedAt: earlier.finished_at?.toISOString() ?? null,
    },
  };
}

/** Why a file was refused as a whole. */
export interface Fault {
  code: string;
  line: number | null;
  reason: string;
}

export function describeFault(error: PopulationFileError | ImportRefusedError): Fault {
  if (error instanceof ImportRefusedError) {
    return { code: error.code, line: null, reason: error.message };
  }
  // The message is `line N: what is wrong`; it never carries content from the file.
  return { code: error.code, line: error.line, reason: error.message.replace(/^line \d+: /, '') };
}

/** `<file>.error.txt` beside a failed file: where and why, as the parser said it (no file content). */
export async function writeErrorText(
  file: string,
  name: string,
  sha256: string,
  fault: Fault,
): Promise<void> {
  await writeFile(`${file}.error.txt`, errorText(name, sha256, fault));
}

function errorText(name: string, sha256: string, fault: Fault): string {
  return [
    `${name} was not imported: nothing in it was applied to the register.`,
    `Where: ${fault.line === null ? 'the file header (Avisering)' : `line ${fault.line}`}`,
    `Why: ${fault.reason} (${fault.code})`,
    `SHA-256: ${sha256}`,
    `Checked: ${new Date().toISOString()}`,
    '',
  ].join('\n');
}
