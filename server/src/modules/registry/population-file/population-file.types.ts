/**
 * What the population file parser yields (docs/population-file-format.md): the header first, then
 * one item per record element in file order, each either a typed record or a rejection.
 * Dates are `YYYY-MM-DD`; personal numbers are the 12-digit stored form; organisation numbers ten
 * digits; coordinates SWEREF 99 TM (EPSG:3006) metres.
 */

export const populationFileKinds = ['full', 'change'] as const;
/** `full` (typ="fullstandig"): complete records; `change` (typ="andring"): dated change records. */
export type PopulationFileKind = (typeof populationFileKinds)[number];

export type PopulationFileHeader = {
  kind: 'header';
  fileKind: PopulationFileKind;
  /** When the file was made, as written (ISO 8601 with a time zone). */
  created: string;
  /** Who made it (`kalla`), e.g. `Skatteverket Navet` or `karna generate`. */
  source: string;
  /** Synthetic test data (`syntetisk="J"`): an import into production should refuse it. */
  isSynthetic: boolean;
  line: number;
};

/** Where a record is: its number among the root's child elements (from 1) and its first line. */
export type RecordPosition = { record: number; line: number };

/** The same values as the registry's `protection` column; protected registration wins when both are set. */
export type PopulationProtection = 'none' | 'secrecy_marking' | 'protected_registration';

export type PersonName = {
  /** All given names (Fornamn), e.g. `Anna Maria`. */
  givenNames: string;
  /** The name the person is called by (Tilltalsnamn), one of the given names, when the file says. */
  callingName: string | null;
  middleName: string | null;
  familyName: string;
};

export type SwerefPoint = { northing: number; easting: number };

export type Registration = {
  /** Folkbokföringsdatum: registered at this place since. */
  since: string | null;
  countyCode: string;
  municipalityCode: string;
  /** Folkbokföringsfastighet: a property designation, a value (the property record may come later). */
  propertyDesignation: string | null;
  /** The registered address's position; our addition to Navet's record. */
  point: SwerefPoint | null;
};

export type PostalAddress = {
  careOf: string | null;
  /** Utdelningsadress1: an extra line before the street (a building, a box). */
  extraLine: string | null;
  /** Utdelningsadress2: street, number and flat (`Storgatan 12 LGH 1102`). */
  streetAddress: string;
  /** Five digits, without the space. */
  postalCode: string;
  postalTown: string;
};

export type Guardian = { personalNumber: string; from: string };

export type Deregistration = { reason: 'death' | 'emigration'; date: string };

/** A complete person as a full load (and a birth) carries it. */
export type PersonData = {
  personalNumber: string;
  birthDate: string;
  isCoordinationNumber: boolean;
  name: PersonName;
  protection: PopulationProtection;
  /** When the protection in force began, if the file says. */
  protectedSince: string | null;
  registration: Registration;
  /** Null for protected registration (the register holds no real address) or when unknown. */
  address: PostalAddress | null;
  guardians: Guardian[];
  deregistration: Deregistration | null;
};

export type PersonRecord = { kind: 'person'; position: RecordPosition; person: PersonData };

export type MoveRecord = {
  kind: 'move';
  position: RecordPosition;
  personalNumber: string;
  date: string;
  registration: Registration;
  /** Absent for a person with protected registration. */
  address: PostalAddress | null;
};

export type BirthRecord = { kind: 'birth'; position: RecordPosition; date: string; person: PersonData };

export type CustodyChange = { guardian: string; change: 'added' | 'ended'; date: string };

export type CustodyRecord = {
  kind: 'custody';
  position: RecordPosition;
  /** The child. */
  personalNumber: string;
  changes: CustodyChange[];
};

export type DeathRecord = { kind: 'death'; position: RecordPosition; personalNumber: string; date: string };

export type EmigrationRecord = {
  kind: 'emigration';
  position: RecordPosition;
  personalNumber: string;
  date: string;
  country: string | null;
};

/** Termkod 01003 is secrecy marking, 01020 protected registration (docs/population-file-format.md). */
export type ProtectionTermCode = '01003' | '01020';

export type ProtectionRecord = {
  kind: 'protection';
  position: RecordPosition;
  personalNumber: string;
  date: string;
  termCode: ProtectionTermCode;
  protection: Exclude<PopulationProtection, 'none'>;
  action: 'set' | 'lifted';
  /** Only when protected registration is lifted: where the person is registered from now on. */
  registration: Registration | null;
  address: PostalAddress | null;
};

export type NameChangeRecord = {
  kind: 'nameChange';
  position: RecordPosition;
  personalNumber: string;
  date: string;
  name: PersonName;
};

export type OwnerRef =
  | { type: 'person'; personalNumber: string }
  | { type: 'organisation'; organisationNumber: string };

export type PropertyOwner = {
  owner: OwnerRef;
  share: { numerator: number; denominator: number };
  from: string | null;
};

/** A property, Lantmäteriet's fastighetsregister stood in for. */
export type PropertyRecord = {
  kind: 'property';
  position: RecordPosition;
  /** Upper case with single spaces, e.g. `KÅLLERED 1:23`. */
  designation: string;
  municipalityCode: string;
  areaSquareMetres: number | null;
  point: SwerefPoint;
  owners: PropertyOwner[];
};

export const legalForms = ['AB', 'HB', 'KB', 'EK', 'BRF', 'IF', 'ST'] as const;
/** AB aktiebolag, HB handelsbolag, KB kommanditbolag, EK ekonomisk förening, BRF bostadsrättsförening, IF ideell förening, ST stiftelse. */
export type LegalForm = (typeof legalForms)[number];

export type Signatory = { personalNumber: string; from: string | null };

/** An organisation, Bolagsverket's register stood in for. */
export type OrganisationRecord = {
  kind: 'organisation';
  position: RecordPosition;
  organisationNumber: string;
  name: string;
  legalForm: LegalForm;
  signatories: Signatory[];
};

export type PopulationRecord =
  | PersonRecord
  | MoveRecord
  | BirthRecord
  | CustodyRecord
  | DeathRecord
  | EmigrationRecord
  | ProtectionRecord
  | NameChangeRecord
  | PropertyRecord
  | OrganisationRecord;

export type PopulationRecordKind = PopulationRecord['kind'];

export const rejectionCodes = [
  'bad_personal_number',
  'bad_organisation_number',
  'bad_date',
  'bad_value',
  'missing_field',
  'unknown_element',
  'coordinate_out_of_range',
  'inconsistent',
  'malformed_record',
  'not_allowed_here',
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

/**
 * A record the file alone shows to be wrong. `reason` names the field and the fault, never a value
 * from the file (no personal number, name or address), so it may be logged as it is.
 */
export type PopulationRejection = {
  kind: 'rejected';
  position: RecordPosition;
  /** The record's element name, e.g. `Folkbokforingspost`. */
  element: string;
  code: RejectionCode;
  reason: string;
};

export type PopulationFileItem = PopulationFileHeader | PopulationRecord | PopulationRejection;
