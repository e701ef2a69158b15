import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { normalizePersonalNumber } from '@karna/contracts';
import {
  type AnchorVerification,
  AuditTrail,
  CheckpointRefusedError,
  findAuditEntriesAboutSubject,
  loadConfiguredSigner,
  openAuditCheckpointWriter,
  publicKeyPem,
  readCheckpointLines,
  readPublicKeys,
  readSigningPublicKey,
  verifyAuditAnchors,
  verifyAuditChain,
} from '../platform/audit/index.ts';
import type { Config } from '../platform/config.ts';
import {
  type CliCommand,
  EXIT,
  parseOptions,
  print,
  showUsage,
  stderrLogger,
  UsageError,
  withDatabase,
} from './cli.ts';

const USAGE = `Usage: karna audit verify [--checkpoints FILE] [--public-key FILE]…
       karna audit checkpoint
       karna audit public-key
       karna audit search --personal-number -   (reads the number from standard input)

verify      walks the hash chain from the first entry and reports the first broken link, then checks
            the trail against every signed checkpoint (docs/audit-anchoring.md): exit 1 when the
            chain is broken or does not match a checkpoint. Entries after the newest checkpoint are
            reported as not yet anchored.
              --checkpoints FILE   a copy of the checkpoint file kept elsewhere
                                   (default KARNA_AUDIT_CHECKPOINT_FILE)
              --public-key FILE    trust only these public keys (PEM; repeat for rotated keys);
                                   default: the public half of KARNA_AUDIT_SIGNING_KEY_FILE
checkpoint  writes a signed checkpoint of the trail now (none when it has not moved).
public-key  prints the signing key's public key (PEM), for auditors and for the backups.
search      lists entries about one person; give the number on standard input so it stays out of
            shell history and process lists.`;

export const runAuditCommand: CliCommand = async (args, loadConfig) => {
  const { values, positionals } = parseOptions(
    args,
    {
      'personal-number': { type: 'string' },
      checkpoints: { type: 'string' },
      'public-key': { type: 'string', multiple: true },
    },
    USAGE,
  );
  const [subcommand] = positionals;
  if (values.help || !subcommand) return showUsage(USAGE, values.help === true);
  if (subcommand === 'verify') {
    const config = loadConfig();
    const given = values.checkpoints;
    if (given !== undefined && !existsSync(given)) throw new UsageError(`There is no file ${given}.`);
    const file = given ?? config.auditCheckpoints.file;
    const trustedKeys = await trustedPublicKeys(config, values['public-key'] ?? []);
    return withDatabase(config, async ({ db }) => {
      const chain = await verifyAuditChain(db);
      if (chain.ok) {
        print(`The audit trail is intact: ${chain.entries} entries verified.`);
      } else {
        print(`The audit trail is BROKEN at entry ${chain.brokenAtSeq}: ${chain.reason}.`);
        print(`Entries 1–${chain.entries} verified before it.`);
      }
      const lines = await readCheckpointLines(file);
      if (!lines || lines.length === 0) {
        print(`No audit checkpoints in ${file}: nothing is anchored outside the database yet.`);
        return chain.ok ? EXIT.ok : EXIT.failure;
      }
      if (trustedKeys.length === 0) {
        print(
          `Cannot check the ${lines.length} checkpoints in ${file}: no public key. Give --public-key FILE, ` +
            'or configure KARNA_AUDIT_SIGNING_KEY_FILE.',
        );
        return EXIT.failure;
      }
      const anchors = await verifyAuditAnchors(db, lines, trustedKeys);
      printAnchors(anchors, file);
      return chain.ok && anchors.ok ? EXIT.ok : EXIT.failure;
    });
  }
  if (subcommand === 'checkpoint') {
    const config = loadConfig();
    return withDatabase(config, async ({ db }) => {
      const writer = await openAuditCheckpointWriter(config, stderrLogger);
      try {
        const result = await writer.writeCheckpoint(db);
        await writer.settled();
        if (result.written) {
          print(`Wrote a checkpoint of entry ${result.checkpoint.seq} to ${config.auditCheckpoints.file}.`);
        } else if (result.reason === 'unchanged') {
          print('The trail has not moved since the last checkpoint: none written.');
        } else {
          print('The audit trail is empty: nothing to checkpoint.');
        }
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof CheckpointRefusedError)) throw error;
        print(`No checkpoint written: ${error.message}.`);
        return EXIT.failure;
      }
    });
  }
  if (subcommand === 'public-key') {
    const config = loadConfig();
    const signer = await loadConfiguredSigner(config, stderrLogger);
    process.stderr.write(`Key id ${signer.keyId} (${config.auditCheckpoints.signingKeyFile})\n`);
    process.stdout.write(publicKeyPem(signer.publicKey));
    return EXIT.ok;
  }
  if (subcommand === 'search') {
    const given = values['personal-number'];
    if (!given) throw new UsageError(`search needs --personal-number\n\n${USAGE}`);
    const raw = given === '-' ? readFileSync(0, 'utf8').trim() : given;
    let personalNumber: string;
    try {
      personalNumber = normalizePersonalNumber(raw);
    } catch {
      throw new UsageError('That is not a valid personal identity number.');
    }
    return withDatabase(loadConfig(), async ({ db }) => {
      const audit = await AuditTrail.load(db);
      const entries = await findAuditEntriesAboutSubject(db, audit.subjectKey(personalNumber));
      if (entries.length === 0) print('No audit entries about that person.');
      for (const entry of entries) {
        print(
          `${entry.occurredAt.toISOString()}  #${entry.seq}  ${entry.action}  ${entry.outcome}  by ${entry.actorType}` +
            `${entry.actorName ? ` ${entry.actorName}` : ''}${entry.purpose ? `  purpose: ${entry.purpose}` : ''}`,
        );
      }
      return EXIT.ok;
    });
  }
  throw new UsageError(`Unknown audit command "${subcommand}".\n\n${USAGE}`);
};

/** The keys given with --public-key, or else the public half of the configured signing key. */
async function trustedPublicKeys(config: Config, files: string[]): Promise<KeyObject[]> {
  if (files.length === 0) {
    const own = await readSigningPublicKey(config.auditCheckpoints.signingKeyFile);
    return own ? [own] : [];
  }
  const keys: KeyObject[] = [];
  for (const file of files) {
    try {
      keys.push(...(await readPublicKeys(file)));
    } catch (error) {
      throw new UsageError(`--public-key ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return keys;
}

function printAnchors(anchors: AnchorVerification, file: string): void {
  const keys = anchors.keyIds.length > 0 ? ` (signed by key ${anchors.keyIds.join(', ')})` : '';
  if (anchors.ok) {
    const newest = anchors.newest
      ? `; the newest anchors entry ${anchors.newest.seq} (${anchors.newest.createdAt})`
      : '';
    print(`The trail matches its ${anchors.checkpoints} checkpoints in ${file}${keys}${newest}.`);
  } else {
    print(`The audit trail does NOT match its checkpoints in ${file}${keys}:`);
    for (const problem of anchors.problems) print(`  line ${problem.lineNumber}: ${problem.reason}`);
  }
  if (anchors.unanchored) {
    const { fromSeq, toSeq } = anchors.unanchored;
    const range = fromSeq === toSeq ? `Entry ${fromSeq} is` : `Entries ${fromSeq}–${toSeq} are`;
    print(`${range} not yet anchored: written after the newest checkpoint (information, not a failure).`);
  } else if (anchors.ok) {
    print('Every entry is anchored.');
  }
}
