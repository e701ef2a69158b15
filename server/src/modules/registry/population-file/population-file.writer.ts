import type {
  PersonData,
  PersonName,
  PopulationFileKind,
  PopulationRecord,
  PostalAddress,
  Registration,
  SwerefPoint,
} from './population-file.types.ts';

type WithoutPosition<T> = T extends unknown ? Omit<T, 'position'> : never;
/** A record to write: what the parser yields, without the position it gets from the file. */
export type PopulationRecordInput = WithoutPosition<PopulationRecord>;

export type PopulationFileHeaderInput = {
  fileKind: PopulationFileKind;
  created: string;
  source: string;
  isSynthetic: boolean;
};

/** The XML declaration and the opening root element (docs/population-file-format.md). */
export function writeFileStart(header: PopulationFileHeaderInput): string {
  const typ = header.fileKind === 'full' ? 'fullstandig' : 'andring';
  const synthetic = header.isSynthetic ? ' syntetisk="J"' : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Avisering version="1" typ="${typ}" skapad="${escapeXml(header.created)}" kalla="${escapeXml(header.source)}"${synthetic}>\n`
  );
}

export function writeFileEnd(): string {
  return '</Avisering>\n';
}

/**
 * One record as XML, ending in a line break: on one line (the generator's form, quickest to read),
 * or indented for people (`pretty`).
 */
export function writeRecord(record: PopulationRecordInput, options: { pretty?: boolean } = {}): string {
  const xml = recordXml(record);
  return `${options.pretty ? indent(xml) : `  ${xml}`}\n`;
}

function recordXml(record: PopulationRecordInput): string {
  switch (record.kind) {
    case 'person':
      return personXml(record.person);
    case 'birth':
      return `<Fodelse>${personXml(record.person)}</Fodelse>`;
    case 'move':
      return (
        `<Flytt>${leaf('PersonNr', record.personalNumber)}${leaf('Datum', record.date)}` +
        `${registrationXml(record.registration)}${record.address ? addressXml(record.address) : ''}</Flytt>`
      );
    case 'custody':
      return `<Vardnadsandring>${leaf('PersonNr', record.personalNumber)}${record.changes
        .map(
          (change) =>
            `<Vardnadshavare>${leaf('PersonNr', change.guardian)}${leaf(change.change === 'added' ? 'Fran' : 'Till', change.date)}</Vardnadshavare>`,
        )
        .join('')}</Vardnadsandring>`;
    case 'death':
    case 'emigration':
      return (
        `<Avregistrering>${leaf('PersonNr', record.personalNumber)}` +
        `${leaf('AvregistreringsorsakKod', record.kind === 'death' ? 'AV' : 'UV')}` +
        `${leaf('Avregistreringsdatum', record.date)}` +
        `${record.kind === 'emigration' && record.country ? leaf('Land', record.country) : ''}</Avregistrering>`
      );
    case 'protection':
      return (
        `<Skyddsandring>${leaf('PersonNr', record.personalNumber)}${leaf('Datum', record.date)}` +
        `${leaf('Termkod', record.termCode)}${leaf('Markering', record.action === 'set' ? 'J' : 'N')}` +
        `${record.registration ? registrationXml(record.registration) : ''}` +
        `${record.address ? addressXml(record.address) : ''}</Skyddsandring>`
      );
    case 'nameChange':
      return `<Namnandring>${leaf('PersonNr', record.personalNumber)}${leaf('Datum', record.date)}${nameXml(record.name)}</Namnandring>`;
    case 'property':
      return (
        `<Fastighet>${leaf('Fastighetsbeteckning', record.designation)}${leaf('Kommunkod', record.municipalityCode)}` +
        `${record.areaSquareMetres === null ? '' : leaf('Areal', String(record.areaSquareMetres))}` +
        `${pointXml(record.point)}${record.owners
          .map(
            ({ owner, share, from }) =>
              `<Agare>${owner.type === 'person' ? leaf('PersonNr', owner.personalNumber) : leaf('OrgNr', owner.organisationNumber)}` +
              `${leaf('Andel', `${share.numerator}/${share.denominator}`)}${from ? leaf('Fran', from) : ''}</Agare>`,
          )
          .join('')}</Fastighet>`
      );
    case 'organisation':
      return (
        `<Organisation>${leaf('OrgNr', record.organisationNumber)}${leaf('Namn', record.name)}` +
        `${leaf('Juridiskform', record.legalForm)}${record.signatories
          .map(
            (signatory) =>
              `<Firmatecknare>${leaf('PersonNr', signatory.personalNumber)}${signatory.from ? leaf('Fran', signatory.from) : ''}</Firmatecknare>`,
          )
          .join('')}</Organisation>`
      );
  }
}

function personXml(person: PersonData): string {
  const hasSecrecy = person.protection === 'secrecy_marking';
  const hasProtectedRegistration = person.protection === 'protected_registration';
  const since = person.protectedSince;
  let xml = `<Folkbokforingspost>${leaf('Sekretessmarkering', hasSecrecy ? 'J' : 'N')}`;
  if (hasSecrecy && since) xml += leaf('SekretessDatum', since);
  xml += leaf('SkyddadFolkbokforing', hasProtectedRegistration ? 'J' : 'N');
  if (hasProtectedRegistration && since) xml += leaf('SkyddadFolkbokforingDatum', since);
  xml += `<Personpost><PersonId>${leaf('PersonNr', person.personalNumber)}</PersonId>${nameXml(person.name)}`;
  xml += registrationXml(person.registration);
  if (person.address) xml += addressXml(person.address);
  if (person.guardians.length > 0) {
    xml += `<Relationer>${person.guardians
      .map(
        (guardian) =>
          `<Vardnadshavare>${leaf('PersonNr', guardian.personalNumber)}${leaf('Fran', guardian.from)}</Vardnadshavare>`,
      )
      .join('')}</Relationer>`;
  }
  if (person.deregistration) {
    const code = person.deregistration.reason === 'death' ? 'AV' : 'UV';
    xml += `<Avregistrering>${leaf('AvregistreringsorsakKod', code)}${leaf('Avregistreringsdatum', person.deregistration.date)}</Avregistrering>`;
  }
  return `${xml}</Personpost></Folkbokforingspost>`;
}

function nameXml(name: PersonName): string {
  return (
    `<Namn>${leaf('Fornamn', name.givenNames)}${name.callingName ? leaf('Tilltalsnamn', name.callingName) : ''}` +
    `${name.middleName ? leaf('Mellannamn', name.middleName) : ''}${leaf('Efternamn', name.familyName)}</Namn>`
  );
}

function registrationXml(registration: Registration): string {
  return (
    `<Folkbokforing>${registration.since ? leaf('Folkbokforingsdatum', registration.since) : ''}` +
    `${leaf('Lanskod', registration.countyCode)}${leaf('Kommunkod', registration.municipalityCode)}` +
    `${registration.propertyDesignation ? leaf('Fastighetsbeteckning', registration.propertyDesignation) : ''}` +
    `${registration.point ? pointXml(registration.point) : ''}</Folkbokforing>`
  );
}

function addressXml(address: PostalAddress): string {
  return (
    `<Folkbokforingsadress>${address.careOf ? leaf('CareOf', address.careOf) : ''}` +
    `${address.extraLine ? leaf('Utdelningsadress1', address.extraLine) : ''}` +
    `${leaf('Utdelningsadress2', address.streetAddress)}${leaf('PostNr', address.postalCode)}` +
    `${leaf('Postort', address.postalTown)}</Folkbokforingsadress>`
  );
}

function pointXml(point: SwerefPoint): string {
  return `<Koordinat>${leaf('Nord', String(point.northing))}${leaf('Ost', String(point.easting))}</Koordinat>`;
}

function leaf(name: string, value: string): string {
  return `<${name}>${escapeXml(value)}</${name}>`;
}

const SPECIAL = /[&<>"]/;

export function escapeXml(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Puts each element of a one-line record on its own line, leaves with their text. */
function indent(xml: string): string {
  const tokens = xml.match(/<[^>]+>|[^<]+/g) ?? [];
  let out = '';
  let depth = 1;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as string;
    const pad = '  '.repeat(depth);
    if (token.startsWith('</')) {
      depth--;
      out += `\n${'  '.repeat(depth)}${token}`;
      continue;
    }
    const text = tokens[index + 1];
    const closing = tokens[index + 2];
    if (text !== undefined && !text.startsWith('<') && closing?.startsWith('</')) {
      out += `\n${pad}${token}${text}${closing}`;
      index += 2;
    } else {
      out += `\n${pad}${token}`;
      depth++;
    }
  }
  return out.slice(1);
}
