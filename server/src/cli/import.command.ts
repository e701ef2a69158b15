import { SingleBar } from 'cli-progress';
import {
  type ImportProgress,
  ImportRefusedError,
  importPopulationFile,
  PopulationFileError,
} from '../modules/registry/index.ts';
import { AuditTrail } from '../platform/audit/index.ts';
import { type CliCommand, EXIT, parseOptions, print, showUsage, UsageError, withDatabase } from './cli.ts';

const USAGE = `Usage: karna import population [--allow-older] FILE

Applies a population file (docs/population-file-format.md) to the register: a full load or a file of
dated changes. The whole file is one transaction: if the file is broken (not XML, cut off, another
encoding) nothing is applied. Records that are wrong on their own, or that name someone the
register does not know, are listed with their position and skipped. Running the same file again
changes nothing. A file created before the newest file already applied is refused, as it would undo
newer changes; --allow-older applies it all the same.`;

/** Rejections printed in full; the rest are counted. */
const LISTED_REJECTIONS = 100;

export const runImportCommand: CliCommand = async (args, loadConfig) => {
  const { values, positionals } = parseOptions(args, { 'allow-older': { type: 'boolean' } }, USAGE);
  const [what, file] = positionals;
  if (values.help || !what) return showUsage(USAGE, values.help === true);
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
