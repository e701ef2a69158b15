import { reject } from './population-file.errors.ts';
import {
  childrenOf,
  codeOf,
  dateOf,
  flagOf,
  only,
  optionalDate,
  optionalText,
  organisationNumberOf,
  type PersonalNumberReader,
  pointOf,
  shape,
  textOf,
  type XmlElement,
} from './population-file.fields.ts';
import {
  checkGuardian,
  designationOf,
  readAddress,
  readName,
  readPerson,
  readRegistration,
  reasonOf,
} from './population-file.person.ts';
import {
  type CustodyChange,
  type LegalForm,
  legalForms,
  type PopulationFileKind,
  type PopulationRecord,
  type PropertyOwner,
  type RecordPosition,
} from './population-file.types.ts';

// The children each element may have, in the order childrenOf returns them (docs/population-file-format.md).
const birthShape = shape(['Folkbokforingspost', '1']);
const moveShape = shape(
  ['PersonNr', '1'],
  ['Datum', '1'],
  ['Folkbokforing', '1'],
  ['Folkbokforingsadress', '?'],
);
const custodyShape = shape(['PersonNr', '1'], ['Vardnadshavare', '+']);
const custodyGuardianShape = shape(['PersonNr', '1'], ['Fran', '?'], ['Till', '?']);
const deregistrationChangeShape = shape(
  ['PersonNr', '1'],
  ['AvregistreringsorsakKod', '1'],
  ['Avregistreringsdatum', '1'],
  ['Land', '?'],
);
const protectionShape = shape(
  ['PersonNr', '1'],
  ['Datum', '1'],
  ['Termkod', '1'],
  ['Markering', '1'],
  ['Folkbokforing', '?'],
  ['Folkbokforingsadress', '?'],
);
const nameChangeShape = shape(['PersonNr', '1'], ['Datum', '1'], ['Namn', '1']);
const propertyShape = shape(
  ['Fastighetsbeteckning', '1'],
  ['Kommunkod', '1'],
  ['Areal', '?'],
  ['Koordinat', '1'],
  ['Agare', '+'],
);
const organisationShape = shape(['OrgNr', '1'], ['Namn', '1'], ['Juridiskform', '1'], ['Firmatecknare', '*']);
const signatoryShape = shape(['PersonNr', '1'], ['Fran', '?']);
const ownerShape = shape(['PersonNr', '?'], ['OrgNr', '?'], ['Andel', '1'], ['Fran', '?']);

/** What a record reader needs besides the element: the file's kind, and the personal number reader. */
export type ReadContext = { fileKind: PopulationFileKind; numbers: PersonalNumberReader };

type Reader = (element: XmlElement, position: RecordPosition, context: ReadContext) => PopulationRecord;

const fullOnly = new Set(['Folkbokforingspost']);
const changeOnly = new Set([
  'Flytt',
  'Fodelse',
  'Vardnadsandring',
  'Avregistrering',
  'Skyddsandring',
  'Namnandring',
]);

/**
 * Turns one record element into a typed record, or throws a `RecordRejection` saying which field is
 * wrong and why (never with the field's value).
 */
export function readRecord(
  element: XmlElement,
  position: RecordPosition,
  context: ReadContext,
): PopulationRecord {
  const reader = readers[element.name];
  if (!reader) return reject('unknown_element', `unknown record element ${element.name}`);
  if (context.fileKind === 'full' && changeOnly.has(element.name)) {
    reject('not_allowed_here', `${element.name} is a change record; this is a full file (typ="fullstandig")`);
  }
  if (context.fileKind === 'change' && fullOnly.has(element.name)) {
    reject(
      'not_allowed_here',
      `${element.name} belongs in a full file; this is a change file (typ="andring")`,
    );
  }
  return reader(element, position, context);
}

