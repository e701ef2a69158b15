import { luhnCheckDigit } from '@karna/contracts';
import { describe, expect, it } from 'vitest';
import { formatRejection } from './population-file.errors.ts';
import { bytesIn, fileWith, NOW, personInput, readAll, recordXml } from './population-file.test-support.ts';
import type { RejectionCode } from './population-file.types.ts';

const karin = recordXml(personInput());
const child = recordXml(
  personInput({
    personalNumber: '201411022385',
    birthDate: '2014-11-02',
    name: { givenNames: 'Alice', callingName: null, middleName: null, familyName: 'Nilsson' },
    guardians: [{ personalNumber: '197903152382', from: '2014-11-02' }],
  }),
);
const property = recordXml({
  kind: 'property',
  designation: 'KÅLLERED 2:7',
  municipalityCode: '1483',
  areaSquareMetres: 812,
  point: { northing: 6_396_120, easting: 323_480 },
  owners: [
    {
      owner: { type: 'person', personalNumber: '197903152382' },
      share: { numerator: 1, denominator: 1 },
      from: null,
    },
  ],
});
const organisation = recordXml({
  kind: 'organisation',
  organisationNumber: '5569123457',
  name: 'Nilssons Bygg & Måleri AB',
  legalForm: 'AB',
  signatories: [{ personalNumber: '197903152390', from: '2012-02-01' }],
});
const death = recordXml({ kind: 'death', personalNumber: '194401012382', date: '2024-06-12' });
const move = recordXml({
  kind: 'move',
  personalNumber: '198106222394',
  date: '2024-06-07',
  registration: {
    since: '2024-06-07',
    countyCode: '14',
    municipalityCode: '1483',
    propertyDesignation: null,
    point: null,
  },
  address: {
    careOf: null,
    extraLine: null,
    streetAddress: 'Hällesåkersvägen 21',
    postalCode: '43741',
    postalTown: 'LINDOME',
  },
});
const custody = recordXml({
  kind: 'custody',
  personalNumber: '202103022394',
  changes: [{ guardian: '198106222394', change: 'ended', date: '2024-06-20' }],
});
const protection = recordXml({
  kind: 'protection',
  personalNumber: '198802112386',
  date: '2024-06-18',
  termCode: '01020',
  protection: 'protected_registration',
  action: 'set',
  registration: null,
  address: null,
});
const emigration = recordXml({
  kind: 'emigration',
  personalNumber: '199507042381',
  date: '2024-06-25',
  country: 'Norge',
});
const birth = `<Fodelse>${child.replace('201411022385', '202406152393').replaceAll('2014-11-02', '2024-06-15')}</Fodelse>`;

/** A valid number born after NOW, so only the date is wrong. */
const unborn = `20991231238${luhnCheckDigit('991231238')}`;
const flip = (number: string) => `${number.slice(0, 11)}${(Number(number[11]) + 1) % 10}`;

type Case = [string, 'full' | 'change', string, RejectionCode, string];

