import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PopulationFileErrorCode } from './population-file.errors.ts';
import {
  bytesIn,
  fileWith,
  fixture,
  NOW,
  personInput,
  readAll,
  recordsOf,
  recordXml,
} from './population-file.test-support.ts';

const karin = recordXml(personInput());
const anders = recordXml(
  personInput({
    personalNumber: '197903152390',
    name: { givenNames: 'Anders', callingName: null, middleName: null, familyName: 'Nilsson' },
  }),
);

/** The kinds of the items read before the error, the error's code, line and message. */
async function failureOf(source: Parameters<typeof readAll>[0]) {
  const { items, error } = await readAll(source, { now: NOW });
  return {
    kinds: items.map((item) => item.kind),
    code: error?.code,
    line: error?.line,
    message: error?.message ?? '',
  };
}

describe('a fault in the file as a whole', () => {
  it('a file that is not XML is named at its first line', async () => {
    expect(await failureOf(fixture('broken-not-xml.xml'))).toEqual({
      kinds: [],
      code: 'not_xml',
      line: 1,
      message: 'line 1: not an XML population file: it does not begin with <',
    });
  });

  it('a truncated file yields every record before the cut, then the error', async () => {
    const failure = await failureOf(fixture('broken-truncated.xml'));
    expect(failure.kinds).toEqual(['header', 'person', 'person', 'person', 'person', 'property']);
    expect(failure.code).toBe('truncated');
    expect(failure.message).toMatch(
      /^line \d+: the file ends inside record 6 \(line \d+\): it is truncated$/,
    );
  });

  it('a file cut after a whole record is truncated too: the root is never closed', async () => {
    const text = fileWith('full', karin, anders).replace('</Avisering>\n', '');
    const failure = await failureOf(bytesIn(text));
    expect(failure.kinds).toEqual(['header', 'person', 'person']);
    expect(failure).toMatchObject({
      code: 'truncated',
      message: 'line 5: the file ends before </Avisering>: it is truncated',
    });
  });

  it('Latin-1 bytes under a UTF-8 declaration are refused at their line', async () => {
    expect(await failureOf(fixture('broken-latin1.xml'))).toEqual({
      kinds: [],
      code: 'encoding',
      line: 2,
      message: 'line 2: the file is not valid UTF-8 here; only UTF-8 is accepted',
    });
  });

  it('Latin-1 bytes further on come after the records before them', async () => {
    const text = fileWith('full', karin, anders, karin.replace('Stensjövägen', 'Stensjövägen'));
    const bytes = Buffer.from(text, 'utf8');
    const third = bytes.lastIndexOf(Buffer.from('Stensjövägen'));
    const latin1 = Buffer.concat([
      bytes.subarray(0, third),
      Buffer.from('Stensjövägen', 'latin1'),
      bytes.subarray(third + 13),
    ]);
    for (const size of [5, 64 * 1024]) {
      const failure = await failureOf(bytesIn(latin1, size));
      expect(failure).toEqual({
        kinds: ['header', 'person', 'person'],
        code: 'encoding',
        line: 5,
        message: 'line 5: the file is not valid UTF-8 here; only UTF-8 is accepted',
      });
    }
  });

  it('another declared encoding is refused at once, even when the bytes would pass', async () => {
    expect(await failureOf(fixture('broken-latin1-declared.xml'))).toMatchObject({
      kinds: [],
      code: 'encoding',
      line: 1,
      message: 'line 1: the file declares ISO-8859-1; only UTF-8 is accepted',
    });
  });

  it('UTF-16 is refused', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fileWith('full', karin), 'utf16le')]);
    expect(await failureOf(bytesIn(utf16))).toMatchObject({ kinds: [], code: 'encoding', line: 1 });
  });

  it('a character cut off at the very end is refused', async () => {
    const bytes = Buffer.concat([Buffer.from(fileWith('full', karin)), Buffer.from([0xc3])]);
    expect(await failureOf(bytesIn(bytes))).toMatchObject({ kinds: ['header', 'person'], code: 'encoding' });
  });

  const malformed: [string, string, PopulationFileErrorCode, string, string[]][] = [
    [
      'a mismatched end tag',
      fileWith('full', karin, '<Fordon><Regnr>1</Fordon></Regnr>'),
      'malformed',
      'line 4: malformed XML: unexpected close tag',
      ['header', 'person'],
    ],
    [
      'text between records',
      fileWith('full', karin, 'stray text', anders),
      'malformed',
      'line 4: text between records, outside any record element',
      ['header', 'person'],
    ],
    [
      'a DOCTYPE',
      fileWith('full', karin).replace('<Avisering', '<!DOCTYPE Avisering [<!ENTITY x "y">]>\n<Avisering'),
      'malformed',
      'line 2: a DOCTYPE is not allowed in a population file',
      [],
    ],
    [
      'a second root element',
      `${fileWith('full', karin)}<Avisering/>`,
      'malformed',
      'malformed XML',
      ['header', 'person'],
    ],
    [
      'another root element',
      fileWith('full', karin).replaceAll('Avisering', 'Aviseringar'),
      'wrong_root',
      'line 2: the root element Aviseringar is not Avisering',
      [],
    ],
    [
      'no typ',
      fileWith('full', karin).replace(' typ="fullstandig"', ''),
      'bad_header',
      'line 2: Avisering needs typ="fullstandig" or typ="andring"',
      [],
    ],
    [
      'a date for skapad',
      fileWith('full', karin).replace('2024-06-30T06:00:00Z', '2024-06-30'),
      'bad_header',
      'Avisering needs skapad',
      [],
    ],
    [
      'an empty kalla',
      fileWith('full', karin).replace('kalla="test"', 'kalla=" "'),
      'bad_header',
      'Avisering needs kalla',
      [],
    ],
    [
      'an unknown version',
      fileWith('full', karin).replace('version="1"', 'version="2"'),
      'bad_header',
      'a version this parser does not read',
      [],
    ],
    ['an empty file', '', 'not_xml', 'line 1: not an XML population file: there is no Avisering element', []],
    [
      'a declaration and nothing else',
      '<?xml version="1.0" encoding="UTF-8"?>\n',
      'not_xml',
      'there is no Avisering element',
      [],
    ],
  ];

  it.each(malformed)('%s is an error after the records before it', async (_, text, code, message, kinds) => {
    const failure = await failureOf(bytesIn(text));
    expect(failure.code).toBe(code);
    expect(failure.message).toContain(message);
    expect(failure.kinds).toEqual(kinds);
  });

  it('never quotes the file in its message', async () => {
    const number = '197903152382';
    const texts = [
      `${number};Karin;Nilsson`,
      fileWith('full', karin).replace('</Avisering>', `<${'Karin'}>${number}</Nilsson></Avisering>`),
      fileWith('full', karin).replace('</Avisering>', `${number}</Avisering>`),
      fileWith('full', karin).replace('</PersonNr>', '</PersonNummer>'),
    ];
    for (const text of texts) {
      const { message } = await failureOf(bytesIn(text));
      expect(message).not.toBe('');
      expect(message).not.toMatch(/\d{6,}/);
      expect(message).not.toContain('Nilsson');
    }
  });

  it('the fixtures for rejections read to the end', async () => {
    for (const name of ['broken-bad-luhn.xml', 'broken-unknown-element.xml', 'changes-unknown-person.xml']) {
      const { items, error } = await readAll(fixture(name), { now: NOW });
      expect(error).toBeNull();
      expect(items.length).toBeGreaterThan(2);
    }
    const text = readFileSync(fixture('broken-bad-luhn.xml'), 'utf8');
    const { items } = await readAll(bytesIn(text), { now: NOW });
    expect(
      items.map((item) => (item.kind === 'rejected' ? `${item.code}@${item.position.record}` : item.kind)),
    ).toEqual(['header', 'person', 'bad_personal_number@2', 'bad_personal_number@3']);
    expect(recordsOf(items)).toHaveLength(1);
  });
});
