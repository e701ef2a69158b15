import { z } from 'zod';
import { LookupPurpose, OwnedProperty, RelatedPerson, RepresentedOrganisation } from './registry.ts';

/**
 * Whom a logged-in citizen acts for (A5): a child in their custody, or an organisation the
 * companies register names them signatory for. Kept in the session, shown on every page and
 * recorded in every audit entry beside the actor. `null` when they act for themself.
 */
export const ActingFor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('child'), personId: z.uuid(), name: z.string() }),
  z.object({
    kind: z.literal('organisation'),
    organisationId: z.uuid(),
    organisationNumber: z.string(),
    name: z.string(),
  }),
]);
export type ActingFor = z.infer<typeof ActingFor>;

/** Whom the citizen may act for today, and whom they act for now. */
export const Representations = z.object({
  self: z.object({ personId: z.uuid(), name: z.string() }),
  /** Children in custody today; a protected child is only named as protected and cannot be chosen online. */
  children: z.array(RelatedPerson),
  organisations: z.array(RepresentedOrganisation),
  actingFor: ActingFor.nullable(),
});
export type Representations = z.infer<typeof Representations>;

/** The choice after login: act for oneself, a child in custody, or an organisation one signs for. */
export const ChooseActingForRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('self') }),
  z.object({ kind: z.literal('child'), personId: z.uuid() }),
  z.object({ kind: z.literal('organisation'), organisationId: z.uuid() }),
]);
export type ChooseActingForRequest = z.infer<typeof ChooseActingForRequest>;

/** An organisation as one of its signatories sees it on Mina sidor. */
export const MyOrganisation = z.object({
  organisation: RepresentedOrganisation,
  signatories: z.array(z.object({ givenName: z.string(), familyName: z.string() })),
  properties: z.array(OwnedProperty),
});
export type MyOrganisation = z.infer<typeof MyOrganisation>;

export const OrganisationIdParams = z.object({ organisationId: z.uuid() });

/** One time an officer looked the person up (GDPR art. 15: who has read my data, when and why). */
export const PersonLookup = z.object({
  at: z.iso.datetime(),
  /** The officer's name as the audit trail recorded it. */
  officer: z.string(),
  kind: z.enum(['search', 'overview']),
  /** The purpose the officer chose from the list (null when the trail recorded another purpose). */
  purpose: LookupPurpose.nullable(),
  /** The officer's own words when given, or the whole recorded purpose when it is not from the list. */
  purposeText: z.string().nullable(),
});
export type PersonLookup = z.infer<typeof PersonLookup>;

export const PersonLookupsResponse = z.object({ items: z.array(PersonLookup) });
export type PersonLookupsResponse = z.infer<typeof PersonLookupsResponse>;
