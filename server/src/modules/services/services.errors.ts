import { AppError, type ErrorCatalog, type FieldErrorDetail } from '../../platform/http/errors.ts';

export const servicesErrorCodes = [
  'service_not_found',
  'draft_not_found',
  'attachment_not_found',
  'login_required_for_service',
  'definition_invalid',
  'attachment_refused',
  'attachment_too_large',
  'attachment_limit_reached',
  'unit_not_in_scope',
] as const;
export type ServicesErrorCode = (typeof servicesErrorCodes)[number];

export function servicesError(
  code: ServicesErrorCode,
  options: { fieldErrors?: FieldErrorDetail[]; detail?: string } = {},
): AppError<ServicesErrorCode> {
  return new AppError(code, options);
}

export const servicesErrors: ErrorCatalog<ServicesErrorCode> = {
  service_not_found: {
    status: 404,
    title: { sv: 'E-tjänsten finns inte.', en: 'The e-service does not exist.' },
  },
  draft_not_found: {
    status: 404,
    title: { sv: 'Utkastet finns inte.', en: 'The draft does not exist.' },
  },
  attachment_not_found: {
    status: 404,
    title: { sv: 'Filen finns inte i utkastet.', en: 'The file is not in the draft.' },
  },
  login_required_for_service: {
    status: 401,
    title: {
      sv: 'Du behöver logga in med e-legitimation för att använda e-tjänsten.',
      en: 'You need to log in with e-identification to use the e-service.',
    },
  },
  definition_invalid: {
    status: 400,
    title: {
      sv: 'E-tjänstens definition går inte att publicera.',
      en: 'The e-service definition cannot be published.',
    },
  },
  attachment_refused: {
    status: 415,
    title: {
      sv: 'Filtypen tas inte emot här. Välj en fil av en tillåten typ.',
      en: 'This type of file is not accepted here. Choose a file of an allowed type.',
    },
  },
  attachment_too_large: {
    status: 413,
    title: { sv: 'Filen är för stor.', en: 'The file is too large.' },
  },
  unit_not_in_scope: {
    status: 403,
    title: {
      sv: 'Du kan bara publicera e-tjänster för enheter inom ditt ansvarsområde.',
      en: 'You can only publish e-services for units within your area of responsibility.',
    },
  },
  attachment_limit_reached: {
    status: 409,
    title: {
      sv: 'Du har redan bifogat så många filer som går.',
      en: 'You have already attached as many files as allowed.',
    },
  },
};
