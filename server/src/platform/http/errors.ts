/**
 * Errors are codes. A module lists its codes in `<module>.errors.ts` and throws `AppError` with one
 * of them; the composition root (server/src/error-catalog.ts) holds the one map from every code to
 * an HTTP status and a human title, and the compiler checks that no code is left out.
 */
export const platformErrorCodes = [
  'validation_failed',
  'malformed_request',
  'unsupported_media_type',
  'payload_too_large',
  'uri_too_long',
  'headers_too_large',
  'request_timeout',
  'not_found',
  'authentication_required',
  'forbidden',
  'csrf_token_invalid',
  'rate_limited',
  'service_unavailable',
  'internal_error',
] as const;
export type PlatformErrorCode = (typeof platformErrorCodes)[number];

/** A message in both languages, answered in the request's (for what people read, like a file's rows). */
export interface LocalizedMessage {
  sv: string;
  en: string;
}

export interface FieldErrorDetail {
  path: string;
  message: string | LocalizedMessage;
}

/** An expected failure with a stable code; its message is never shown to clients. */
export class AppError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldErrorDetail[] | undefined;

  constructor(
    code: Code,
    options: { detail?: string; fieldErrors?: FieldErrorDetail[]; cause?: unknown } = {},
  ) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
    this.fieldErrors = options.fieldErrors;
  }
}

export interface ErrorDefinition {
  status: number;
  title: { sv: string; en: string };
}

/** The central map: every error code the server can answer with. */
export type ErrorCatalog<Code extends string> = Record<Code, ErrorDefinition>;

/** The platform's own codes; modules' catalogs are merged with this at the composition root. */
export const platformErrors: ErrorCatalog<PlatformErrorCode> = {
  validation_failed: {
    status: 400,
    title: { sv: 'Uppgifterna i förfrågan är inte giltiga.', en: 'The request data is not valid.' },
  },
  malformed_request: {
    status: 400,
    title: { sv: 'Förfrågan kunde inte läsas.', en: 'The request could not be read.' },
  },
  unsupported_media_type: {
    status: 415,
    title: { sv: 'Formatet på förfrågan stöds inte.', en: 'The request format is not supported.' },
  },
  payload_too_large: {
    status: 413,
    title: { sv: 'Förfrågan är för stor.', en: 'The request is too large.' },
  },
  uri_too_long: {
    status: 414,
    title: { sv: 'Adressen i förfrågan är för lång.', en: 'The request address is too long.' },
  },
  headers_too_large: {
    status: 431,
    title: { sv: 'Förfrågans huvudfält är för stora.', en: 'The request header fields are too large.' },
  },
  request_timeout: {
    status: 408,
    title: { sv: 'Förfrågan tog för lång tid att ta emot.', en: 'The request took too long to arrive.' },
  },
  not_found: { status: 404, title: { sv: 'Det du söker finns inte.', en: 'Not found.' } },
  authentication_required: {
    status: 401,
    title: { sv: 'Du behöver logga in.', en: 'You need to log in.' },
  },
  forbidden: {
    status: 403,
    title: { sv: 'Du har inte behörighet till detta.', en: 'You are not allowed to do this.' },
  },
  csrf_token_invalid: {
    status: 403,
    title: {
      sv: 'Förfrågan saknar giltig säkerhetstoken. Ladda om sidan och försök igen.',
      en: 'The request lacks a valid security token. Reload the page and try again.',
    },
  },
  rate_limited: {
    status: 429,
    title: { sv: 'För många försök. Vänta en stund.', en: 'Too many attempts. Please wait a moment.' },
  },
  service_unavailable: {
    status: 503,
    title: { sv: 'Tjänsten är inte tillgänglig just nu.', en: 'The service is unavailable right now.' },
  },
  internal_error: {
    status: 500,
    title: { sv: 'Något gick fel hos oss.', en: 'Something went wrong on our side.' },
  },
};
