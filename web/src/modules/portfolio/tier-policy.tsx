import type { TierPolicy, TierPolicyInput } from '@karna/contracts';
import { type FormEvent, type RefObject, useId, useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSaveTierPolicy, useTierPolicies } from './governance.api.ts';
import { type OnSaved, Section, TableScroll, TierBadge } from './portfolio-parts.tsx';
import { queryState } from './report-parts.tsx';
import { useEditToggle } from './use-edit-toggle.ts';

type NumberField = Exclude<keyof TierPolicyInput, 'supportHours'>;
const NUMBER_FIELDS: readonly { key: NumberField; max: number; whole?: boolean }[] = [
  { key: 'availabilityPercent', max: 100 },
  { key: 'rtoHours', max: 8760 },
  { key: 'rpoHours', max: 8760 },
  { key: 'responseHours', max: 8760 },
  { key: 'fixHours', max: 8760 },
  { key: 'reviewIntervalMonths', max: 60, whole: true },
  { key: 'priceWeight', max: 1000 },
];

/** A number as the user writes it: a comma or a point for decimals. */
function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

function TierForm({
  policy,
  headingRef,
  onDone,
}: {
  policy: TierPolicy;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (saved: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const m = t.portfolio.governance.tiers;
  const labels = { ...t.portfolio.system.tier.policy, priceWeight: m.priceWeight };
  const tierName = t.portfolio.terms.tier[policy.code];
  const save = useSaveTierPolicy();
  const headingId = useId();
  const baseId = useId();
  const [support, setSupport] = useState(policy.supportHours);
  const [texts, setTexts] = useState(
    () =>
      Object.fromEntries(
        NUMBER_FIELDS.map(({ key }) => [key, policy[key].toLocaleString(locale, { useGrouping: false })]),
      ) as Record<NumberField, string>,
  );
  const [checked, setChecked] = useState(false);
  const errorOf = (key: NumberField): string | null => {
    const field = NUMBER_FIELDS.find((candidate) => candidate.key === key);
    const value = parseNumber(texts[key]);
    if (!field || value === null || value > field.max) return m.invalid;
    if (field.whole && (!Number.isInteger(value) || value < 1)) return m.invalid;
    return null;
  };
  const hasErrors = !support.trim() || NUMBER_FIELDS.some(({ key }) => errorOf(key));
  const helpOf = (key: NumberField) =>
    key === 'availabilityPercent'
      ? m.percentHelp
      : key === 'reviewIntervalMonths'
        ? m.monthsHelp
        : key === 'priceWeight'
          ? m.weightHelp
          : m.hoursHelp;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (hasErrors || save.isPending) return;
    const body = { supportHours: support.trim() } as TierPolicyInput;
    for (const { key } of NUMBER_FIELDS) body[key] = parseNumber(texts[key]) ?? 0;
    save.mutate({ tier: policy.code, body }, { onSuccess: () => onDone(true) });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {m.formHeading(tierName)}
      </h3>
      <TextField
        id={`${baseId}-support`}
        label={labels.supportHours}
        value={support}
        onChange={setSupport}
        errorMessage={checked && !support.trim() ? m.missing : null}
        size="medium"
        isRequired
      />
      {NUMBER_FIELDS.map(({ key }) => (
        <TextField
          key={key}
          id={`${baseId}-${key}`}
          label={labels[key]}
          description={helpOf(key)}
          value={texts[key]}
          onChange={(value) => setTexts({ ...texts, [key]: value })}
          errorMessage={checked ? errorOf(key) : null}
          inputMode="text"
          size="short"
          isRequired
        />
      ))}
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

/** The tiers' promises (support, availability, RTO/RPO …) and, for the IT department, a way to change them. */
export function TierPolicySection({ mayManage, onSaved }: { mayManage: boolean; onSaved: OnSaved }) {
  const { t, locale } = useI18n();
  const m = t.portfolio.governance.tiers;
  const tm = t.portfolio.system.tier;
  const policies = useTierPolicies();
  const toggle = useEditToggle();
  const [editing, setEditing] = useState<TierPolicy | null>(null);
  const captionId = useId();
  const rowId = useId();
  const number = (value: number) => value.toLocaleString(locale);
  const hours = (value: number) => tm.hours(value, number(value));
  return (
    <Section title={m.heading}>
      <p>{m.lead}</p>
      {queryState(policies) ?? (
        <TableScroll captionId={captionId}>
          <table className="data-table">
            <caption id={captionId} className="visually-hidden">
              {m.caption}
            </caption>
            <thead>
              <tr>
                <th scope="col">{m.tier}</th>
                <th scope="col">{tm.policy.supportHours}</th>
                <th scope="col">{tm.policy.availabilityPercent}</th>
                <th scope="col">{tm.policy.rtoHours}</th>
                <th scope="col">{tm.policy.rpoHours}</th>
                <th scope="col">{tm.policy.responseHours}</th>
                <th scope="col">{tm.policy.fixHours}</th>
                <th scope="col">{tm.policy.reviewIntervalMonths}</th>
                <th scope="col">{m.priceWeight}</th>
                {mayManage && <th scope="col">{m.edit}</th>}
              </tr>
            </thead>
            <tbody>
              {policies.data?.items.map((policy) => (
                <tr key={policy.code}>
                  <th scope="row">
                    <TierBadge tier={policy.code} />
                  </th>
                  <td>{policy.supportHours}</td>
                  <td className="numeric">{tm.percent(number(policy.availabilityPercent))}</td>
                  <td className="numeric">{hours(policy.rtoHours)}</td>
                  <td className="numeric">{hours(policy.rpoHours)}</td>
                  <td className="numeric">{hours(policy.responseHours)}</td>
                  <td className="numeric">{hours(policy.fixHours)}</td>
                  <td>{tm.months(policy.reviewIntervalMonths)}</td>
                  <td className="numeric">{number(policy.priceWeight)}</td>
                  {mayManage && (
                    <td>
                      <Button
                        id={`${rowId}-${policy.code}`}
                        size="small"
                        onPress={() => {
                          setEditing(policy);
                          toggle.open();
                        }}
                      >
                        {m.edit}
                        <span className="visually-hidden">
                          {' '}
                          {m.editHidden(t.portfolio.terms.tier[policy.code])}
                        </span>
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {toggle.editing && editing && (
        <TierForm
          key={editing.code}
          policy={editing}
          headingRef={toggle.headingRef}
          onDone={(saved) => {
            if (saved) onSaved(m.saved(t.portfolio.terms.tier[editing.code]));
            toggle.close();
            // Back to the row's button that opened the form, once the form is gone.
            const buttonId = `${rowId}-${editing.code}`;
            requestAnimationFrame(() => document.getElementById(buttonId)?.focus());
          }}
        />
      )}
    </Section>
  );
}
