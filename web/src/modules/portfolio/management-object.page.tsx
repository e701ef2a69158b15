import {
  type ManagementObject,
  pathTo,
  portfolioRolesBySubject,
  type SessionUser,
  webPages,
} from '@karna/contracts';
import { type FormEvent, type ReactNode, type RefObject, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { hasPermission, RequirePermission } from '../../app/auth.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { ObjectForm, planOf } from './management-objects.page.tsx';
import {
  type ManagementPlan,
  rolesOn,
  serverFieldErrors,
  useManagementObject,
  useManagementObjects,
  useSavePlan,
} from './objects.api.ts';
import {
  Fact,
  formatNumber,
  type OnSaved,
  PortfolioNav,
  Section,
  TableScroll,
  today,
} from './portfolio-parts.tsx';
import { type RoleSubject, RolesSection } from './system-roles.tsx';
import { useEditToggle } from './use-edit-toggle.ts';
import './portfolio.css';

const thisYear = () => Number(today().slice(0, 4));

/** Whole kronor as typed: digits, with spaces between thousands if one likes. */
function kronorOf(typed: string): number | null {
  const digits = typed.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,11}$/.test(digits)) return null;
  const amount = Number(digits);
  return amount <= 10_000_000_000 ? amount : null;
}

function useKronor() {
  const { t, locale } = useI18n();
  return (amount: number) => t.portfolio.objects.plans.kronor(formatNumber(amount, locale));
}

// ---------------------------------------------------------------------------------------------
// Facts and systems.

function FactsSection({
  object,
  objects,
  mayManage,
  onSaved,
}: {
  object: ManagementObject;
  objects: readonly ManagementObject[];
  mayManage: boolean;
  onSaved: OnSaved;
}) {
  const { t } = useI18n();
  const m = t.portfolio.objects.object;
  const kronor = useKronor();
  const toggle = useEditToggle();
  const year = thisYear();
  const plan = planOf(object, year);
  if (toggle.editing) {
    return (
      <Section title={m.factsHeading}>
        <ObjectForm
          object={object}
          objects={objects}
          headingRef={toggle.headingRef}
          onDone={(saved) => {
            if (saved) onSaved(t.portfolio.objects.form.saved(saved.name));
            toggle.close();
          }}
        />
      </Section>
    );
  }
  return (
    <Section title={m.factsHeading}>
      <dl className="details fact-grid">
        <Fact term={m.description}>
          {object.description ? (
            <span className="pre-line">{object.description}</span>
          ) : (
            <span className="muted">{m.noDescription}</span>
          )}
        </Fact>
        <Fact term={m.systemCount}>{object.systems.length}</Fact>
        <Fact term={m.budget(year)}>
          {plan
            ? m.budgetText(
                kronor(plan.maintenanceBudget + plan.developmentBudget),
                kronor(plan.maintenanceBudget),
                kronor(plan.developmentBudget),
              )
            : m.noBudget}
        </Fact>
      </dl>
      {mayManage && (
        <div className="button-row">
          <Button id={toggle.buttonId} onPress={toggle.open}>
            {m.edit}
          </Button>
        </div>
      )}
    </Section>
  );
}

