import type { KeyFigures } from '@karna/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { LiveStatus } from '../../../ui/live-status.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import {
  Fact,
  formatKronor,
  ItServicesPage,
  queryState,
  Section,
  TableScroll,
  today,
} from '../it-services-parts.tsx';
import { useKeyFigures } from './admin.api.ts';
import { formatPercent, parseYear } from './admin-parts.tsx';
import { KeyFigureForm } from './key-figures-form.tsx';
import '../it-services.css';

/** The year the page shows; the choice goes in the address. */
function YearForm({ year, onChoose }: { year: number; onChoose: (year: number) => void }) {
  const { t } = useI18n();
  const m = t.itServicesAdmin.keyFigures;
  const yearId = useId();
  const [text, setText] = useState(String(year));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(String(year)), [year]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = parseYear(text);
    if (chosen === null) {
      setError(t.itServicesAdmin.common.yearError);
      document.getElementById(yearId)?.focus();
      return;
    }
    setError(null);
    onChoose(chosen);
  };
  return (
    <form className="it-choose-row" onSubmit={submit} noValidate aria-label={m.chooseYear}>
      <TextField
        id={yearId}
        label={m.year}
        value={text}
        onChange={setText}
        inputMode="numeric"
        size="short"
        errorMessage={error}
      />
      <Button type="submit" variant="primary">
        {m.show}
      </Button>
    </form>
  );
}

function DepartmentTable({ figures }: { figures: KeyFigures }) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.keyFigures.departments;
  const captionId = useId();
  const share = (value: number | null) => (value === null ? '–' : formatPercent(value, locale));
  const money = (ore: number | null) => (ore === null ? '–' : formatKronor(ore, locale));
  return (
    <TableScroll captionId={captionId} tall={figures.departments.length > 20}>
      <table className="data-table">
        <caption id={captionId} className="it-table-caption">
          {m.caption(figures.year)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.department}</th>
            <th scope="col" className="numeric it-amount">
              {m.columns.turnover}
            </th>
            <th scope="col" className="numeric it-amount">
              {m.columns.charged}
            </th>
            <th scope="col" className="numeric it-amount">
              {m.columns.own}
            </th>
            <th scope="col" className="numeric it-amount">
              {m.columns.itCost}
            </th>
            <th scope="col" className="numeric">
              {m.columns.share}
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.departments.map((department) => (
            <tr key={department.departmentId}>
              <th scope="row">{department.departmentName}</th>
              <td className="numeric it-amount">{money(department.turnoverOre)}</td>
              <td className="numeric it-amount">{money(department.chargedOre)}</td>
              <td className="numeric it-amount">{money(department.ownItCostOre)}</td>
              <td className="numeric it-amount">{money(department.itCostOre)}</td>
              <td className="numeric">{share(department.sharePercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function TrendTable({ figures }: { figures: KeyFigures }) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.keyFigures.trend;
  const captionId = useId();
  if (figures.trend.length === 0) return null;
  return (
    <Section title={m.heading}>
      <TableScroll captionId={captionId}>
        <table className="data-table">
          <caption id={captionId} className="visually-hidden">
            {m.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{m.columns.year}</th>
              <th scope="col" className="numeric">
                {m.columns.share}
              </th>
              <th scope="col" className="numeric">
                {m.columns.reference}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.trend.map((row) => (
              <tr key={row.year}>
                <th scope="row">{row.year}</th>
                <td className="numeric">{formatPercent(row.sharePercent, locale)}</td>
                <td className="numeric">
                  {row.nationalAveragePercent === null
                    ? '–'
                    : formatPercent(row.nationalAveragePercent, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

function Figures({ figures, onSaved }: { figures: KeyFigures; onSaved: (message: string) => void }) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.keyFigures;
  const [editing, setEditing] = useState(false);
  const buttonId = useId();
  const { municipality } = figures;
  const share = municipality.sharePercent === null ? null : formatPercent(municipality.sharePercent, locale);
  const reference =
    figures.nationalAveragePercent === null ? null : formatPercent(figures.nationalAveragePercent, locale);
  return (
    <>
      <Section title={m.heading(figures.year)}>
        <h3>{m.municipality}</h3>
        {share === null ? <p>{m.noShare}</p> : reference && <p>{m.compare(share, reference)}</p>}
        <dl className="details">
          <Fact term={m.share}>{share ?? '–'}</Fact>
          <Fact term={m.reference}>{reference ?? '–'}</Fact>
          <Fact term={m.turnover}>
            {municipality.turnoverOre === null ? '–' : formatKronor(municipality.turnoverOre, locale)}
          </Fact>
          <Fact term={m.itDepartmentCost}>{formatKronor(municipality.itDepartmentCostOre, locale)}</Fact>
          <Fact term={m.departmentsOwnCost}>{formatKronor(municipality.departmentsOwnCostOre, locale)}</Fact>
          <Fact term={m.itCost}>{formatKronor(municipality.itCostOre, locale)}</Fact>
        </dl>
        <h3>{m.departments.heading}</h3>
        <DepartmentTable figures={figures} />
        {editing ? (
          <KeyFigureForm
            figures={figures}
            onDone={(saved) => {
              setEditing(false);
              if (saved) onSaved(m.form.saved(figures.year));
              requestAnimationFrame(() => document.getElementById(buttonId)?.focus());
            }}
          />
        ) : (
          <div className="button-row it-after-table">
            <Button id={buttonId} onPress={() => setEditing(true)}>
              {m.form.open}
            </Button>
          </div>
        )}
      </Section>
      <TrendTable figures={figures} />
    </>
  );
}

function KeyFigurePage() {
  const { t } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const year = parseYear(searchParams.get('year') ?? '') ?? Number(today().slice(0, 4)) - 1;
  const figures = useKeyFigures(year);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <p className="lead">{t.itServicesAdmin.keyFigures.lead}</p>
      <LiveStatus message={message} />
      <div className="stack">
        <div className="card">
          <YearForm
            year={year}
            onChoose={(next) =>
              setSearchParams(new URLSearchParams({ year: String(next) }), { replace: true })
            }
          />
        </div>
        {queryState(figures) ??
          (figures.data && <Figures key={figures.data.year} figures={figures.data} onSaved={setMessage} />)}
      </div>
    </>
  );
}

/** `/it-tjanster/nyckeltal`: IT cost as a share of turnover, for the municipality and each department. */
export function KeyFiguresPage() {
  const { t } = useI18n();
  return (
    <ItServicesPage title={t.itServicesAdmin.keyFigures.title} permission="itServices.manage">
      {() => <KeyFigurePage />}
    </ItServicesPage>
  );
}