const cases: Case[] = [
  [
    'a wrong check digit',
    'full',
    karin.replace('197903152382', flip('197903152382')),
    'bad_personal_number',
    'the personal number in Folkbokforingspost/Personpost/PersonId/PersonNr fails the check digit',
  ],
  [
    'eleven digits',
    'full',
    karin.replace('197903152382', '19790315238'),
    'bad_personal_number',
    'PersonId/PersonNr is not a personal number',
  ],
  [
    'a birth date after today',
    'full',
    karin.replace('197903152382', unborn),
    'bad_personal_number',
    'holds an impossible birth date',
  ],
  [
    'a guardian with a wrong check digit',
    'full',
    child.replace('<PersonNr>197903152382</PersonNr>', `<PersonNr>${flip('197903152382')}</PersonNr>`),
    'bad_personal_number',
    'Relationer/Vardnadshavare/PersonNr fails the check digit',
  ],
  [
    'an owner with a wrong check digit',
    'full',
    property.replace('197903152382', flip('197903152382')),
    'bad_personal_number',
    'Fastighet/Agare/PersonNr fails the check digit',
  ],
  [
    'an impossible date',
    'full',
    karin.replace('2010-04-01', '2010-02-30'),
    'bad_date',
    'Folkbokforingsdatum is not a date (YYYY-MM-DD)',
  ],
  [
    'a date in another form',
    'change',
    death.replace('2024-06-12', '12/06/2024'),
    'bad_date',
    'Avregistrering/Avregistreringsdatum is not a date',
  ],
  [
    'a missing family name',
    'full',
    karin.replace('<Efternamn>Nilsson</Efternamn>', ''),
    'missing_field',
    'Folkbokforingspost/Personpost/Namn/Efternamn is missing',
  ],
  [
    'an empty given name',
    'full',
    karin.replace('<Fornamn>Karin Maria</Fornamn>', '<Fornamn> </Fornamn>'),
    'missing_field',
    'Namn/Fornamn is empty',
  ],
  [
    'a missing protection flag',
    'full',
    karin.replace('<SkyddadFolkbokforing>N</SkyddadFolkbokforing>', ''),
    'missing_field',
    'Folkbokforingspost/SkyddadFolkbokforing is missing',
  ],
  [
    'a flag that is not J or N',
    'full',
    karin.replace('<Sekretessmarkering>N', '<Sekretessmarkering>Ja'),
    'bad_value',
    'Sekretessmarkering is neither J nor N',
  ],
  [
    'a flag letter that is not J or N',
    'full',
    karin.replace('<Sekretessmarkering>N', '<Sekretessmarkering>X'),
    'bad_value',
    'Sekretessmarkering is neither J nor N',
  ],
  [
    'a postal code of four digits',
    'full',
    karin.replace('<PostNr>42834', '<PostNr>4283'),
    'bad_value',
    'PostNr is not a postal code',
  ],
  [
    'a kommunkod of three digits',
    'full',
    karin.replace('<Kommunkod>1483', '<Kommunkod>148'),
    'bad_value',
    'Folkbokforing/Kommunkod is not 4 digits',
  ],
  [
    'a property designation without block and unit',
    'full',
    property.replace('KÅLLERED 2:7', 'KÅLLERED'),
    'bad_value',
    'Fastighet/Fastighetsbeteckning is not a property designation',
  ],
  [
    'a share that is not a fraction',
    'full',
    property.replace('<Andel>1/1', '<Andel>hälften'),
    'bad_value',
    'Fastighet/Agare/Andel is not a share',
  ],
  [
    'an area that is not a number',
    'full',
    property.replace('<Areal>812', '<Areal>812 m²'),
    'bad_value',
    'Fastighet/Areal is not an area',
  ],
  [
    'a name with an invisible direction mark',
    'full',
    karin.replace('Nilsson', 'Nils\u202Eson'),
    'bad_value',
    'Namn/Efternamn contains a control character or an invisible direction mark',
  ],
  [
    'a sole trader',
    'full',
    organisation.replace('<Juridiskform>AB', '<Juridiskform>EF'),
    'bad_value',
    'a sole trader has no organisation number of its own',
  ],
  [
    'an unknown legal form',
    'full',
    organisation.replace('<Juridiskform>AB', '<Juridiskform>XY'),
    'bad_value',
    'Organisation/Juridiskform is not one of AB, HB, KB, EK, BRF, IF, ST',
  ],
  [
    'an unknown deregistration reason',
    'change',
    death.replace('>AV<', '>GN<'),
    'bad_value',
    'AvregistreringsorsakKod is neither AV (avliden) nor UV (utvandrad)',
  ],
  [
    'an unknown term code',
    'change',
    protection.replace('01020', '01051'),
    'bad_value',
    'Skyddsandring/Termkod is neither 01003',
  ],
  [
    'an organisation number with a wrong check digit',
    'full',
    organisation.replace('5569123457', '5569123458'),
    'bad_organisation_number',
    'the organisation number in Organisation/OrgNr fails the check digit',
  ],
  [
    'an organisation number of a person',
    'full',
    organisation.replace('5569123457', '7903152382'),
    'bad_organisation_number',
    'is not a legal person’s number',
  ],
  [
    'an unknown element in a person',
    'full',
    karin.replace('</Namn>', '</Namn><Husdjur>Katt</Husdjur>'),
    'unknown_element',
    'unknown element Husdjur in Folkbokforingspost/Personpost',
  ],
  [
    'an unknown record element',
    'full',
    '<Fordon><Regnr>ABC123</Regnr></Fordon>',
    'unknown_element',
    'unknown record element Fordon',
  ],
  [
    'a position in the sea west of Norway',
    'full',
    property.replace('<Ost>323480', '<Ost>120000'),
    'coordinate_out_of_range',
    'Fastighet/Koordinat lies outside Sweden',
  ],
  [
    'a person position south of Sweden',
    'full',
    karin.replace('<Nord>6396120', '<Nord>5900000'),
    'coordinate_out_of_range',
    'Folkbokforing/Koordinat lies outside Sweden',
  ],
  [
    'protected registration with an address',
    'full',
    karin.replace('<SkyddadFolkbokforing>N', '<SkyddadFolkbokforing>J'),
    'inconsistent',
    'has skyddad folkbokföring but carries an address',
  ],
  [
    'a kommun outside its län',
    'full',
    karin.replace('<Lanskod>14', '<Lanskod>13'),
    'inconsistent',
    'Folkbokforing/Kommunkod does not lie in',
  ],
  [
    'a guardian born after the child',
    'full',
    child.replace('<PersonNr>197903152382</PersonNr>', '<PersonNr>201605102399</PersonNr>'),
    'inconsistent',
    'names a guardian born after the child',
  ],
  [
    'a child as its own guardian',
    'full',
    child.replace('<PersonNr>197903152382</PersonNr>', '<PersonNr>201411022385</PersonNr>'),
    'inconsistent',
    'names the child as its own guardian',
  ],
  [
    'custody from before the birth',
    'full',
    child.replace('<Fran>2014-11-02', '<Fran>2014-11-01'),
    'inconsistent',
    'Vardnadshavare/Fran is before the child',
  ],
  [
    'shares that do not make the whole',
    'full',
    property.replace('<Andel>1/1', '<Andel>1/2'),
    'inconsistent',
    'do not add up to 1',
  ],
  [
    'a protection date without the flag',
    'full',
    karin.replace(
      '<SkyddadFolkbokforing>',
      '<SekretessDatum>2020-01-01</SekretessDatum><SkyddadFolkbokforing>',
    ),
    'inconsistent',
    'SekretessDatum is given without Sekretessmarkering J',
  ],
  [
    'both Fran and Till for one guardian',
    'change',
    custody.replace('</Till>', '</Till><Fran>2024-06-20</Fran>'),
    'inconsistent',
    'needs exactly one of Fran and Till',
  ],
  [
    'an address with protected registration set',
    'change',
    protection.replace(
      '</Markering>',
      '</Markering><Folkbokforingsadress><Utdelningsadress2>Storgatan 1</Utdelningsadress2><PostNr>43130</PostNr><Postort>MÖLNÅL</Postort></Folkbokforingsadress>',
    ),
    'inconsistent',
    'allowed only when skyddad folkbokföring is lifted',
  ],
  [
    'a country for a death',
    'change',
    death.replace('</Avregistreringsdatum>', '</Avregistreringsdatum><Land>Norge</Land>'),
    'inconsistent',
    'Land belongs to an emigration',
  ],
  [
    'a birth without guardians',
    'change',
    birth.replace(/<Relationer>.*<\/Relationer>/, ''),
    'missing_field',
    'a birth names no Vardnadshavare',
  ],
  [
    'a repeated name',
    'full',
    karin.replace('</Namn>', '</Namn><Namn><Fornamn>A</Fornamn><Efternamn>B</Efternamn></Namn>'),
    'malformed_record',
    'Personpost/Namn appears more than once',
  ],
  [
    'text where elements belong',
    'full',
    karin.replace('<Namn>', '<Namn>Karin '),
    'malformed_record',
    'Personpost/Namn holds text where elements are expected',
  ],
  [
    'elements where text belongs',
    'full',
    karin.replace('<Efternamn>Nilsson</Efternamn>', '<Efternamn><Del>Nilsson</Del></Efternamn>'),
    'malformed_record',
    'Namn/Efternamn holds elements where text is expected',
  ],
  [
    'a record of thousands of elements',
    'full',
    karin.replace('</Namn>', `</Namn>${'<X/>'.repeat(6000)}`),
    'malformed_record',
    'Folkbokforingspost is larger or deeper than any valid record',
  ],
  [
    'a change record in a full file',
    'full',
    death,
    'not_allowed_here',
    'Avregistrering is a change record; this is a full file',
  ],
  [
    'a person in a change file',
    'change',
    karin,
    'not_allowed_here',
    'Folkbokforingspost belongs in a full file',
  ],
];