function SystemsSection({ object }: { object: ManagementObject }) {
  const { t } = useI18n();
  const m = t.portfolio.objects.object;
  return (
    <Section title={m.systemsHeading}>
      {object.systems.length === 0 ? (
        <EmptyState>{m.noSystems}</EmptyState>
      ) : (
        <ul className="plain-list">
          {object.systems.map((system) => (
            <li key={system.id}>
              <Link to={pathTo('portfolioSystem', { systemId: system.id })}>{system.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------
// Roles: the same dated roles as a system's (system-roles.tsx), with pm3's three roles, given and
// ended by the IT department.

function objectRoleSubject(
  object: ManagementObject,
  mayManage: boolean,
  t: ReturnType<typeof useI18n>['t'],
): RoleSubject {
  const m = t.portfolio.objects.roles;
  const held = new Set(rolesOn(object.roles, today()).map((role) => role.role));
  const roles = portfolioRolesBySubject.managementObject;
  return {
    type: 'managementObject',
    id: object.id,
    roles: object.roles,
    gaps: roles.filter((role) => !held.has(role)).map((role) => m.missingRole(t.portfolio.terms.role[role])),
    sayComplete: false,
    appointable: mayManage ? roles : [],
    texts: { caption: m.caption, earlierCaption: m.earlierCaption, none: m.none, giveHeading: m.giveHeading },
  };
}

// ---------------------------------------------------------------------------------------------
// Yearly plans: a table per year, maintenance and development apart.

const PLAN_FIELDS = ['year', 'maintenanceBudget', 'developmentBudget', 'goals', 'decisionReference'] as const;
type PlanField = (typeof PLAN_FIELDS)[number];

function PlanForm({
  object,
  plan,
  headingRef,
  onDone,
}: {
  object: ManagementObject;
  /** The plan being changed; null to add one. */
  plan: ManagementPlan | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (savedYear: number | null) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.objects.plans;
  const save = useSavePlan(object.id);
  const ids = {
    heading: useId(),
    year: useId(),
    maintenanceBudget: useId(),
    developmentBudget: useId(),
    goals: useId(),
    decisionReference: useId(),
  };
  const [year, setYear] = useState(() => {
    if (plan) return String(plan.year);
    let free = thisYear();
    while (planOf(object, free)) free += 1;
    return String(free);
  });
  const [maintenance, setMaintenance] = useState(plan ? String(plan.maintenanceBudget) : '');
  const [development, setDevelopment] = useState(plan ? String(plan.developmentBudget) : '');
  const [goals, setGoals] = useState(plan?.goals ?? '');
  const [decision, setDecision] = useState(plan?.decisionReference ?? '');
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const yearNumber = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null;
  const validYear = yearNumber !== null && yearNumber >= 2000 && yearNumber <= 2100 ? yearNumber : null;
  const maintenanceBudget = kronorOf(maintenance);
  const developmentBudget = kronorOf(development);
  const errorsNow: Partial<Record<PlanField, string>> = {};
  if (validYear === null) errorsNow.year = m.errors.year;
  if (maintenanceBudget === null) errorsNow.maintenanceBudget = m.errors.budget;
  if (developmentBudget === null) errorsNow.developmentBudget = m.errors.budget;
  if (!goals.trim() || goals.trim().length > 4000) errorsNow.goals = m.errors.goals;
  if (decision.trim().length > 100) errorsNow.decisionReference = m.errors.decision;
  const remote = save.isError ? serverFieldErrors(save.error, PLAN_FIELDS) : {};
  const errors = { ...remote, ...(checked ? errorsNow : {}) };
  const summary: SummaryError[] = PLAN_FIELDS.flatMap((field) => {
    const message = errors[field];
    return message ? [{ fieldId: ids[field], message }] : [];
  });
  const replaces = !plan && validYear !== null && planOf(object, validYear) !== undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (
      Object.keys(errorsNow).length > 0 ||
      validYear === null ||
      maintenanceBudget === null ||
      developmentBudget === null
    ) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    if (save.isPending) return;
    save.mutate(
      {
        year: validYear,
        maintenanceBudget,
        developmentBudget,
        goals: goals.trim(),
        decisionReference: decision.trim() || null,
      },
      {
        onSuccess: () => onDone(validYear),
        onError: (error) => {
          if (Object.keys(serverFieldErrors(error, PLAN_FIELDS)).length > 0)
            setFailedSubmits((count) => count + 1);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {plan ? m.editHeading(plan.year) : m.addHeading}
      </h3>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      {!plan && (
        <TextField
          id={ids.year}
          label={m.year}
          description={replaces && validYear !== null ? m.replaces(validYear) : m.yearHelp}
          value={year}
          onChange={setYear}
          errorMessage={errors.year}
          inputMode="numeric"
          size="short"
          isRequired
        />
      )}
      <TextField
        id={ids.maintenanceBudget}
        label={m.maintenanceBudget}
        description={m.maintenanceHelp}
        value={maintenance}
        onChange={setMaintenance}
        errorMessage={errors.maintenanceBudget}
        inputMode="numeric"
        size="medium"
        isRequired
      />
      <TextField
        id={ids.developmentBudget}
        label={m.developmentBudget}
        description={m.developmentHelp}
        value={development}
        onChange={setDevelopment}
        errorMessage={errors.developmentBudget}
        inputMode="numeric"
        size="medium"
        isRequired
      />
      <TextField
        id={ids.goals}
        label={m.goalsLabel}
        value={goals}
        onChange={setGoals}
        errorMessage={errors.goals}
        multiline
        isRequired
      />
      <TextField
        id={ids.decisionReference}
        label={m.decisionLabel}
        description={m.decisionHelp}
        value={decision}
        onChange={setDecision}
        errorMessage={errors.decisionReference}
        size="medium"
      />
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

function PlanTable({ plan }: { plan: ManagementPlan }) {
  const { t } = useI18n();
  const m = t.portfolio.objects.plans;
  const kronor = useKronor();
  const captionId = useId();
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption(plan.year)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.part}</th>
            <th scope="col" className="numeric">
              {m.columns.budget}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              {m.maintenance} <span className="muted">({m.maintenanceNote})</span>
            </th>
            <td className="numeric">{kronor(plan.maintenanceBudget)}</td>
          </tr>
          <tr>
            <th scope="row">
              {m.development} <span className="muted">({m.developmentNote})</span>
            </th>
            <td className="numeric">{kronor(plan.developmentBudget)}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{m.total}</th>
            <td className="numeric">{kronor(plan.maintenanceBudget + plan.developmentBudget)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

function PlansSection({
  object,
  mayManage,
  onSaved,
}: {
  object: ManagementObject;
  mayManage: boolean;
  onSaved: OnSaved;
}) {
  const { t } = useI18n();
  const m = t.portfolio.objects.plans;
  const toggle = useEditToggle();
  const [editing, setEditing] = useState<ManagementPlan | null>(null);
  const plans = [...object.plans].sort((a, b) => b.year - a.year);
  return (
    <Section title={m.heading}>
      <p>{m.lead}</p>
      {mayManage &&
        (toggle.editing ? (
          <PlanForm
            key={editing?.year ?? 'new'}
            object={object}
            plan={editing}
            headingRef={toggle.headingRef}
            onDone={(savedYear) => {
              if (savedYear !== null) onSaved(m.saved(savedYear));
              setEditing(null);
              toggle.close();
            }}
          />
        ) : (
          <div className="button-row">
            <Button
              id={toggle.buttonId}
              onPress={() => {
                setEditing(null);
                toggle.open();
              }}
            >
              {m.add}
            </Button>
          </div>
        ))}
      {plans.length === 0 && <EmptyState>{m.none}</EmptyState>}
      <div className="stack">
        {plans.map((plan) => (
          <section key={plan.year} aria-labelledby={`plan-${object.id}-${plan.year}`} className="plan-year">
            <h3 id={`plan-${object.id}-${plan.year}`}>{m.yearHeading(plan.year)}</h3>
            <PlanTable plan={plan} />
            <dl className="details">
              <Fact term={m.goals}>
                <span className="pre-line">{plan.goals}</span>
              </Fact>
              <Fact term={m.decision}>
                {plan.decisionReference ?? <span className="muted">{m.noDecision}</span>}
              </Fact>
            </dl>
            {mayManage && !toggle.editing && (
              <div className="button-row">
                <Button
                  size="small"
                  aria-label={m.editHidden(plan.year)}
                  onPress={() => {
                    setEditing(plan);
                    toggle.open();
                  }}
                >
                  {m.edit}
                </Button>
              </div>
            )}
          </section>
        ))}
      </div>
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------
// The page.

function ObjectScreen({
  object,
  objects,
  user,
}: {
  object: ManagementObject;
  objects: readonly ManagementObject[];
  user: SessionUser;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const mayManage = hasPermission(user, 'portfolio.manage');
  return (
    <>
      <LiveStatus message={message} />
      {!mayManage && <p className="notice">{t.portfolio.objects.object.readOnly}</p>}
      <div className="system-layout">
        <div className="system-main">
          <FactsSection object={object} objects={objects} mayManage={mayManage} onSaved={setMessage} />
          <RolesSection subject={objectRoleSubject(object, mayManage, t)} onSaved={setMessage} />
          <PlansSection object={object} mayManage={mayManage} onSaved={setMessage} />
        </div>
        <div className="system-aside">
          <SystemsSection object={object} />
        </div>
      </div>
    </>
  );
}

function ObjectContent({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const m = t.portfolio.objects.object;
  const { objectId = '' } = useParams();
  const object = useManagementObject(objectId);
  const objects = useManagementObjects();
  let body: ReactNode;
  if (object.isPending) body = <LoadingStatus />;
  else if (object.isError) body = <ProblemAlert error={object.error} onRetry={() => void object.refetch()} />;
  else if (!object.data) body = <p className="lead">{m.notFound}</p>;
  else body = <ObjectScreen object={object.data} objects={objects.data?.items ?? []} user={user} />;
  return (
    <Page title={object.data?.name ?? m.titleLoading}>
      <PortfolioNav user={user} />
      <p className="back-link">
        <Link to={webPages.portfolioManagementObjects}>{m.back}</Link>
      </p>
      {body}
    </Page>
  );
}

/** `/portfolj/forvaltningsobjekt/:objectId`: one management object, its roles and yearly plans. */
export function ManagementObjectPage() {
  const { t } = useI18n();
  return (
    <RequirePermission
      title={t.portfolio.objects.object.titleLoading}
      permission="portfolio.read"
      realm="staff"
    >
      {(user) => <ObjectContent user={user} />}
    </RequirePermission>
  );
}
