import {
  type Draft,
  type ServiceForm,
  type ServicePrefill,
  type SessionUser,
  webPages,
} from '@karna/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary } from '../../../ui/error-summary.tsx';
import { LoadingStatus } from '../../../ui/loading-status.tsx';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import {
  anonymousDraftFor,
  type ContinueDraftState,
  fetchDraft,
  forgetAnonymousDraft,
  useDraftActions,
  useDrafts,
  usePrefill,
} from '../services.api.ts';
import { AnswerList } from './answer-list.tsx';
import { fieldId } from './field-frame.tsx';
import { FormFieldInput } from './form-field.tsx';
import { visibleFields } from './form-model.ts';
import { PrefillSummary } from './prefill-summary.tsx';
import { StepProgress } from './step-progress.tsx';
import { type FormSession, initialData, useFormSession } from './use-form-session.ts';
import { useValidator } from './use-validator.ts';

/**
 * The saved draft to offer for this e-service: the logged-in person's newest (from their list),
 * or the one this tab started anonymously. `undefined` while that is being found out.
 */
function useExistingDraft(
  slug: string,
  user: SessionUser | null,
  preferred: string | null,
): {
  draft: Draft | null | undefined;
  error: unknown;
  retry: () => void;
} {
  const drafts = useDrafts({ enabled: user !== null });
  const [anonymous] = useState(() => (user ? null : anonymousDraftFor(slug)));
  const anonymousDraft = useQuery({
    queryKey: ['services', 'anonymousDraft', anonymous?.draftId ?? null],
    queryFn: async ({ client }) => {
      try {
        return await fetchDraft(client, anonymous?.draftId ?? '');
      } catch (error) {
        // Gone (submitted elsewhere, cleaned away) or refused: start afresh.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          forgetAnonymousDraft(slug);
          return null;
        }
        throw error;
      }
    },
    enabled: anonymous !== null,
    gcTime: 0,
  });
  if (user) {
    return {
      draft: drafts.data
        ? (drafts.data.find((draft) => draft.id === preferred && draft.serviceSlug === slug) ??
          drafts.data.find((draft) => draft.serviceSlug === slug) ??
          null)
        : undefined,
      error: drafts.error,
      retry: () => void drafts.refetch(),
    };
  }
  if (!anonymous) return { draft: null, error: null, retry: () => {} };
  return {
    draft: anonymousDraft.isPending ? undefined : (anonymousDraft.data ?? null),
    error: anonymousDraft.error,
    retry: () => void anonymousDraft.refetch(),
  };
}

type Stage = { kind: 'loading' } | { kind: 'choose'; draft: Draft } | { kind: 'filling' };

/**
 * Filling in an e-service: find a saved draft and offer to continue it or start over, then the
 * form step by step, the review and the submission (see useFormSession for the state).
 */
