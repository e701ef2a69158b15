import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const KARNA_BIN = path.resolve(import.meta.dirname, '../../bin/karna.js');

export interface KarnaRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `karna` command in a child process against the embedded database in `dataDir()`
 * (development settings, no DATABASE_URL), optionally with text on standard input.
 */
export function karnaRunner(dataDir: () => string) {
  return async (args: string[], env: Record<string, string> = {}, input?: string): Promise<KarnaRun> => {
    const child = run(process.execPath, [KARNA_BIN, ...args], {
      env: { ...process.env, KARNA_DATA_DIR: dataDir(), KARNA_ENV: 'development', DATABASE_URL: '', ...env },
    });
    if (input !== undefined) child.child.stdin?.end(input);
    try {
      const { stdout, stderr } = await child;
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
}
