import type { FormDefinition, FormField, ServicePrefill, UploadedAttachment } from '@karna/contracts';
import { useState } from 'react';
import { TextField as AriaTextField, FieldError, Input, Label, Text } from 'react-aria-components';
import { comparePeople, formatName, swedishCollator } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { RadioGroup } from '../../../ui/radio-group.tsx';
import { Select } from '../../../ui/select.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { type AttachedFile, AttachmentField } from './attachment-field.tsx';
import { FieldSet, fieldId, NativeField } from './field-frame.tsx';
import { propertySchema } from './form-model.ts';
import { PlaceField } from './place-field.tsx';
import { RankedChoice } from './ranked-choice.tsx';

/** What an attachment field needs from the form: its files, and uploading and removing them. */
export interface AttachmentControl {
  files: (field: string) => AttachedFile[];
  upload: (field: string, file: File) => Promise<UploadedAttachment>;
  remove: (field: string, file: AttachedFile) => Promise<void>;
}

interface FormFieldInputProps {
  field: FormField;
  form: FormDefinition;
  value: unknown;
  onChange: (value: unknown) => void;
  error: string | null;
  prefill: ServicePrefill | null;
  attachments: AttachmentControl;
}

/** An option's value as the schema types it: options are strings, the data may be a boolean or number. */
function coerceOption(schema: Record<string, unknown>, raw: string): unknown {
  if (schema.type === 'boolean') return raw === 'true';
  if (schema.type === 'number' || schema.type === 'integer') return Number(raw);
  return raw;
}

function asStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** One field of an e-service form, drawn by its widget, with its label, help and error. */
export function FormFieldInput(props: FormFieldInputProps) {
  const { field, form, value, onChange, error } = props;
  const { t, language } = useI18n();
  const m = t.services;
  const id = fieldId(field.name);
  const schema = propertySchema(form, field.name);
  // Definitions say in the label which questions may be skipped ("(frivilligt)").
  const label = field.label[language];
  const help = field.help?.[language] ?? null;
  const options = (field.options ?? []).map((option) => ({
    id: option.value,
    label: option.label[language],
  }));
  const text = typeof value === 'string' ? value : '';

  if (field.prefill === 'child' || field.prefill === 'ownProperty') {
    return <PrefillChoice {...props} id={id} label={label} help={help} />;
  }

  switch (field.widget) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'phone': {
      const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
      const kind = {
        text: { type: 'text', autoComplete: undefined, inputMode: undefined },
        textarea: { type: 'text', autoComplete: undefined, inputMode: undefined },
        email: { type: 'email', autoComplete: 'email', inputMode: 'email' },
        phone: { type: 'tel', autoComplete: 'tel', inputMode: 'tel' },
      } as const;
      const { type, autoComplete, inputMode } = kind[field.widget];
      return (
        <TextField
          id={id}
          label={label}
          description={help}
          value={text}
          onChange={onChange}
          errorMessage={error}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          multiline={field.widget === 'textarea'}
          size={field.widget === 'phone' || (maxLength !== undefined && maxLength <= 40) ? 'medium' : 'full'}
        />
      );
    }
    case 'number':
      return (
        <NumberInput id={id} label={label} help={help} error={error} value={value} onChange={onChange} />
      );
    case 'date':
      return (
        <NativeField id={id} label={label} help={help} error={error}>
          {(describedBy) => (
            <input
              id={id}
              type="date"
              className="text-input text-input-medium"
              value={text}
              min={typeof schema.formatMinimum === 'string' ? schema.formatMinimum : undefined}
              max={typeof schema.formatMaximum === 'string' ? schema.formatMaximum : undefined}
              onChange={(event) => onChange(event.target.value)}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
            />
          )}
        </NativeField>
      );
    case 'select':
      return (
        <Select
          id={id}
          label={label}
          description={help}
          options={options}
          value={value === undefined || value === null ? null : String(value)}
          onChange={(key) => onChange(key === null ? undefined : coerceOption(schema, key))}
          placeholder={m.form.choose}
          errorMessage={error}
        />
      );
    case 'radio':
      return (
        <RadioGroup
          id={id}
          label={label}
          description={help}
          options={options}
          value={value === undefined || value === null ? null : String(value)}
          onChange={(key) => onChange(coerceOption(schema, key))}
          errorMessage={error}
          inline={options.length <= 3 && options.every((option) => option.label.length <= 12)}
        />
      );
    case 'checkbox':
      return field.options ? (
        <CheckboxGroup
          id={id}
          label={label}
          help={help}
          error={error}
          options={options}
          value={asStringList(value)}
          onChange={onChange}
        />
      ) : (
        <div className="field checkbox-field" data-invalid={error ? true : undefined}>
          <div className="checkbox">
            <input
              id={id}
              type="checkbox"
              checked={value === true}
              onChange={(event) => onChange(event.target.checked)}
              aria-describedby={
                [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
                undefined
              }
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={id} className="checkbox-label">
              {label}
            </label>
          </div>
          {help && (
            <span id={`${id}-help`} className="field-description checkbox-help">
              {help}
            </span>
          )}
          {error && (
            <span id={`${id}-error`} className="field-error">
              {error}
            </span>
          )}
        </div>
      );
    case 'rankedChoice':
      return (
        <RankedChoice
          id={id}
          label={label}
          help={help}
          error={error}
          options={options.map((option) => ({ value: option.id, label: option.label }))}
          value={asStringList(value)}
          onChange={onChange}
          maxItems={typeof schema.maxItems === 'number' ? schema.maxItems : undefined}
        />
      );
    case 'place':
      return (
        <PlaceField
          id={id}
          label={label}
          help={help}
          error={error}
          schema={schema}
          value={value}
          onChange={onChange}
        />
      );
    case 'attachment': {
      const { attachments } = props;
      const rule = field.attachment ?? {
        mediaTypes: ['application/pdf'],
        maxBytes: 10 * 1024 * 1024,
        maxFiles: 1,
      };
      return (
        <AttachmentField
          id={id}
          label={label}
          help={help}
          error={error}
          rule={rule}
          files={attachments.files(field.name)}
          upload={(file) => attachments.upload(field.name, file)}
          remove={(file) => attachments.remove(field.name, file)}
        />
      );
    }
  }
}

