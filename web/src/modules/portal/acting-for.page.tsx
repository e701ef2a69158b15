import {
  type ActingFor,
  type ChooseActingForRequest,
  type RelatedPerson,
  type Representations,
  webPages,
} from '@karna/contracts';
import { type ReactNode, useId } from 'react';
import { useNavigate } from 'react-router';
import { RequirePermission } from '../../app/auth.tsx';
import { formatName } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { displayOrganisationNumber } from '../registry/registry-facts.tsx';
import { useChooseActingFor, useRepresentations } from './me.api.ts';

function isCurrent(choice: ChooseActingForRequest, actingFor: ActingFor | null): boolean {
  if (choice.kind === 'self') return actingFor === null;
  if (choice.kind === 'child') return actingFor?.kind === 'child' && actingFor.personId === choice.personId;
  return actingFor?.kind === 'organisation' && actingFor.organisationId === choice.organisationId;
}

interface ChoiceProps {
  name: string;
  detail?: string;
  choice: ChooseActingForRequest;
  actingFor: ActingFor | null;
  onChoose: (choice: ChooseActingForRequest) => void;
  isPending: boolean;
}

/** One person or organisation to act for: its name, and a button to choose it (or "Vald nu"). */
function Choice({ name, detail, choice, actingFor, onChoose, isPending }: ChoiceProps) {
  const { t } = useI18n();
  const current = isCurrent(choice, actingFor);
  return (
    <li className="choice">
      <div>
        <span className="record-title">{name}</span>
        {detail && <span className="record-line">{detail}</span>}
      </div>
      {current ? (
        <span className="badge badge-done">{t.actingFor.current}</span>
      ) : (
        <Button size="small" onPress={() => onChoose(choice)} isDisabled={isPending}>
          {t.actingFor.choose}
          <span className="visually-hidden">{t.actingFor.chooseHidden(name)}</span>
        </Button>
      )}
    </li>
  );
}

function ChildChoice({ child, ...props }: { child: RelatedPerson } & Omit<ChoiceProps, 'name' | 'choice'>) {
  const { t } = useI18n();
  if (child.protected) {
    // A protected child cannot be chosen online: the municipality helps in person.
    return (
      <li className="choice">
        <span className="record-title">{t.actingFor.protectedChild}</span>
      </li>
    );
  }
  return (
    <Choice
      name={formatName(child)}
      detail={t.registry.age(child.age)}
      choice={{ kind: 'child', personId: child.id }}
      {...props}
    />
  );
}

function Choices({ representations }: { representations: Representations }) {
  const { t } = useI18n();
  const m = t.actingFor;
  const navigate = useNavigate();
  const choose = useChooseActingFor();
  const ids = { self: useId(), children: useId(), organisations: useId() };
  const { actingFor } = representations;
  const common = {
    actingFor,
    isPending: choose.isPending,
    onChoose: (choice: ChooseActingForRequest) =>
      choose.mutate(choice, { onSuccess: () => navigate(webPages.myPages) }),
  };

  let organisations: ReactNode;
  if (representations.organisations.length === 0)
    organisations = <EmptyState>{m.noOrganisations}</EmptyState>;
  else {
    organisations = (
      <ul className="choice-list">
        {representations.organisations.map((organisation) => (
          <Choice
            key={organisation.id}
            name={organisation.name}
            detail={`${t.registry.organisationNumber} ${displayOrganisationNumber(organisation.organisationNumber)}`}
            choice={{ kind: 'organisation', organisationId: organisation.id }}
            {...common}
          />
        ))}
      </ul>
    );
  }

  return (
    <>
      {/* A refusal (not_representing: the custody or signatory right is not in force) says why. */}
      {choose.isError && <ProblemAlert error={choose.error} />}
      <div className="stack">
        <section className="card" aria-labelledby={ids.self}>
          <h2 id={ids.self}>{m.selfHeading}</h2>
          <ul className="choice-list">
            <Choice name={representations.self.name} choice={{ kind: 'self' }} {...common} />
          </ul>
        </section>
        <section className="card" aria-labelledby={ids.children}>
          <h2 id={ids.children}>{m.childrenHeading}</h2>
          {representations.children.length === 0 ? (
            <EmptyState>{m.noChildren}</EmptyState>
          ) : (
            <ul className="choice-list">
              {representations.children.map((child, index) => (
                <ChildChoice
                  key={child.protected ? `protected-${index}` : child.id}
                  child={child}
                  {...common}
                />
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby={ids.organisations}>
          <h2 id={ids.organisations}>{m.organisationsHeading}</h2>
          {organisations}
        </section>
      </div>
    </>
  );
}

function ActingForChoice() {
  const { t } = useI18n();
  const representations = useRepresentations();
  let body: ReactNode;
  if (representations.isPending) body = <LoadingStatus />;
  else if (representations.isError) {
    body = <ProblemAlert error={representations.error} onRetry={() => void representations.refetch()} />;
  } else body = <Choices representations={representations.data} />;
  return (
    <Page title={t.actingFor.title}>
      <p className="lead">{t.actingFor.intro}</p>
      {body}
    </Page>
  );
}

/** `/mina-sidor/foretrada`: choose whether to act for oneself, a child in custody or an organisation. */
export function ActingForPage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.actingFor.title} permission="myPages.use" realm="citizen">
      {() => <ActingForChoice />}
    </RequirePermission>
  );
}
