import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import {
  MAX_IMPORT_BYTES,
  PortfolioAccess,
  readSpreadsheet,
  runImport,
  suggestMapping,
} from '../modules/portfolio/index.ts';
import {
  type ImportProgress,
  ImportRefusedError,
  importPopulationFile,
  PopulationFileError,
} from '../modules/registry/index.ts';
import { AuditTrail, NOT_A_REQUEST, systemActor } from '../platform/audit/index.ts';
import type { Config } from '../platform/config.ts';
import { type CliCommand, EXIT, parseOptions, print, showUsage, UsageError, withDatabase } from './cli.ts';

const USAGE = `Usage: karna import population [--allow-older] FILE
       karna import portfolio [--valid-rows-only] [--dry-run] FILE.xlsx|FILE.csv

population: 
Applies a population file (docs/population-file-format.md) to the register: a full load or a file of
dated changes. The whole file is one transaction: if the file is broken (not XML, cut off, another
encoding) nothing is applied. Records that are wrong on their own, or that name someone the
register does not know, are listed with their position and skipped. Running the same file again
changes nothing. A file created before the newest file already applied is refused, as it would undo
newer changes; --allow-older applies it all the same.

portfolio: registers the systems of a spreadsheet (the first sheet of an .xlsx, or a CSV with ; or ,)
in the application portfolio. The columns are recognised by their headings (Namn, Ägande nämnd,
Livscykel, Systemägare e-post, Nivå … as the web app's export writes them). Every row is checked and
each error printed with its row and column; a file with errors imports nothing unless
--valid-rows-only is given. --dry-run only checks. A system the register knows by name is updated.`;

