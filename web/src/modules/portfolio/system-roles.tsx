import type { PortfolioRole, PortfolioRoleAssignment, RoleSubjectType } from '@karna/contracts';
import { type FormEvent, type RefObject, useId, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { DateInput } from '../cases/case-fields.tsx';
import { type Person, PersonPicker } from './pickers.tsx';
import { useAssignRole, useEndRole } from './portfolio.api.ts';
import { type OnSaved, Section, TableScroll, today } from './portfolio-parts.tsx';
import { useEditToggle } from './use-edit-toggle.ts';

// The roles on a governed object (a system, a pm3 management object): who holds which role and
// when, what is missing, giving a role and ending one.

/** What the roles section shows and offers for one object. */
export interface RoleSubject {
  type: RoleSubjectType;
  id: string;
  roles: readonly PortfolioRoleAssignment[];
  /** What the rules say is missing, as sentences. */
  gaps: readonly string[];
  /** Say that nothing is missing when `gaps` is empty (a system in use). */
  sayComplete: boolean;
  /** The roles the viewer may appoint and end (the server's separation of duties). */
  appointable: readonly PortfolioRole[];
  /** Texts that name the object: the table's captions, and the empty table. */
  texts: { caption: string; earlierCaption: string; none: string; giveHeading: string };
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function EndRoleDialog({
  assignment,
  onClose,
  onEnded,
}: {
  assignment: PortfolioRoleAssignment | null;
  onClose: () => void;
  onEnded: (assignment: PortfolioRoleAssignment) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.system.roles;
  const end = useEndRole();
  const [validTo, setValidTo] = useState(today());
  const dateId = useId();
  const roleName = assignment ? t.portfolio.terms.role[assignment.role] : '';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!assignment || !isDate(validTo) || end.isPending) return;
    end.mutate({ assignmentId: assignment.id, validTo }, { onSuccess: () => onEnded(assignment) });
  };
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={assignment !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <form onSubmit={submit} noValidate className="form">
            <Heading slot="title" className="dialog-heading">
              {assignment ? m.endHeading(roleName, assignment.person.name) : ''}
            </Heading>
            <DateInput
              id={dateId}
              label={m.endDate}
              value={validTo}
              onChange={setValidTo}
              errorMessage={isDate(validTo) ? null : m.endDateError}
            />
            {end.isError && <ProblemAlert error={end.error} />}
            <div className="button-row">
              <Button type="submit" variant="primary">
                {m.endSubmit}
              </Button>
              <Button onPress={onClose}>{t.portfolio.system.cancel}</Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function RoleTable({
  roles,
  forSystem,
  caption,
  captionVisible,
  onEnd,
  mayEnd,
}: {
  roles: readonly PortfolioRoleAssignment[];
  /** A system's roles also show the board an owner acts for and a manager's work share. */
  forSystem: boolean;
  caption: string;
  captionVisible?: boolean;
  onEnd: ((assignment: PortfolioRoleAssignment) => void) | null;
  mayEnd: (assignment: PortfolioRoleAssignment) => boolean;
}) {
  const { t, locale } = useI18n();
  const m = t.portfolio.system.roles;
  const captionId = useId();
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table role-table">
        <caption id={captionId} className={captionVisible ? 'table-caption' : 'visually-hidden'}>
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.role}</th>
            <th scope="col">{m.columns.person}</th>
            {forSystem && <th scope="col">{m.columns.board}</th>}
            {forSystem && <th scope="col">{m.columns.workShare}</th>}
            <th scope="col">{m.columns.period}</th>
            <th scope="col">{m.columns.status}</th>
            {onEnd && <th scope="col">{m.columns.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {roles.map((assignment) => {
            const roleName = t.portfolio.terms.role[assignment.role];
            return (
              <tr key={assignment.id}>
                <th scope="row">{roleName}</th>
                <td>
                  {assignment.person.name}
                  {assignment.person.email && (
                    <>
                      <br />
                      <a href={`mailto:${assignment.person.email}`}>{assignment.person.email}</a>
                    </>
                  )}
                </td>
                {forSystem && <td>{assignment.orgUnit?.name ?? ''}</td>}
                {forSystem && (
                  <td>
                    {assignment.workSharePercent === null ? '' : m.workShare(assignment.workSharePercent)}
                  </td>
                )}
                <td>
                  {assignment.validTo
                    ? m.fromTo(
                        formatDate(assignment.validFrom, locale),
                        formatDate(assignment.validTo, locale),
                      )
                    : m.from(formatDate(assignment.validFrom, locale))}
                </td>
                <td>
                  {assignment.acceptedAt ? (
                    m.accepted
                  ) : (
                    <span className="badge badge-warning">{m.waiting}</span>
                  )}
                </td>
                {onEnd && (
                  <td>
                    {mayEnd(assignment) && (
                      <Button size="small" onPress={() => onEnd(assignment)}>
                        {m.end}
                        <span className="visually-hidden">
                          {' '}
                          {m.endHidden(roleName, assignment.person.name)}
                        </span>
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function GiveRoleForm({
  subject,
  headingRef,
  onDone,
}: {
  subject: RoleSubject;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (given: { role: PortfolioRole; person: Person } | null) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.system.roles;
  const assign = useAssignRole(subject.type, subject.id);
  const [person, setPerson] = useState<Person | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [validFrom, setValidFrom] = useState(today());
  const [validTo, setValidTo] = useState('');
  const [workShare, setWorkShare] = useState('');
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const ids = {
    heading: useId(),
    person: useId(),
    role: useId(),
    validFrom: useId(),
    validTo: useId(),
    workShare: useId(),
  };
  const roles = subject.appointable;
  const chosenRole = roles.find((candidate) => candidate === role) ?? null;
  const share = workShare.trim();
  const errorsNow = {
    person: person ? null : m.errors.person,
    role: chosenRole ? null : m.errors.role,
    validFrom: isDate(validFrom) ? null : m.errors.validFrom,
    validTo: validTo && (!isDate(validTo) || validTo < validFrom) ? m.errors.validTo : null,
    workShare:
      share && !(/^\d{1,3}$/.test(share) && Number(share) >= 1 && Number(share) <= 100)
        ? m.errors.workShare
        : null,
  };
  const errors = checked
    ? errorsNow
    : { person: null, role: null, validFrom: null, validTo: null, workShare: null };
  const summary: SummaryError[] = (['person', 'role', 'validFrom', 'validTo', 'workShare'] as const)
    .filter((field) => errors[field])
    .map((field) => ({ fieldId: ids[field], message: errors[field] ?? '' }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(errorsNow).some(Boolean) || !person || !chosenRole) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    // No pending state on a button that may go away with the answer: a second press is ignored.
    if (assign.isPending) return;
    assign.mutate(
      {
        role: chosenRole,
        personId: person.id,
        orgUnitId: null,
        workSharePercent: chosenRole === 'systemManager' && share ? Number(share) : null,
        validFrom,
        validTo: validTo || null,
      },
      { onSuccess: () => onDone({ role: chosenRole, person }) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {subject.texts.giveHeading}
      </h3>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <PersonPicker id={ids.person} value={person} onChange={setPerson} errorMessage={errors.person} />
      <Select
        id={ids.role}
        label={m.role}
        placeholder={m.chooseRole}
        description={subject.type === 'system' && !roles.includes('systemOwner') ? m.ownerForIt : undefined}
        options={roles.map((candidate) => ({ id: candidate, label: t.portfolio.terms.role[candidate] }))}
        value={chosenRole}
        onChange={setRole}
        errorMessage={errors.role}
        isRequired
      />
      {chosenRole === 'systemManager' && (
        <TextField
          id={ids.workShare}
          label={m.workSharePercent}
          description={m.workShareHelp}
          value={workShare}
          onChange={setWorkShare}
          errorMessage={errors.workShare}
          inputMode="numeric"
          size="short"
        />
      )}
      <DateInput
        id={ids.validFrom}
        label={m.validFrom}
        value={validFrom}
        onChange={setValidFrom}
        errorMessage={errors.validFrom}
      />
      <DateInput
        id={ids.validTo}
        label={m.validTo}
        value={validTo}
        onChange={setValidTo}
        errorMessage={errors.validTo}
      />
      {assign.isError && <ProblemAlert error={assign.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {m.giveSubmit}
        </Button>
        <Button onPress={() => onDone(null)}>{t.portfolio.system.cancel}</Button>
      </div>
    </form>
  );
}

/** Who holds which role for the object, what the rules say is missing, and giving and ending roles. */
export function RolesSection({ subject, onSaved }: { subject: RoleSubject; onSaved: OnSaved }) {
  const { t } = useI18n();
  const m = t.portfolio.system.roles;
  const terms = t.portfolio.terms;
  const toggle = useEditToggle();
  const [ending, setEnding] = useState<PortfolioRoleAssignment | null>(null);
  const headingId = useId();
  const now = today();
  const current = subject.roles.filter((role) => role.validTo === null || role.validTo >= now);
  const earlier = subject.roles.filter((role) => role.validTo !== null && role.validTo < now);
  const mayGive = subject.appointable.length > 0;
  const mayEnd = (assignment: PortfolioRoleAssignment) => subject.appointable.includes(assignment.role);
  const forSystem = subject.type === 'system';

  return (
    <Section title={m.heading} headingId={headingId}>
      {subject.gaps.length > 0 ? (
        <div className="alert alert-warning">
          <p className="alert-title">{m.gapsHeading}</p>
          <ul>
            {subject.gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        </div>
      ) : (
        subject.sayComplete && <p>{m.noGaps}</p>
      )}
      {current.length === 0 ? (
        <EmptyState>{subject.texts.none}</EmptyState>
      ) : (
        <RoleTable
          roles={current}
          forSystem={forSystem}
          caption={subject.texts.caption}
          onEnd={mayGive ? setEnding : null}
          mayEnd={mayEnd}
        />
      )}
      {earlier.length > 0 && (
        <details className="earlier-roles">
          <summary>{m.earlier(earlier.length)}</summary>
          <RoleTable
            roles={earlier}
            forSystem={forSystem}
            caption={subject.texts.earlierCaption}
            onEnd={null}
            mayEnd={() => false}
          />
        </details>
      )}
      {mayGive &&
        (toggle.editing ? (
          <GiveRoleForm
            subject={subject}
            headingRef={toggle.headingRef}
            onDone={(given) => {
              if (given) onSaved(m.given(terms.role[given.role], given.person.name));
              toggle.close();
            }}
          />
        ) : (
          <div className="button-row">
            <Button id={toggle.buttonId} onPress={toggle.open}>
              {m.give}
            </Button>
          </div>
        ))}
      <EndRoleDialog
        key={ending?.id ?? 'none'}
        assignment={ending}
        onClose={() => setEnding(null)}
        onEnded={(assignment) => {
          setEnding(null);
          onSaved(m.ended(terms.role[assignment.role], assignment.person.name));
          // The row's button may be gone: focus goes to the section's heading.
          requestAnimationFrame(() => document.getElementById(headingId)?.focus());
        }}
      />
    </Section>
  );
}
