import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';
import type { AuditTrail } from '../../platform/audit/index.ts';
import type { BackgroundContext, BackgroundWork } from '../../platform/module.ts';
import {
  describeFault,
  fileState,
  freePath,
  isDropFileName,
  presentRepeat,
  presentSummary,
  sha256Of,
  writeErrorText,
  writeSummary,
} from './population-drop.files.ts';
import { PopulationFileError } from './population-file/index.ts';
import { ImportRefusedError, type ImportSummary, importPopulationFile } from './population-import.ts';
import { registryDb } from './registry.tables.ts';

/**
 * Held by the process importing from the drop directory, so that servers sharing a database never
 * import at the same time (the audit checkpoint writer uses 4_711_202_611).
 */
export const POPULATION_DROP_LOCK_KEY = 4_711_202_612;

const PROCESSED_DIR = 'processed';
const FAILED_DIR = 'failed';

/** Where the drop job reports (pino's signature: the server passes a child of its logger). */
export interface DropLogger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface PopulationDropOptions {
  /** The drop directory; `processed/` and `failed/` are made inside it. */
  dir: string;
  db: Kysely<unknown>;
  audit: AuditTrail;
  logger: DropLogger;
  /** Production: a file marked synthetic goes to `failed/` (as the CLI refuses it). */
  refuseSynthetic: boolean;
  /** Between the starts of two rounds. */
  intervalMs: number;
  /** The first round after start(), so that a start is not slowed by an import. */
  firstRoundDelayMs?: number;
  /** Between the two looks at a file's size and modification time: a file that changed is still being written. */
  settleMs?: number;
}

export type DropOutcome = 'imported' | 'already_imported' | 'failed';

/** What one round did. */
export interface DropRound {
  /** Why the round did nothing: a round still running here, another server importing, stopped, no directory. */
  skipped?: 'busy' | 'locked' | 'stopped' | 'no_directory';
  /** The files taken, in the order taken, and where each went (relative to the drop directory). */
  files: { name: string; outcome: DropOutcome; movedTo: string }[];
  /** Files left for a later round: from the first one still being written (or interrupted) on. */
  waiting: string[];
  /** A fault that was not the file's (the database, the disk) stopped the round at this file. */
  interrupted?: { file: string; reason: string };
}

const FIRST_ROUND_DELAY_MS = 10_000;
const SETTLE_MS = 5_000;

/**
 * Starts the drop-directory job when `KARNA_POPULATION_DROP_DIR` is set: the registry module's
 * background work (KarnaModule.startBackgroundWork).
 */
export function startPopulationDrop(context: BackgroundContext): BackgroundWork | undefined {
  const { dropDir, dropIntervalMinutes, refuseSynthetic } = context.config.populationImport;
  if (!dropDir) return undefined;
  const drop = new PopulationDrop({
    dir: path.resolve(dropDir),
    db: context.db,
    audit: context.audit,
    logger: context.log.child({ job: 'population-drop' }),
    refuseSynthetic,
    intervalMs: dropIntervalMinutes * 60_000,
  });
  drop.start();
  return drop;
}

/**
 * Imports population files delivered to a directory, one round every interval: the `*.xml` files in
 * name order (Skatteverket names files by date and sequence, so name order is delivery order), each
 * once its size and modification time have held still, each in its own import transaction, then
 * moved to `processed/` with `<name>.summary.json` or to `failed/` with `<name>.error.txt`.
 */
export class PopulationDrop implements BackgroundWork {
  readonly #options: Required<PopulationDropOptions>;
  readonly #stopping = new AbortController();
  #running: Promise<DropRound> | undefined;
  #firstRound: NodeJS.Timeout | undefined;
  #interval: NodeJS.Timeout | undefined;

  constructor(options: PopulationDropOptions) {
    this.#options = { firstRoundDelayMs: FIRST_ROUND_DELAY_MS, settleMs: SETTLE_MS, ...options };
  }

