import { type SystemDetail, webPages } from '@karna/contracts';
import { type FormEvent, type RefObject, useId, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useComponents, useSetSystemComponents } from './governance.api.ts';
import { type OnSaved, Section } from './portfolio-parts.tsx';
import { queryState } from './report-parts.tsx';
import { useEditToggle } from './use-edit-toggle.ts';

/** A component's status in words; the border is only a second cue. */
export function ComponentStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const warning = status === 'phasingOut' || status === 'notAllowed';
  return (
    <span className={warning ? 'badge badge-warning' : 'badge badge-status'}>
      {t.portfolio.terms.componentStatus[status] ?? status}
    </span>
  );
}

function ComponentsForm({
  system,
  headingId,
  headingRef,
  onDone,
}: {
  system: SystemDetail;
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.governance.systemComponents;
  const components = useComponents();
  const setComponents = useSetSystemComponents(system.id);
  const [chosen, setChosen] = useState(() => new Set(system.components.map((component) => component.id)));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (setComponents.isPending) return;
    setComponents.mutate([...chosen], { onSuccess: () => onDone(true) });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {m.edit}
      </h3>
      {queryState(components) ?? (
        <fieldset className="radio-field">
          <legend>{m.legend}</legend>
          {components.data?.items.map((component) => (
            <label key={component.id} className="checkbox checkbox-label">
              <input
                type="checkbox"
                checked={chosen.has(component.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(component.id);
                  else next.delete(component.id);
                  setChosen(next);
                }}
              />
              <span>
                {component.name} ({t.portfolio.terms.componentStatus[component.status] ?? component.status})
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {setComponents.isError && <ProblemAlert error={setComponents.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {setComponents.isPending ? m.saving : m.save}
        </Button>
        <Button onPress={() => onDone(false)}>{m.cancel}</Button>
      </div>
    </form>
  );
}

/** The standard assortment's components the system runs on, and for its editors a way to change them. */
export function SystemComponentsSection({ system, onSaved }: { system: SystemDetail; onSaved: OnSaved }) {
  const { t } = useI18n();
  const m = t.portfolio.governance.systemComponents;
  const toggle = useEditToggle();
  const headingId = useId();
  return (
    <Section title={m.heading}>
      {toggle.editing ? (
        <ComponentsForm
          system={system}
          headingId={headingId}
          headingRef={toggle.headingRef}
          onDone={(saved) => {
            if (saved) onSaved(m.saved);
            toggle.close();
          }}
        />
      ) : (
        <>
          {system.components.length === 0 ? (
            <p className="muted">{m.none}</p>
          ) : (
            <ul className="plain-list">
              {system.components.map((component) => (
                <li key={component.id}>
                  {component.name} <ComponentStatusBadge status={component.status} />
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to={webPages.portfolioComponents}>{m.assortmentLink}</Link>
          </p>
          {system.canEdit && (
            <div className="button-row">
              <Button id={toggle.buttonId} onPress={toggle.open}>
                {m.edit}
              </Button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
