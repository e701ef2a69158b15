import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PopulationFileError } from './population-file.errors.ts';
import { type PopulationFileSource, readPopulationFile } from './population-file.parser.ts';
import type { PopulationFileItem, PopulationRecord, PopulationRejection } from './population-file.types.ts';
import {
  type PopulationRecordInput,
  writeFileEnd,
  writeFileStart,
  writeRecord,
} from './population-file.writer.ts';
import type { DemoCitizen } from './population-generator.demo.ts';

export const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

/** Reads a whole file: every item, and the file error that ended it, if any. */
export async function readAll(
  source: PopulationFileSource,
  options: { now?: Date } = {},
): Promise<{ items: PopulationFileItem[]; error: PopulationFileError | null }> {
  const items: PopulationFileItem[] = [];
  try {
    for await (const item of readPopulationFile(source, options)) items.push(item);
    return { items, error: null };
  } catch (error) {
    if (error instanceof PopulationFileError) return { items, error };
    throw error;
  }
}

export function recordsOf(items: PopulationFileItem[]): PopulationRecord[] {
  return items.filter((item): item is PopulationRecord => item.kind !== 'header' && item.kind !== 'rejected');
}

export function rejectionsOf(items: PopulationFileItem[]): PopulationRejection[] {
  return items.filter((item): item is PopulationRejection => item.kind === 'rejected');
}

/** A file of the given kind around record XML (one record per line, as the generator writes). */
export function fileWith(fileKind: 'full' | 'change', ...records: string[]): string {
  const header = writeFileStart({
    fileKind,
    created: '2024-06-30T06:00:00Z',
    source: 'test',
    isSynthetic: true,
  });
  return `${header}${records.map((record) => `  ${record}\n`).join('')}${writeFileEnd()}`;
}

/** One record as a single line of XML, without the indentation and line break. */
export function recordXml(record: PopulationRecordInput): string {
  return writeRecord(record).trim();
}

/** Text as a stream of bytes in chunks of `size` (to cross every boundary). */
export function bytesIn(text: string | Buffer, size = 64 * 1024): Readable {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    chunks.push(bytes.subarray(offset, offset + size));
  return Readable.from(chunks, { objectMode: false });
}

/** Parsing "now" for tests: the fixtures' numbers are all born before it. */
export const NOW = new Date('2026-11-23T12:00:00Z');

export function loadGeneratorInputs(): { testNumbers: string[]; demoCitizens: DemoCitizen[] } {
  const seeds = path.resolve(import.meta.dirname, '../../../../seeds');
  return {
    testNumbers: readFileSync(path.join(seeds, 'testpersonnummer.txt'), 'utf8').split('\n').filter(Boolean),
    demoCitizens: JSON.parse(readFileSync(path.join(seeds, 'demo/citizens.json'), 'utf8')) as DemoCitizen[],
  };
}

/** A person as a full file carries it, with every optional part filled in where it makes sense. */
export function personInput(
  overrides: Partial<Extract<PopulationRecordInput, { kind: 'person' }>['person']> = {},
): Extract<PopulationRecordInput, { kind: 'person' }> {
  return {
    kind: 'person',
    person: {
      personalNumber: '197903152382',
      birthDate: '1979-03-15',
      isCoordinationNumber: false,
      name: { givenNames: 'Karin Maria', callingName: 'Karin', middleName: null, familyName: 'Nilsson' },
      protection: 'none',
      protectedSince: null,
      registration: {
        since: '2010-04-01',
        countyCode: '14',
        municipalityCode: '1483',
        propertyDesignation: 'KÅLLERED 2:7',
        point: { northing: 6_396_120, easting: 323_480 },
      },
      address: {
        careOf: null,
        extraLine: null,
        streetAddress: 'Stensjövägen 14',
        postalCode: '42834',
        postalTown: 'KÅLLERED',
      },
      guardians: [],
      deregistration: null,
      ...overrides,
    },
  };
}
