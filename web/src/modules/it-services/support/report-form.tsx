import { type ImpactLevel, type Ticket, ticketPriority } from '@karna/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ComboBox } from '../../../ui/combo-box.tsx';
import { ErrorSummary, type SummaryError } from '../../../ui/error-summary.tsx';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { RadioGroup } from '../../../ui/radio-group.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { useServices } from '../it-services.api.ts';
import { serverFieldErrors } from '../it-services-parts.tsx';
import { useReportTicket } from './support.api.ts';
import { type PickedSystem, SystemPicker } from './system-picker.tsx';

const FIELDS = ['about', 'serviceId', 'systemId', 'summary', 'description', 'impact', 'urgency'] as const;
type Field = (typeof FIELDS)[number];
type About = 'service' | 'system' | 'other';
const LEVELS: readonly ImpactLevel[] = ['high', 'medium', 'low'];

/** Problem codes that are about one field of the report. */
const CODE_FIELDS: Partial<Record<string, Field>> = { service_system_unknown: 'serviceId' };

/**
 * Report a problem: what it is with (a service of the catalog, a system of the portfolio, or
 * something else), a subject and a description, and how many it affects and how urgent it is,
 * with the priority these give. Errors are shown at the fields and listed in a summary above.
 */
export function ReportForm({ onSent }: { onSent: (ticket: Ticket) => void }) {
  const { t } = useI18n();
  const m = t.itSupport.report;
  const report = useReportTicket();
  const services = useServices({ q: '', category: null, all: false });
  const headingId = useId();
  const ids: Record<Field, string> = {
    about: useId(),
    serviceId: useId(),
    systemId: useId(),
    summary: useId(),
    description: useId(),
    impact: useId(),
    urgency: useId(),
  };
  const [about, setAbout] = useState<About | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [system, setSystem] = useState<PickedSystem | null>(null);
  const [summary, setSummary] = useState('');
  const [description, setDescription] = useState('');
  const [impact, setImpact] = useState<ImpactLevel | null>(null);
  const [urgency, setUrgency] = useState<ImpactLevel | null>(null);
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const errorsNow: Partial<Record<Field, string>> = {};
  if (!about) errorsNow.about = m.errors.about;
  if (about === 'service' && !serviceId) errorsNow.serviceId = m.errors.serviceId;
  if (about === 'system' && !system) errorsNow.systemId = m.errors.systemId;
  if (!summary.trim() || summary.trim().length > 200) errorsNow.summary = m.errors.summary;
  if (!description.trim() || description.trim().length > 8000) errorsNow.description = m.errors.description;
  if (!impact) errorsNow.impact = m.errors.impact;
  if (!urgency) errorsNow.urgency = m.errors.urgency;
  const remote = report.isError ? serverFieldErrors(report.error, m.errors, CODE_FIELDS) : {};
  const errors = { ...remote, ...(checked ? errorsNow : {}) };
  const summaryErrors: SummaryError[] = FIELDS.flatMap((field) => {
    const message = errors[field];
    return message ? [{ fieldId: ids[field], message }] : [];
  });
  const priority = impact && urgency ? ticketPriority(impact, urgency) : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(errorsNow).length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    if (report.isPending || !impact || !urgency) return;
    report.mutate(
      {
        serviceId: about === 'service' ? serviceId : null,
        systemId: about === 'system' ? (system?.id ?? null) : null,
        summary: summary.trim(),
        description: description.trim(),
        impact,
        urgency,
      },
      {
        onSuccess: onSent,
        onError: (error) => {
          if (Object.keys(serverFieldErrors(error, m.errors, CODE_FIELDS)).length > 0)
            setFailedSubmits((count) => count + 1);
        },
      },
    );
  };
  // A field the server refused is judged again once it changes.
  const edited = (field: Field) => {
    if (remote[field]) report.reset();
  };
  const levelOptions = (texts: Record<ImpactLevel, { label: string; description: string }>) =>
    LEVELS.map((level) => ({ id: level, ...texts[level] }));

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>{m.formHeading}</h2>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summaryErrors} focusKey={failedSubmits} />
      <RadioGroup
        id={ids.about}
        label={m.about}
        options={(['service', 'system', 'other'] as const).map((option) => ({
          id: option,
          label: m.aboutOptions[option],
          description: m.aboutHelp[option],
        }))}
        value={about}
        onChange={(value) => {
          setAbout(value as About);
          edited('serviceId');
        }}
        errorMessage={errors.about}
      />
      {about === 'service' && (
        <ComboBox
          id={ids.serviceId}
          label={m.service}
          description={m.serviceHelp}
          options={(services.data?.items ?? []).map((service) => ({ id: service.id, label: service.name }))}
          value={serviceId}
          onChange={(value) => {
            setServiceId(value);
            edited('serviceId');
          }}
          emptyText={services.isPending ? t.common.loading : m.noServices}
          errorMessage={errors.serviceId}
          isRequired
        />
      )}
      {about === 'service' && services.isError && <ProblemAlert error={services.error} />}
      {about === 'system' && (
        <SystemPicker
          id={ids.systemId}
          value={system}
          onChange={(value) => {
            setSystem(value);
            edited('systemId');
          }}
          errorMessage={errors.systemId}
        />
      )}
      <TextField
        id={ids.summary}
        label={m.summary}
        description={m.summaryHelp}
        value={summary}
        onChange={(value) => {
          setSummary(value);
          edited('summary');
        }}
        errorMessage={errors.summary}
        isRequired
      />
      <TextField
        id={ids.description}
        label={m.description}
        description={m.descriptionHelp}
        value={description}
        onChange={(value) => {
          setDescription(value);
          edited('description');
        }}
        errorMessage={errors.description}
        multiline
        isRequired
      />
      <RadioGroup
        id={ids.impact}
        label={m.impact}
        options={levelOptions(m.impactOptions)}
        value={impact}
        onChange={(value) => setImpact(value as ImpactLevel)}
        errorMessage={errors.impact}
      />
      <RadioGroup
        id={ids.urgency}
        label={m.urgency}
        options={levelOptions(m.urgencyOptions)}
        value={urgency}
        onChange={(value) => setUrgency(value as ImpactLevel)}
        errorMessage={errors.urgency}
      />
      {/* Always in place, so that the priority is announced when the choices give one. */}
      <div role="status" className={priority ? 'notice' : undefined}>
        {priority && (
          <>
            <p>
              <strong>{m.priorityPreview(t.itSupport.terms.priority[priority])}</strong>
            </p>
            <p>{m.priorityHelp}</p>
          </>
        )}
      </div>
      {report.isError && summaryErrors.length === 0 && <ProblemAlert error={report.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {report.isPending ? m.sending : m.submit}
        </Button>
      </div>
    </form>
  );
}
