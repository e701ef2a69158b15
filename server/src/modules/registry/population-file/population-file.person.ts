import { reject } from './population-file.errors.ts';
import {
  childrenOf,
  codeOf,
  dateOf,
  flagOf,
  only,
  optionalDate,
  optionalText,
  type PersonalNumberReader,
  pointOf,
  postalCodeOf,
  shape,
  textOf,
  type XmlElement,
} from './population-file.fields.ts';
import type {
  Guardian,
  PersonData,
  PersonName,
  PostalAddress,
  Registration,
} from './population-file.types.ts';

// A person's parts, shared by full loads and change records, in the order childrenOf returns them.
const personShape = shape(
  ['Sekretessmarkering', '1'],
  ['SekretessDatum', '?'],
  ['SkyddadFolkbokforing', '1'],
  ['SkyddadFolkbokforingDatum', '?'],
  ['Personpost', '1'],
);
const personPostShape = shape(
  ['PersonId', '1'],
  ['Namn', '1'],
  ['Folkbokforing', '1'],
  ['Folkbokforingsadress', '?'],
  ['Relationer', '?'],
  ['Avregistrering', '?'],
);
const personIdShape = shape(['PersonNr', '1']);
const relationsShape = shape(['Vardnadshavare', '*']);
const guardianShape = shape(['PersonNr', '1'], ['Fran', '1']);
const deregistrationShape = shape(['AvregistreringsorsakKod', '1'], ['Avregistreringsdatum', '1']);
const nameShape = shape(['Fornamn', '1'], ['Tilltalsnamn', '?'], ['Mellannamn', '?'], ['Efternamn', '1']);
const registrationShape = shape(
  ['Folkbokforingsdatum', '?'],
  ['Lanskod', '1'],
  ['Kommunkod', '1'],
  ['Fastighetsbeteckning', '?'],
  ['Koordinat', '?'],
);
const addressShape = shape(
  ['CareOf', '?'],
  ['Utdelningsadress1', '?'],
  ['Utdelningsadress2', '1'],
  ['PostNr', '1'],
  ['Postort', '1'],
);

/** A Folkbokforingspost: the person, their protection and their guardians. */
export function readPerson(element: XmlElement, path: string, numbers: PersonalNumberReader): PersonData {
  const [Sekretessmarkering, SekretessDatum, SkyddadFolkbokforing, SkyddadFolkbokforingDatum, Personpost] =
    childrenOf(element, path, personShape);
  const hasSecrecy = flagOf(only(Sekretessmarkering), `${path}/Sekretessmarkering`);
  const hasProtectedRegistration = flagOf(only(SkyddadFolkbokforing), `${path}/SkyddadFolkbokforing`);
  const secrecySince = optionalDate(SekretessDatum, `${path}/SekretessDatum`);
  const registrationSince = optionalDate(SkyddadFolkbokforingDatum, `${path}/SkyddadFolkbokforingDatum`);
  if (secrecySince && !hasSecrecy)
    reject('inconsistent', `${path}/SekretessDatum is given without Sekretessmarkering J`);
  if (registrationSince && !hasProtectedRegistration) {
    reject('inconsistent', `${path}/SkyddadFolkbokforingDatum is given without SkyddadFolkbokforing J`);
  }

  const postPath = `${path}/Personpost`;
  const [PersonId, Namn, Folkbokforing, Folkbokforingsadress, Relationer, Avregistrering] = childrenOf(
    only(Personpost),
    postPath,
    personPostShape,
  );
  const [PersonNr] = childrenOf(only(PersonId), `${postPath}/PersonId`, personIdShape);
  const number = numbers.read(only(PersonNr), `${postPath}/PersonId/PersonNr`);
  const registration = readRegistration(only(Folkbokforing), `${postPath}/Folkbokforing`);
  const address = Folkbokforingsadress[0]
    ? readAddress(Folkbokforingsadress[0], `${postPath}/Folkbokforingsadress`)
    : null;
  if (hasProtectedRegistration && (address || registration.propertyDesignation || registration.point)) {
    reject(
      'inconsistent',
      `${path} has skyddad folkbokföring but carries an address, a property or a position`,
    );
  }

  const guardians: Guardian[] = [];
  if (Relationer[0]) {
    const relationsPath = `${postPath}/Relationer`;
    const [Vardnadshavare] = childrenOf(Relationer[0], relationsPath, relationsShape);
    if (Vardnadshavare.length > 2)
      reject('inconsistent', `${relationsPath} names more than two Vardnadshavare`);
    const seen = new Set<string>();
    for (const guardian of Vardnadshavare) {
      const guardianPath = `${relationsPath}/Vardnadshavare`;
      const [GuardianNr, Fran] = childrenOf(guardian, guardianPath, guardianShape);
      const guardianNumber = numbers.read(only(GuardianNr), `${guardianPath}/PersonNr`);
      checkGuardian(guardianNumber, number, guardianPath, seen);
      const from = dateOf(only(Fran), `${guardianPath}/Fran`);
      if (from < number.birthDate) reject('inconsistent', `${guardianPath}/Fran is before the child's birth`);
      guardians.push({ personalNumber: guardianNumber.normalized, from });
    }
  }

  let deregistration: PersonData['deregistration'] = null;
  if (Avregistrering[0]) {
    const deregistrationPath = `${postPath}/Avregistrering`;
    const [AvregistreringsorsakKod, Avregistreringsdatum] = childrenOf(
      Avregistrering[0],
      deregistrationPath,
      deregistrationShape,
    );
    const date = dateOf(only(Avregistreringsdatum), `${deregistrationPath}/Avregistreringsdatum`);
    if (date < number.birthDate)
      reject('inconsistent', `${deregistrationPath}/Avregistreringsdatum is before the birth`);
    deregistration = {
      reason: reasonOf(only(AvregistreringsorsakKod), `${deregistrationPath}/AvregistreringsorsakKod`),
      date,
    };
  }

  return {
    personalNumber: number.normalized,
    birthDate: number.birthDate,
    isCoordinationNumber: number.isCoordinationNumber,
    name: readName(only(Namn), `${postPath}/Namn`),
    protection: hasProtectedRegistration ? 'protected_registration' : hasSecrecy ? 'secrecy_marking' : 'none',
    protectedSince: hasProtectedRegistration ? registrationSince : hasSecrecy ? secrecySince : null,
    registration,
    address,
    guardians,
    deregistration,
  };
}

