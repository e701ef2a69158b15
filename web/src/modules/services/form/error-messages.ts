import type { FormField } from '@karna/contracts';
import { formatDate } from '../../../lib/format.ts';
import type { ServicesMessages } from '../services.messages.ts';
import { innerPathOfError } from './form-model.ts';
import type { SchemaError } from './schema-validator.ts';

type ErrorMessages = ServicesMessages['errors'];

const numberFormats = new Map<string, Intl.NumberFormat>();

function formatNumber(value: unknown, locale: string): string {
  if (typeof value !== 'number') return String(value);
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

function requiredMessage(field: FormField, m: ErrorMessages, inner: string): string {
  switch (field.widget) {
    case 'select':
    case 'radio':
      return m.requiredChoice;
    case 'rankedChoice':
      return m.requiredChoices;
    case 'checkbox':
      return field.options ? m.requiredChoices : m.requiredCheckbox;
    case 'attachment':
      return m.requiredFile;
    case 'place':
      return inner === '' || inner === '/description' ? m.requiredPlace : m.other;
    case 'date':
      return m.requiredDate;
    default:
      return m.requiredText;
  }
}

/**
 * What to tell the person about one failed rule of the form's schema, in plain words: each JSON
 * Schema keyword (Ajv's names) is said as what to do about it, the way the field asks for it.
 */
export function friendlyMessage(
  error: SchemaError,
  field: FormField,
  m: ErrorMessages,
  locale: string,
): string {
  const limit = error.params.limit;
  const count = typeof limit === 'number' ? limit : 0;
  const isFileField = field.widget === 'attachment';
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return requiredMessage(field, m, innerPathOfError(error));
    case 'minLength':
      // An answer shorter than one character is none at all.
      return count <= 1 ? requiredMessage(field, m, innerPathOfError(error)) : m.minLength(count);
    case 'maxLength':
      return m.maxLength(count);
    case 'format':
      switch (error.params.format) {
        case 'email':
          return m.email;
        case 'date':
          return m.date;
        case 'uuid':
          return m.choice;
        default:
          return m.pattern;
      }
    case 'pattern':
      return field.widget === 'phone' ? m.phone : m.pattern;
    case 'type':
      if (field.widget === 'number')
        return String(error.params.type).includes('integer') ? m.integer : m.number;
      return m.other;
    case 'minimum':
    case 'exclusiveMinimum':
      return m.minimum(formatNumber(limit, locale));
    case 'maximum':
    case 'exclusiveMaximum':
      return m.maximum(formatNumber(limit, locale));
    case 'formatMinimum':
    case 'formatExclusiveMinimum':
      return m.dateMinimum(typeof limit === 'string' ? formatDate(limit, locale) : String(limit));
    case 'formatMaximum':
    case 'formatExclusiveMaximum':
      return m.dateMaximum(typeof limit === 'string' ? formatDate(limit, locale) : String(limit));
    case 'minItems':
      if (count <= 1) return requiredMessage(field, m, '');
      return isFileField ? m.minFiles(count) : m.minItems(count);
    case 'maxItems':
      return isFileField ? m.maxFiles(count) : m.maxItems(count);
    case 'uniqueItems':
      return m.uniqueItems;
    case 'enum':
      return m.choice;
    case 'const':
      return field.widget === 'checkbox' && !field.options ? m.requiredCheckbox : m.choice;
    default:
      return m.other;
  }
}
