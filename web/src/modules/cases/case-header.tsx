import type { CaseView, SessionUser } from '@karna/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { formatDate, formatDateTime, swedishCollator } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { DueBadge, SecretBadge } from './case-badges.tsx';
import { dueState, localized } from './case-format.ts';
import { useAssignees, useCaseCommand } from './cases.api.ts';

/**
 * Who handles the case, and (with `can.assign`) "Tilldela mig" and a picker of the officers who
 * may handle it. Focus stays on the control that opened the picker when it closes.
 */
function AssignControl({ view, user }: { view: CaseView; user: SessionUser }) {
  const { t } = useI18n();
  const m = t.cases.assign;
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [chooseError, setChooseError] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const assign = useCaseCommand(view.id);
  const assignees = useAssignees(view.id, picking);
  const pickerId = useId();
  const toggleRef = useRef<HTMLSpanElement>(null);
  const selectId = useId();
  const [focusToggle, setFocusToggle] = useState(false);

  // Once the officers are there, the picker takes focus.
  const hasOptions = assignees.isSuccess;
  useEffect(() => {
    if (picking && hasOptions) document.getElementById(selectId)?.focus();
  }, [picking, hasOptions, selectId]);
  useEffect(() => {
    if (!focusToggle) return;
    setFocusToggle(false);
    toggleRef.current?.querySelector('button')?.focus();
  }, [focusToggle]);

  const send = (assigneeId: string | null) => {
    if (assign.isPending) return;
    assign.mutate(
      { kind: 'assign', body: { assigneeId } },
      {
        onSuccess: (next) => {
          setPicking(false);
          setChosen(null);
          if (next.assigneeId === null) setMessage(m.unassigned);
          else if (next.assigneeId === user.id) setMessage(m.assignedToMe);
          else setMessage(m.assignedTo(next.assigneeName ?? ''));
          setFocusToggle(true);
        },
      },
    );
  };

  const options = [...(assignees.data?.items ?? [])]
    .filter((assignee) => assignee.id !== view.assigneeId)
    .sort((a, b) => swedishCollator.compare(a.name, b.name))
    .map((assignee) => ({ id: assignee.id, label: assignee.name }));

  return (
    <div className="assign-control">
      <p className="assignee">
        <span className="assignee-label">{m.assignee}:</span>{' '}
        {view.assigneeName ? <strong>{view.assigneeName}</strong> : <span className="muted">{m.none}</span>}
      </p>
      <LiveStatus message={message} />
      {view.can.assign && (
        <div className="button-row">
          {view.assigneeId !== user.id && (
            <Button variant="primary" size="small" onPress={() => send(user.id)}>
              {m.assignMe}
            </Button>
          )}
          <span ref={toggleRef}>
            <Button
              size="small"
              aria-expanded={picking}
              aria-controls={pickerId}
              onPress={() => {
                assign.reset();
                setChooseError(false);
                setPicking(!picking);
              }}
            >
              {view.assigneeId ? m.reassign : m.choose}
            </Button>
          </span>
        </div>
      )}
      <div id={pickerId}>
        {picking && (
          <div className="assign-picker">
            {assignees.isPending && <LoadingStatus label={m.loading} />}
            {assignees.isError && (
              <ProblemAlert error={assignees.error} onRetry={() => void assignees.refetch()} />
            )}
            {assignees.isSuccess && options.length === 0 && <p className="muted">{m.noneAvailable}</p>}
            {assignees.isSuccess && options.length > 0 && (
              <Select
                id={selectId}
                label={m.choose}
                placeholder={m.choosePlaceholder}
                options={options}
                value={chosen}
                onChange={(value) => {
                  setChosen(value);
                  setChooseError(false);
                }}
                errorMessage={chooseError ? m.chooseError : null}
              />
            )}
            <div className="button-row">
              {options.length > 0 && (
                <Button
                  variant="primary"
                  size="small"
                  onPress={() => (chosen ? send(chosen) : setChooseError(true))}
                >
                  {m.assign}
                </Button>
              )}
              {view.assigneeId && (
                <Button variant="danger" size="small" onPress={() => send(null)}>
                  {m.unassign}
                </Button>
              )}
              <Button
                size="small"
                onPress={() => {
                  setPicking(false);
                  setFocusToggle(true);
                }}
              >
                {m.cancel}
              </Button>
            </div>
          </div>
        )}
      </div>
      {assign.isError && <ProblemAlert error={assign.error} />}
    </div>
  );
}

/** The top of the case screen: what, when, how far, secret or not, and who handles it. */
export function CaseHeader({ view, user }: { view: CaseView; user: SessionUser }) {
  const { t, language, locale } = useI18n();
  const m = t.cases.view;
  const due = dueState(view);
  return (
    <section className="card case-header" aria-label={m.title(view.registrationNumber)}>
      {(view.secret || due === 'overdue' || due === 'atRisk') && (
        <p className="badge-row">
          {view.secret && <SecretBadge />}
          <DueBadge state={due} />
        </p>
      )}
      <dl className="case-facts">
        <div>
          <dt>{m.service}</dt>
          <dd>{m.serviceVersion(localized(view.service.title, language), view.service.version)}</dd>
        </div>
        <div>
          <dt>{m.status}</dt>
          <dd>{localized(view.status.label, language)}</dd>
        </div>
        <div>
          <dt>{m.submittedAt}</dt>
          <dd>
            <time dateTime={view.submittedAt}>{formatDateTime(view.submittedAt, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{m.dueDate}</dt>
          <dd>
            <time dateTime={view.dueDate}>{formatDate(view.dueDate, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{m.unit}</dt>
          <dd>{view.orgUnitName}</dd>
        </div>
        <div>
          <dt>{m.channel}</dt>
          <dd>{m.channels[view.channel]}</dd>
        </div>
      </dl>
      <AssignControl view={view} user={user} />
    </section>
  );
}
