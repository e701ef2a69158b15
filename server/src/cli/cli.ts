import { type ParseArgsConfig, parseArgs } from 'node:util';
import { migrationSources } from '../app.ts';
import {
  type CheckpointLogger,
  checkpointAfterCommand,
  readAuditChainHead,
} from '../platform/audit/index.ts';
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db/database.ts';
import { openMigratedDatabase } from '../platform/startup.ts';

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failure: 1, usage: 2, config: 3 } as const;

/** A subcommand: its arguments, and a way to read the configuration when it needs the database. */
export type CliCommand = (args: string[], loadConfig: () => Config) => Promise<number>;

export class UsageError extends Error {}

/** Parses a command's options; unknown options are a usage error, not a surprise. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
}

/**
 * Runs `work` against the server's database, migrated, and closes it afterwards. A command that
 * appended audit entries leaves a signed checkpoint of the trail (docs/audit-anchoring.md).
 */
export async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openMigratedDatabase(config, migrationSources);
  try {
    const before = await readAuditChainHead(database.db);
    const result = await work(database);
    await checkpointAfterCommand(config, database.db, before, stderrLogger);
    return result;
  } finally {
    await database.close();
  }
}

/** Commands report only what needs attention, on standard error. */
export const stderrLogger: CheckpointLogger = {
  info: () => {},
  warn: (_details, message) => process.stderr.write(`warning: ${message}\n`),
  error: (details, message) => {
    const cause = (details as { err?: unknown }).err;
    process.stderr.write(`warning: ${message}${cause instanceof Error ? `: ${cause.message}` : ''}\n`);
  },
};

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Prints a command's usage; asked for (--help) it is success, otherwise a usage error. */
export function showUsage(usage: string, asked: boolean): number {
  (asked ? process.stdout : process.stderr).write(`${usage}\n`);
  return asked ? EXIT.ok : EXIT.usage;
}