export function FormFlow({ service, user }: { service: ServiceForm; user: SessionUser | null }) {
  const { t, locale } = useI18n();
  const m = t.services.form;
  const isCitizen = user?.kind === 'citizen';
  const prefill = usePrefill({ enabled: isCitizen });
  const validate = useValidator(service.form.schema);
  const session = useFormSession(service, validate);
  const actions = useDraftActions();
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [startOverError, setStartOverError] = useState<unknown>(null);
  const [isStartingOver, setStartingOver] = useState(false);
  const [hasChosen, setHasChosen] = useState(false);
  // Opened with "Fortsätt" on Mina ärenden: that draft is continued without asking again.
  const location = useLocation();
  const [continueDraft] = useState(
    () => (location.state as Partial<ContinueDraftState> | null)?.continueDraft ?? null,
  );
  const existing = useExistingDraft(service.slug, user, continueDraft);
  const isPrefillSettled = !isCitizen || !prefill.isPending;
  const prefillData = prefill.data ?? null;
  const { begin } = session;

  useEffect(() => {
    if (stage.kind !== 'loading' || existing.draft === undefined || !isPrefillSettled) return;
    if (existing.draft && existing.draft.id === continueDraft) {
      begin(existing.draft, {});
      setHasChosen(true);
      setStage({ kind: 'filling' });
    } else if (existing.draft) setStage({ kind: 'choose', draft: existing.draft });
    else {
      begin(null, initialData(service.form, prefillData));
      setStage({ kind: 'filling' });
    }
  }, [stage.kind, existing.draft, isPrefillSettled, prefillData, service.form, begin, continueDraft]);

  if (stage.kind === 'loading') {
    if (existing.error) return <ProblemAlert error={existing.error} onRetry={existing.retry} />;
    return <LoadingStatus />;
  }

  if (stage.kind === 'choose') {
    const { draft } = stage;
    const startOver = async () => {
      setStartingOver(true);
      setStartOverError(null);
      try {
        await actions.remove(draft.id, service.slug);
        begin(null, initialData(service.form, prefillData));
        setHasChosen(true);
        setStage({ kind: 'filling' });
      } catch (error) {
        setStartOverError(error);
      } finally {
        setStartingOver(false);
      }
    };
    return (
      <section className="card card-primary draft-choice" aria-labelledby="draft-choice-heading">
        <h2 id="draft-choice-heading">{m.draftHeading}</h2>
        <p>{m.draftSaved(formatDateTime(draft.updatedAt, locale))}</p>
        {user && <p>{m.draftElsewhere}</p>}
        {startOverError !== null && <ProblemAlert error={startOverError} />}
        <div className="button-row">
          <Button
            variant="primary"
            onPress={() => {
              begin(draft, {});
              setHasChosen(true);
              setStage({ kind: 'filling' });
            }}
          >
            {m.continueDraft}
          </Button>
          {/* No pending state: React Aria's would announce a button that is gone a moment later. */}
          <Button onPress={() => !isStartingOver && void startOver()} aria-describedby="start-over-help">
            {isStartingOver ? m.startingOver : m.startOver}
          </Button>
        </div>
        <p id="start-over-help" className="muted draft-choice-help">
          {m.startOverHelp}
        </p>
      </section>
    );
  }

  return (
    <FillingForm
      service={service}
      user={user}
      session={session}
      prefill={prefillData}
      isPrefillUnavailable={prefill.isError}
      focusOnMount={hasChosen}
    />
  );
}

interface FillingFormProps {
  service: ServiceForm;
  user: SessionUser | null;
  session: FormSession;
  prefill: ServicePrefill | null;
  isPrefillUnavailable: boolean;
  /** Start at the step's heading (after choosing to continue or start over, whose buttons go away). */
  focusOnMount: boolean;
}

