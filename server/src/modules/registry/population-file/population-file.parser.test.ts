import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bytesIn,
  fileWith,
  fixture,
  NOW,
  personInput,
  readAll,
  recordsOf,
  recordXml,
  rejectionsOf,
} from './population-file.test-support.ts';
import type { PopulationRecord } from './population-file.types.ts';
import { writeRecord } from './population-file.writer.ts';

const withoutPosition = ({ position: _position, ...record }: PopulationRecord) => record;

describe('reading the full fixture', () => {
  it('yields the header first, then every record in file order with its position', async () => {
    const { items, error } = await readAll(fixture('full.xml'), { now: NOW });
    expect(error).toBeNull();
    expect(items[0]).toEqual({
      kind: 'header',
      fileKind: 'full',
      created: '2024-06-01T06:00:00+02:00',
      source: 'Kärna testdata (handskriven)',
      isSynthetic: true,
      line: 2,
    });
    expect(rejectionsOf(items)).toEqual([]);
    const records = recordsOf(items);
    expect(records.map((record) => record.kind)).toEqual([
      ...['person', 'person', 'person', 'person', 'property'],
      ...['person', 'person', 'person', 'person', 'person', 'person', 'person', 'property'],
      ...['organisation', 'organisation', 'organisation', 'property', 'property'],
    ]);
    expect(records.map((record) => record.position.record)).toEqual(records.map((_, index) => index + 1));
    expect(records[0]?.position).toEqual({ record: 1, line: 3 });
  });

  it('reads a child with guardians, normalised numbers and every address part', async () => {
    const records = recordsOf((await readAll(fixture('full.xml'), { now: NOW })).items);
    expect(records[2]).toEqual({
      kind: 'person',
      position: { record: 3, line: 60 },
      person: {
        personalNumber: '201411022385',
        birthDate: '2014-11-02',
        isCoordinationNumber: false,
        name: { givenNames: 'Alice', callingName: null, middleName: null, familyName: 'Nilsson' },
        protection: 'none',
        protectedSince: null,
        registration: {
          since: '2014-11-02',
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
        guardians: [
          { personalNumber: '197903152382', from: '2014-11-02' },
          { personalNumber: '197903152390', from: '2014-11-02' },
        ],
        deregistration: null,
      },
    });
  });

  it('reads protection, properties with mixed owners and organisations with signatories', async () => {
    const records = recordsOf((await readAll(fixture('full.xml'), { now: NOW })).items);
    const people = records.flatMap((record) => (record.kind === 'person' ? [record.person] : []));
    const secret = people.find((person) => person.personalNumber === '199507042381');
    expect(secret).toMatchObject({ protection: 'secrecy_marking', protectedSince: '2023-01-10' });
    expect(secret?.address).not.toBeNull();
    const hidden = people.find((person) => person.personalNumber === '199212072392');
    expect(hidden).toMatchObject({
      protection: 'protected_registration',
      protectedSince: '2022-03-01',
      address: null,
    });
    expect(hidden?.registration).toEqual({
      since: '2021-01-01',
      countyCode: '14',
      municipalityCode: '1483',
      propertyDesignation: null,
      point: null,
    });
    expect(withoutPosition(records[17] as PopulationRecord)).toEqual({
      kind: 'property',
      designation: 'ÅBY 5:2',
      municipalityCode: '1483',
      areaSquareMetres: 2200,
      point: { northing: 6_402_950, easting: 326_010 },
      owners: [
        {
          owner: { type: 'organisation', organisationNumber: '5569123457' },
          share: { numerator: 2, denominator: 3 },
          from: '2015-10-01',
        },
        {
          owner: { type: 'person', personalNumber: '197903152390' },
          share: { numerator: 1, denominator: 3 },
          from: '2015-10-01',
        },
      ],
    });
    expect(withoutPosition(records[13] as PopulationRecord)).toEqual({
      kind: 'organisation',
      organisationNumber: '7696123459',
      name: 'Brf Kvarnfallet',
      legalForm: 'BRF',
      signatories: [
        { personalNumber: '198106222394', from: '2019-05-20' },
        { personalNumber: '199507042381', from: '2021-05-18' },
      ],
    });
  });
});

describe('reading the change fixture', () => {
  it('reads every change kind', async () => {
    const { items, error } = await readAll(fixture('changes.xml'), { now: NOW });
    expect(error).toBeNull();
    expect(items[0]).toMatchObject({ kind: 'header', fileKind: 'change' });
    expect(rejectionsOf(items)).toEqual([]);
    const records = recordsOf(items).map(withoutPosition);
    expect(records.map((record) => record.kind)).toEqual([
      'protection',
      'property',
      'move',
      'nameChange',
      'death',
      'birth',
      'protection',
      'custody',
      'protection',
      'emigration',
    ]);
    expect(records[0]).toEqual({
      kind: 'protection',
      personalNumber: '199507042381',
      date: '2024-06-05',
      termCode: '01003',
      protection: 'secrecy_marking',
      action: 'lifted',
      registration: null,
      address: null,
    });
    expect(records[2]).toMatchObject({
      kind: 'move',
      personalNumber: '198106222394',
      date: '2024-06-07',
      registration: { propertyDesignation: 'LINDOME 4:9', municipalityCode: '1483' },
      address: { streetAddress: 'Hällesåkersvägen 21', postalCode: '43741', postalTown: 'LINDOME' },
    });
    expect(records[3]).toEqual({
      kind: 'nameChange',
      personalNumber: '197903152382',
      date: '2024-06-08',
      name: { givenNames: 'Karin Maria', callingName: 'Karin', middleName: null, familyName: 'Lindgren' },
    });
    expect(records[4]).toEqual({ kind: 'death', personalNumber: '194401012382', date: '2024-06-12' });
    expect(records[5]).toMatchObject({
      kind: 'birth',
      date: '2024-06-15',
      person: {
        personalNumber: '202406152393',
        guardians: [
          { personalNumber: '197903152382', from: '2024-06-15' },
          { personalNumber: '197903152390', from: '2024-06-15' },
        ],
      },
    });
    expect(records[6]).toMatchObject({
      kind: 'protection',
      termCode: '01020',
      protection: 'protected_registration',
      action: 'set',
    });
    expect(records[7]).toEqual({
      kind: 'custody',
      personalNumber: '202103022394',
      changes: [
        { guardian: '198106222394', change: 'ended', date: '2024-06-20' },
        { guardian: '198301302397', change: 'added', date: '2024-06-20' },
      ],
    });
    expect(records[8]).toMatchObject({
      kind: 'protection',
      action: 'lifted',
      registration: { propertyDesignation: 'KVARNBYN 3:12' },
      address: { streetAddress: 'Kvarnbygatan 9 LGH 1204' },
    });
    expect(records[9]).toEqual({
      kind: 'emigration',
      personalNumber: '199507042381',
      date: '2024-06-25',
      country: 'Norge',
    });
  });
});

describe('the writer and the parser', () => {
  it('round-trip every record of both fixtures', async () => {
    for (const name of ['full.xml', 'changes.xml']) {
      const { items } = await readAll(fixture(name), { now: NOW });
      const records = recordsOf(items);
      const header = items[0];
      if (header?.kind !== 'header') throw new Error('no header');
      const again = recordsOf(
        (
          await readAll(
            bytesIn(
              fileWith(header.fileKind, ...records.map((record) => recordXml(withoutPosition(record)))),
            ),
          )
        ).items,
      );
      expect(again.map(withoutPosition)).toEqual(records.map(withoutPosition));
    }
  });

  it('gives the same records whatever the chunk size, even one byte at a time', async () => {
    const text = readFileSync(fixture('full.xml'));
    const whole = recordsOf((await readAll(bytesIn(text), { now: NOW })).items);
    for (const size of [1, 3, 7, 1000]) {
      const { items, error } = await readAll(bytesIn(text, size), { now: NOW });
      expect(error).toBeNull();
      expect(recordsOf(items)).toEqual(whole);
    }
  });

  it('accepts a byte-order mark, 10-digit numbers, postal codes with a space and designations in any case', async () => {
    const xml = recordXml(personInput())
      .replace('<PersonNr>197903152382</PersonNr>', '<PersonNr>790315-2382</PersonNr>')
      .replace('<PostNr>42834</PostNr>', '<PostNr>428 34</PostNr>')
      .replace('KÅLLERED 2:7', 'Kållered  2:7');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fileWith('full', xml))]);
    const { items, error } = await readAll(bytesIn(bytes), { now: NOW });
    expect(error).toBeNull();
    expect(recordsOf(items)[0]).toMatchObject({
      kind: 'person',
      position: { record: 1, line: 3 },
      person: {
        personalNumber: '197903152382',
        address: { postalCode: '42834' },
        registration: { propertyDesignation: 'KÅLLERED 2:7' },
      },
    });
  });

  it('writes pretty records that read the same as one-line ones', async () => {
    const record = personInput({ guardians: [] });
    const pretty = writeRecord(record, { pretty: true });
    expect(pretty.split('\n').length).toBeGreaterThan(20);
    const { items } = await readAll(bytesIn(fileWith('full', pretty.trim())), { now: NOW });
    expect(recordsOf(items).map(withoutPosition)).toEqual([record]);
  });
});
