import { LifecycleStage, type SystemDetail } from '@karna/contracts';
import { type FormEvent, type RefObject, useId, useState } from 'react';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { DateInput } from '../cases/case-fields.tsx';
import { useChangeSystem } from './portfolio.api.ts';
import { type OnSaved, Section, TableScroll, today } from './portfolio-parts.tsx';
import { useEditToggle } from './use-edit-toggle.ts';

// The system page's lifecycle: the stage now and before, and "Byt skede" (the server refuses a
// move the rules do not allow, such as introducing a system whose owner has not accepted, and the
// form shows its reason).

function LifecycleForm({
  system,
  headingRef,
  onDone,
}: {
  system: SystemDetail;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (stage: LifecycleStage | null) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.system.lifecycle;
  const terms = t.portfolio.terms;
  const change = useChangeSystem(system.id);
  const [stage, setStage] = useState<string | null>(null);
  const [from, setFrom] = useState(today());
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const ids = { heading: useId(), stage: useId(), from: useId() };
  const errorsNow = {
    stage: stage ? null : m.chooseStageError,
    from: /^\d{4}-\d{2}-\d{2}$/.test(from) ? null : m.dateError,
  };
  const errors = checked ? errorsNow : { stage: null, from: null };
  const summary: SummaryError[] = [];
  if (errors.stage) summary.push({ fieldId: ids.stage, message: errors.stage });
  if (errors.from) summary.push({ fieldId: ids.from, message: errors.from });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    const chosen = LifecycleStage.safeParse(stage);
    if (!chosen.success || errorsNow.from) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    // No pending state on a button that may go away with the answer: a second press is ignored.
    if (change.isPending) return;
    change.mutate(
      { kind: 'lifecycle', body: { stage: chosen.data, from } },
      { onSuccess: () => onDone(chosen.data) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {m.change}
      </h3>
      <p className="field-description">{m.ownerRule}</p>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <Select
        id={ids.stage}
        label={m.newStage}
        placeholder={m.chooseStage}
        options={LifecycleStage.options
          .filter((option) => option !== system.lifecycle)
          .map((option) => ({ id: option, label: terms.lifecycle[option] }))}
        value={stage}
        onChange={setStage}
        errorMessage={errors.stage}
        isRequired
      />
      <DateInput
        id={ids.from}
        label={m.changeFrom}
        value={from}
        onChange={setFrom}
        errorMessage={errors.from}
      />
      {change.isError && <ProblemAlert error={change.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {m.submit}
        </Button>
        <Button onPress={() => onDone(null)}>{t.portfolio.system.cancel}</Button>
      </div>
    </form>
  );
}

/** The stage the system is in, since when, its stages over time, and moving it to another. */
export function LifecycleSection({ system, onSaved }: { system: SystemDetail; onSaved: OnSaved }) {
  const { t, locale } = useI18n();
  const m = t.portfolio.system.lifecycle;
  const terms = t.portfolio.terms;
  const toggle = useEditToggle();
  const captionId = useId();
  const history = [...system.lifecycleHistory].sort((a, b) => b.from.localeCompare(a.from));
  const since = history.find((step) => step.stage === system.lifecycle)?.from;
  return (
    <Section title={m.heading}>
      <p className="lifecycle-now">
        {since
          ? m.current(terms.lifecycle[system.lifecycle], formatDate(since, locale))
          : terms.lifecycle[system.lifecycle]}
      </p>
      {history.length > 1 && (
        <TableScroll captionId={captionId}>
          <table className="data-table">
            <caption id={captionId} className="table-caption">
              {m.historyCaption}
            </caption>
            <thead>
              <tr>
                <th scope="col">{m.stage}</th>
                <th scope="col">{m.from}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((step) => (
                <tr key={`${step.stage}-${step.from}`}>
                  <td>{terms.lifecycle[step.stage]}</td>
                  <td>{formatDate(step.from, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {system.canEdit &&
        (toggle.editing ? (
          <LifecycleForm
            system={system}
            headingRef={toggle.headingRef}
            onDone={(stage) => {
              if (stage) onSaved(m.changed(terms.lifecycle[stage]));
              toggle.close();
            }}
          />
        ) : (
          <div className="button-row">
            <Button id={toggle.buttonId} onPress={toggle.open}>
              {m.change}
            </Button>
          </div>
        ))}
    </Section>
  );
}
