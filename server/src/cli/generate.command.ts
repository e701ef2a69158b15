import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { swedishDate } from '@karna/contracts';
import { populationGeneratorInputs } from '../../seeds/demo-municipality.ts';
import { generateChangeFile, generatePopulationFile } from '../modules/registry/index.ts';
import { type CliCommand, EXIT, parseOptions, print, showUsage, UsageError } from './cli.ts';

const USAGE = `Usage: karna generate population --persons N --out FILE [--seed S] [--date YYYY-MM-DD]
       karna generate population --changes-from FULL --out FILE [--count N] [--seed S] [--date YYYY-MM-DD]

Writes a synthetic population file for the demo municipality Mölnåls stad, in the import format
(docs/population-file-format.md): Swedish names, households with guardians, about 1 in 1,000
protected, houses and blocks of flats with owners, organisations with signatories, and the test
identity provider's citizens. The numbers are Skatteverket's test numbers first, then synthetic
ones; the file is marked syntetisk="J". Use it for tests and demos only.

  --persons N          people in a full file, the demo citizens included (at least 7)
  --changes-from FULL  instead, a change file about the people of FULL, a generated full file:
                       moves, births, custody changes, deaths, protection set and lifted,
                       emigrations and name changes
  --count N            change records of each kind (default 3)
  --kind full|change   optional; change needs --changes-from
  --out FILE           the file to write (replaced if it exists)
  --seed S             the same seed and date give the same file (default karna)
  --date YYYY-MM-DD    "today" for ages and event dates (default: today in Sweden)`;

export const runGenerateCommand: CliCommand = async (args) => {
  const { values, positionals } = parseOptions(
    args,
    {
      persons: { type: 'string' },
      'changes-from': { type: 'string' },
      count: { type: 'string' },
      kind: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      date: { type: 'string' },
    },
    USAGE,
  );
  const [what] = positionals;
  if (values.help || !what) return showUsage(USAGE, values.help === true);
  if (what !== 'population' || positionals.length > 1)
    throw usage(`Unknown generate "${positionals.join(' ')}".`);
  const changesFrom = values['changes-from'];
  const kind = values.kind ?? (changesFrom ? 'change' : 'full');
  if (kind !== 'full' && kind !== 'change') throw usage('--kind is full or change.');
  if (kind === 'change' && !changesFrom)
    throw usage('A change file is written from a full one: give --changes-from FULL.');
  if (kind === 'full' && changesFrom)
    throw usage('--changes-from writes a change file; leave out --kind full.');
  if (!values.out) throw usage('Give the file to write with --out FILE.');
  const today = values.date ?? swedishDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    throw usage('--date is a date, YYYY-MM-DD.');
  }
  const seed = values.seed ?? 'karna';
  if (kind === 'change' && values.persons !== undefined) throw usage('--persons belongs to a full file.');
  if (kind === 'full' && values.count !== undefined) throw usage('--count belongs to a change file.');
  if (kind === 'full' && values.persons === undefined)
    throw usage('Give the number of people with --persons N.');
  const inputs = populationGeneratorInputs();
  const count = wholeNumber(values.count ?? '3', '--count', 1);
  const persons = wholeNumber(
    values.persons ?? String(inputs.demoCitizens.length),
    '--persons',
    inputs.demoCitizens.length,
  );

  // Written beside the target and renamed when complete, so a failed run never leaves half a file.
  const target = values.out;
  const partial = `${target}.partial`;
  const started = performance.now();
  const stream = createWriteStream(partial);
  await once(stream, 'open');
  try {
    if (kind === 'change') {
      const summary = await generateChangeFile(changesFrom as string, stream, { count, seed, today }, inputs);
      await rename(partial, target);
      const kinds = Object.entries(summary.records).map(([name, total]) => `${total} ${name}`);
      print(`Wrote ${kinds.join(', ')} to ${target} in ${seconds(started)} s.`);
      return EXIT.ok;
    }
    const summary = await generatePopulationFile(stream, { persons, seed, today }, inputs);
    await rename(partial, target);
    const format = (value: number) => value.toLocaleString('en-GB');
    print(
      `Wrote ${format(summary.persons)} persons in ${format(summary.households)} households, ` +
        `${format(summary.properties)} properties and ${format(summary.organisations)} organisations ` +
        `(${format(summary.protectedPersons)} protected) to ${target}: ${(summary.bytes / 1024 / 1024).toFixed(1)} MiB ` +
        `in ${seconds(started)} s.`,
    );
    print(
      `Personal numbers: ${format(summary.testNumbers)} of Skatteverket's test numbers, ` +
        `${format(summary.syntheticNumbers)} synthetic (docs/population-file-format.md).`,
    );
    return EXIT.ok;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
};

function wholeNumber(value: string, option: string, minimum: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < minimum) {
    throw usage(`${option} is a whole number, at least ${minimum}.`);
  }
  return number;
}

function usage(message: string): UsageError {
  return new UsageError(`${message}\n\n${USAGE}`);
}

function seconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}
