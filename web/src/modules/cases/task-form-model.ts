import { type FormField as Field, type FormData, FormField } from '@karna/contracts';
import type { Language, Messages } from '../../lib/i18n.tsx';

/** What a field holds while it is edited: a ticked box, or the text typed or chosen. */
export type FieldValue = string | boolean;
export type FieldValues = Record<string, FieldValue>;

/** The widgets the task form draws; any other is shown as a one-line text field. */
export const taskWidgets = [
  'text',
  'textarea',
  'email',
  'phone',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
];

/** A user task's form as the case view gives it: the JSON Schema and its fields (checked here). */
export interface TaskFormSpec {
  schema: Record<string, unknown>;
  fields: Field[];
}

/** The task's form with its fields read by the contract's schema; fields that do not read are left out. */
export function readTaskForm(form: { schema: Record<string, unknown>; fields: unknown[] }): TaskFormSpec {
  const fields = form.fields.flatMap((field) => {
    const parsed = FormField.safeParse(field);
    return parsed.success ? [parsed.data] : [];
  });
  return { schema: form.schema, fields };
}

function propertyOf(spec: TaskFormSpec, name: string): Record<string, unknown> {
  const properties = spec.schema.properties;
  if (properties && typeof properties === 'object' && name in properties) {
    const property = (properties as Record<string, unknown>)[name];
    if (property && typeof property === 'object') return property as Record<string, unknown>;
  }
  return {};
}

function isRequired(spec: TaskFormSpec, name: string): boolean {
  const required = spec.schema.required;
  return Array.isArray(required) && required.includes(name);
}

/** Whether a box must be ticked (`const: true`, a checklist item that must be done). */
function mustBeTicked(spec: TaskFormSpec, name: string): boolean {
  return propertyOf(spec, name).const === true;
}

/** Whether a field is marked as required in the form (a required box is one that must be ticked). */
export function isFieldRequired(spec: TaskFormSpec, field: Field): boolean {
  if (field.widget === 'checkbox') return mustBeTicked(spec, field.name);
  return isRequired(spec, field.name);
}

/** The values a new form starts with: the schema's defaults, else empty. */
export function initialValues(spec: TaskFormSpec): FieldValues {
  const values: FieldValues = {};
  for (const field of spec.fields) {
    const fallback = propertyOf(spec, field.name).default;
    if (field.widget === 'checkbox') values[field.name] = fallback === true;
    else
      values[field.name] =
        typeof fallback === 'string' || typeof fallback === 'number' ? String(fallback) : '';
  }
  return values;
}

/** Whether a field is shown now (`visibleWhen` another field holds one of some values). */
export function isVisible(field: Field, values: FieldValues): boolean {
  if (!field.visibleWhen) return true;
  const other = values[field.visibleWhen.field];
  return field.visibleWhen.in.some((value) => value === other);
}

/** The form's data to send: visible fields only, numbers as numbers, empty text left out. */
export function toFormData(spec: TaskFormSpec, values: FieldValues): FormData {
  const data: FormData = {};
  for (const field of spec.fields) {
    if (!isVisible(field, values)) continue;
    const value = values[field.name];
    if (typeof value === 'boolean') {
      data[field.name] = value;
      continue;
    }
    const text = (value ?? '').trim();
    if (text === '') continue;
    const type = propertyOf(spec, field.name).type;
    if (field.widget === 'number' || type === 'number' || type === 'integer')
      data[field.name] = Number(text.replace(',', '.'));
    else data[field.name] = text;
  }
  return data;
}

/** The fields' errors before sending: what is required and missing, numbers and dates that do not read. */
export function validate(
  spec: TaskFormSpec,
  values: FieldValues,
  t: Messages,
  language: Language,
): Record<string, string> {
  const m = t.cases.tasks;
  const errors: Record<string, string> = {};
  for (const field of spec.fields) {
    if (!isVisible(field, values)) continue;
    const label = field.label[language];
    const value = values[field.name];
    if (field.widget === 'checkbox') {
      if (mustBeTicked(spec, field.name) && value !== true) errors[field.name] = m.tick(label);
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (isRequired(spec, field.name)) {
        errors[field.name] =
          field.widget === 'select' || field.widget === 'radio' ? m.choose(label) : m.fillIn(label);
      }
      continue;
    }
    if (field.widget === 'number' && !Number.isFinite(Number(text.replace(',', '.'))))
      errors[field.name] = m.number(label);
    if (field.widget === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) errors[field.name] = m.date(label);
  }
  return errors;
}

/**
 * The server's field errors (`body.data.<field>`) by field name, for those of this form; the rest
 * stay with the problem.
 */
export function serverFieldErrors(
  errors: readonly { path: string; message: string }[] | undefined,
  spec: TaskFormSpec,
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors ?? []) {
    const name = /^body\.data\.([A-Za-z][A-Za-z0-9_]*)/.exec(error.path)?.[1];
    if (name && spec.fields.some((field) => field.name === name)) byField[name] ??= error.message;
  }
  return byField;
}
