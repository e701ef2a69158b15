import { pathTo, type RatingRound, type SessionUser, webPages } from '@karna/contracts';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import { hasPermission } from '../../app/auth.tsx';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { DateInput } from '../cases/case-fields.tsx';
import { type Picked, SystemPicker } from './pickers.tsx';
import { useCreateRound, useRate, useRatingResults, useRatingRounds } from './portfolio.api.ts';
import { type OnSaved, PortfolioPage, Section, TableScroll, today } from './portfolio-parts.tsx';
import { queryState } from './report-parts.tsx';
import './portfolio.css';

function RateForm({ round, onSaved }: { round: RatingRound; onSaved: OnSaved }) {
  const { t } = useI18n();
  const m = t.portfolio.tools.survey;
  const rate = useRate(round.id);
  const [system, setSystem] = useState<Picked | null>(null);
  const [score, setScore] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [formKey, setFormKey] = useState(0);
  const ids = { system: useId(), score: useId(), comment: useId() };
  const errorsNow = { system: system ? null : m.errors.system, score: score ? null : m.errors.score };
  const errors = checked ? errorsNow : { system: null, score: null };
  const summary: SummaryError[] = [];
  if (errors.system) summary.push({ fieldId: ids.system, message: errors.system });
  if (errors.score) summary.push({ fieldId: ids.score, message: errors.score });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (!system || !score) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    rate.mutate(
      { systemId: system.id, score: Number(score), comment: comment.trim() || null },
      {
        onSuccess: () => {
          onSaved(m.saved(system.name));
          setSystem(null);
          setScore(null);
          setComment('');
          setChecked(false);
          // A fresh picker (its typed text goes too), and focus back to it for the next system.
          setFormKey((key) => key + 1);
          requestAnimationFrame(() => document.getElementById(ids.system)?.focus());
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={m.rateHeading}>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <SystemPicker
        key={formKey}
        id={ids.system}
        value={system}
        onChange={setSystem}
        errorMessage={errors.system}
      />
      <RadioGroup
        id={ids.score}
        label={m.score}
        options={m.scores.map((label, index) => ({
          id: String(index + 1),
          label: `${index + 1} – ${label}`,
        }))}
        value={score}
        onChange={setScore}
        errorMessage={errors.score}
      />
      <TextField
        id={ids.comment}
        label={m.comment}
        description={m.commentHelp}
        value={comment}
        onChange={setComment}
        multiline
      />
      {rate.isError && <ProblemAlert error={rate.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary" isPending={rate.isPending}>
          {m.submit}
        </Button>
      </div>
    </form>
  );
}

function MyRatings({ round }: { round: RatingRound }) {
  const { t } = useI18n();
  const m = t.portfolio.tools.survey;
  const results = useRatingResults(round.id);
  const captionId = useId();
  const names = new Map(results.data?.systems.map((system) => [system.id, system.name]));
  const mine = results.data?.mine ?? [];
  return (
    <Section title={m.mineHeading}>
      {queryState(results) ??
        (mine.length === 0 ? (
          <EmptyState>{m.mineNone}</EmptyState>
        ) : (
          <TableScroll captionId={captionId}>
            <table className="data-table">
              <caption id={captionId} className="visually-hidden">
                {m.mineCaption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{m.mineColumns.system}</th>
                  <th scope="col">{m.mineColumns.score}</th>
                  <th scope="col">{m.mineColumns.comment}</th>
                </tr>
              </thead>
              <tbody>
                {mine.map((rating) => (
                  <tr key={rating.systemId}>
                    <th scope="row">
                      <Link to={pathTo('portfolioSystem', { systemId: rating.systemId })}>
                        {names.get(rating.systemId) ?? rating.systemId}
                      </Link>
                    </th>
                    <td>
                      {rating.score} – {m.scores[rating.score - 1]}
                    </td>
                    <td className="pre-line">{rating.comment ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
    </Section>
  );
}

/** The IT department opens a round: a name and the dates it is open. */
function NewRoundForm({ onSaved }: { onSaved: OnSaved }) {
  const { t } = useI18n();
  const m = t.portfolio.tools.survey.newRound;
  const create = useCreateRound();
  const [name, setName] = useState('');
  const [opensOn, setOpensOn] = useState(today());
  const [closesOn, setClosesOn] = useState('');
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const ids = { name: useId(), opensOn: useId(), closesOn: useId() };
  const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
  const errorsNow = {
    name: name.trim() ? null : m.errors.name,
    opensOn: isDate(opensOn) ? null : m.errors.opensOn,
    closesOn: isDate(closesOn) && closesOn >= opensOn ? null : m.errors.closesOn,
  };
  const errors = checked ? errorsNow : { name: null, opensOn: null, closesOn: null };
  const summary: SummaryError[] = (['name', 'opensOn', 'closesOn'] as const)
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: ids[field], message: errors[field] ?? '' }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(errorsNow).some(Boolean)) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    // No pending state on a button that may go away with the answer: a second press is ignored.
    if (create.isPending) return;
    create.mutate(
      { name: name.trim(), opensOn, closesOn },
      { onSuccess: (round) => onSaved(m.created(round.name)) },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={m.heading}>
      <p>{m.lead}</p>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <TextField
        id={ids.name}
        label={m.name}
        value={name}
        onChange={setName}
        errorMessage={errors.name}
        isRequired
      />
      <DateInput
        id={ids.opensOn}
        label={m.opensOn}
        value={opensOn}
        onChange={setOpensOn}
        errorMessage={errors.opensOn}
      />
      <DateInput
        id={ids.closesOn}
        label={m.closesOn}
        value={closesOn}
        onChange={setClosesOn}
        errorMessage={errors.closesOn}
      />
      {create.isError && <ProblemAlert error={create.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {m.submit}
        </Button>
      </div>
    </form>
  );
}

function Survey({ user }: { user: SessionUser }) {
  const { t, locale } = useI18n();
  const m = t.portfolio.tools.survey;
  const rounds = useRatingRounds();
  const [message, setMessage] = useState<string | null>(null);
  const open = rounds.data?.items.find((round) => round.open) ?? null;

  let body: ReactNode = queryState(rounds);
  if (!body) {
    body = open ? (
      <>
        <p className="notice">{m.open(open.name, formatDate(open.closesOn, locale))}</p>
        <Section title={m.rateHeading}>
          <RateForm round={open} onSaved={setMessage} />
        </Section>
        <MyRatings round={open} />
      </>
    ) : (
      <div className="card">
        <p>{m.noOpen}</p>
        <p>
          <Link to={webPages.portfolioReports}>{m.resultsLink}</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <p className="lead">{m.lead}</p>
      <LiveStatus message={message} />
      <div className="stack">
        {body}
        {hasPermission(user, 'portfolio.manage') && rounds.data && !open && (
          <Section title={m.newRound.heading}>
            <NewRoundForm onSaved={setMessage} />
          </Section>
        )}
      </div>
    </>
  );
}

/** `/portfolj/enkat`: staff rate the systems they use in an open survey round. */
export function SurveyPage() {
  const { t } = useI18n();
  return (
    <PortfolioPage title={t.portfolio.tools.survey.title}>{(user) => <Survey user={user} />}</PortfolioPage>
  );
}