  /** Runs a round shortly after now and then every interval, until stop(). */
  start(): void {
    const { dir, intervalMs, firstRoundDelayMs, logger } = this.#options;
    logger.info({ dir, intervalMinutes: intervalMs / 60_000 }, 'population drop directory watched');
    this.#firstRound = setTimeout(() => void this.#tick(), firstRoundDelayMs);
    this.#firstRound.unref();
    this.#interval = setInterval(() => void this.#tick(), intervalMs);
    this.#interval.unref();
  }

  /** Stops the schedule and resolves once a running import has committed or rolled back. */
  async stop(): Promise<void> {
    clearTimeout(this.#firstRound);
    clearInterval(this.#interval);
    this.#stopping.abort();
    await this.#running?.catch(() => undefined);
  }

  /**
   * One round now, unless one is running in this process (`busy`) or in another server on the same
   * database (`locked`). A fault that is not a file's (the database, the disk) leaves that file and
   * the ones after it for the next round; one before any file is taken rejects.
   */
  runOnce(): Promise<DropRound> {
    if (this.#running) {
      this.#options.logger.debug({}, 'population drop round skipped: the previous one is still running');
      return Promise.resolve(skipped('busy'));
    }
    const round = this.#round().finally(() => {
      this.#running = undefined;
    });
    this.#running = round;
    return round;
  }

