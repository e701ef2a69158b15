import { pathTo, type SessionUser } from '@karna/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { hasPermission } from '../../app/auth.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { DateInput } from '../cases/case-fields.tsx';
import { useOrgUnits } from '../identity/identity.api.ts';
import { useCreateSystem } from './portfolio.api.ts';
import { PortfolioPage } from './portfolio-parts.tsx';
import {
  type DraftErrors,
  draftErrors,
  emptyDraft,
  factsOf,
  SystemFields,
  summaryOf,
  useFieldIds,
} from './system-form.tsx';
import './portfolio.css';

function NewSystemForm({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const m = t.portfolio.system;
  const navigate = useNavigate();
  const create = useCreateSystem();
  const units = useOrgUnits({ enabled: hasPermission(user, 'org.read') });
  const [draft, setDraft] = useState(emptyDraft);
  const [lifecycle, setLifecycle] = useState<'planned' | 'operating'>('planned');
  const [lifecycleFrom, setLifecycleFrom] = useState('');
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const ids = useFieldIds();
  const lifecycleIds = { stage: useId(), from: useId() };
  const fromError =
    lifecycleFrom && !/^\d{4}-\d{2}-\d{2}$/.test(lifecycleFrom) ? m.form.errors.lifecycleFrom : null;
  const errorsNow = draftErrors(draft, m.form);
  const errors: DraftErrors = checked ? errorsNow : {};
  const summary: SummaryError[] = summaryOf(errors, ids);
  if (checked && fromError) summary.push({ fieldId: lifecycleIds.from, message: fromError });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(errorsNow).length > 0 || fromError) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    // No pending state on a button that may go away with the answer: a second press is ignored.
    if (create.isPending) return;
    create.mutate(
      {
        ...factsOf(draft),
        criticality: null,
        tierOverride: null,
        fit: null,
        lifecycle,
        ...(lifecycleFrom ? { lifecycleFrom } : {}),
      },
      { onSuccess: (system) => navigate(pathTo('portfolioSystem', { systemId: system.id })) },
    );
  };

  return (
    <form className="form card narrow-form" onSubmit={submit} noValidate aria-label={m.newSystem.title}>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <SystemFields
        draft={draft}
        onChange={setDraft}
        errors={errors}
        ids={ids}
        units={units.data?.items ?? null}
        canChangeBoard
      />
      <RadioGroup
        id={lifecycleIds.stage}
        label={m.newSystem.lifecycle}
        options={(['planned', 'operating'] as const).map((stage) => ({
          id: stage,
          label: m.newSystem.lifecycleOptions[stage],
        }))}
        value={lifecycle}
        onChange={(value) => setLifecycle(value === 'operating' ? 'operating' : 'planned')}
      />
      <DateInput
        id={lifecycleIds.from}
        label={m.newSystem.lifecycleFrom}
        description={m.newSystem.lifecycleFromHelp}
        value={lifecycleFrom}
        onChange={setLifecycleFrom}
        errorMessage={checked ? fromError : null}
      />
      {create.isError && <ProblemAlert error={create.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {m.newSystem.submit}
        </Button>
      </div>
    </form>
  );
}

/** `/portfolj/nytt-system`: the IT department registers a system. */
export function NewSystemPage() {
  const { t } = useI18n();
  return (
    <PortfolioPage title={t.portfolio.system.newSystem.title} permission="portfolio.manage">
      {(user) => (
        <>
          <p className="lead">{t.portfolio.system.newSystem.lead}</p>
          <NewSystemForm user={user} />
        </>
      )}
    </PortfolioPage>
  );
}
