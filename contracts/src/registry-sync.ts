import { z } from 'zod';
import { Coordinates, RegistryPerson, RepresentedOrganisation } from './registry.ts';

/**
 * Reads for business systems that keep in step with the registers instead of keeping their own
 * copy (E6, F1): in the order changes committed, a page at a time. Ask with `changedSince` the
 * first time, then follow `nextCursor` until it is null; keep the last cursor and ask again later
 * (its page comes again, then what changed since). A change still being written (a long import)
 * holds the pages at it until it commits; nothing behind it is skipped.
 */
export const SyncQuery = z.object({
  /** Only what changed at or after this moment (ISO 8601 with offset). */
  changedSince: z.iso.datetime({ offset: true }).optional(),
  /** The opaque `nextCursor` of the previous page. */
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type SyncQuery = z.infer<typeof SyncQuery>;

const page = <Item extends z.ZodType>(item: Item) =>
  z.object({
    items: z.array(item),
    /** Ask for the next page with this; null when this page reached the newest change. */
    nextCursor: z.string().nullable(),
  });

export const SyncedPerson = RegistryPerson.extend({
  changedAt: z.iso.datetime(),
  /** Guardians in custody today (ids), empty for a protected person unless the reader may see them. */
  guardianIds: z.array(z.uuid()),
});
export type SyncedPerson = z.infer<typeof SyncedPerson>;
export const PersonSyncPage = page(SyncedPerson);
export type PersonSyncPage = z.infer<typeof PersonSyncPage>;

export const SyncedOrganisation = RepresentedOrganisation.extend({
  changedAt: z.iso.datetime(),
  signatoryIds: z.array(z.uuid()),
});
export const OrganisationSyncPage = page(SyncedOrganisation);
export type OrganisationSyncPage = z.infer<typeof OrganisationSyncPage>;

export const SyncedProperty = z.object({
  id: z.uuid(),
  designation: z.string(),
  municipalityCode: z.string(),
  areaSquareMetres: z.number().nullable(),
  coordinates: Coordinates,
  changedAt: z.iso.datetime(),
  owners: z.array(
    z.object({
      /** A protected person who owns a share is listed as protected, without id, for readers without the permission. */
      personId: z.uuid().nullable(),
      organisationId: z.uuid().nullable(),
      share: z.object({ numerator: z.number().int(), denominator: z.number().int() }),
    }),
  ),
});
export const PropertySyncPage = page(SyncedProperty);
export type PropertySyncPage = z.infer<typeof PropertySyncPage>;