const readers: Record<string, Reader> = {
  Folkbokforingspost: (element, position, { numbers }) => ({
    kind: 'person',
    position,
    person: readPerson(element, 'Folkbokforingspost', numbers),
  }),

  Fodelse: (element, position, { numbers }) => {
    const [Folkbokforingspost] = childrenOf(element, 'Fodelse', birthShape);
    const person = readPerson(only(Folkbokforingspost), 'Fodelse/Folkbokforingspost', numbers);
    if (person.guardians.length === 0) reject('missing_field', 'a birth names no Vardnadshavare');
    if (person.deregistration) reject('inconsistent', 'a birth carries an Avregistrering');
    return { kind: 'birth', position, date: person.birthDate, person };
  },

  Flytt: (element, position, { numbers }) => {
    const [PersonNr, Datum, Folkbokforing, Folkbokforingsadress] = childrenOf(element, 'Flytt', moveShape);
    return {
      kind: 'move',
      position,
      personalNumber: numbers.read(only(PersonNr), 'Flytt/PersonNr').normalized,
      date: dateOf(only(Datum), 'Flytt/Datum'),
      registration: readRegistration(only(Folkbokforing), 'Flytt/Folkbokforing'),
      address: Folkbokforingsadress[0]
        ? readAddress(only(Folkbokforingsadress), 'Flytt/Folkbokforingsadress')
        : null,
    };
  },

  Vardnadsandring: (element, position, { numbers }) => {
    const [PersonNr, Vardnadshavare] = childrenOf(element, 'Vardnadsandring', custodyShape);
    const child = numbers.read(only(PersonNr), 'Vardnadsandring/PersonNr');
    const seen = new Set<string>();
    const changes = Vardnadshavare.map((guardian): CustodyChange => {
      const path = 'Vardnadsandring/Vardnadshavare';
      const [GuardianNr, Fran, Till] = childrenOf(guardian, path, custodyGuardianShape);
      const number = numbers.read(only(GuardianNr), `${path}/PersonNr`);
      const from = optionalDate(Fran, `${path}/Fran`);
      const to = optionalDate(Till, `${path}/Till`);
      if ((from === null) === (to === null))
        reject('inconsistent', `${path} needs exactly one of Fran and Till`);
      checkGuardian(number, child, path, seen);
      const date = (from ?? to) as string;
      if (date < child.birthDate) reject('inconsistent', `${path} is dated before the child's birth`);
      return { guardian: number.normalized, change: from ? 'added' : 'ended', date };
    });
    return { kind: 'custody', position, personalNumber: child.normalized, changes };
  },

  Avregistrering: (element, position, { numbers }) => {
    const [PersonNr, AvregistreringsorsakKod, Avregistreringsdatum, Land] = childrenOf(
      element,
      'Avregistrering',
      deregistrationChangeShape,
    );
    const number = numbers.read(only(PersonNr), 'Avregistrering/PersonNr');
    const reason = reasonOf(only(AvregistreringsorsakKod), 'Avregistrering/AvregistreringsorsakKod');
    const date = dateOf(only(Avregistreringsdatum), 'Avregistrering/Avregistreringsdatum');
    if (date < number.birthDate)
      reject('inconsistent', 'Avregistrering/Avregistreringsdatum is before the birth');
    const country = optionalText(Land, 'Avregistrering/Land', 60);
    if (reason === 'death') {
      if (country !== null)
        reject('inconsistent', 'Avregistrering/Land belongs to an emigration (UV), not a death');
      return { kind: 'death', position, personalNumber: number.normalized, date };
    }
    return { kind: 'emigration', position, personalNumber: number.normalized, date, country };
  },

  Skyddsandring: (element, position, { numbers }) => {
    const [PersonNr, Datum, Termkod, Markering, Folkbokforing, Folkbokforingsadress] = childrenOf(
      element,
      'Skyddsandring',
      protectionShape,
    );
    const termCode = textOf(only(Termkod), 'Skyddsandring/Termkod', 5);
    if (termCode !== '01003' && termCode !== '01020') {
      reject(
        'bad_value',
        'Skyddsandring/Termkod is neither 01003 (sekretessmarkering) nor 01020 (skyddad folkbokföring)',
      );
    }
    const isSet = flagOf(only(Markering), 'Skyddsandring/Markering');
    const hasPlace = Folkbokforing.length > 0 || Folkbokforingsadress.length > 0;
    if (hasPlace && (isSet || termCode !== '01020')) {
      reject(
        'inconsistent',
        'Skyddsandring carries an address, allowed only when skyddad folkbokföring is lifted',
      );
    }
    return {
      kind: 'protection',
      position,
      personalNumber: numbers.read(only(PersonNr), 'Skyddsandring/PersonNr').normalized,
      date: dateOf(only(Datum), 'Skyddsandring/Datum'),
      termCode,
      protection: termCode === '01003' ? 'secrecy_marking' : 'protected_registration',
      action: isSet ? 'set' : 'lifted',
      registration: Folkbokforing[0]
        ? readRegistration(Folkbokforing[0], 'Skyddsandring/Folkbokforing')
        : null,
      address: Folkbokforingsadress[0]
        ? readAddress(Folkbokforingsadress[0], 'Skyddsandring/Folkbokforingsadress')
        : null,
    };
  },

  Namnandring: (element, position, { numbers }) => {
    const [PersonNr, Datum, Namn] = childrenOf(element, 'Namnandring', nameChangeShape);
    return {
      kind: 'nameChange',
      position,
      personalNumber: numbers.read(only(PersonNr), 'Namnandring/PersonNr').normalized,
      date: dateOf(only(Datum), 'Namnandring/Datum'),
      name: readName(only(Namn), 'Namnandring/Namn'),
    };
  },

  Fastighet: (element, position, { numbers }) => {
    const [Fastighetsbeteckning, Kommunkod, Areal, Koordinat, Agare] = childrenOf(
      element,
      'Fastighet',
      propertyShape,
    );
    const area = Areal[0] ? textOf(Areal[0], 'Fastighet/Areal', 12) : null;
    if (area !== null && !/^\d{1,10}(\.\d{1,2})?$/.test(area)) {
      reject('bad_value', 'Fastighet/Areal is not an area in square metres');
    }
    const seen = new Set<string>();
    const owners = Agare.map((owner) => {
      const read = readOwner(owner, numbers);
      const key = read.owner.type === 'person' ? read.owner.personalNumber : read.owner.organisationNumber;
      if (seen.has(key)) reject('inconsistent', 'Fastighet/Agare names the same owner twice');
      seen.add(key);
      return read;
    });
    checkSharesAddUp(owners);
    return {
      kind: 'property',
      position,
      designation: designationOf(only(Fastighetsbeteckning), 'Fastighet/Fastighetsbeteckning'),
      municipalityCode: codeOf(only(Kommunkod), 'Fastighet/Kommunkod', 4),
      areaSquareMetres: area === null ? null : Number(area),
      point: pointOf(only(Koordinat), 'Fastighet/Koordinat'),
      owners,
    };
  },

  Organisation: (element, position, { numbers }) => {
    const [OrgNr, Namn, Juridiskform, Firmatecknare] = childrenOf(element, 'Organisation', organisationShape);
    const legalForm = textOf(only(Juridiskform), 'Organisation/Juridiskform', 10);
    if (legalForm === 'EF') {
      reject(
        'bad_value',
        'Organisation/Juridiskform EF: a sole trader has no organisation number of its own',
      );
    }
    if (!(legalForms as readonly string[]).includes(legalForm)) {
      reject('bad_value', `Organisation/Juridiskform is not one of ${legalForms.join(', ')}`);
    }
    const seen = new Set<string>();
    const signatories = Firmatecknare.map((signatory) => {
      const path = 'Organisation/Firmatecknare';
      const [PersonNr, Fran] = childrenOf(signatory, path, signatoryShape);
      const number = numbers.read(only(PersonNr), `${path}/PersonNr`).normalized;
      if (seen.has(number)) reject('inconsistent', `${path} names the same person twice`);
      seen.add(number);
      return { personalNumber: number, from: optionalDate(Fran, `${path}/Fran`) };
    });
    return {
      kind: 'organisation',
      position,
      organisationNumber: organisationNumberOf(only(OrgNr), 'Organisation/OrgNr'),
      name: textOf(only(Namn), 'Organisation/Namn', 200),
      legalForm: legalForm as LegalForm,
      signatories,
    };
  },
};

