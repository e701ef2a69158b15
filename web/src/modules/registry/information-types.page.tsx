import { type InformationType, pathTo, type SessionUser } from '@karna/contracts';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { hasPermission, RequirePermission } from '../../app/auth.tsx';
import { formatDateTime, swedishCollator } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useOrgUnits } from '../identity/identity.api.ts';
import { buildOrgTree, placeOrgUnits } from '../identity/org-tree.ts';
import { InformationTypeForm } from './information-type-form.tsx';
import { useInformationTypes } from './registry.api.ts';
import { Fact } from './registry-facts.tsx';

/** What the form is doing: nothing, adding a type, or changing one. */
type Editing = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; type: InformationType };

function headingId(type: { id: string }): string {
  return `information-type-${type.id}`;
}

function InformationTypeCard({
  type,
  onEdit,
}: {
  type: InformationType;
  onEdit: ((type: InformationType) => void) | null;
}) {
  const { t, language, locale } = useI18n();
  const m = t.informationTypes;
  const name = language === 'en' ? type.nameEn : type.nameSv;
  return (
    <li className="card information-type">
      <div className="user-card-header">
        <h3 id={headingId(type)} tabIndex={-1}>
          {name}
        </h3>
        {onEdit && (
          <Button size="small" onPress={() => onEdit(type)}>
            {m.edit}
            <span className="visually-hidden">{m.editHidden(name)}</span>
          </Button>
        )}
      </div>
      <p className="pre-line">{type.description}</p>
      <dl className="details">
        <Fact term={m.key}>
          <code>{type.key}</code>
        </Fact>
        <Fact term={m.sourceSystem}>
          {type.sourceSystem}
          {type.sourceSystemRef && <span className="muted"> ({type.sourceSystemRef})</span>}
        </Fact>
        {type.authoritativeSystem && (
          <Fact term={m.authoritativeSystem}>
            <Link to={pathTo('portfolioSystem', { systemId: type.authoritativeSystem.id })}>
              {type.authoritativeSystem.name}
            </Link>
          </Fact>
        )}
        <Fact term={m.steward}>
          {type.stewardOrgUnitName ?? <span className="muted">{m.noSteward}</span>}
        </Fact>
        <Fact term={m.updatedAt}>
          <time dateTime={type.updatedAt}>{formatDateTime(type.updatedAt, locale)}</time>
        </Fact>
      </dl>
      <h4 className="concepts-heading">{m.concepts}</h4>
      {type.concepts.length === 0 ? (
        <p className="muted">{m.noConcepts}</p>
      ) : (
        <dl className="concept-definitions">
          {type.concepts.map((concept) => (
            <div key={concept.term}>
              <dt>{concept.term}</dt>
              <dd className="pre-line">{concept.definition}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

function InformationTypes({ user }: { user: SessionUser }) {
  const { t, language } = useI18n();
  const m = t.informationTypes;
  const canManage = hasPermission(user, 'masterData.manage');
  const types = useInformationTypes();
  const orgUnits = useOrgUnits({ enabled: canManage && hasPermission(user, 'org.read') });
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [message, setMessage] = useState<string | null>(null);
  // Where focus goes once the page has re-rendered: the form's heading, an item, the add button.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const formHeadingRef = useRef<HTMLHeadingElement>(null);
  const addButtonId = 'information-type-add';

  useEffect(() => {
    if (focusTarget === null) return;
    if (focusTarget === 'form') formHeadingRef.current?.focus();
    else document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const units = useMemo(
    () => (orgUnits.data ? placeOrgUnits(buildOrgTree(orgUnits.data.items)) : null),
    [orgUnits.data],
  );
  const sorted = useMemo(() => {
    const nameOf = (type: InformationType) => (language === 'en' ? type.nameEn : type.nameSv);
    return [...(types.data?.items ?? [])].sort((a, b) => swedishCollator.compare(nameOf(a), nameOf(b)));
  }, [types.data, language]);

  const open = (next: Editing) => {
    setMessage(null);
    setEditing(next);
    setFocusTarget('form');
  };
  const close = () => {
    setFocusTarget(editing.mode === 'edit' ? headingId(editing.type) : addButtonId);
    setEditing({ mode: 'closed' });
  };

  let list: ReactNode;
  if (types.isPending) list = <LoadingStatus />;
  else if (types.isError) list = <ProblemAlert error={types.error} onRetry={() => void types.refetch()} />;
  else if (sorted.length === 0) list = <EmptyState>{m.noTypes}</EmptyState>;
  else {
    list = (
      <ul className="user-list">
        {sorted.map((type) => (
          <InformationTypeCard
            key={type.id}
            type={type}
            onEdit={canManage ? (chosen) => open({ mode: 'edit', type: chosen }) : null}
          />
        ))}
      </ul>
    );
  }

  return (
    <Page title={m.title}>
      <p className="lead">{m.intro}</p>
      <LiveStatus message={message} />
      {canManage && editing.mode === 'closed' && (
        <p>
          <Button id={addButtonId} variant="primary" onPress={() => open({ mode: 'create' })}>
            {m.add}
          </Button>
        </p>
      )}
      {canManage && editing.mode !== 'closed' && (
        <section className="card form-card">
          {orgUnits.isError && <ProblemAlert error={orgUnits.error} />}
          <InformationTypeForm
            key={editing.mode === 'edit' ? editing.type.id : 'new'}
            initial={editing.mode === 'edit' ? editing.type : null}
            units={units}
            headingRef={formHeadingRef}
            onCancel={close}
            onSaved={(saved) => {
              const name = language === 'en' ? saved.nameEn : saved.nameSv;
              setMessage(editing.mode === 'edit' ? m.updated(name) : m.created(name));
              setEditing({ mode: 'closed' });
              setFocusTarget(headingId(saved));
            }}
          />
        </section>
      )}
      <section aria-labelledby="information-types-list" className="stack-small">
        <h2 id="information-types-list">{m.listHeading}</h2>
        {list}
      </section>
    </Page>
  );
}

/**
 * `/admin/informationstyper`: the information types every member of staff may read, and a form to
 * add and change them for those who keep the master data (`masterData.manage`).
 */
export function InformationTypesPage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.informationTypes.title} permission="workspace.use" realm="staff">
      {(user) => <InformationTypes user={user} />}
    </RequirePermission>
  );
}