describe('a record the file alone shows to be wrong', () => {
  it.each(cases)(
    'is rejected for %s, with its position, and the run goes on',
    async (_, fileKind, faulty, code, reason) => {
      const neighbour = fileKind === 'full' ? karin : death;
      const { items, error } = await readAll(bytesIn(fileWith(fileKind, neighbour, faulty, neighbour)), {
        now: NOW,
      });
      expect(error).toBeNull();
      expect(items.map((item) => item.kind)).toEqual([
        'header',
        fileKind === 'full' ? 'person' : 'death',
        'rejected',
        fileKind === 'full' ? 'person' : 'death',
      ]);
      const rejection = items[2];
      if (rejection?.kind !== 'rejected') throw new Error('no rejection');
      expect(rejection.code).toBe(code);
      expect(rejection.reason).toContain(reason);
      expect(rejection.position).toEqual({ record: 2, line: 4 });
      expect(formatRejection(rejection)).toBe(`record 2 (line 4): ${rejection.reason}`);
      // Never a value from the file: no number, no name, no address.
      expect(rejection.reason).not.toMatch(/\d{6,}/);
      for (const value of ['Karin', 'Nilsson', 'Stensjövägen', 'Katt', 'ABC123', 'Norge', 'hälften']) {
        expect(rejection.reason).not.toContain(value);
      }
    },
  );

  it('reads valid records of every change kind around them', async () => {
    const { items, error } = await readAll(
      bytesIn(fileWith('change', move, birth, custody, protection, emigration, death)),
      { now: NOW },
    );
    expect(error).toBeNull();
    expect(items.map((item) => item.kind)).toEqual([
      'header',
      'move',
      'birth',
      'custody',
      'protection',
      'emigration',
      'death',
    ]);
  });

  it('reads a full file of every full kind', async () => {
    const { items } = await readAll(bytesIn(fileWith('full', karin, child, property, organisation)), {
      now: NOW,
    });
    expect(items.map((item) => item.kind)).toEqual([
      'header',
      'person',
      'person',
      'property',
      'organisation',
    ]);
  });
});
