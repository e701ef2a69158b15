import { readFileSync } from 'node:fs';
import { normalizePersonalNumber } from '@karna/contracts';
import { AuditTrail, findAuditEntriesAboutSubject, verifyAuditChain } from '../platform/audit/index.ts';
import { type CliCommand, EXIT, parseOptions, print, showUsage, UsageError, withDatabase } from './cli.ts';

const USAGE = `Usage: karna audit verify
       karna audit search --personal-number -   (reads the number from standard input)

verify   walks the hash chain from the first entry and reports the first broken link (exit 1).
search   lists entries about one person; give the number on standard input so it stays out of
         shell history and process lists.`;

export const runAuditCommand: CliCommand = async (args, loadConfig) => {
  const { values, positionals } = parseOptions(args, { 'personal-number': { type: 'string' } }, USAGE);
  const [subcommand] = positionals;
  if (values.help || !subcommand) return showUsage(USAGE, values.help === true);
  if (subcommand === 'verify') {
    return withDatabase(loadConfig(), async ({ db }) => {
      const result = await verifyAuditChain(db);
      if (result.ok) {
        print(`The audit trail is intact: ${result.entries} entries verified.`);
        return EXIT.ok;
      }
      print(`The audit trail is BROKEN at entry ${result.brokenAtSeq}: ${result.reason}.`);
      print(`Entries 1–${result.entries} verified before it.`);
      return EXIT.failure;
    });
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
