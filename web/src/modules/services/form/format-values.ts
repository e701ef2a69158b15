import type { FormDefinition, FormField, ServicePrefill } from '@karna/contracts';
import { formatDate, formatName } from '../../../lib/format.ts';
import type { Language } from '../../../lib/i18n.tsx';
import type { ServicesMessages } from '../services.messages.ts';
import { propertySchema } from './form-model.ts';
import { describePlace, placeShape } from './place-field.tsx';

const sizeFormats = new Map<string, Intl.NumberFormat>();

/** A file size as people read it: `830 B`, `12 kB`, `1,4 MB` (powers of 1000, as file managers show). */
export function formatFileSize(bytes: number, locale: string): string {
  let format = sizeFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    sizeFormats.set(locale, format);
  }
  if (bytes < 1000) return `${format.format(bytes)} B`;
  if (bytes < 1_000_000) return `${format.format(Math.round(bytes / 100) / 10)} kB`;
  return `${format.format(Math.round(bytes / 100_000) / 10)} MB`;
}

const mediaTypeNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/heic': 'HEIC',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'image/tiff': 'TIFF',
  'text/plain': 'text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.oasis.opendocument.text': 'ODT',
};

/** A media type as people know it: `PDF`, `JPEG`, `Word`. */
export function mediaTypeName(mediaType: string): string {
  return mediaTypeNames[mediaType] ?? (mediaType.split('/')[1] ?? mediaType).toUpperCase();
}

export interface AnswerContext {
  form: FormDefinition;
  language: Language;
  locale: string;
  m: ServicesMessages;
  prefill?: ServicePrefill | null;
  /** Files of attachment fields, by id. */
  files?: ReadonlyMap<string, { fileName: string }>;
  /** Whom the case concerns (Mina sidor), for a child the register no longer lists for the reader. */
  concerns?: string | null;
}

function optionLabel(field: FormField, value: unknown, language: Language): string {
  const option = field.options?.find((candidate) => candidate.value === String(value));
  return option ? option.label[language] : String(value);
}

/**
 * One answer as text for the review page and Mina sidor: option values as their labels, a child
 * or a property by name, yes and no, dates and numbers in the reader's language, files by name.
 * A list (ranked choices, several checkboxes, files) gives one line per item.
 */
export function formatAnswer(field: FormField, value: unknown, context: AnswerContext): string[] {
  const { language, locale, m } = context;
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return [m.form.noAnswer];
  }
  if (field.prefill === 'child') {
    const child = context.prefill?.children.find((candidate) => candidate.id === value);
    return [child ? formatName(child) : (context.concerns ?? String(value))];
  }
  if (field.prefill === 'ownProperty') {
    const property = context.prefill?.properties.find(
      (candidate) => candidate.id === value || candidate.designation === value,
    );
    return [property ? property.designation : String(value)];
  }
  switch (field.widget) {
    case 'attachment':
      return (Array.isArray(value) ? value : [value]).map(
        (id) => context.files?.get(String(id))?.fileName ?? m.cases.documentKinds.attachment,
      );
    case 'rankedChoice':
      return (Array.isArray(value) ? value : [value]).map(
        (item, index) => `${m.fields.rankedPosition(index + 1)}: ${optionLabel(field, item, language)}`,
      );
    case 'checkbox':
      if (Array.isArray(value)) return value.map((item) => optionLabel(field, item, language));
      return [value === true ? m.form.yes : m.form.no];
    case 'date':
      return [
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? formatDate(value, locale)
          : String(value),
      ];
    case 'number':
      return [typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : String(value)];
    case 'place':
      return [describePlace(placeShape(propertySchema(context.form, field.name)), value, locale)];
    case 'select':
    case 'radio':
      if (typeof value === 'boolean' && !field.options?.some((option) => option.value === String(value))) {
        return [value ? m.form.yes : m.form.no];
      }
      return [optionLabel(field, value, language)];
    default:
      return [String(value)];
  }
}