const IMPORT_OPTIONS = {
  'allow-older': { type: 'boolean' },
  'valid-rows-only': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const;

/** Rejections printed in full; the rest are counted. */
const LISTED_REJECTIONS = 100;

export const runImportCommand: CliCommand = async (args, loadConfig) => {
  const { values, positionals } = parseOptions(args, IMPORT_OPTIONS, USAGE);
  const [what, file] = positionals;
  if (values.help || !what) return showUsage(USAGE, values.help === true);
  if (what === 'portfolio') return importPortfolio(values, file, loadConfig);
  if (what !== 'population') throw new UsageError(`Unknown import "${what}".\n\n${USAGE}`);
  if (!file) throw new UsageError(`import population needs a FILE\n\n${USAGE}`);

  const config = loadConfig();
  return withDatabase(config, async ({ db }) => {
    const progress = progressDisplay();
    const started = performance.now();
    let summary: Awaited<ReturnType<typeof importPopulationFile>>;
    try {
      summary = await importPopulationFile(db, await AuditTrail.load(db), file, {
        onProgress: progress.update,
        refuseSynthetic: config.populationImport.refuseSynthetic,
        allowOlder: values['allow-older'] === true,
      });
    } catch (error) {
      progress.stop();
      if (error instanceof PopulationFileError || error instanceof ImportRefusedError) {
        print(`Nothing was applied: ${error.message}.`);
        return EXIT.failure;
      }
      if ((error as { code?: string }).code === 'ENOENT') {
        print(`There is no file ${file}.`);
        return EXIT.failure;
      }
      throw error;
    }
    progress.stop();
    const seconds = (performance.now() - started) / 1000;
    print(
      `Applied ${summary.fileKind === 'full' ? 'a full load' : 'a change file'}: ${summary.records} records ` +
        `in ${seconds.toFixed(1)} s (${Math.round(summary.records / Math.max(seconds, 0.001))}/s).`,
    );
    print(
      `  added ${summary.added}, changed ${summary.changed}, unchanged ${summary.unchanged}, rejected ${summary.rejected}` +
        `; relations begun ${summary.relations.added}, ended ${summary.relations.ended}.`,
    );
    for (const rejection of summary.rejections.slice(0, LISTED_REJECTIONS)) {
      print(
        `  rejected record ${rejection.position.record} (line ${rejection.position.line}): ${rejection.reason}`,
      );
    }
    if (summary.rejections.length > LISTED_REJECTIONS) {
      print(`  … and ${summary.rejections.length - LISTED_REJECTIONS} more rejections.`);
    }
    return EXIT.ok;
  });
};

/** A bar with rate and time left on a terminal; a plain line every tenth of the file otherwise. */
function progressDisplay(): { update: (progress: ImportProgress) => void; stop: () => void } {
  if (process.stdout.isTTY) {
    const bar = new SingleBar({
      format: '  {bar} {percentage}% | {records} records | {rate}/s | {eta_formatted} left',
      hideCursor: true,
    });
    const started = performance.now();
    let isStarted = false;
    return {
      update: ({ records, bytesRead, totalBytes }) => {
        if (!isStarted) {
          bar.start(totalBytes, 0, { records: 0, rate: 0 });
          isStarted = true;
        }
        const rate = Math.round(records / Math.max((performance.now() - started) / 1000, 0.001));
        bar.update(bytesRead, { records, rate });
      },
      stop: () => {
        if (isStarted) bar.stop();
      },
    };
  }
  let nextTenth = 1;
  return {
    update: ({ records, bytesRead, totalBytes }) => {
      if (totalBytes === 0 || bytesRead / totalBytes < nextTenth / 10) return;
      nextTenth = Math.floor((bytesRead / totalBytes) * 10) + 1;
      print(`  ${Math.min(100, Math.round((bytesRead / totalBytes) * 100))}% read, ${records} records`);
    },
    stop: () => {},
  };
}

/** `karna import portfolio FILE`: the same checks and writes as the web app's import. */
async function importPortfolio(
  values: { 'valid-rows-only'?: boolean; 'dry-run'?: boolean },
  file: string | undefined,
  loadConfig: () => Config,
): Promise<number> {
  if (!file) throw new UsageError(`import portfolio needs a FILE\n\n${USAGE}`);
  let bytes: Buffer;
  try {
    if ((await stat(file)).size > MAX_IMPORT_BYTES) {
      print(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
      return EXIT.failure;
    }
    bytes = await readFile(file);
  } catch {
    print(`There is no file ${file}.`);
    return EXIT.failure;
  }
  const config = loadConfig();
  return withDatabase(config, async ({ db }) => {
    let sheet: Awaited<ReturnType<typeof readSpreadsheet>>;
    try {
      sheet = await readSpreadsheet(bytes);
    } catch {
      print('Nothing was imported: the file is not an .xlsx or CSV file with headings in its first row.');
      return EXIT.failure;
    }
    const mapping = suggestMapping(sheet.columns);
    for (const [column, field] of Object.entries(mapping))
      print(`  column "${column}" → ${field ?? '(not imported)'}`);
    const audit = await AuditTrail.load(db);
    const result = await runImport(
      db,
      await PortfolioAccess.forOperator(db),
      sheet,
      { mapping, validRowsOnly: values['valid-rows-only'] === true, dryRun: values['dry-run'] === true },
      (trx, committed) =>
        audit.append(trx, systemActor('karna import portfolio'), NOT_A_REQUEST, {
          action: 'portfolio.import.commit',
          outcome: 'success',
          resourceType: 'portfolioImport',
          details: {
            file: path.basename(file),
            created: committed.created,
            updated: committed.updated,
            skipped: committed.skipped,
          },
        }),
    );
    for (const error of result.errors.slice(0, LISTED_REJECTIONS)) {
      print(`  row ${error.row}${error.column ? `, column "${error.column}"` : ''}: ${error.message}`);
    }
    if (result.errors.length > LISTED_REJECTIONS)
      print(`  … and ${result.errors.length - LISTED_REJECTIONS} more errors.`);
    if (!result.committed) {
      print(
        values['dry-run'] === true && result.errors.length === 0
          ? `Checked ${result.rows} rows: ${result.created} new, ${result.updated} to update. Nothing was written (--dry-run).`
          : `Nothing was imported: ${result.errors.length} errors in ${result.skipped} of ${result.rows} rows. Fix the file, or give --valid-rows-only.`,
      );
      return result.errors.length === 0 ? EXIT.ok : EXIT.failure;
    }
    print(
      `Imported ${result.rows - result.skipped} of ${result.rows} rows: ${result.created} new systems, ${result.updated} updated, ${result.skipped} skipped.`,
    );
    return EXIT.ok;
  });
}
