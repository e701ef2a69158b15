import { z } from 'zod';
import { text } from './text.ts';

/**
 * Licence administration (N6): a pool of licences per application, assigned to staff members from
 * a date and released with an end date (kept as history), and the "last used" dates the
 * supplier's portal reports. A licence counts as used when it was used in the last 90 days; one
 * assigned for 90 days or more and not used in the last 90 is suggested for release and reuse.
 * Money travels as whole öre per year.
 */

const isoDate = z.iso.date().refine((date) => date >= '2000-01-01' && date <= '2199-12-31', {
  error: 'must be a date between 2000 and 2199',
});

export const LicencePoolInput = z.object({
  /** The licence as the supplier sells it ("Microsoft 365 E5"); unique. */
  name: text({ max: 120 }),
  /** The application of the portfolio the licences are for, if any. */
  systemId: z.uuid().nullable(),
  supplier: text({ max: 120 }),
  /** How many licences are bought. */
  purchased: z.number().int().min(0).max(100_000),
  /** The price of one licence for a year, in öre (up to 10 million kronor). */
  unitPriceOre: z.number().int().min(0).max(1_000_000_000),
  /** When the agreement is to be renewed (or given notice), if known. */
  renewalOn: isoDate.nullable(),
  notes: text({ max: 4000, multiline: true }).nullable(),
});
export type LicencePoolInput = z.infer<typeof LicencePoolInput>;

export const LicencePoolIdParams = z.object({ poolId: z.uuid() });
export const LicenceAssignmentParams = z.object({ poolId: z.uuid(), assignmentId: z.uuid() });

export const LicenceAssignmentInput = z.object({
  /** A staff member (identity's user id). */
  personId: z.uuid(),
  from: isoDate,
});
export type LicenceAssignmentInput = z.infer<typeof LicenceAssignmentInput>;

export const LicenceReleaseInput = z.object({
  /** The last day the person holds the licence: not before it was assigned, nor after today. */
  on: isoDate,
});
export type LicenceReleaseInput = z.infer<typeof LicenceReleaseInput>;

/** The supplier's report of use, as JSON (the CSV file has the columns `e-post;senast använd`). */
export const LicenceUsageInput = z.object({
  items: z
    .array(
      z.object({
        email: text({ max: 254 }),
        /** The day the person last used the licence; null when they never have. */
        lastUsedOn: isoDate.nullable(),
      }),
    )
    .min(1)
    .max(100_000),
});
export type LicenceUsageInput = z.infer<typeof LicenceUsageInput>;

/** What a pool costs and how much of it is used, on the day asked. */
export const LicenceFigures = z.object({
  purchased: z.number().int(),
  /** Open assignments. */
  assigned: z.number().int(),
  /** Purchased and not assigned. */
  unassigned: z.number().int(),
  /** Open assignments used in the last 90 days. */
  used: z.number().int(),
  /** Purchased and not used in the last 90 days: the unassigned and the idle. */
  unused: z.number().int(),
  /** Open assignments suggested for release (see `LicenceReuseSuggestion`). */
  suggestedForRelease: z.number().int(),
  costPerYearOre: z.number().int(),
  /** What the unused licences cost a year. */
  unusedCostPerYearOre: z.number().int(),
});
export type LicenceFigures = z.infer<typeof LicenceFigures>;

export const LicencePoolSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  system: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  supplier: z.string(),
  unitPriceOre: z.number().int(),
  renewalOn: z.iso.date().nullable(),
  figures: LicenceFigures,
});
export type LicencePoolSummary = z.infer<typeof LicencePoolSummary>;

export const LicencePoolListResponse = z.object({
  items: z.array(LicencePoolSummary),
  totals: z.object({ costPerYearOre: z.number().int(), unusedCostPerYearOre: z.number().int() }),
});
export type LicencePoolListResponse = z.infer<typeof LicencePoolListResponse>;

export const LicenceAssignment = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  /** The staff member's name and work e-mail (never a personal number). */
  name: z.string(),
  email: z.string().nullable(),
  from: z.iso.date(),
  /** The last day held; null while the assignment is open. */
  to: z.iso.date().nullable(),
  lastUsedOn: z.iso.date().nullable(),
});
export type LicenceAssignment = z.infer<typeof LicenceAssignment>;

/** An open assignment held for 90 days or more and not used in the last 90: release it and reuse the licence. */
export const LicenceReuseSuggestion = z.object({
  assignmentId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  from: z.iso.date(),
  lastUsedOn: z.iso.date().nullable(),
  /** Days since the last use; null when never used. */
  daysSinceUse: z.number().int().nullable(),
  daysAssigned: z.number().int(),
});
export type LicenceReuseSuggestion = z.infer<typeof LicenceReuseSuggestion>;

export const LicencePoolDetail = LicencePoolSummary.extend({
  notes: z.string().nullable(),
  /** When the supplier's report of use was last imported. */
  usageImportedAt: z.iso.datetime().nullable(),
  /** The open assignments, by name. */
  assignments: z.array(LicenceAssignment),
  /** Released assignments, the latest 200 first. */
  released: z.array(LicenceAssignment),
  /** Never used first, then the longest unused. */
  suggestions: z.array(LicenceReuseSuggestion),
});
export type LicencePoolDetail = z.infer<typeof LicencePoolDetail>;

export const LicenceUsageResult = z.object({
  /** Rows in the report. */
  rows: z.number().int(),
  /** Assignments whose last use moved later. */
  updated: z.number().int(),
  pool: LicencePoolDetail,
});
export type LicenceUsageResult = z.infer<typeof LicenceUsageResult>;
