import { type CriticalityAssessment, type SystemDetail, TierCode } from '@karna/contracts';
import { type FormEvent, type RefObject, useId, useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { Checkbox } from '../cases/case-fields.tsx';
import { useChangeSystem } from './portfolio.api.ts';
import { Fact, type OnSaved, Section, TierBadge } from './portfolio-parts.tsx';
import { systemInputOf } from './system-form.tsx';
import { useEditToggle } from './use-edit-toggle.ts';

// The system page's tier card (criticality → assessed tier, the IT department's override, what
// the tier promises) and its TIME card (functional and technical fit).

const CRITERIA = ['businessImpact', 'reach', 'transactionVolume'] as const;
type Criterion = (typeof CRITERIA)[number];
const FITS = ['functionalFit', 'technicalFit'] as const;
type FitQuestion = (typeof FITS)[number];

/** The answers 1–4 as radio options, labelled in words. */
function scaleOptions(labels: readonly string[]) {
  return labels.map((label, index) => ({ id: String(index + 1), label: `${index + 1} – ${label}` }));
}

function CriticalityForm({
  system,
  headingRef,
  onDone,
}: {
  system: SystemDetail;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.system.tier;
  const change = useChangeSystem(system.id);
  const [answers, setAnswers] = useState<Partial<Record<Criterion, number>>>(system.criticality ?? {});
  const [override, setOverride] = useState(system.tierOverride !== null);
  const [overrideTier, setOverrideTier] = useState<string | null>(system.tierOverride?.tier ?? null);
  const [justification, setJustification] = useState(system.tierOverride?.justification ?? '');
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const ids = {
    heading: useId(),
    businessImpact: useId(),
    reach: useId(),
    transactionVolume: useId(),
    override: useId(),
    tier: useId(),
    justification: useId(),
  };
  const errorsNow: Partial<Record<Criterion | 'tier' | 'justification', string>> = {};
  for (const criterion of CRITERIA) if (!answers[criterion]) errorsNow[criterion] = m.answerError;
  if (system.canManage && override) {
    if (!overrideTier) errorsNow.tier = m.overrideTierError;
    if (justification.trim().length < 10) errorsNow.justification = m.overrideJustificationError;
  }
  const errors = checked ? errorsNow : {};
  const summary: SummaryError[] = (
    ['businessImpact', 'reach', 'transactionVolume', 'tier', 'justification'] as const
  )
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: ids[field], message: errors[field] ?? '' }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    const tier = TierCode.safeParse(overrideTier);
    if (Object.keys(errorsNow).length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    const criticality = answers as CriticalityAssessment;
    const body = { ...systemInputOf(system), criticality };
    if (system.canManage)
      body.tierOverride =
        override && tier.success ? { tier: tier.data, justification: justification.trim() } : null;
    // No pending state on a button that may go away with the answer: a second press is ignored.
    if (change.isPending) return;
    change.mutate({ kind: 'facts', body }, { onSuccess: () => onDone(true) });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {m.formHeading}
      </h3>
      <p className="field-description">{m.formLead}</p>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      {CRITERIA.map((criterion) => (
        <RadioGroup
          key={criterion}
          id={ids[criterion]}
          label={m.questions[criterion].label}
          options={scaleOptions(m.questions[criterion].options)}
          value={answers[criterion] ? String(answers[criterion]) : null}
          onChange={(value) => setAnswers({ ...answers, [criterion]: Number(value) })}
          errorMessage={errors[criterion]}
        />
      ))}
      {system.canManage && (
        <>
          <Checkbox
            id={ids.override}
            label={m.override}
            description={m.overrideHelp}
            checked={override}
            onChange={setOverride}
          />
          {override && (
            <>
              <Select
                id={ids.tier}
                label={m.overrideTier}
                placeholder={m.chooseTier}
                options={TierCode.options.map((tier) => ({ id: tier, label: t.portfolio.terms.tier[tier] }))}
                value={overrideTier}
                onChange={setOverrideTier}
                errorMessage={errors.tier}
                isRequired
              />
              <TextField
                id={ids.justification}
                label={m.overrideJustification}
                description={m.overrideJustificationHelp}
                value={justification}
                onChange={setJustification}
                errorMessage={errors.justification}
                isRequired
                multiline
              />
            </>
          )}
        </>
      )}
      {change.isError && <ProblemAlert error={change.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {t.portfolio.system.save}
        </Button>
        <Button onPress={() => onDone(false)}>{t.portfolio.system.cancel}</Button>
      </div>
    </form>
  );
}

function TierPolicyFacts({ system }: { system: SystemDetail }) {
  const { t, locale } = useI18n();
  const m = t.portfolio.system.tier;
  const policy = system.tierPolicy;
  if (!policy) return null;
  const hours = (value: number) =>
    m.hours(value, new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value));
  return (
    <>
      <h3>{m.policyHeading(t.portfolio.terms.tier[policy.code])}</h3>
      <dl className="details">
        <Fact term={m.policy.supportHours}>{policy.supportHours}</Fact>
        <Fact term={m.policy.availabilityPercent}>
          {m.percent(
            new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(policy.availabilityPercent),
          )}
        </Fact>
        <Fact term={m.policy.rtoHours}>{hours(policy.rtoHours)}</Fact>
        <Fact term={m.policy.rpoHours}>{hours(policy.rpoHours)}</Fact>
        <Fact term={m.policy.responseHours}>{hours(policy.responseHours)}</Fact>
        <Fact term={m.policy.fixHours}>{hours(policy.fixHours)}</Fact>
        <Fact term={m.policy.reviewIntervalMonths}>{m.months(policy.reviewIntervalMonths)}</Fact>
      </dl>
    </>
  );
}

/** The tier: what the criticality gives, the IT department's override, and what the tier promises. */
export function TierSection({ system, onSaved }: { system: SystemDetail; onSaved: OnSaved }) {
  const { t } = useI18n();
  const m = t.portfolio.system.tier;
  const toggle = useEditToggle();
  const criticality = system.criticality;
  return (
    <Section title={m.heading}>
      {toggle.editing ? (
        <CriticalityForm
          system={system}
          headingRef={toggle.headingRef}
          onDone={(saved) => {
            if (saved) onSaved(t.portfolio.system.saved);
            toggle.close();
          }}
        />
      ) : (
        <>
          <dl className="details">
            <Fact term={m.current}>
              <TierBadge tier={system.tier} />
            </Fact>
            <Fact term={m.assessed}>
              {system.assessedTier ? (
                <TierBadge tier={system.assessedTier} />
              ) : (
                <span className="muted">{m.assessedNone}</span>
              )}
            </Fact>
            {system.tierOverride && (
              <Fact term={m.overridden}>
                <TierBadge tier={system.tierOverride.tier} />
                <span className="override-justification">
                  {m.justification}: {system.tierOverride.justification}
                </span>
              </Fact>
            )}
          </dl>
          {criticality && (
            <>
              <h3>{m.criticalityHeading}</h3>
              <dl className="details">
                {CRITERIA.map((criterion) => (
                  <Fact key={criterion} term={m.questions[criterion].label}>
                    {criticality[criterion]} – {m.questions[criterion].options[criticality[criterion] - 1]}
                  </Fact>
                ))}
              </dl>
            </>
          )}
          <TierPolicyFacts system={system} />
          {system.canEdit && (
            <div className="button-row">
              <Button id={toggle.buttonId} onPress={toggle.open}>
                {m.assess}
              </Button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}

function FitForm({
  system,
  headingRef,
  onDone,
}: {
  system: SystemDetail;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.system.fit;
  const change = useChangeSystem(system.id);
  const [answers, setAnswers] = useState<Partial<Record<FitQuestion, number>>>(system.fit ?? {});
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const ids = { heading: useId(), functionalFit: useId(), technicalFit: useId() };
  const errorsNow: Partial<Record<FitQuestion, string>> = {};
  for (const question of FITS)
    if (!answers[question]) errorsNow[question] = t.portfolio.system.tier.answerError;
  const errors = checked ? errorsNow : {};
  const summary: SummaryError[] = FITS.filter((question) => errors[question]).map((question) => ({
    fieldId: ids[question],
    message: errors[question] ?? '',
  }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    const { functionalFit, technicalFit } = answers;
    if (!functionalFit || !technicalFit) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    // No pending state on a button that may go away with the answer: a second press is ignored.
    if (change.isPending) return;
    change.mutate(
      { kind: 'facts', body: { ...systemInputOf(system), fit: { functionalFit, technicalFit } } },
      { onSuccess: () => onDone(true) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {m.formHeading}
      </h3>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      {FITS.map((question) => (
        <RadioGroup
          key={question}
          id={ids[question]}
          label={m.questions[question]}
          options={scaleOptions(m.scale)}
          value={answers[question] ? String(answers[question]) : null}
          onChange={(value) => setAnswers({ ...answers, [question]: Number(value) })}
          errorMessage={errors[question]}
        />
      ))}
      {change.isError && <ProblemAlert error={change.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {t.portfolio.system.save}
        </Button>
        <Button onPress={() => onDone(false)}>{t.portfolio.system.cancel}</Button>
      </div>
    </form>
  );
}

/** Functional and technical fit, and the TIME verdict they give. */
export function FitSection({ system, onSaved }: { system: SystemDetail; onSaved: OnSaved }) {
  const { t } = useI18n();
  const m = t.portfolio.system.fit;
  const toggle = useEditToggle();
  const fit = system.fit;
  return (
    <Section title={m.heading}>
      {toggle.editing ? (
        <FitForm
          system={system}
          headingRef={toggle.headingRef}
          onDone={(saved) => {
            if (saved) onSaved(t.portfolio.system.saved);
            toggle.close();
          }}
        />
      ) : (
        <>
          <p>{m.lead}</p>
          {fit && system.time ? (
            <dl className="details">
              <Fact term={m.functionalFit}>
                {fit.functionalFit} – {m.scale[fit.functionalFit - 1]}
              </Fact>
              <Fact term={m.technicalFit}>
                {fit.technicalFit} – {m.scale[fit.technicalFit - 1]}
              </Fact>
              <Fact term={m.verdict}>
                {t.portfolio.terms.time[system.time]}
                <span className="verdict-help">{m.verdictHelp[system.time]}</span>
              </Fact>
            </dl>
          ) : (
            <p className="muted">{m.notAssessed}</p>
          )}
          {system.canEdit && (
            <div className="button-row">
              <Button id={toggle.buttonId} onPress={toggle.open}>
                {m.assess}
              </Button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
