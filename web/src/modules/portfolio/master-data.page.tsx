import { type MasterDataDesignation, pathTo, type SessionUser } from '@karna/contracts';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { hasPermission } from '../../app/auth.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useOrgUnits } from '../identity/identity.api.ts';
import { useDesignate, useEndDesignation, useMasterData } from './governance.api.ts';
import { type Picked, SystemPicker } from './pickers.tsx';
import { useInformationTypeList } from './portfolio.api.ts';
import { PortfolioPage, Section, TableScroll, today } from './portfolio-parts.tsx';
import { queryState } from './report-parts.tsx';
import './portfolio.css';

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

function DesignateForm({ onSaved }: { onSaved: (message: string) => void }) {
  const { t, language } = useI18n();
  const m = t.portfolio.governance.masterData;
  const types = useInformationTypeList();
  const units = useOrgUnits({ enabled: true });
  const designate = useDesignate();
  const ids = { heading: useId(), system: useId(), from: useId(), decision: useId(), type: useId() };
  const [typeId, setTypeId] = useState<string | null>(null);
  const [system, setSystem] = useState<Picked | null>(null);
  const [scope, setScope] = useState('whole');
  const [validFrom, setValidFrom] = useState(today());
  const [decision, setDecision] = useState('');
  const [checked, setChecked] = useState(false);
  const errors = {
    type: typeId ? null : m.typeMissing,
    system: system ? null : m.systemMissing,
    from: isDate(validFrom) ? null : m.dateInvalid,
  };
  const shown = checked ? errors : { type: null, system: null, from: null };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (errors.type || errors.system || errors.from || !typeId || !system) return;
    if (designate.isPending) return;
    designate.mutate(
      {
        informationTypeId: typeId,
        systemId: system.id,
        scopeOrgUnitId: scope === 'whole' ? null : scope,
        validFrom,
        validTo: null,
        decisionReference: decision.trim() || null,
      },
      { onSuccess: (saved) => onSaved(m.designated(saved.informationTypeName, saved.systemName)) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{m.designateHeading}</h3>
      <Select
        id={ids.type}
        label={m.informationType}
        placeholder={m.chooseType}
        options={(types.data?.items ?? []).map((type) => ({
          id: type.id,
          label: language === 'en' ? type.nameEn : type.nameSv,
        }))}
        value={typeId}
        onChange={setTypeId}
        errorMessage={shown.type}
        isRequired
      />
      <SystemPicker id={ids.system} value={system} onChange={setSystem} errorMessage={shown.system} />
      <Select
        label={m.scope}
        description={m.scopeHelp}
        options={[
          { id: 'whole', label: m.wholeMunicipality },
          ...(units.data?.items ?? []).map((unit) => ({ id: unit.id, label: unit.name })),
        ]}
        value={scope}
        onChange={(value) => setScope(value ?? 'whole')}
      />
      <TextField
        id={ids.from}
        label={m.validFrom}
        description={m.dateHelp}
        value={validFrom}
        onChange={setValidFrom}
        errorMessage={shown.from}
        size="short"
        isRequired
      />
      <TextField
        id={ids.decision}
        label={m.decisionReference}
        description={m.decisionHelp}
        value={decision}
        onChange={setDecision}
        size="medium"
      />
      {designate.isError && <ProblemAlert error={designate.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {designate.isPending ? m.designating : m.designate}
        </Button>
      </div>
    </form>
  );
}

function EndForm({
  designation,
  onDone,
}: {
  designation: MasterDataDesignation;
  onDone: (ended: boolean) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.governance.masterData;
  const end = useEndDesignation();
  const id = useId();
  const [validTo, setValidTo] = useState(today());
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isDate(validTo)) {
      setError(m.dateInvalid);
      return;
    }
    setError(null);
    if (end.isPending) return;
    end.mutate({ id: designation.id, validTo }, { onSuccess: () => onDone(true) });
  };
  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      aria-label={m.endHeading(designation.informationTypeName, designation.systemName)}
    >
      <TextField
        id={id}
        label={m.validTo}
        description={m.dateHelp}
        value={validTo}
        onChange={setValidTo}
        errorMessage={error}
        size="short"
      />
      {end.isError && <ProblemAlert error={end.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary" size="small">
          {m.confirmEnd}
        </Button>
        <Button size="small" onPress={() => onDone(false)}>
          {m.cancel}
        </Button>
      </div>
    </form>
  );
}

function MasterData({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const m = t.portfolio.governance.masterData;
  const mayManage = hasPermission(user, 'masterData.manage');
  const [on, setOn] = useState<string | null>(null);
  const [onText, setOnText] = useState('');
  const [onError, setOnError] = useState<string | null>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = useMasterData(on);
  const ids = { on: useId(), caption: useId() };

  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = onText.trim();
    if (value && !isDate(value)) {
      setOnError(m.onError);
      return;
    }
    setOnError(null);
    setOn(value || null);
  };

  return (
    <>
      <LiveStatus message={message} />
      <p className="lead">{m.lead}</p>
      {mayManage && (
        <Section title={m.designateHeading}>
          <DesignateForm onSaved={setMessage} />
        </Section>
      )}
      <Section title={m.title}>
        <form className="search-row" onSubmit={filter} noValidate aria-label={m.on}>
          <TextField
            id={ids.on}
            label={m.on}
            description={m.onHelp}
            value={onText}
            onChange={setOnText}
            errorMessage={onError}
            size="short"
          />
          <Button type="submit">{m.show}</Button>
        </form>
        {queryState(list) ??
          ((list.data?.items.length ?? 0) === 0 ? (
            <EmptyState>{m.empty}</EmptyState>
          ) : (
            <TableScroll captionId={ids.caption} tall>
              <table className="data-table">
                <caption id={ids.caption} className="visually-hidden">
                  {m.caption}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{m.columns.informationType}</th>
                    <th scope="col">{m.columns.system}</th>
                    <th scope="col">{m.columns.scope}</th>
                    <th scope="col">{m.columns.period}</th>
                    <th scope="col">{m.columns.decision}</th>
                    {mayManage && <th scope="col">{m.columns.actions}</th>}
                  </tr>
                </thead>
                <tbody>
                  {list.data?.items.map((designation) => (
                    <tr key={designation.id}>
                      <th scope="row">{designation.informationTypeName}</th>
                      <td>
                        <Link to={pathTo('portfolioSystem', { systemId: designation.systemId })}>
                          {designation.systemName}
                        </Link>
                      </td>
                      <td>{designation.scopeOrgUnitName ?? m.wholeMunicipality}</td>
                      <td>
                        {designation.validTo
                          ? m.fromTo(designation.validFrom, designation.validTo)
                          : m.from(designation.validFrom)}
                      </td>
                      <td>
                        {designation.decisionReference ?? <span className="muted">{m.noDecision}</span>}
                      </td>
                      {mayManage && (
                        <td>
                          {ending === designation.id ? (
                            <EndForm
                              designation={designation}
                              onDone={(ended) => {
                                if (ended) setMessage(m.ended);
                                setEnding(null);
                              }}
                            />
                          ) : (
                            !designation.validTo && (
                              <Button size="small" onPress={() => setEnding(designation.id)}>
                                {m.end}
                                <span className="visually-hidden">
                                  {' '}
                                  {m.endHidden(designation.informationTypeName, designation.systemName)}
                                </span>
                              </Button>
                            )
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ))}
      </Section>
    </>
  );
}

/** `/portfolj/masterdata`: the authoritative system of each information type (E3). */
export function MasterDataPage() {
  const { t } = useI18n();
  return (
    <PortfolioPage title={t.portfolio.governance.masterData.title}>
      {(user) => <MasterData user={user} />}
    </PortfolioPage>
  );
}
