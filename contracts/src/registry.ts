import { z } from 'zod';
import { PersonalNumberInput } from './personal-number/index.ts';
import { text } from './text.ts';

/** How a person's identity is protected in the population register (Skatteverket's term codes). */
export const Protection = z.enum(['none', 'secrecy_marking', 'protected_registration']);
export type Protection = z.infer<typeof Protection>;

/** A point both in SWEREF 99 TM (how the register stores it) and WGS84 (what maps and APIs use). */
export const Coordinates = z.object({
  sweref99tm: z.object({ northing: z.number(), easting: z.number() }),
  wgs84: z.object({ latitude: z.number(), longitude: z.number() }),
});
export type Coordinates = z.infer<typeof Coordinates>;

export const RegisteredAddress = z.object({
  careOf: z.string().nullable(),
  streetAddress: z.string(),
  postalCode: z.string(),
  postalTown: z.string(),
  municipalityCode: z.string().nullable(),
  countyCode: z.string().nullable(),
});
export type RegisteredAddress = z.infer<typeof RegisteredAddress>;

/**
 * A person as the register knows them. For a protected person, without the dedicated permission,
 * `address`, `coordinates` and the relations are left out and `protection` says why.
 */
export const RegistryPerson = z.object({
  id: z.uuid(),
  personalNumber: z.string(),
  isCoordinationNumber: z.boolean(),
  givenName: z.string(),
  middleName: z.string().nullable(),
  familyName: z.string(),
  birthDate: z.iso.date(),
  age: z.number().int(),
  protection: Protection,
  /** Left out (null) for a protected person unless the reader may see it. */
  address: RegisteredAddress.nullable(),
  coordinates: Coordinates.nullable(),
  deceasedOn: z.iso.date().nullable(),
  emigratedOn: z.iso.date().nullable(),
  /** Given by the person themself, not by the register. */
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }),
});
export type RegistryPerson = z.infer<typeof RegistryPerson>;

/** A relative in an overview: a protected one is only named as protected. */
export const RelatedPerson = z.discriminatedUnion('protected', [
  z.object({
    protected: z.literal(false),
    id: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: z.iso.date(),
    age: z.number().int(),
  }),
  z.object({ protected: z.literal(true) }),
]);
export type RelatedPerson = z.infer<typeof RelatedPerson>;

export const OwnedProperty = z.object({
  id: z.uuid(),
  designation: z.string(),
  municipalityCode: z.string(),
  areaSquareMetres: z.number().nullable(),
  share: z.object({ numerator: z.number().int(), denominator: z.number().int() }),
  coordinates: Coordinates,
});
export type OwnedProperty = z.infer<typeof OwnedProperty>;

export const RepresentedOrganisation = z.object({
  id: z.uuid(),
  organisationNumber: z.string(),
  name: z.string(),
  legalForm: z.string(),
});
export type RepresentedOrganisation = z.infer<typeof RepresentedOrganisation>;

export const CustomerRelation = z.object({
  orgUnitId: z.uuid(),
  /** The department or municipal company, by name. */
  orgUnitName: z.string(),
  relation: z.string(),
  since: z.iso.date(),
});
export type CustomerRelation = z.infer<typeof CustomerRelation>;

/** Everything the municipality knows about a person, in one answer (MOL 5.2, E2). */
export const PersonOverview = z.object({
  person: RegistryPerson,
  children: z.array(RelatedPerson),
  guardians: z.array(RelatedPerson),
  properties: z.array(OwnedProperty),
  organisations: z.array(RepresentedOrganisation),
  /** Filled by the cases module once it exists. */
  openCases: z.array(z.object({ id: z.uuid(), reference: z.string(), title: z.string() })),
  customerRelations: z.array(CustomerRelation),
});
export type PersonOverview = z.infer<typeof PersonOverview>;

/** Why an officer looks a person up: recorded in the audit trail with the lookup. */
export const lookupPurposes = [
  'caseHandling',
  'serviceToTheIndividual',
  'registerMaintenance',
  'other',
] as const;
export const LookupPurpose = z.enum(lookupPurposes);
export type LookupPurpose = z.infer<typeof LookupPurpose>;

const purposeFields = {
  purpose: LookupPurpose,
  /** Required for `other`; a case reference or a short reason otherwise. */
  purposeText: text({ max: 200 }).optional(),
};
const requireTextForOther = (value: { purpose: LookupPurpose; purposeText?: string | undefined }) =>
  value.purpose !== 'other' || Boolean(value.purposeText);
const OTHER_NEEDS_TEXT = { error: 'say what the purpose is when it is "other"', path: ['purposeText'] };

/** A search: by personal number, or by name and birth year (which never finds a protected person). */
export const PersonSearchRequest = z
  .union([
    z.object({ personalNumber: PersonalNumberInput, ...purposeFields }),
    z.object({
      familyName: text({ max: 100 }),
      givenName: text({ max: 100 }).optional(),
      birthYear: z.number().int().min(1880).max(2100),
      ...purposeFields,
    }),
  ])
  .refine(requireTextForOther, OTHER_NEEDS_TEXT);
export type PersonSearchRequest = z.input<typeof PersonSearchRequest>;

export const PersonSearchHit = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.iso.date(),
  postalTown: z.string().nullable(),
  protection: Protection,
});
export type PersonSearchHit = z.infer<typeof PersonSearchHit>;

export const PersonSearchResponse = z.object({ items: z.array(PersonSearchHit) });
export type PersonSearchResponse = z.infer<typeof PersonSearchResponse>;

export const PersonIdParams = z.object({ personId: z.uuid() });
export const PersonOverviewQuery = z.object(purposeFields).refine(requireTextForOther, OTHER_NEEDS_TEXT);
export type PersonOverviewQuery = z.infer<typeof PersonOverviewQuery>;

/** A citizen's correction of their own contact details (the register's facts change at Skatteverket). */
export const UpdateContactRequest = z.object({
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^\+?[0-9][0-9 \-()]{4,28}$/, { error: 'must be a phone number, e.g. 070-123 45 67' })
    .nullable(),
  email: z.email().max(254).nullable(),
});
export type UpdateContactRequest = z.infer<typeof UpdateContactRequest>;
