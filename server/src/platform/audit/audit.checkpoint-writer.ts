import { type Kysely, sql } from 'kysely';
import { type Config, ConfigError } from '../config.ts';
import {
  type AuditChainPoint,
  CHAIN_START,
  findAuditEntryHashes,
  readAuditChainHead,
  readInstallationId,
  walkAuditChain,
} from './audit.chain.ts';
import {
  CHECKPOINT_FORMAT,
  checkCheckpointSignature,
  parseCheckpoint,
  type SignedCheckpoint,
  serializeCheckpoint,
  signCheckpoint,
} from './audit.checkpoint.ts';
import { appendCheckpointLine, readLastCheckpointLine } from './audit.checkpoint-file.ts';
import { type CheckpointSink, checkpointSinks } from './audit.checkpoint-sinks.ts';
import { type CheckpointSigner, loadSigningKey, SigningKeyError } from './audit.signing-key.ts';

/** Where the writer reports (pino's signature, so the server passes its logger). */
export interface CheckpointLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * No checkpoint was written because the trail does not extend the last one (rewritten, cut, or a
 * database of another installation): anchoring it would vouch for a broken trail.
 */
export class CheckpointRefusedError extends Error {}

export type CheckpointResult =
  | { written: true; checkpoint: SignedCheckpoint }
  | { written: false; reason: 'unchanged' | 'empty' };

/** Serialises checkpoint writers of every process on one database (server, CLI, a second server). */
const CHECKPOINT_LOCK_KEY = 4_711_202_611;

/**
 * Writes signed checkpoints of the audit chain's head to an append-only file, then to the sinks.
 * Each checkpoint names the one before it; a head that has not moved gets no new checkpoint.
 */
export class AuditCheckpointWriter {
  readonly #file: string;
  readonly #signer: CheckpointSigner;
  readonly #sinks: CheckpointSink[];
  readonly #logger: CheckpointLogger;
  readonly #now: () => Date;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #deliveries = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #db: Kysely<unknown> | undefined;