function FillingForm({
  service,
  user,
  session,
  prefill,
  isPrefillUnavailable,
  focusOnMount,
}: FillingFormProps) {
  const { t, language, locale } = useI18n();
  const m = t.services.form;
  const { form, position, data } = session;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const positionKey = position.kind === 'step' ? `step-${position.index}` : 'review';
  const previousKey = useRef(positionKey);
  const lastFocusKey = useRef(session.errorFocusKey);
  const titles = [...form.steps.map((step) => step.title[language]), m.reviewStep];
  const showPrefill = user?.kind === 'citizen';

  // A new step (or the review) starts at its heading, unless its errors' summary takes focus.
  useEffect(() => {
    if (previousKey.current === positionKey) return;
    previousKey.current = positionKey;
    if (lastFocusKey.current !== session.errorFocusKey) {
      lastFocusKey.current = session.errorFocusKey;
      return;
    }
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [positionKey, session.errorFocusKey]);
  useEffect(() => {
    lastFocusKey.current = session.errorFocusKey;
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the form first shows
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, []);

  const saveStatus = <SaveStatus session={session} isLoggedIn={user !== null} />;
  const saveButton = user && (
    // Not disabled while saving: that would take focus away from the button just pressed.
    <Button variant="quiet" onPress={() => session.saveState.kind !== 'saving' && session.saveForLater()}>
      {m.saveForLater}
    </Button>
  );
  const versionNotice = session.draftVersion !== null && session.draftVersion !== service.version && (
    <p className="alert alert-info">{m.draftNewerVersion}</p>
  );

  if (position.kind === 'review') {
    const files = new Map(session.files.map((file) => [file.id, file]));
    return (
      <>
        <StepProgress titles={titles} current={form.steps.length} />
        <section className="service-step" aria-labelledby="step-heading">
          <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
            {m.reviewStep}
          </h2>
          <p>{m.reviewIntro}</p>
          {versionNotice}
          {showPrefill && user && (
            <PrefillSummary prefill={prefill} user={user} isUnavailable={isPrefillUnavailable} />
          )}
          <AnswerList
            context={{ form, language, locale, m: t.services, prefill, files }}
            data={data}
            stepAction={(step, index) => (
              <Button size="small" variant="quiet" onPress={() => session.edit(index)}>
                {m.change}
                <span className="visually-hidden">{m.changeHidden(step.title[language])}</span>
              </Button>
            )}
          />
          {session.submitError && (
            <div className="submit-error">
              {session.submitError.canRetry && <p className="alert alert-error">{m.submitRetry}</p>}
              {!session.submitError.canRetry && <ProblemAlert error={session.submitError.error} />}
            </div>
          )}
          <p className="muted">{m.submitHelp}</p>
          <div className="button-row">
            {/* No pending state either: the page is left on success; a second press waits. */}
            <Button variant="primary" onPress={() => !session.isSubmitting && void session.submit()}>
              {session.isSubmitting ? m.submitting : m.submit}
            </Button>
            <Button onPress={session.previous} isDisabled={session.isSubmitting}>
              {m.previous}
            </Button>
            {saveButton}
          </div>
          {saveStatus}
        </section>
      </>
    );
  }

  const step = form.steps[position.index];
  if (!step) return null;
  const fields = visibleFields(step, data);
  const isLast = position.index === form.steps.length - 1;
  const summary = fields
    .filter((field) => session.stepErrors.has(field.name))
    .map((field) => ({
      fieldId: fieldId(field.name),
      message: t.services.errors.summaryItem(field.label[language], session.stepErrors.get(field.name) ?? ''),
    }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    session.next();
  };

  return (
    <>
      <StepProgress titles={titles} current={position.index} />
      {position.index === 0 && showPrefill && user && (
        <PrefillSummary prefill={prefill} user={user} isUnavailable={isPrefillUnavailable} />
      )}
      <form className="form service-step" noValidate onSubmit={onSubmit} aria-labelledby="step-heading">
        <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
          {step.title[language]}
        </h2>
        {versionNotice}
        <ErrorSummary title={m.errorSummaryTitle} errors={summary} focusKey={session.errorFocusKey} />
        {fields.map((field) => (
          <FormFieldInput
            key={field.name}
            field={field}
            form={form}
            value={data[field.name]}
            onChange={(value) => session.setField(field.name, value)}
            error={session.stepErrors.get(field.name) ?? null}
            prefill={prefill}
            attachments={session.attachments}
          />
        ))}
        <div className="button-row">
          <Button type="submit" variant="primary">
            {position.fromReview || isLast ? m.toReview : m.next}
          </Button>
          {position.index > 0 && <Button onPress={session.previous}>{m.previous}</Button>}
          {saveButton}
        </div>
        {saveStatus}
      </form>
    </>
  );
}

/** Whether the draft is saved: said after "Spara och fortsätt senare", and when a save fails. */
function SaveStatus({ session, isLoggedIn }: { session: FormSession; isLoggedIn: boolean }) {
  const { t, locale } = useI18n();
  const m = t.services.form;
  const state = session.saveState;
  return (
    <>
      <div
        role="status"
        className={state.kind === 'saved' && state.forLater ? 'status-message' : 'status-message-empty'}
      >
        {state.kind === 'saved' && state.forLater && (
          <>
            <p>{m.savedForLater}</p>
            <p className="muted">{m.savedAt(formatDateTime(state.at, locale))}</p>
            {isLoggedIn && (
              <p>
                <Link to={webPages.myCases}>{m.toMyCases}</Link>
              </p>
            )}
          </>
        )}
        {state.kind === 'saving' && <span className="visually-hidden">{m.saving}</span>}
      </div>
      {state.kind === 'failed' && (
        <p role="alert" className="alert alert-error">
          {m.saveFailed}
        </p>
      )}
    </>
  );
}
