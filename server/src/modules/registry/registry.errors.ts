import { AppError, type ErrorCatalog } from '../../platform/http/errors.ts';

export const registryErrorCodes = [
  'person_not_found',
  'not_in_population_register',
  'not_representing',
  'organisation_not_found',
  'invalid_cursor',
  'information_type_exists',
  'information_type_not_found',
  'unknown_org_unit',
] as const;
export type RegistryErrorCode = (typeof registryErrorCodes)[number];

export function registryError(code: RegistryErrorCode): AppError<RegistryErrorCode> {
  return new AppError(code);
}

export const registryErrors: ErrorCatalog<RegistryErrorCode> = {
  person_not_found: {
    status: 404,
    title: { sv: 'Personen finns inte i registret.', en: 'The person is not in the register.' },
  },
  not_in_population_register: {
    status: 404,
    title: {
      sv: 'Du finns inte i kommunens folkbokföringsregister.',
      en: 'You are not in the municipality’s population register.',
    },
  },
  not_representing: {
    status: 403,
    title: {
      sv: 'Enligt registret i dag kan du inte företräda den personen eller organisationen. Du företräder nu dig själv.',
      en: 'The register does not show that you can act for that person or organisation today. You now act for yourself.',
    },
  },
  organisation_not_found: {
    status: 404,
    title: {
      sv: 'Organisationen finns inte bland dem du företräder.',
      en: 'The organisation is not among those you represent.',
    },
  },
  invalid_cursor: {
    status: 400,
    title: {
      sv: 'Markören känns inte igen. Börja om med changedSince.',
      en: 'The cursor is not recognised. Start again with changedSince.',
    },
  },
  information_type_exists: {
    status: 409,
    title: {
      sv: 'Det finns redan en informationstyp med den nyckeln.',
      en: 'An information type with that key already exists.',
    },
  },
  information_type_not_found: {
    status: 404,
    title: { sv: 'Informationstypen finns inte.', en: 'The information type does not exist.' },
  },
  unknown_org_unit: {
    status: 400,
    title: {
      sv: 'Den förvaltande enheten finns inte i organisationen.',
      en: 'The steward unit is not in the organisation.',
    },
  },
};
