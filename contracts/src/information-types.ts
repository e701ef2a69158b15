import { z } from 'zod';
import { text } from './text.ts';

/**
 * A kind of information the municipality keeps once (E3, E4): person, customer, supplier,
 * employee, property, case … with its authoritative source system and the concepts it defines.
 * `sourceSystemRef` is the application portfolio's id of that system once the portfolio exists.
 */
export const InformationConcept = z.object({
  term: text({ max: 100, min: 1 }),
  definition: text({ max: 1000, min: 1, multiline: true }),
});
export type InformationConcept = z.infer<typeof InformationConcept>;

export const InformationTypeInput = z.object({
  key: z
    .string()
    .min(2)
    .max(50)
    .regex(/^[a-z][a-zA-Z]*$/, { error: 'letters only, starting with a small letter, e.g. "supplier"' }),
  nameSv: text({ max: 100, min: 1 }),
  nameEn: text({ max: 100, min: 1 }),
  description: text({ max: 2000, min: 1, multiline: true }),
  sourceSystem: text({ max: 200, min: 1 }),
  sourceSystemRef: text({ max: 100 }).nullable(),
  stewardOrgUnitId: z.uuid().nullable(),
  concepts: z.array(InformationConcept).max(50),
});
export type InformationTypeInput = z.infer<typeof InformationTypeInput>;

export const InformationType = InformationTypeInput.extend({
  id: z.uuid(),
  stewardOrgUnitName: z.string().nullable(),
  /**
   * The system the application portfolio designates as authoritative for the whole municipality
   * today (a dated master-data designation); null without one. `sourceSystem` stays as entered.
   */
  authoritativeSystem: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  updatedAt: z.iso.datetime(),
});
export type InformationType = z.infer<typeof InformationType>;

export const InformationTypeListResponse = z.object({ items: z.array(InformationType) });
export type InformationTypeListResponse = z.infer<typeof InformationTypeListResponse>;

export const InformationTypeIdParams = z.object({ informationTypeId: z.uuid() });
