import type { CaseView } from '@karna/contracts';
import { type FormEvent, useId, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { Checkbox } from './case-fields.tsx';
import { localized } from './case-format.ts';
import { useCaseCommand } from './cases.api.ts';

interface DecisionFormProps {
  view: CaseView;
  /** Told once the decision is made, to announce it and move focus. */
  onDecided: () => void;
}

/**
 * The decision task: the outcome (one of the case type's outcome types), the justification and,
 * if the officer wants, appeal information of their own instead of the e-service's usual text.
 * "Fatta beslut" asks once more before the decision is made, since it cannot be changed.
 */
export function DecisionForm({ view, onDecided }: DecisionFormProps) {
  const { t, language } = useI18n();
  const m = t.cases.decision;
  const decide = useCaseCommand(view.id);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [justification, setJustification] = useState('');
  const [customAppeal, setCustomAppeal] = useState(false);
  const [appeal, setAppeal] = useState('');
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const ids = { outcome: useId(), justification: useId(), custom: useId(), appeal: useId() };

  const errorsNow = {
    outcome: outcome ? null : m.chooseOutcome,
    justification: justification.trim() ? null : m.writeJustification,
    appeal: customAppeal && !appeal.trim() ? m.writeAppeal : null,
  };
  const errors = checked ? errorsNow : { outcome: null, justification: null, appeal: null };
  const summary: SummaryError[] = [];
  if (errors.outcome) summary.push({ fieldId: ids.outcome, message: errors.outcome });
  if (errors.justification) summary.push({ fieldId: ids.justification, message: errors.justification });
  if (errors.appeal) summary.push({ fieldId: ids.appeal, message: errors.appeal });
  const outcomeLabel = (code: string | null) => {
    const type = view.outcomeTypes.find((candidate) => candidate.code === code);
    return type ? localized(type.label, language) : (code ?? '');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (errorsNow.outcome || errorsNow.justification || errorsNow.appeal) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    decide.reset();
    setConfirming(true);
  };

  const confirm = (close: () => void) => {
    if (!outcome || decide.isPending) return;
    decide.mutate(
      {
        kind: 'decide',
        body: {
          outcome,
          justification: justification.trim(),
          ...(customAppeal ? { appealInformation: appeal.trim() } : {}),
        },
      },
      {
        onSuccess: () => {
          close();
          onDecided();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="form" aria-label={m.heading}>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <RadioGroup
        id={ids.outcome}
        label={m.outcome}
        options={view.outcomeTypes.map((type) => ({ id: type.code, label: localized(type.label, language) }))}
        value={outcome}
        onChange={setOutcome}
        errorMessage={errors.outcome}
      />
      <TextField
        id={ids.justification}
        label={m.justification}
        description={m.justificationHelp}
        value={justification}
        onChange={setJustification}
        errorMessage={errors.justification}
        isRequired
        multiline
      />
      <fieldset className="appeal-fieldset">
        <legend className="field-label">{m.appeal}</legend>
        <p className="field-description">{m.appealDefault}</p>
        <Checkbox id={ids.custom} label={m.customAppeal} checked={customAppeal} onChange={setCustomAppeal} />
        {customAppeal && (
          <TextField
            id={ids.appeal}
            label={m.appealText}
            value={appeal}
            onChange={setAppeal}
            errorMessage={errors.appeal}
            isRequired
            multiline
          />
        )}
      </fieldset>
      <div className="button-row">
        <Button type="submit" variant="primary">
          {m.decide}
        </Button>
      </div>
      <ModalOverlay className="modal-overlay" isOpen={confirming} onOpenChange={setConfirming} isDismissable>
        <Modal className="modal">
          <Dialog role="alertdialog" className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog-heading">
                  {m.confirmQuestion(outcomeLabel(outcome))}
                </Heading>
                <p>{m.confirmText}</p>
                {decide.isError && <ProblemAlert error={decide.error} />}
                <div className="button-row">
                  <Button variant="primary" onPress={() => confirm(close)}>
                    {decide.isPending ? m.deciding : m.confirm}
                  </Button>
                  <Button autoFocus onPress={close}>
                    {m.cancel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </form>
  );
}
