import { AppError, type ErrorCatalog, type FieldErrorDetail } from '../../platform/http/errors.ts';

/** Licence administration's error codes (N6). */
export const licenceErrorCodes = [
  'licence_pool_not_found',
  'licence_pool_name_taken',
  'licence_pool_system_unknown',
  'licence_pool_full',
  'licence_purchased_below_assigned',
  'licence_person_unknown',
  'licence_already_assigned',
  'licence_assignment_overlaps',
  'licence_assignment_not_found',
  'licence_assignment_released',
  'licence_release_date_invalid',
  'licence_usage_invalid',
] as const;
export type LicenceErrorCode = (typeof licenceErrorCodes)[number];

export function licenceError(
  code: LicenceErrorCode,
  options: { detail?: string; fieldErrors?: FieldErrorDetail[] } = {},
): AppError<LicenceErrorCode> {
  return new AppError(code, options);
}

export const licenceErrors: ErrorCatalog<LicenceErrorCode> = {
  licence_pool_not_found: {
    status: 404,
    title: { sv: 'Licensen finns inte.', en: 'The licence pool does not exist.' },
  },
  licence_pool_name_taken: {
    status: 409,
    title: {
      sv: 'Det finns redan en licens med det namnet.',
      en: 'A licence pool with that name already exists.',
    },
  },
  licence_pool_system_unknown: {
    status: 400,
    title: { sv: 'Systemet finns inte i portföljen.', en: 'The system is not in the portfolio.' },
  },
  licence_pool_full: {
    status: 409,
    title: {
      sv: 'Alla köpta licenser är redan tilldelade. Frigör en licens eller köp fler.',
      en: 'Every purchased licence is already assigned. Release one or buy more.',
    },
  },
  licence_purchased_below_assigned: {
    status: 409,
    title: {
      sv: 'Fler licenser är tilldelade än det nya antalet. Frigör licenser först.',
      en: 'More licences are assigned than the new count. Release some first.',
    },
  },
  licence_person_unknown: {
    status: 400,
    title: { sv: 'Medarbetaren finns inte.', en: 'The staff member does not exist.' },
  },
  licence_already_assigned: {
    status: 409,
    title: {
      sv: 'Medarbetaren har redan en licens av det slaget.',
      en: 'The staff member already holds a licence from this pool.',
    },
  },
  licence_assignment_overlaps: {
    status: 409,
    title: {
      sv: 'Medarbetaren hade licensen till ett senare datum. Tilldela från dagen efter.',
      en: 'The staff member held the licence until a later date. Assign from the day after.',
    },
  },
  licence_assignment_not_found: {
    status: 404,
    title: { sv: 'Tilldelningen finns inte.', en: 'The assignment does not exist.' },
  },
  licence_assignment_released: {
    status: 409,
    title: { sv: 'Licensen är redan frigjord.', en: 'The licence has already been released.' },
  },
  licence_release_date_invalid: {
    status: 409,
    title: {
      sv: 'Licensen kan inte frigöras före tilldelningen eller efter i dag.',
      en: 'A licence cannot be released before it was assigned or after today.',
    },
  },
  licence_usage_invalid: {
    status: 400,
    title: {
      sv: 'Användningen kunde inte läsas in. Inget har sparats.',
      en: 'The usage could not be imported. Nothing was saved.',
    },
  },
};