function readOwner(element: XmlElement, numbers: PersonalNumberReader): PropertyOwner {
  const path = 'Fastighet/Agare';
  const [PersonNr, OrgNr, Andel, Fran] = childrenOf(element, path, ownerShape);
  if ((PersonNr.length === 0) === (OrgNr.length === 0)) {
    reject('inconsistent', `${path} needs exactly one of PersonNr and OrgNr`);
  }
  const share = /^(\d{1,6})\/(\d{1,6})$/.exec(textOf(only(Andel), `${path}/Andel`, 13));
  const numerator = Number(share?.[1]);
  const denominator = Number(share?.[2]);
  if (!share || numerator < 1 || denominator < numerator) {
    reject('bad_value', `${path}/Andel is not a share such as 1/2`);
  }
  return {
    owner: PersonNr[0]
      ? {
          type: 'person',
          personalNumber: numbers.read(PersonNr[0], `${path}/PersonNr`).normalized,
        }
      : {
          type: 'organisation',
          organisationNumber: organisationNumberOf(only(OrgNr), `${path}/OrgNr`),
        },
    share: { numerator, denominator },
    from: optionalDate(Fran, `${path}/Fran`),
  };
}

/** The owners' shares must make up the whole property, exactly. */
function checkSharesAddUp(owners: PropertyOwner[]): void {
  let numerator = 0n;
  let denominator = 1n;
  for (const { share } of owners) {
    numerator = numerator * BigInt(share.denominator) + BigInt(share.numerator) * denominator;
    denominator *= BigInt(share.denominator);
  }
  if (numerator !== denominator)
    reject('inconsistent', 'the owners’ shares in Fastighet/Agare do not add up to 1');
}