  async #tick(): Promise<void> {
    try {
      await this.runOnce();
    } catch (error) {
      this.#options.logger.error({ err: safeError(error) }, 'population drop round failed');
    }
  }

  async #round(): Promise<DropRound> {
    const { dir, db, logger } = this.#options;
    if (this.#stopping.signal.aborted) return skipped('stopped');
    const names = await this.#listDropped();
    if (!names) return skipped('no_directory');
    if (names.length === 0) return { files: [], waiting: [] };
    const ready = await this.#settled(names);
    if (!ready) return skipped('stopped');
    const waiting = names.slice(ready.length);
    if (waiting.length > 0)
      logger.info(
        { file: waiting[0] },
        'population file still being written (or empty): left for the next round',
      );
    if (ready.length === 0) return { files: [], waiting };

    // A session-level lock, so the import runs on the same connection (on PGlite, the only one).
    return db.connection().execute(async (connection) => {
      const locked = await sql<{
        taken: boolean;
      }>`select pg_try_advisory_lock(${POPULATION_DROP_LOCK_KEY}) as taken`.execute(connection);
      if (!locked.rows[0]?.taken) {
        logger.info({}, 'population drop round skipped: another server is importing');
        return skipped('locked');
      }
      try {
        await mkdir(path.join(dir, PROCESSED_DIR), { recursive: true });
        await mkdir(path.join(dir, FAILED_DIR), { recursive: true });
        const files: DropRound['files'] = [];
        for (const [index, name] of ready.entries()) {
          const left = [...ready.slice(index), ...waiting];
          if (this.#stopping.signal.aborted) return { files, waiting: left };
          try {
            const taken = await this.#take(connection, name);
            if (taken) files.push({ name, ...taken });
          } catch (error) {
            // Not the file's fault (the database, the disk): it and the files after it wait, in order.
            logger.error(
              { file: name, err: safeError(error) },
              'population file not imported: left for the next round',
            );
            return { files, waiting: left, interrupted: { file: name, reason: safeError(error).message } };
          }
        }
        return { files, waiting };
      } finally {
        await sql`select pg_advisory_unlock(${POPULATION_DROP_LOCK_KEY})`
          .execute(connection)
          .catch((error: unknown) =>
            logger.warn({ err: safeError(error) }, 'population drop lock not released'),
          );
      }
    });
  }

  /** The `*.xml` files in the directory, in name order; undefined when there is no directory. */
  async #listDropped(): Promise<string[] | undefined> {
    const { dir, logger } = this.#options;
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile() && isDropFileName(entry.name))
        .map((entry) => entry.name)
        .sort();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      logger.error({ dir }, 'population drop directory missing: nothing imported');
      return undefined;
    }
  }

  /**
   * The leading files whose size and modification time held still between two looks, and that are
   * not empty. A file still being written holds back those after it: name order is delivery order.
   */
  async #settled(names: string[]): Promise<string[] | undefined> {
    const look = async () => Promise.all(names.map((name) => fileState(path.join(this.#options.dir, name))));
    const first = await look();
    try {
      await sleep(this.#options.settleMs, undefined, { signal: this.#stopping.signal });
    } catch {
      return undefined;
    }
    const second = await look();
    const unsettled = names.findIndex((_, index) => {
      const [before, after] = [first[index], second[index]];
      return (
        !before ||
        !after ||
        after.size === 0 ||
        before.size !== after.size ||
        before.mtimeMs !== after.mtimeMs
      );
    });
    return unsettled === -1 ? names : names.slice(0, unsettled);
  }

  /** Imports one file (or recognises it) and moves it; undefined when it vanished meanwhile. */
  async #take(
    connection: Kysely<unknown>,
    name: string,
  ): Promise<{ outcome: DropOutcome; movedTo: string } | undefined> {
    const { dir, audit, logger, refuseSynthetic } = this.#options;
    const file = path.join(dir, name);
    let sha256: string;
    try {
      const bytes = (await stat(file)).size;
      logger.info({ file: name, bytes }, 'population file picked up');
      sha256 = await sha256Of(file);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
      logger.info({ file: name }, 'population file gone before it was taken (another server took it)');
      return undefined;
    }

    const earlier = await findImportBatchBySha256(connection, sha256);
    if (earlier) {
      logger.info(
        { file: name, batchId: earlier.id },
        'population file already imported: not imported again',
      );
      const movedTo = await this.#move(name, PROCESSED_DIR);
      await writeSummary(movedTo, presentRepeat(name, sha256, earlier));
      return { outcome: 'already_imported', movedTo: this.#relative(movedTo) };
    }

    const started = performance.now();
    let summary: ImportSummary;
    try {
      summary = await importPopulationFile(connection, audit, file, { refuseSynthetic });
    } catch (error) {
      if (!(error instanceof PopulationFileError || error instanceof ImportRefusedError)) throw error;
      const fault = describeFault(error);
      logger.warn(
        { file: name, fault: fault.code, line: fault.line },
        'population file refused: nothing applied',
      );
      const movedTo = await this.#move(name, FAILED_DIR);
      await writeErrorText(movedTo, name, sha256, fault);
      return { outcome: 'failed', movedTo: this.#relative(movedTo) };
    }
    logger.info(
      {
        file: name,
        batchId: summary.batchId,
        kind: summary.fileKind,
        records: summary.records,
        added: summary.added,
        changed: summary.changed,
        unchanged: summary.unchanged,
        rejected: summary.rejected,
        relationsAdded: summary.relations.added,
        relationsEnded: summary.relations.ended,
        ms: Math.round(performance.now() - started),
      },
      'population file imported',
    );
    const movedTo = await this.#move(name, PROCESSED_DIR);
    await writeSummary(movedTo, presentSummary(name, sha256, summary));
    return { outcome: 'imported', movedTo: this.#relative(movedTo) };
  }

  /** Moves a file into `processed/` or `failed/`, never over an earlier file of the same name. */
  async #move(name: string, into: typeof PROCESSED_DIR | typeof FAILED_DIR): Promise<string> {
    const { dir, logger } = this.#options;
    const target = await freePath(path.join(dir, into), name);
    await rename(path.join(dir, name), target);
    logger.info({ file: name, to: this.#relative(target) }, 'population file moved');
    return target;
  }

  #relative(target: string): string {
    return path.relative(this.#options.dir, target);
  }
}

/** The earlier import of a file with these exact bytes, if any (each import records its sha256). */
async function findImportBatchBySha256(db: Kysely<unknown>, sha256: string) {
  return registryDb(db)
    .selectFrom('registry_import_batches')
    .select(['id', 'file_name', 'finished_at'])
    .where('file_sha256', '=', sha256)
    .orderBy('started_at')
    .limit(1)
    .executeTakeFirst();
}

function skipped(reason: NonNullable<DropRound['skipped']>): DropRound {
  return { skipped: reason, files: [], waiting: [] };
}

/**
 * An error as it may be logged: its kind, SQLSTATE and message, without a driver's `detail`, which
 * can quote the row (a personal number in a key).
 */
function safeError(error: unknown): { type?: string; code?: unknown; message: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  return { type: error.name, code: (error as { code?: unknown }).code, message: error.message };
}
