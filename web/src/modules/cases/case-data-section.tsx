import type { CaseView, FormField, FormStep } from '@karna/contracts';
import { type ReactNode, useId } from 'react';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { localized } from './case-format.ts';
import { documentUrl, useServiceForm } from './cases.api.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** A submitted value as the officer reads it: option labels, Ja/Nej, dates, people and files by name. */
function FieldValueView({ value, field, view }: { value: unknown; field: FormField | null; view: CaseView }) {
  const { t, language, locale } = useI18n();
  const m = t.cases.data;
  const one = (item: unknown): ReactNode => {
    if (typeof item === 'boolean') return item ? m.yes : m.no;
    if (typeof item === 'number') return item.toLocaleString(locale);
    if (typeof item === 'string') {
      const option = field?.options?.find((candidate) => candidate.value === item);
      if (option) return localized(option.label, language);
      if (UUID.test(item)) {
        const document = view.documents.find((candidate) => candidate.id === item);
        if (document) return <a href={documentUrl(view.id, document.id)}>{document.fileName}</a>;
        const party = view.parties.find((candidate) => candidate.personId === item);
        if (party) return party.name;
      }
      if (field?.widget === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(item)) return formatDate(item, locale);
      return <span className="pre-line">{item}</span>;
    }
    if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const text = ['address', 'label', 'name', 'description'].map((key) => record[key]).find(Boolean);
      if (typeof text === 'string') return text;
      return <code className="data-json">{JSON.stringify(item)}</code>;
    }
    return String(item);
  };
  if (isEmpty(value)) return <span className="muted">{m.notGiven}</span>;
  if (Array.isArray(value)) {
    const List = field?.widget === 'rankedChoice' ? 'ol' : 'ul';
    return (
      <List className="data-values">
        {value.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: submitted values have no ids, and never move
          <li key={index}>{one(item)}</li>
        ))}
      </List>
    );
  }
  return <>{one(value)}</>;
}

function Facts({
  entries,
  view,
}: {
  entries: { name: string; label: string; field: FormField | null }[];
  view: CaseView;
}) {
  return (
    <dl className="details">
      {entries.map((entry) => (
        <div key={entry.name}>
          <dt>{entry.label}</dt>
          <dd>
            <FieldValueView value={view.data[entry.name]} field={entry.field} view={view} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What the applicant submitted, by the e-service's form: each step's fields with their labels.
 * Without the form (it could not be loaded) the fields are shown by name.
 */
export function CaseDataSection({ view }: { view: CaseView }) {
  const { t, language } = useI18n();
  const m = t.cases.data;
  const headingId = useId();
  const form = useServiceForm(view.service.slug);
  const names = Object.keys(view.data);

  let body: ReactNode;
  if (names.length === 0) body = <p className="muted">{m.none}</p>;
  else if (form.isPending) body = <LoadingStatus />;
  else {
    const steps: FormStep[] = form.data?.form.steps ?? [];
    const known = new Set(steps.flatMap((step) => step.fields.map((field) => field.name)));
    const other = names.filter((name) => !known.has(name));
    body = (
      <>
        {form.isError && <p className="notice">{m.fieldNamesOnly}</p>}
        {steps.map((step) => {
          const entries = step.fields
            .filter((field) => field.name in view.data)
            .map((field) => ({ name: field.name, label: localized(field.label, language), field }));
          if (entries.length === 0) return null;
          return (
            <div key={step.id} className="data-step">
              <h3>{localized(step.title, language)}</h3>
              <Facts entries={entries} view={view} />
            </div>
          );
        })}
        {other.length > 0 && (
          <div className="data-step">
            {steps.length > 0 && <h3>{m.other}</h3>}
            <Facts entries={other.map((name) => ({ name, label: name, field: null }))} view={view} />
          </div>
        )}
      </>
    );
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.heading}</h2>
      {body}
    </section>
  );
}
