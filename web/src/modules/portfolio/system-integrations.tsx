import { type Integration, type IntegrationInput, pathTo, type SystemDetail } from '@karna/contracts';
import { type FormEvent, type RefObject, useId, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useOrgUnits } from '../identity/identity.api.ts';
import { useDeleteIntegration, useSaveIntegration, useSystemIntegrations } from './governance.api.ts';
import { type Picked, SystemPicker } from './pickers.tsx';
import { useInformationTypeList } from './portfolio.api.ts';
import { type OnSaved, Section } from './portfolio-parts.tsx';
import { queryState } from './report-parts.tsx';
import { useEditToggle } from './use-edit-toggle.ts';

const PATTERNS = ['api', 'file', 'event', 'database'] as const;
const FREQUENCIES = ['realtime', 'hourly', 'daily', 'weekly', 'monthly', 'onDemand'] as const;

type Direction = 'outgoing' | 'incoming';

function IntegrationForm({
  system,
  integration,
  headingRef,
  onDone,
}: {
  system: SystemDetail;
  integration: Integration | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (saved: boolean) => void;
}) {
  const { t, language } = useI18n();
  const m = t.portfolio.governance.integrations;
  const types = useInformationTypeList();
  const units = useOrgUnits({ enabled: true });
  const save = useSaveIntegration();
  const ids = {
    heading: useId(),
    direction: useId(),
    other: useId(),
    protocol: useId(),
    format: useId(),
    platform: useId(),
    description: useId(),
  };
  const initialDirection: Direction = integration?.targetSystemId === system.id ? 'incoming' : 'outgoing';
  const [direction, setDirection] = useState<Direction>(initialDirection);
  const [other, setOther] = useState<Picked | null>(() => {
    if (!integration) return null;
    return initialDirection === 'outgoing'
      ? { id: integration.targetSystemId, name: integration.targetSystemName }
      : { id: integration.sourceSystemId, name: integration.sourceSystemName };
  });
  const [typeIds, setTypeIds] = useState(() => new Set(integration?.informationTypeIds ?? []));
  const [pattern, setPattern] = useState<IntegrationInput['pattern']>(integration?.pattern ?? 'api');
  const [protocol, setProtocol] = useState(integration?.protocol ?? '');
  const [format, setFormat] = useState(integration?.format ?? '');
  const [frequency, setFrequency] = useState<IntegrationInput['frequency']>(
    integration?.frequency ?? 'daily',
  );
  const [platform, setPlatform] = useState(integration?.platform ?? '');
  const [owner, setOwner] = useState(integration?.ownerOrgUnitId ?? 'none');
  const [description, setDescription] = useState(integration?.description ?? '');
  const [checked, setChecked] = useState(false);
  const errors = {
    other: other ? null : m.otherSystemMissing,
    types: typeIds.size > 0 ? null : m.typesMissing,
  };
  const shown = checked ? errors : { other: null, types: null };
  const orNull = (value: string) => value.trim() || null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (!other || errors.types) return;
    if (save.isPending) return;
    save.mutate(
      {
        id: integration?.id ?? null,
        body: {
          sourceSystemId: direction === 'outgoing' ? system.id : other.id,
          targetSystemId: direction === 'outgoing' ? other.id : system.id,
          informationTypeIds: [...typeIds],
          pattern,
          protocol: orNull(protocol),
          format: orNull(format),
          frequency,
          platform: orNull(platform),
          ownerOrgUnitId: owner === 'none' ? null : owner,
          description: orNull(description),
        },
      },
      { onSuccess: () => onDone(true) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading} ref={headingRef} tabIndex={-1}>
        {integration && other ? m.editHeading(other.name) : m.addHeading}
      </h3>
      <RadioGroup
        id={ids.direction}
        label={m.direction}
        options={[
          { id: 'outgoing', label: m.outgoing },
          { id: 'incoming', label: m.incoming },
        ]}
        value={direction}
        onChange={(value) => setDirection(value as Direction)}
      />
      <SystemPicker id={ids.other} value={other} onChange={setOther} errorMessage={shown.other} />
      {queryState(types) ?? (
        <fieldset className="radio-field" aria-invalid={shown.types ? true : undefined}>
          <legend>{m.informationTypes}</legend>
          {shown.types && <p className="field-error">{shown.types}</p>}
          <div className="integration-types">
            {types.data?.items.map((type) => (
              <label key={type.id} className="checkbox checkbox-label">
                <input
                  type="checkbox"
                  checked={typeIds.has(type.id)}
                  onChange={(event) => {
                    const next = new Set(typeIds);
                    if (event.target.checked) next.add(type.id);
                    else next.delete(type.id);
                    setTypeIds(next);
                  }}
                />
                <span>{language === 'en' ? type.nameEn : type.nameSv}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <Select
        label={m.pattern}
        options={PATTERNS.map((value) => ({ id: value, label: t.portfolio.terms.pattern[value] }))}
        value={pattern}
        onChange={(value) => value && setPattern(value as IntegrationInput['pattern'])}
      />
      <Select
        label={m.frequency}
        options={FREQUENCIES.map((value) => ({ id: value, label: m.frequencies[value] ?? value }))}
        value={frequency}
        onChange={(value) => value && setFrequency(value as IntegrationInput['frequency'])}
      />
      <TextField
        id={ids.protocol}
        label={m.protocol}
        description={m.optional}
        value={protocol}
        onChange={setProtocol}
        size="medium"
      />
      <TextField
        id={ids.format}
        label={m.format}
        description={m.optional}
        value={format}
        onChange={setFormat}
        size="medium"
      />
      <TextField
        id={ids.platform}
        label={m.platform}
        description={m.optional}
        value={platform}
        onChange={setPlatform}
        size="medium"
      />
      <Select
        label={m.owner}
        options={[
          { id: 'none', label: m.noOwner },
          ...(units.data?.items ?? []).map((unit) => ({ id: unit.id, label: unit.name })),
        ]}
        value={owner}
        onChange={(value) => setOwner(value ?? 'none')}
      />
      <TextField
        id={ids.description}
        label={m.description}
        description={m.optional}
        value={description}
        onChange={setDescription}
        multiline
      />
      {save.isError && <ProblemAlert error={save.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {save.isPending ? m.saving : m.save}
        </Button>
        <Button onPress={() => onDone(false)}>{m.cancel}</Button>
      </div>
    </form>
  );
}

function RemoveIntegration({
  other,
  integrationId,
  onDone,
}: {
  other: string;
  integrationId: string;
  onDone: (removed: boolean) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.governance.integrations;
  const remove = useDeleteIntegration();
  return (
    <div className="notice">
      <p>{m.confirmRemove(other)}</p>
      {remove.isError && <ProblemAlert error={remove.error} />}
      <div className="button-row">
        <Button
          size="small"
          variant="primary"
          onPress={() => {
            if (!remove.isPending) remove.mutate(integrationId, { onSuccess: () => onDone(true) });
          }}
        >
          {m.yesRemove}
        </Button>
        <Button size="small" onPress={() => onDone(false)}>
          {m.cancel}
        </Button>
      </div>
    </div>
  );
}

/** The system's integrations, both ways; its editors add, change and remove them. */
export function SystemIntegrationsSection({ system, onSaved }: { system: SystemDetail; onSaved: OnSaved }) {
  const { t, language } = useI18n();
  const m = t.portfolio.system.integrations;
  const g = t.portfolio.governance.integrations;
  const full = useSystemIntegrations(system.id, system.canEdit);
  const toggle = useEditToggle();
  const [editing, setEditing] = useState<Integration | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const headingId = useId();

  const list = (direction: Direction) => {
    const items = system.integrations.filter((integration) => integration.direction === direction);
    if (items.length === 0) return <p className="muted">{m.none}</p>;
    return (
      <ul className="record-list">
        {items.map((integration) => {
          const whole = full.data?.items.find((candidate) => candidate.id === integration.id) ?? null;
          const other = integration.otherSystem.name;
          return (
            <li key={integration.id}>
              <span className="record-title">
                <Link to={pathTo('portfolioSystem', { systemId: integration.otherSystem.id })}>{other}</Link>
              </span>
              <span className="record-line">
                {m.pattern}:{' '}
                {t.portfolio.terms.pattern[integration.pattern as keyof typeof t.portfolio.terms.pattern] ??
                  integration.pattern}
                {' · '}
                {m.carries}:{' '}
                {integration.informationTypes
                  .map((type) => (language === 'en' ? type.nameEn : type.nameSv))
                  .join(', ')}
              </span>
              {system.canEdit &&
                (removing === integration.id ? (
                  <RemoveIntegration
                    other={other}
                    integrationId={integration.id}
                    onDone={(removed) => {
                      setRemoving(null);
                      if (removed) {
                        onSaved(g.removed);
                        document.getElementById(headingId)?.focus();
                      }
                    }}
                  />
                ) : (
                  <div className="button-row">
                    <Button
                      size="small"
                      isDisabled={!whole || toggle.editing}
                      onPress={() => {
                        setEditing(whole);
                        toggle.open();
                      }}
                    >
                      {g.edit}
                      <span className="visually-hidden"> {g.rowHidden(other)}</span>
                    </Button>
                    <Button size="small" onPress={() => setRemoving(integration.id)}>
                      {g.remove}
                      <span className="visually-hidden"> {g.rowHidden(other)}</span>
                    </Button>
                  </div>
                ))}
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <Section title={m.heading} headingId={headingId}>
      {system.canEdit && full.isError && <ProblemAlert error={full.error} />}
      <h3>{m.incoming}</h3>
      {list('incoming')}
      <h3>{m.outgoing}</h3>
      {list('outgoing')}
      {system.canEdit &&
        (toggle.editing ? (
          <IntegrationForm
            key={editing?.id ?? 'new'}
            system={system}
            integration={editing}
            headingRef={toggle.headingRef}
            onDone={(saved) => {
              if (saved) onSaved(g.saved);
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
              {g.add}
            </Button>
          </div>
        ))}
    </Section>
  );
}