export function readName(element: XmlElement, path: string): PersonName {
  const [Fornamn, Tilltalsnamn, Mellannamn, Efternamn] = childrenOf(element, path, nameShape);
  const givenNames = textOf(only(Fornamn), `${path}/Fornamn`, 100);
  const callingName = optionalText(Tilltalsnamn, `${path}/Tilltalsnamn`, 100);
  if (callingName !== null && !givenNames.split(' ').includes(callingName)) {
    reject('inconsistent', `${path}/Tilltalsnamn is not one of the given names`);
  }
  return {
    givenNames,
    callingName,
    middleName: optionalText(Mellannamn, `${path}/Mellannamn`, 100),
    familyName: textOf(only(Efternamn), `${path}/Efternamn`, 100),
  };
}

export function readRegistration(element: XmlElement, path: string): Registration {
  const [Folkbokforingsdatum, Lanskod, Kommunkod, Fastighetsbeteckning, Koordinat] = childrenOf(
    element,
    path,
    registrationShape,
  );
  const countyCode = codeOf(only(Lanskod), `${path}/Lanskod`, 2);
  const municipalityCode = codeOf(only(Kommunkod), `${path}/Kommunkod`, 4);
  if (!municipalityCode.startsWith(countyCode)) {
    reject('inconsistent', `${path}/Kommunkod does not lie in ${path}/Lanskod`);
  }
  return {
    since: optionalDate(Folkbokforingsdatum, `${path}/Folkbokforingsdatum`),
    countyCode,
    municipalityCode,
    propertyDesignation: Fastighetsbeteckning[0]
      ? designationOf(Fastighetsbeteckning[0], `${path}/Fastighetsbeteckning`)
      : null,
    point: Koordinat[0] ? pointOf(Koordinat[0], `${path}/Koordinat`) : null,
  };
}

export function readAddress(element: XmlElement, path: string): PostalAddress {
  const [CareOf, Utdelningsadress1, Utdelningsadress2, PostNr, Postort] = childrenOf(
    element,
    path,
    addressShape,
  );
  return {
    careOf: optionalText(CareOf, `${path}/CareOf`, 35),
    extraLine: optionalText(Utdelningsadress1, `${path}/Utdelningsadress1`, 35),
    streetAddress: textOf(only(Utdelningsadress2), `${path}/Utdelningsadress2`, 35),
    postalCode: postalCodeOf(only(PostNr), `${path}/PostNr`),
    postalTown: textOf(only(Postort), `${path}/Postort`, 27),
  };
}

export function reasonOf(element: XmlElement, path: string): 'death' | 'emigration' {
  const code = textOf(element, path, 2);
  if (code === 'AV') return 'death';
  if (code === 'UV') return 'emigration';
  return reject('bad_value', `${path} is neither AV (avliden) nor UV (utvandrad)`);
}

export function checkGuardian(
  guardian: { normalized: string; birthDate: string },
  child: { normalized: string; birthDate: string },
  path: string,
  seen: Set<string>,
): void {
  if (guardian.normalized === child.normalized)
    reject('inconsistent', `${path} names the child as its own guardian`);
  if (seen.has(guardian.normalized)) reject('inconsistent', `${path} names the same guardian twice`);
  if (guardian.birthDate >= child.birthDate)
    reject('inconsistent', `${path} names a guardian born after the child`);
  seen.add(guardian.normalized);
}

const DESIGNATION = /^\p{Lu}[\p{Lu}\p{Nd} -]*? \d{1,5}:\d{1,5}$/u;

/** `Kållered 1:23` → `KÅLLERED 1:23`: a designation is a key, so one spelling. */
export function designationOf(element: XmlElement, path: string): string {
  const value = textOf(element, path, 60).toUpperCase();
  if (!DESIGNATION.test(value))
    reject('bad_value', `${path} is not a property designation (TRAKT block:enhet)`);
  return value;
}