  constructor(options: {
    file: string;
    signer: CheckpointSigner;
    sinks?: CheckpointSink[];
    logger: CheckpointLogger;
    now?: () => Date;
  }) {
    this.#file = options.file;
    this.#signer = options.signer;
    this.#sinks = options.sinks ?? [];
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  get keyId(): string {
    return this.#signer.keyId;
  }

  /**
   * Checkpoints the chain's head now, unless it has not moved since the last checkpoint. Throws
   * CheckpointRefusedError when the trail does not extend the last checkpoint. Resolves once the
   * line is on disk; the sinks are sent to afterwards (see `settled`).
   */
  writeCheckpoint(db: Kysely<unknown>): Promise<CheckpointResult> {
    const run = this.#queue.then(() => this.#write(db));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Checkpoints now and then every `intervalMinutes` (0: only now and at stop) until stop(). */
  start(db: Kysely<unknown>, intervalMinutes: number): void {
    this.#db = db;
    void this.#tick(db);
    if (intervalMinutes > 0) {
      this.#timer = setInterval(() => void this.#tick(db), intervalMinutes * 60_000);
      this.#timer.unref();
    }
  }

  /** Stops the interval, writes a last checkpoint and waits for the sinks (each has a timeout). */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    if (this.#db) await this.#tick(this.#db);
    await this.settled();
  }

  /** Waits until every checkpoint written so far has been sent to the sinks, or failed to. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#deliveries]);
  }

  async #tick(db: Kysely<unknown>): Promise<void> {
    try {
      await this.writeCheckpoint(db);
    } catch (error) {
      this.#logger.error({ err: error, file: this.#file }, 'audit checkpoint not written');
    }
  }

  async #write(db: Kysely<unknown>): Promise<CheckpointResult> {
    const installationId = await readInstallationId(db);
    // The stretch since the last checkpoint can be long (the first checkpoint of an old trail): walk
    // it before the transaction, which on PGlite holds the only session, so that stays short.
    const walked = await this.#walkSinceLastCheckpoint(db, installationId);
    const result = await db.transaction().execute(async (trx): Promise<CheckpointResult> => {
      await sql`select pg_advisory_xact_lock(${CHECKPOINT_LOCK_KEY})`.execute(trx);
      const head = await readAuditChainHead(trx);
      if (head.seq === 0) return { written: false, reason: 'empty' };
      const last = await this.#readLastCheckpoint(installationId);
      if (last && last.seq === head.seq && last.hash === head.hash)
        return { written: false, reason: 'unchanged' };
      await this.#checkTrailExtends(trx, last, head, walked);
      const checkpoint = signCheckpoint(
        {
          format: CHECKPOINT_FORMAT,
          installationId,
          seq: head.seq,
          hash: head.hash,
          createdAt: this.#now().toISOString(),
          previousDigest: last?.digest ?? null,
          keyId: this.#signer.keyId,
        },
        this.#signer.privateKey,
      );
      await appendCheckpointLine(this.#file, serializeCheckpoint(checkpoint));
      return { written: true, checkpoint };
    });
    if (result.written) {
      this.#logger.info(
        { seq: result.checkpoint.seq, digest: result.checkpoint.digest, file: this.#file },
        'audit checkpoint written',
      );
      this.#deliver(result.checkpoint);
    }
    return result;
  }

  /** The file's last checkpoint, after checking it is whole, ours to chain to, and this installation's. */
  async #readLastCheckpoint(installationId: string): Promise<SignedCheckpoint | undefined> {
    const last = await readLastCheckpointLine(this.#file);
    if (!last) return undefined;
    const refuse = (why: string) => new CheckpointRefusedError(`the last line of ${this.#file} ${why}`);
    if (!last.complete) throw refuse('is torn (no newline at the end); check it and remove the torn part');
    const parsed = parseCheckpoint(last.text);
    if ('error' in parsed) throw refuse(`is ${parsed.error}`);
    const { checkpoint } = parsed;
    // After a key rotation the last line is signed by the old key, which this process does not hold.
    if (checkpoint.keyId === this.#signer.keyId) {
      const forged = checkCheckpointSignature(
        checkpoint,
        new Map([[this.#signer.keyId, this.#signer.publicKey]]),
      );
      if (forged) throw refuse(`is not authentic: ${forged}`);
    }
    if (checkpoint.installationId !== installationId) {
      throw refuse(
        `belongs to installation ${checkpoint.installationId}, not to this database (${installationId}); ` +
          'if the database was replaced on purpose, move the file aside (keep it) to start a new one',
      );
    }
    return checkpoint;
  }

  /** The entries since the last checkpoint must extend it, link by link, up to the head. */
  async #checkTrailExtends(
    trx: Kysely<unknown>,
    last: SignedCheckpoint | undefined,
    head: AuditChainPoint,
    walked: AuditChainPoint | undefined,
  ): Promise<void> {
    const refuse = (why: string) =>
      new CheckpointRefusedError(`the audit trail does not extend the last checkpoint: ${why}`);
    if (last && head.seq < last.seq) {
      throw refuse(`it ends at entry ${head.seq}, before the checkpointed entry ${last.seq}`);
    }
    if (last && (await findAuditEntryHashes(trx, [last.seq])).get(last.seq) !== last.hash) {
      throw refuse(`entry ${last.seq} no longer has the checkpointed hash`);
    }
    // Entries up to `walked` were checked before the lock; the walk links on from its hash.
    let from = last ? { seq: last.seq, hash: last.hash } : CHAIN_START;
    if (walked && walked.seq >= from.seq && walked.seq <= head.seq) from = walked;
    const walk = await walkAuditChain(trx, from, head.seq);
    if (!walk.ok) throw refuse(`entry ${walk.brokenAtSeq}: ${walk.reason}`);
    if (walk.last.seq !== head.seq || walk.last.hash !== head.hash) {
      throw refuse(`the chain head names entry ${head.seq}, the trail ends at entry ${walk.last.seq}`);
    }
  }

  /** Walks from the last checkpoint to the current head without a lock: how far the trail holds. */
  async #walkSinceLastCheckpoint(
    db: Kysely<unknown>,
    installationId: string,
  ): Promise<AuditChainPoint | undefined> {
    const last = await this.#readLastCheckpoint(installationId);
    const head = await readAuditChainHead(db);
    if (last && head.seq <= last.seq) return undefined;
    const walk = await walkAuditChain(db, last ? { seq: last.seq, hash: last.hash } : CHAIN_START, head.seq);
    // A break is reported with its reason by the check under the lock.
    if (!walk.ok) return undefined;
    return walk.last;
  }

  #deliver(checkpoint: SignedCheckpoint): void {
    const line = serializeCheckpoint(checkpoint);
    for (const sink of this.#sinks) {
      const delivery: Promise<void> = sink
        .send(line)
        .then(
          (note) =>
            this.#logger.info({ sink: sink.name, seq: checkpoint.seq, note }, 'audit checkpoint sent'),
          (error: unknown) =>
            this.#logger.error(
              { sink: sink.name, seq: checkpoint.seq, err: error },
              'audit checkpoint not sent (the file has it)',
            ),
        )
        .finally(() => this.#deliveries.delete(delivery));
      this.#deliveries.add(delivery);
    }
  }
}

/**
 * The signing key the configuration names (generated on first use in development). A missing,
 * unreadable or wrong key is a ConfigError: the server does not start unanchored.
 */
export async function loadConfiguredSigner(
  config: Config,
  logger: CheckpointLogger,
): Promise<CheckpointSigner> {
  const file = config.auditCheckpoints.signingKeyFile;
  let loaded: Awaited<ReturnType<typeof loadSigningKey>>;
  try {
    loaded = await loadSigningKey(file, { generate: config.auditCheckpoints.generateSigningKey });
  } catch (error) {
    if (error instanceof SigningKeyError)
      throw new ConfigError([`KARNA_AUDIT_SIGNING_KEY_FILE: ${error.message}`]);
    throw error;
  }
  if (loaded.generated) {
    logger.warn(
      { file, keyId: loaded.signer.keyId },
      'generated an audit checkpoint signing key (development); production configures KARNA_AUDIT_SIGNING_KEY_FILE',
    );
  }
  for (const warning of loaded.warnings) logger.warn({ file }, warning);
  return loaded.signer;
}

/** The writer the configuration describes: its file, signing key and sinks. */
export async function openAuditCheckpointWriter(
  config: Config,
  logger: CheckpointLogger,
): Promise<AuditCheckpointWriter> {
  return new AuditCheckpointWriter({
    file: config.auditCheckpoints.file,
    signer: await loadConfiguredSigner(config, logger),
    sinks: checkpointSinks(config.auditCheckpoints),
    logger,
  });
}

/**
 * After a CLI command: a checkpoint when the command appended entries (the head moved). Never
 * throws — the entries are safe in the database and the server's next checkpoint anchors them —
 * but says on the logger why it could not.
 */
export async function checkpointAfterCommand(
  config: Config,
  db: Kysely<unknown>,
  before: AuditChainPoint,
  logger: CheckpointLogger,
): Promise<void> {
  try {
    const head = await readAuditChainHead(db);
    if (head.seq === before.seq && head.hash === before.hash) return;
    const writer = await openAuditCheckpointWriter(config, logger);
    await writer.writeCheckpoint(db);
    await writer.settled();
  } catch (error) {
    logger.error({ err: error }, 'audit checkpoint not written');
  }
}
