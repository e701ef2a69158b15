import type { Contract } from '@karna/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ComboBox } from '../../../ui/combo-box.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorSummary, type SummaryError } from '../../../ui/error-summary.tsx';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { RadioGroup } from '../../../ui/radio-group.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { parseKronor } from '../cost-pools.tsx';
import { formatKronor, queryState, Section, serverFieldErrors, TableScroll } from '../it-services-parts.tsx';
import { useContracts, useSaveContract, useSuppliers } from './admin.api.ts';
import { isIsoDate, kronorText } from './admin-parts.tsx';

const FIELDS = [
  'supplierId',
  'title',
  'reference',
  'startsOn',
  'endsOn',
  'noticeMonths',
  'annualValueOre',
] as const;
type Field = (typeof FIELDS)[number];

/** Add a contract or change one: supplier, title, reference, period, notice and annual value. */
function ContractForm({
  contract,
  onDone,
}: {
  contract: Contract | null;
  onDone: (saved: Contract | null) => void;
}) {
  const { t } = useI18n();
  const m = t.itServicesAdmin.suppliers.contractForm;
  const common = t.itServicesAdmin.common;
  const save = useSaveContract(contract?.id ?? null);
  const suppliers = useSuppliers({ q: '', limit: 500, offset: 0 });
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids: Record<Field, string> = {
    supplierId: useId(),
    title: useId(),
    reference: useId(),
    startsOn: useId(),
    endsOn: useId(),
    noticeMonths: useId(),
    annualValueOre: useId(),
  };
  const [supplierId, setSupplierId] = useState<string | null>(contract?.supplier.id ?? null);
  const [title, setTitle] = useState(contract?.title ?? '');
  const [reference, setReference] = useState(contract?.reference ?? '');
  const [startsOn, setStartsOn] = useState(contract?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(contract?.endsOn ?? '');
  const [notice, setNotice] = useState(String(contract?.noticeMonths ?? 3));
  const [value, setValue] = useState(contract ? kronorText(contract.annualValueOre) : '');
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  useEffect(() => headingRef.current?.focus(), []);

  const errorsNow: Partial<Record<Field, string>> = {};
  if (!supplierId) errorsNow.supplierId = m.errors.supplierId;
  if (!title.trim() || title.trim().length > 200) errorsNow.title = m.errors.title;
  if (reference.trim().length > 60) errorsNow.reference = m.errors.reference;
  if (!isIsoDate(startsOn.trim())) errorsNow.startsOn = m.errors.startsOn;
  if (endsOn.trim() && (!isIsoDate(endsOn.trim()) || endsOn.trim() < startsOn.trim()))
    errorsNow.endsOn = m.errors.endsOn;
  const noticeMonths = /^\d{1,2}$/.test(notice.trim()) ? Number(notice.trim()) : null;
  if (noticeMonths === null || noticeMonths > 60) errorsNow.noticeMonths = m.errors.noticeMonths;
  const annualValueOre = parseKronor(value);
  if (annualValueOre === null) errorsNow.annualValueOre = m.errors.annualValueOre;
  const remote = save.isError
    ? serverFieldErrors(save.error, m.errors, { supplier_not_found: 'supplierId' })
    : {};
  const errors = { ...remote, ...(checked ? errorsNow : {}) };
  const summary: SummaryError[] = FIELDS.flatMap((field) => {
    const message = errors[field];
    return message ? [{ fieldId: ids[field], message }] : [];
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (
      Object.keys(errorsNow).length > 0 ||
      !supplierId ||
      noticeMonths === null ||
      annualValueOre === null
    ) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    if (save.isPending) return;
    save.mutate(
      {
        supplierId,
        title: title.trim(),
        reference: reference.trim() || null,
        startsOn: startsOn.trim(),
        endsOn: endsOn.trim() || null,
        noticeMonths,
        annualValueOre,
        systemId: contract?.system?.id ?? null,
      },
      { onSuccess: (saved) => onDone(saved) },
    );
  };

  if (suppliers.isPending || suppliers.isError) return queryState(suppliers);
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {contract ? m.editHeading(contract.title) : m.addHeading}
      </h3>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <ComboBox
        id={ids.supplierId}
        label={m.supplier}
        options={suppliers.data.items.map((supplier) => ({
          id: supplier.id,
          label: supplier.name,
          description: supplier.organisationNumber,
          searchText: supplier.organisationNumber,
        }))}
        value={supplierId}
        onChange={setSupplierId}
        emptyText={m.noSuppliers}
        errorMessage={errors.supplierId}
        isRequired
      />
      <TextField
        id={ids.title}
        label={m.title}
        value={title}
        onChange={setTitle}
        errorMessage={errors.title}
        isRequired
      />
      <TextField
        id={ids.reference}
        label={m.reference}
        value={reference}
        onChange={setReference}
        size="medium"
        errorMessage={errors.reference}
      />
      <TextField
        id={ids.startsOn}
        label={m.startsOn}
        description={common.dateHelp}
        value={startsOn}
        onChange={setStartsOn}
        size="medium"
        errorMessage={errors.startsOn}
        isRequired
      />
      <TextField
        id={ids.endsOn}
        label={m.endsOn}
        description={common.dateHelp}
        value={endsOn}
        onChange={setEndsOn}
        size="medium"
        errorMessage={errors.endsOn}
      />
      <TextField
        id={ids.noticeMonths}
        label={m.noticeMonths}
        value={notice}
        onChange={setNotice}
        inputMode="numeric"
        size="short"
        errorMessage={errors.noticeMonths}
        isRequired
      />
      <TextField
        id={ids.annualValueOre}
        label={m.annualValue}
        value={value}
        onChange={setValue}
        inputMode="numeric"
        size="medium"
        errorMessage={errors.annualValueOre}
        isRequired
      />
      {save.isError && summary.length === 0 && <ProblemAlert error={save.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {save.isPending ? common.saving : common.save}
        </Button>
        <Button onPress={() => onDone(null)}>{common.cancel}</Button>
      </div>
    </form>
  );
}

function ContractTable({
  contracts,
  renewalDue,
  onEdit,
}: {
  contracts: readonly Contract[];
  renewalDue: boolean;
  onEdit: (contract: Contract) => void;
}) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.suppliers.contracts;
  const captionId = useId();
  if (contracts.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  return (
    <TableScroll captionId={captionId} tall={contracts.length > 20}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption(renewalDue)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.title}</th>
            <th scope="col">{m.columns.supplier}</th>
            <th scope="col">{m.columns.period}</th>
            <th scope="col">{m.columns.noticeBy}</th>
            <th scope="col" className="numeric it-amount">
              {m.columns.value}
            </th>
            <th scope="col">{m.columns.status}</th>
            <th scope="col">{m.columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((contract) => (
            <tr key={contract.id}>
              <th scope="row">
                {contract.title}
                {contract.reference && <span className="it-line-note"> {contract.reference}</span>}
              </th>
              <td>{contract.supplier.name}</td>
              <td>{m.until(contract.startsOn, contract.endsOn)}</td>
              <td>{contract.noticeBy ?? '–'}</td>
              <td className="numeric it-amount">{formatKronor(contract.annualValueOre, locale)}</td>
              <td>
                {contract.renewalDue ? (
                  <span className="badge it-badge-warning">{m.renewal}</span>
                ) : contract.active ? (
                  m.active
                ) : (
                  m.inactive
                )}
              </td>
              <td>
                <Button
                  id={`contract-edit-${contract.id}`}
                  size="small"
                  aria-label={m.editNamed(contract.title)}
                  onPress={() => onEdit(contract)}
                >
                  {t.itServicesAdmin.common.edit}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The contracts, all or those whose renewal is near, and the form that adds or changes one. */
export function Contracts({ onSaved }: { onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const m = t.itServicesAdmin.suppliers.contracts;
  const filterId = useId();
  const addId = useId();
  const [renewalDue, setRenewalDue] = useState(false);
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  const contracts = useContracts(renewalDue);
  const close = (saved: Contract | null) => {
    const was = editing;
    setEditing(null);
    if (saved) onSaved(was === 'new' ? m.added(saved.title) : m.changed(saved.title));
    const back = was && was !== 'new' ? `contract-edit-${was.id}` : addId;
    requestAnimationFrame(() => (document.getElementById(back) ?? document.getElementById(addId))?.focus());
  };
  return (
    <Section title={m.heading}>
      <RadioGroup
        id={filterId}
        label={m.filter}
        description={m.renewalHelp}
        options={[
          { id: 'all', label: m.all },
          { id: 'renewal', label: m.renewalDue },
        ]}
        value={renewalDue ? 'renewal' : 'all'}
        onChange={(choice) => setRenewalDue(choice === 'renewal')}
        inline
      />
      {queryState(contracts) ?? (
        <ContractTable contracts={contracts.data?.items ?? []} renewalDue={renewalDue} onEdit={setEditing} />
      )}
      {editing ? (
        <ContractForm
          key={editing === 'new' ? 'new' : editing.id}
          contract={editing === 'new' ? null : editing}
          onDone={close}
        />
      ) : (
        <div className="button-row it-after-table">
          <Button id={addId} onPress={() => setEditing('new')}>
            {m.add}
          </Button>
        </div>
      )}
    </Section>
  );
}
