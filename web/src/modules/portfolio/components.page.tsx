import {
  type ComponentStatus,
  pathTo,
  type SessionUser,
  type StandardComponent,
  type StandardComponentInput,
} from '@karna/contracts';
import { type FormEvent, type RefObject, useId, useState } from 'react';
import { Link } from 'react-router';
import { hasPermission } from '../../app/auth.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useComponents, useSaveComponent } from './governance.api.ts';
import { PortfolioPage, Section, TableScroll } from './portfolio-parts.tsx';
import { CsvLink, queryState } from './report-parts.tsx';
import { ComponentStatusBadge } from './system-components.tsx';
import { useEditToggle } from './use-edit-toggle.ts';
import './portfolio.css';

const KINDS = ['equipment', 'platform', 'software'] as const;
const STATUSES: readonly ComponentStatus[] = ['standard', 'allowed', 'phasingOut', 'notAllowed'];

function ComponentForm({
  component,
  all,
  headingRef,
  onDone,
}: {
  component: StandardComponent | null;
  all: readonly StandardComponent[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (savedName: string | null) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.governance.components;
  const save = useSaveComponent();
  const ids = { heading: useId(), name: useId(), description: useId() };
  const [name, setName] = useState(component?.name ?? '');
  const [kind, setKind] = useState<StandardComponentInput['kind']>(component?.kind ?? 'platform');
  const [status, setStatus] = useState<ComponentStatus>(component?.status ?? 'standard');
  const [description, setDescription] = useState(component?.description ?? '');
  const [replacedById, setReplacedById] = useState<string>(component?.replacedById ?? 'none');
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(m.nameMissing);
      document.getElementById(ids.name)?.focus();
      return;
    }
    setNameError(null);
    if (save.isPending) return;
    save.mutate(
      {
        id: component?.id ?? null,
        body: {
          name: name.trim(),
          kind,
          status,
          description: description.trim() || null,
          replacedById: replacedById === 'none' ? null : replacedById,
        },
      },
      { onSuccess: (saved) => onDone(saved.name) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {component ? m.editHeading(component.name) : m.addHeading}
      </h3>
      <TextField
        id={ids.name}
        label={m.name}
        value={name}
        onChange={setName}
        errorMessage={nameError}
        isRequired
      />
      <Select
        label={m.kindLabel}
        options={KINDS.map((value) => ({ id: value, label: m.kind[value] ?? value }))}
        value={kind}
        onChange={(value) => value && setKind(value as StandardComponentInput['kind'])}
      />
      <Select
        label={m.statusLabel}
        options={STATUSES.map((value) => ({
          id: value,
          label: t.portfolio.terms.componentStatus[value] ?? value,
        }))}
        value={status}
        onChange={(value) => value && setStatus(value as ComponentStatus)}
      />
      <Select
        label={m.replacedByLabel}
        description={m.replacedByHelp}
        options={[
          { id: 'none', label: m.nothing },
          ...all
            .filter((candidate) => candidate.id !== component?.id)
            .map((candidate) => ({ id: candidate.id, label: candidate.name })),
        ]}
        value={replacedById}
        onChange={(value) => setReplacedById(value ?? 'none')}
      />
      <TextField
        id={ids.description}
        label={m.description}
        value={description}
        onChange={setDescription}
        multiline
      />
      {save.isError && <ProblemAlert error={save.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {save.isPending ? m.saving : m.save}
        </Button>
        <Button onPress={() => onDone(null)}>{m.cancel}</Button>
      </div>
    </form>
  );
}

function ComponentTable({
  items,
  onEdit,
}: {
  items: readonly StandardComponent[];
  onEdit: ((component: StandardComponent) => void) | null;
}) {
  const { t } = useI18n();
  const m = t.portfolio.governance.components;
  const captionId = useId();
  if (items.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  return (
    <TableScroll captionId={captionId} tall>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.name}</th>
            <th scope="col">{m.columns.kind}</th>
            <th scope="col">{m.columns.status}</th>
            <th scope="col">{m.columns.replacedBy}</th>
            <th scope="col">{m.columns.systems}</th>
            {onEdit && <th scope="col">{m.columns.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((component) => (
            <tr key={component.id}>
              <th scope="row">{component.name}</th>
              <td>{m.kind[component.kind] ?? component.kind}</td>
              <td>
                <ComponentStatusBadge status={component.status} />
              </td>
              <td>{component.replacedByName ?? ''}</td>
              <td>
                {component.systems.length === 0 ? (
                  <span className="muted">{m.noSystems}</span>
                ) : (
                  <ul className="plain-list">
                    {component.systems.map((system) => (
                      <li key={system.id}>
                        <Link to={pathTo('portfolioSystem', { systemId: system.id })}>{system.name}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              {onEdit && (
                <td>
                  <Button
                    size="small"
                    onPress={() => onEdit(component)}
                    aria-label={m.editHidden(component.name)}
                  >
                    {m.edit}
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Components({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const m = t.portfolio.governance.components;
  const components = useComponents();
  const toggle = useEditToggle();
  const [editing, setEditing] = useState<StandardComponent | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const mayManage = hasPermission(user, 'portfolio.manage');
  const items = components.data?.items ?? [];
  return (
    <>
      <LiveStatus message={message} />
      <p className="lead">{m.lead}</p>
      {mayManage && (
        <Section title={m.manageHeading}>
          {toggle.editing ? (
            <ComponentForm
              key={editing?.id ?? 'new'}
              component={editing}
              all={items}
              headingRef={toggle.headingRef}
              onDone={(savedName) => {
                if (savedName) setMessage(m.saved(savedName));
                toggle.close();
                setEditing(null);
              }}
            />
          ) : (
            <div className="button-row">
              <Button
                id={toggle.buttonId}
                variant="primary"
                onPress={() => {
                  setEditing(null);
                  toggle.open();
                }}
              >
                {m.add}
              </Button>
            </div>
          )}
        </Section>
      )}
      <Section title={m.title}>
        {queryState(components) ?? (
          <ComponentTable
            items={items}
            onEdit={
              mayManage
                ? (component) => {
                    setEditing(component);
                    toggle.open();
                    window.scrollTo({ top: 0 });
                  }
                : null
            }
          />
        )}
        <CsvLink href="/api/portfolio/exports/components" what={m.csvName} />
      </Section>
    </>
  );
}

/** `/portfolj/standardsortiment`: the standard assortment (M8) and which systems use what. */
export function ComponentsPage() {
  const { t } = useI18n();
  return (
    <PortfolioPage title={t.portfolio.governance.components.title}>
      {(user) => <Components user={user} />}
    </PortfolioPage>
  );
}