/** A number typed as text, so that what the person writes (`1,5`) stays as written while they type. */
function NumberInput({
  id,
  label,
  help,
  error,
  value,
  onChange,
}: {
  id: string;
  label: string;
  help: string | null;
  error: string | null;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const [text, setText] = useState(() =>
    typeof value === 'number' || typeof value === 'string' ? String(value) : '',
  );
  // React Aria's TextField directly (not ui/TextField) for `inputMode="decimal"`: a keypad with a comma.
  return (
    <AriaTextField
      id={id}
      className="field"
      value={text}
      onChange={(next) => {
        setText(next);
        const normalised = next.trim().replace(/\s/g, '').replace(',', '.').replace('−', '-');
        const number = Number(normalised);
        // Not a number: kept as typed, so that the form's check says so rather than losing it.
        onChange(normalised === '' ? undefined : Number.isFinite(number) ? number : next);
      }}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      inputMode="decimal"
    >
      <Label className="field-label">{label}</Label>
      {help && (
        <Text slot="description" className="field-description">
          {help}
        </Text>
      )}
      <Input className="text-input text-input-short" />
      <FieldError className="field-error">{error}</FieldError>
    </AriaTextField>
  );
}

function CheckboxGroup({
  id,
  label,
  help,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  help: string | null;
  error: string | null;
  options: { id: string; label: string }[];
  value: string[];
  onChange: (value: unknown) => void;
}) {
  return (
    <FieldSet id={id} legend={label} help={help} error={error}>
      <div className="radio-list">
        {options.map((option, index) => {
          const inputId = index === 0 ? id : `${id}-${option.id}`;
          return (
            <div key={option.id} className="checkbox">
              <input
                id={inputId}
                type="checkbox"
                checked={value.includes(option.id)}
                aria-invalid={error ? true : undefined}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? options.map((o) => o.id).filter((o) => o === option.id || value.includes(o))
                      : value.filter((o) => o !== option.id),
                  )
                }
              />
              <label htmlFor={inputId} className="checkbox-label">
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </FieldSet>
  );
}

/**
 * A choice among what the register knows of the applicant (B3): their children in custody, or the
 * properties they own. Nobody types a child's personal number or a property designation.
 */
function PrefillChoice({
  field,
  form,
  value,
  onChange,
  error,
  prefill,
  id,
  label,
  help,
}: FormFieldInputProps & { id: string; label: string; help: string | null }) {
  const { t } = useI18n();
  const m = t.services.fields;
  const schema = propertySchema(form, field.name);
  let options: { id: string; label: string; description?: string }[];
  let emptyText: string;
  if (field.prefill === 'child') {
    options = [...(prefill?.children ?? [])]
      .sort(comparePeople)
      .map((child) => ({ id: child.id, label: m.childOption(formatName(child), child.age) }));
    emptyText = m.noChildren;
  } else {
    // A property is named by its id, or by its designation where the schema asks for text.
    const byId = schema.format === 'uuid';
    options = [...(prefill?.properties ?? [])]
      .sort((a, b) => swedishCollator.compare(a.designation, b.designation))
      .map((property) => ({
        id: byId ? property.id : property.designation,
        label: property.designation,
        description: m.propertyShare(property.share.numerator, property.share.denominator),
      }));
    emptyText = m.noProperties;
  }
  if (options.length === 0) {
    return (
      <FieldSet id={`${id}-group`} legend={label} help={help} error={error}>
        <p id={id} tabIndex={-1} className="empty-state">
          {emptyText}
        </p>
      </FieldSet>
    );
  }
  return (
    <RadioGroup
      id={id}
      label={label}
      description={help}
      options={options}
      value={typeof value === 'string' ? value : null}
      onChange={onChange}
      errorMessage={error}
    />
  );
}
