import type { FormData, FormDefinition, FormField, FormStep } from '@karna/contracts';
import type { SchemaError } from './schema-validator.ts';

// What a form definition says about its fields, independent of how they are drawn: which are
// shown, which may be left empty, what an answer is once the empty ones are taken out, and which
// field an error of the schema is about.

/** The JSON Schema of one top-level property of the form (its field). */
export function propertySchema(form: FormDefinition, name: string): Record<string, unknown> {
  const properties = form.schema.properties;
  if (typeof properties !== 'object' || properties === null) return {};
  const property = (properties as Record<string, unknown>)[name];
  return typeof property === 'object' && property !== null ? (property as Record<string, unknown>) : {};
}

/** Whether a field is shown now: always, or when the field it depends on holds one of its values. */
export function isFieldVisible(field: FormField, data: FormData): boolean {
  if (!field.visibleWhen) return true;
  const value = data[field.visibleWhen.field];
  const allowed = field.visibleWhen.in;
  if (Array.isArray(value)) return value.some((item) => allowed.includes(item as string | boolean));
  return allowed.includes(value as string | boolean);
}

export function visibleFields(step: FormStep, data: FormData): FormField[] {
  return step.fields.filter((field) => isFieldVisible(field, data));
}

/** Every field of the form, by name. */
export function fieldsByName(form: FormDefinition): Map<string, { field: FormField; step: FormStep }> {
  const fields = new Map<string, { field: FormField; step: FormStep }>();
  for (const step of form.steps) for (const field of step.fields) fields.set(field.name, { field, step });
  return fields;
}

/** An answer that counts as not given: nothing, only spaces, an empty list. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmptyValue);
  return false;
}

/**
 * The answers as they are checked and sent: fields not shown now and empty answers are left out
 * (so that "required" catches an empty answer, and a hidden field's old answer is not sent), and
 * text is sent as typed but without surrounding spaces.
 */
export function answersToSend(form: FormDefinition, data: FormData): FormData {
  const result: FormData = {};
  for (const step of form.steps) {
    for (const field of step.fields) {
      if (!isFieldVisible(field, data)) continue;
      const value = tidy(data[field.name]);
      if (!isEmptyValue(value)) result[field.name] = value;
    }
  }
  return result;
}

function tidy(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .map(([key, inner]) => [key, tidy(inner)] as const)
      .filter(([, inner]) => !isEmptyValue(inner));
    return Object.fromEntries(entries);
  }
  return value;
}

/** The top-level field an error is about: the first segment of its path, or the missing property. */
export function fieldOfError(error: SchemaError): string | null {
  if (error.instancePath === '') {
    const missing = error.params.missingProperty;
    return typeof missing === 'string' ? missing : null;
  }
  const first = error.instancePath.split('/')[1];
  return first === undefined ? null : first.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The path of an error inside its field (`/description` of `/place/description`), or ``. */
export function innerPathOfError(error: SchemaError): string {
  const segments = error.instancePath.split('/').slice(2);
  const missing = error.instancePath !== '' ? error.params.missingProperty : undefined;
  if (typeof missing === 'string') segments.push(missing);
  return segments.length > 0 ? `/${segments.join('/')}` : '';
}

/** Keywords that only say that their sub-schemas failed; the sub-schemas' errors say what. */
const summaryKeywords = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not']);

/**
 * The first error of each field among `names`, in the order the schema reported them, leaving out
 * combinator errors when a field has a more precise one.
 */
export function firstErrorByField(errors: readonly SchemaError[], names: ReadonlySet<string>) {
  const result = new Map<string, SchemaError>();
  for (const error of errors) {
    const field = fieldOfError(error);
    if (field === null || !names.has(field)) continue;
    const current = result.get(field);
    if (!current || (summaryKeywords.has(current.keyword) && !summaryKeywords.has(error.keyword))) {
      result.set(field, error);
    }
  }
  return result;
}

/** A server's field path (`body.data.email`, `body.data.place.description`) as the field's name. */
export function fieldOfServerPath(path: string): string | null {
  const match = /^body\.data[./]([^./[\]]+)/.exec(path);
  return match?.[1] ?? null;
}
