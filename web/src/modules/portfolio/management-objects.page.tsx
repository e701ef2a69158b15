import {
  type ManagementObject,
  type PortfolioRoleAssignment,
  pathTo,
  portfolioRolesBySubject,
  type SessionUser,
} from '@karna/contracts';
import { type FormEvent, type RefObject, useId, useState } from 'react';
import { Link } from 'react-router';
import { hasPermission } from '../../app/auth.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { Checkbox } from '../cases/case-fields.tsx';
import {
  type ManagementPlan,
  rolesOn,
  serverFieldErrors,
  useAllSystems,
  useManagementObjects,
  useSaveManagementObject,
} from './objects.api.ts';
import { formatNumber, PortfolioPage, Section, TableScroll, today } from './portfolio-parts.tsx';
import { queryState } from './report-parts.tsx';
import { useEditToggle } from './use-edit-toggle.ts';
import './portfolio.css';

const OBJECT_FIELDS = ['name', 'description', 'systemIds'] as const;
type ObjectField = (typeof OBJECT_FIELDS)[number];

/** This year's plan of an object, if it has one. */
export function planOf(object: ManagementObject, year: number): ManagementPlan | undefined {
  return object.plans.find((plan) => plan.year === year);
}

/** The systems to choose from: the register's, but a retired one only if the object still has it. */
function SystemChoices({
  id,
  objectId,
  objects,
  chosen,
  onChange,
}: {
  id: string;
  objectId: string | null;
  objects: readonly ManagementObject[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.objects.form;
  const systems = useAllSystems();
  const [filter, setFilter] = useState('');
  const owner = new Map(
    objects.flatMap((object) => object.systems.map((system) => [system.id, object] as const)),
  );
  const needle = filter.trim().toLocaleLowerCase('sv');
  const shown = (systems.data ?? []).filter(
    (system) =>
      (system.lifecycle !== 'retired' || chosen.includes(system.id)) &&
      (!needle || system.name.toLocaleLowerCase('sv').includes(needle)),
  );
  return (
    <fieldset className="field unit-choices" aria-describedby={`${id}-hint`}>
      <legend className="field-label">{m.systems}</legend>
      <p id={`${id}-hint`} className="field-description">
        {m.systemsHelp}
      </p>
      {queryState(systems) ?? (
        <>
          <TextField
            id={`${id}-filter`}
            label={t.portfolio.list.search}
            value={filter}
            onChange={setFilter}
            size="medium"
          />
          <div className="unit-choice-list">
            {shown.map((system) => {
              const other = owner.get(system.id);
              return (
                <Checkbox
                  key={system.id}
                  id={`${id}-${system.id}`}
                  label={system.name}
                  description={other && other.id !== objectId ? m.elsewhere(other.name) : undefined}
                  checked={chosen.includes(system.id)}
                  onChange={(checked) =>
                    onChange(
                      checked ? [...chosen, system.id] : chosen.filter((chosenId) => chosenId !== system.id),
                    )
                  }
                />
              );
            })}
          </div>
        </>
      )}
    </fieldset>
  );
}

/**
 * Create an object (`object` null) or change one: its name, description and systems. Errors are
 * shown next to the fields, the server's too (a name already taken, a field it refused).
 */
export function ObjectForm({
  object,
  objects,
  headingRef,
  onDone,
}: {
  object: ManagementObject | null;
  objects: readonly ManagementObject[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (saved: ManagementObject | null) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.objects.form;
  const save = useSaveManagementObject();
  const ids = { heading: useId(), name: useId(), description: useId(), systemIds: useId() };
  const [name, setName] = useState(object?.name ?? '');
  const [description, setDescription] = useState(object?.description ?? '');
  const [systemIds, setSystemIds] = useState<string[]>(
    () => object?.systems.map((system) => system.id) ?? [],
  );
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const errorsNow: Partial<Record<ObjectField, string>> = {};
  if (!name.trim() || name.trim().length > 120) errorsNow.name = m.errors.name;
  if (description.trim().length > 2000) errorsNow.description = m.errors.description;
  const remote = save.isError
    ? serverFieldErrors(save.error, OBJECT_FIELDS, { management_object_name_taken: 'name' })
    : {};
  const errors = { ...remote, ...(checked ? errorsNow : {}) };
  const summary: SummaryError[] = OBJECT_FIELDS.flatMap((field) => {
    const message = errors[field];
    return message
      ? [{ fieldId: field === 'systemIds' ? `${ids.systemIds}-filter` : ids[field], message }]
      : [];
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Enter in the systems' search box narrows the list; it does not send the form.
    if (document.activeElement?.id === `${ids.systemIds}-filter`) return;
    setChecked(true);
    if (Object.keys(errorsNow).length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    if (save.isPending) return;
    save.mutate(
      {
        id: object?.id ?? null,
        body: { name: name.trim(), description: description.trim() || null, systemIds },
      },
      {
        onSuccess: (saved) => onDone(saved),
        onError: (error) => {
          if (
            Object.keys(serverFieldErrors(error, OBJECT_FIELDS, { management_object_name_taken: 'name' }))
              .length > 0
          )
            setFailedSubmits((count) => count + 1);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {object ? m.editHeading(object.name) : t.portfolio.objects.list.createHeading}
      </h3>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <TextField
        id={ids.name}
        label={m.name}
        value={name}
        onChange={(value) => {
          setName(value);
          // The server's "name taken" was about the name as it was.
          if (remote.name) save.reset();
        }}
        errorMessage={errors.name}
        isRequired
      />
      <TextField
        id={ids.description}
        label={m.description}
        description={m.descriptionHelp}
        value={description}
        onChange={setDescription}
        errorMessage={errors.description}
        multiline
      />
      <SystemChoices
        id={ids.systemIds}
        objectId={object?.id ?? null}
        objects={objects}
        chosen={systemIds}
        onChange={setSystemIds}
      />
      {errors.systemIds && <p className="field-error">{errors.systemIds}</p>}
      {save.isError && summary.length === 0 && <ProblemAlert error={save.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {save.isPending ? m.saving : m.save}
        </Button>
        <Button onPress={() => onDone(null)}>{m.cancel}</Button>
      </div>
    </form>
  );
}

/** Who holds a role today: the name, and a note while the role waits for the person's accept. */
function Holder({ roles }: { roles: readonly PortfolioRoleAssignment[] }) {
  const { t } = useI18n();
  const m = t.portfolio.objects.list;
  if (roles.length === 0) return <span className="badge badge-warning">{m.vacant}</span>;
  return (
    <>
      {roles.map((role, index) => (
        <span key={role.id}>
          {index > 0 && ', '}
          {role.person.name}
          {!role.acceptedAt && ` (${m.waiting})`}
        </span>
      ))}
    </>
  );
}

/**
 * An object's systems in the list: their number, opening to links. The list is only drawn while
 * open, so that a closed cell is as narrow as its number.
 */
function SystemsCell({ systems }: { systems: ManagementObject['systems'] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t.portfolio.terms.count(systems.length)}</summary>
      {open && (
        <ul className="plain-list">
          {systems.map((system) => (
            <li key={system.id}>
              <Link to={pathTo('portfolioSystem', { systemId: system.id })}>{system.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function ObjectTable({ objects, year }: { objects: readonly ManagementObject[]; year: number }) {
  const { t, locale } = useI18n();
  const m = t.portfolio.objects.list;
  const kronor = (amount: number) => t.portfolio.objects.plans.kronor(formatNumber(amount, locale));
  const captionId = useId();
  const now = today();
  const roleNames = portfolioRolesBySubject.managementObject;
  if (objects.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  const plans = objects.map((object) => planOf(object, year));
  const sum = (pick: (plan: ManagementPlan) => number) =>
    plans.reduce((total, plan) => total + (plan ? pick(plan) : 0), 0);
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption(year)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.name}</th>
            <th scope="col">{m.columns.systems}</th>
            <th scope="col" className="numeric">
              {m.columns.maintenance(year)}
            </th>
            <th scope="col" className="numeric">
              {m.columns.development(year)}
            </th>
            <th scope="col">{m.columns.roles}</th>
          </tr>
        </thead>
        <tbody>
          {objects.map((object, index) => {
            const plan = plans[index];
            const current = rolesOn(object.roles, now);
            return (
              <tr key={object.id}>
                <th scope="row">
                  <Link to={pathTo('portfolioManagementObject', { objectId: object.id })}>{object.name}</Link>
                </th>
                <td>
                  {object.systems.length === 0 ? (
                    <span className="muted">{m.noSystems}</span>
                  ) : (
                    <SystemsCell systems={object.systems} />
                  )}
                </td>
                {plan ? (
                  <>
                    <td className="numeric">{kronor(plan.maintenanceBudget)}</td>
                    <td className="numeric">{kronor(plan.developmentBudget)}</td>
                  </>
                ) : (
                  <td colSpan={2}>
                    <span className="badge badge-warning">{m.noPlan}</span>
                  </td>
                )}
                <td>
                  <ul className="plain-list">
                    {roleNames.map((role) => (
                      <li key={role}>
                        {t.portfolio.terms.role[role]}:{' '}
                        <Holder roles={current.filter((assignment) => assignment.role === role)} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {m.total}
            </th>
            <td className="numeric">{kronor(sum((plan) => plan.maintenanceBudget))}</td>
            <td className="numeric">{kronor(sum((plan) => plan.developmentBudget))}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

function ManagementObjects({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const m = t.portfolio.objects.list;
  const objects = useManagementObjects();
  const toggle = useEditToggle();
  const [message, setMessage] = useState<string | null>(null);
  const mayManage = hasPermission(user, 'portfolio.manage');
  const year = Number(today().slice(0, 4));
  const items = objects.data?.items ?? [];
  return (
    <>
      <LiveStatus message={message} />
      <p className="lead">{m.lead}</p>
      {mayManage && (
        <Section title={m.createHeading}>
          {toggle.editing ? (
            <ObjectForm
              object={null}
              objects={items}
              headingRef={toggle.headingRef}
              onDone={(saved) => {
                if (saved) setMessage(m.created(saved.name));
                toggle.close();
              }}
            />
          ) : (
            <div className="button-row">
              <Button id={toggle.buttonId} variant="primary" onPress={toggle.open}>
                {m.create}
              </Button>
            </div>
          )}
        </Section>
      )}
      <Section title={m.title}>{queryState(objects) ?? <ObjectTable objects={items} year={year} />}</Section>
    </>
  );
}

/** `/portfolj/forvaltningsobjekt`: the pm3 management objects, their systems, budgets and roles. */
export function ManagementObjectsPage() {
  const { t } = useI18n();
  return (
    <PortfolioPage title={t.portfolio.objects.list.title}>
      {(user) => <ManagementObjects user={user} />}
    </PortfolioPage>
  );
}
