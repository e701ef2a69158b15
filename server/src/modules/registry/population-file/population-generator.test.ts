import { Writable } from 'node:stream';
import { isValidPersonalNumber } from '@karna/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoMunicipality } from './demo-municipality.ts';
import {
  bytesIn,
  loadGeneratorInputs,
  readAll,
  recordsOf,
  rejectionsOf,
} from './population-file.test-support.ts';
import type { PersonData, PopulationRecord } from './population-file.types.ts';
import { generateChangeFile } from './population-generator.changes.ts';
import { generatePopulationFile, type PopulationFileOptions } from './population-generator.ts';

const inputs = loadGeneratorInputs();
const TODAY = '2026-11-23';
const NOW = new Date(`${TODAY}T12:00:00Z`);

/** A Writable that keeps what it is given, for files small enough to hold. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function generate(options: Partial<PopulationFileOptions> = {}): Promise<string> {
  const out = collector();
  await generatePopulationFile(out.stream, { persons: 2000, seed: 'test', today: TODAY, ...options }, inputs);
  return out.text();
}

const year = (date: string) => Number(date.slice(0, 4));

describe('the full-file generator', () => {
  let text: string;
  let records: PopulationRecord[];
  let people: Map<string, PersonData>;

  beforeAll(async () => {
    text = await generate({ persons: 20_000 });
    const { items, error } = await readAll(bytesIn(text), { now: NOW });
    expect(error).toBeNull();
    expect(rejectionsOf(items)).toEqual([]);
    records = recordsOf(items);
    people = new Map(
      records.flatMap((record) =>
        record.kind === 'person' ? [[record.person.personalNumber, record.person]] : [],
      ),
    );
  });

  it('is deterministic for a seed and a day, and differs for another seed', async () => {
    const first = await generate();
    expect(await generate()).toBe(first);
    expect(await generate({ seed: 'other' })).not.toBe(first);
    expect(await generate({ today: '2026-11-24' })).not.toBe(first);
  });

  it('writes exactly the people asked for, each once, with valid numbers', () => {
    expect(people.size).toBe(20_000);
    expect(records.filter((record) => record.kind === 'person')).toHaveLength(20_000);
    for (const number of people.keys()) expect(isValidPersonalNumber(number, { now: NOW })).toBe(true);
    const testNumbers = new Set(inputs.testNumbers);
    const fromTheList = [...people.keys()].filter((number) => testNumbers.has(number)).length;
    expect(fromTheList).toBeGreaterThan(10_000);
    // Everyone else follows the synthetic rule: a birth number counted down from 999 or 998.
    for (const number of people.keys()) {
      if (!testNumbers.has(number)) expect(Number(number.slice(8, 11))).toBeGreaterThanOrEqual(900);
    }
  });

  it('puts the demo citizens in as a family, with their house', () => {
    for (const citizen of inputs.demoCitizens) {
      expect(people.get(citizen.personalNumber)?.name).toMatchObject({
        givenNames: citizen.givenName,
        familyName: citizen.familyName,
      });
    }
    const oskar = people.get('201501012395');
    expect(oskar?.guardians).toEqual([
      { personalNumber: '198501012382', from: '2015-01-01' },
      { personalNumber: '198501012390', from: '2015-01-01' },
    ]);
    const home = people.get('198501012382')?.registration.propertyDesignation;
    expect(oskar?.registration.propertyDesignation).toBe(home);
    const house = records.find((record) => record.kind === 'property' && record.designation === home);
    expect(house).toMatchObject({
      owners: [
        {
          owner: { type: 'person', personalNumber: '198501012382' },
          share: { numerator: 1, denominator: 2 },
        },
        {
          owner: { type: 'person', personalNumber: '198501012390' },
          share: { numerator: 1, denominator: 2 },
        },
      ],
    });
    const signs = records.filter(
      (record) =>
        record.kind === 'organisation' &&
        record.signatories.some((signatory) => signatory.personalNumber === '198501012382'),
    );
    expect(signs.length).toBeGreaterThan(0);
    for (const number of ['198501012382', '198501012390', '201501012395']) {
      expect(people.get(number)?.protection).toBe('none');
    }
  });

  it('names guardians 20–50 years older than their children, written before them', () => {
    const seen = new Set<string>();
    let children = 0;
    for (const record of records) {
      if (record.kind !== 'person') continue;
      const child = record.person;
      for (const guardian of child.guardians) {
        expect(seen.has(guardian.personalNumber)).toBe(true);
        const difference = year(child.birthDate) - year(people.get(guardian.personalNumber)?.birthDate ?? '');
        expect(difference).toBeGreaterThanOrEqual(20);
        expect(difference).toBeLessThanOrEqual(50);
        expect(guardian.from).toBe(child.birthDate);
      }
      if (child.guardians.length > 0) {
        children++;
        expect(year(TODAY) - year(child.birthDate)).toBeLessThanOrEqual(18);
      }
      seen.add(child.personalNumber);
    }
    expect(children).toBeGreaterThan(2000);
  });

  it('writes owners and signatories before the properties and organisations that name them', () => {
    const persons = new Set<string>();
    const organisations = new Set<string>();
    let ownedByOrganisation = 0;
    for (const record of records) {
      if (record.kind === 'person') persons.add(record.person.personalNumber);
      if (record.kind === 'organisation') {
        organisations.add(record.organisationNumber);
        for (const signatory of record.signatories) expect(persons.has(signatory.personalNumber)).toBe(true);
      }
      if (record.kind === 'property') {
        for (const { owner } of record.owners) {
          if (owner.type === 'person') expect(persons.has(owner.personalNumber)).toBe(true);
          else {
            expect(organisations.has(owner.organisationNumber)).toBe(true);
            ownedByOrganisation++;
          }
        }
      }
    }
    expect(organisations.size).toBe(38);
    expect(ownedByOrganisation).toBeGreaterThan(50);
  });

  it('places everyone and everything inside the demo municipality', () => {
    const { bounds } = demoMunicipality;
    const inside = (point: { northing: number; easting: number } | null) =>
      point === null ||
      (point.northing >= bounds.minNorthing &&
        point.northing <= bounds.maxNorthing &&
        point.easting >= bounds.minEasting &&
        point.easting <= bounds.maxEasting);
    const designations = new Set<string>();
    for (const record of records) {
      if (record.kind !== 'property') continue;
      expect(inside(record.point)).toBe(true);
      expect(record.municipalityCode).toBe('1483');
      expect(designations.has(record.designation)).toBe(false);
      designations.add(record.designation);
    }
    for (const record of records) {
      if (record.kind === 'person') {
        const { registration, address, protection } = record.person;
        expect(inside(registration.point)).toBe(true);
        expect(registration).toMatchObject({ municipalityCode: '1483', countyCode: '14' });
        if (protection === 'protected_registration') {
          expect(address).toBeNull();
          expect(registration.point).toBeNull();
          expect(registration.propertyDesignation).toBeNull();
        } else {
          expect(address?.postalCode).toMatch(/^4(28|31|37)\d\d$/);
          expect(['MÖLNÅL', 'KÅLLERED', 'LINDOME']).toContain(address?.postalTown);
          // Every home is a property in the file: a house of its own, or a block of flats.
          expect(designations.has(registration.propertyDesignation ?? '')).toBe(true);
        }
      }
    }
  });
});

describe('the change-file generator', () => {
  it('writes every change kind about people in the full file, and it reads without rejections', async () => {
    const full = await generate({ persons: 5000 });
    const fullRecords = recordsOf((await readAll(bytesIn(full), { now: NOW })).items);
    const known = new Set(
      fullRecords.flatMap((record) => (record.kind === 'person' ? [record.person.personalNumber] : [])),
    );
    const out = collector();
    const summary = await generateChangeFile(
      bytesIn(full),
      out.stream,
      { count: 3, seed: 'test', today: TODAY },
      inputs,
    );
    const { items, error } = await readAll(bytesIn(out.text()), { now: NOW });
    expect(error).toBeNull();
    expect(items[0]).toMatchObject({ kind: 'header', fileKind: 'change', isSynthetic: true });
    expect(rejectionsOf(items)).toEqual([]);
    const records = recordsOf(items);
    const kinds = new Set(records.map((record) => record.kind));
    for (const kind of [
      'move',
      'birth',
      'custody',
      'death',
      'protection',
      'emigration',
      'nameChange',
      'property',
    ]) {
      expect(kinds.has(kind as PopulationRecord['kind'])).toBe(true);
    }
    expect(summary.records.move).toBe(3);
    expect(summary.records.birth).toBe(3);
    expect(summary.records.protection).toBe(6);
    const demo = new Set(inputs.demoCitizens.map((citizen) => citizen.personalNumber));
    let previous = '';
    for (const record of records) {
      if (record.kind === 'birth') {
        expect(known.has(record.person.personalNumber)).toBe(false);
        for (const guardian of record.person.guardians) expect(known.has(guardian.personalNumber)).toBe(true);
      } else if ('personalNumber' in record) {
        expect(known.has(record.personalNumber)).toBe(true);
        expect(demo.has(record.personalNumber)).toBe(false);
      }
      const date =
        record.kind === 'property'
          ? previous
          : 'date' in record
            ? record.date
            : ((record.kind === 'custody' ? record.changes[0]?.date : '') ?? '');
      expect(date >= previous).toBe(true);
      expect(date >= '2026-10-24' && date < TODAY).toBe(true);
      previous = date;
    }
  });
});
