import { pathTo, type SessionUser, type TierCode } from '@karna/contracts';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { hasPermission } from '../../app/auth.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { exportUrl, useRoleCoverageReport, useSsoCoverageReport, useTierReport } from './portfolio.api.ts';
import {
  formatNumber,
  formatPercent,
  PortfolioPage,
  Section,
  TableScroll,
  TierBadge,
} from './portfolio-parts.tsx';
import { CsvLink, queryState } from './report-parts.tsx';
import { ClassificationOverdueSection, InnovationSection, RatingsSection } from './report-sections.tsx';
import { TierPolicySection } from './tier-policy.tsx';
import './portfolio.css';

const TIERS: (TierCode | null)[] = ['gold', 'silver', 'bronze', 'copper', null];

function TiersSection() {
  const { t, locale } = useI18n();
  const m = t.portfolio.tools.reports.tiers;
  const terms = t.portfolio.terms;
  const report = useTierReport();
  const captionId = useId();
  const count = (tier: TierCode | null, category: 'shared' | 'department') =>
    report.data?.rows.find((row) => row.tier === tier && row.category === category)?.count ?? 0;
  return (
    <Section title={m.heading}>
      <p>{t.portfolio.tools.reports.inUse}</p>
      {queryState(report) ?? (
        <TableScroll captionId={captionId}>
          <table className="data-table">
            <caption id={captionId} className="visually-hidden">
              {m.caption}
            </caption>
            <thead>
              <tr>
                <th scope="col">{m.tier}</th>
                <th scope="col">{terms.category.shared}</th>
                <th scope="col">{terms.category.department}</th>
                <th scope="col">{m.total}</th>
              </tr>
            </thead>
            <tbody>
              {TIERS.map((tier) => (
                <tr key={tier ?? 'none'}>
                  <th scope="row">
                    <TierBadge tier={tier} />
                  </th>
                  <td className="numeric">{formatNumber(count(tier, 'shared'), locale)}</td>
                  <td className="numeric">{formatNumber(count(tier, 'department'), locale)}</td>
                  <td className="numeric">
                    {formatNumber(count(tier, 'shared') + count(tier, 'department'), locale)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{m.total}</th>
                <td className="numeric">
                  {formatNumber(
                    TIERS.reduce((sum, tier) => sum + count(tier, 'shared'), 0),
                    locale,
                  )}
                </td>
                <td className="numeric">
                  {formatNumber(
                    TIERS.reduce((sum, tier) => sum + count(tier, 'department'), 0),
                    locale,
                  )}
                </td>
                <td className="numeric">
                  {formatNumber(report.data?.rows.reduce((sum, row) => sum + row.count, 0) ?? 0, locale)}
                </td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
      <CsvLink href={exportUrl('tiers')} what={m.csvName} />
    </Section>
  );
}

function RoleCoverageSection() {
  const { t, locale } = useI18n();
  const m = t.portfolio.tools.reports.roles;
  const report = useRoleCoverageReport();
  const captionId = useId();
  const data = report.data;
  const ofTotal = (count: number) =>
    data
      ? m.ofTotal(
          formatNumber(count, locale),
          formatNumber(data.systems, locale),
          formatPercent(data.systems === 0 ? 0 : count / data.systems, locale),
        )
      : '';
  return (
    <Section title={m.heading}>
      {queryState(report) ??
        (data && (
          <>
            <dl className="details">
              <div>
                <dt>{m.systems}</dt>
                <dd>{formatNumber(data.systems, locale)}</dd>
              </div>
              <div>
                <dt>{m.withOwner}</dt>
                <dd>{ofTotal(data.withOwner)}</dd>
              </div>
              <div>
                <dt>{m.withAcceptedOwner}</dt>
                <dd>{ofTotal(data.withAcceptedOwner)}</dd>
              </div>
              <div>
                <dt>{m.withManager}</dt>
                <dd>{ofTotal(data.withManager)}</dd>
              </div>
              <div>
                <dt>{m.withCustodian}</dt>
                <dd>{ofTotal(data.withCustodian)}</dd>
              </div>
            </dl>
            <h3>{m.gapsHeading}</h3>
            {data.gaps.length === 0 ? (
              <EmptyState>{m.noGaps}</EmptyState>
            ) : (
              <TableScroll captionId={captionId} tall>
                <table className="data-table">
                  <caption id={captionId} className="visually-hidden">
                    {m.caption}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{m.columns.system}</th>
                      <th scope="col">{m.columns.tier}</th>
                      <th scope="col">{m.columns.gaps}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.gaps.map((entry) => (
                      <tr key={entry.system.id}>
                        <th scope="row">
                          <Link to={pathTo('portfolioSystem', { systemId: entry.system.id })}>
                            {entry.system.name}
                          </Link>
                        </th>
                        <td>
                          <TierBadge tier={entry.system.tier} />
                        </td>
                        <td>
                          <ul className="plain-list">
                            {entry.gaps.map((gap) => (
                              <li key={gap}>{t.portfolio.terms.roleGap[gap] ?? gap}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </>
        ))}
      <CsvLink href={exportUrl('role-coverage')} what={m.csvName} />
    </Section>
  );
}

function SsoSection() {
  const { t, locale } = useI18n();
  const m = t.portfolio.tools.reports.sso;
  const terms = t.portfolio.terms;
  const [top, setTop] = useState(10);
  const [topText, setTopText] = useState('10');
  const [topError, setTopError] = useState<string | null>(null);
  const report = useSsoCoverageReport(top);
  const ids = { top: useId(), caption: useId() };
  const data = report.data;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = Number(topText.trim());
    if (!/^\d{1,4}$/.test(topText.trim()) || value < 1 || value > 1000) {
      setTopError(m.topError);
      return;
    }
    setTopError(null);
    setTop(value);
  };

  return (
    <Section title={m.heading}>
      <p>{m.lead}</p>
      <form className="search-row" onSubmit={submit} noValidate aria-label={m.heading}>
        <TextField
          id={ids.top}
          label={m.top}
          description={m.topHelp}
          value={topText}
          onChange={setTopText}
          errorMessage={topError}
          inputMode="numeric"
          size="short"
        />
        <Button type="submit">{m.show}</Button>
      </form>
      {queryState(report) ??
        (data && (
          <>
            <div role="status" className="sso-result">
              <p className="big-figure">
                {report.isPlaceholderData
                  ? t.common.loading
                  : m.result(data.withSingleSignOn, data.systems.length)}
              </p>
              {!report.isPlaceholderData && (
                <p>{m.access(data.withCentralAccessAdministration, data.systems.length)}</p>
              )}
            </div>
            <h3>{m.goalsHeading}</h3>
            <p>{m.goals}</p>
            <ul>
              {data.milestones.map((milestone) => (
                <li key={milestone.top}>
                  {m.milestone(milestone.top, milestone.withSingleSignOn, milestone.of)}
                </li>
              ))}
            </ul>
            <TableScroll captionId={ids.caption} tall>
              <table className="data-table">
                <caption id={ids.caption} className="visually-hidden">
                  {m.caption(data.top)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{m.columns.rank}</th>
                    <th scope="col">{m.columns.system}</th>
                    <th scope="col">{m.columns.tier}</th>
                    <th scope="col">{m.columns.users}</th>
                    <th scope="col">{m.columns.sso}</th>
                    <th scope="col">{m.columns.access}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.systems.map((system, index) => (
                    <tr key={system.id}>
                      <td className="numeric">{index + 1}</td>
                      <th scope="row">
                        <Link to={pathTo('portfolioSystem', { systemId: system.id })}>{system.name}</Link>
                      </th>
                      <td>
                        <TierBadge tier={system.tier} />
                      </td>
                      <td className="numeric">
                        {system.userCount === null ? '' : formatNumber(system.userCount, locale)}
                      </td>
                      <td>{system.singleSignOn ? terms.yes : terms.no}</td>
                      <td>{system.centralAccessAdministration ? terms.yes : terms.no}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        ))}
      <CsvLink href={exportUrl('sso-coverage', new URLSearchParams({ top: String(top) }))} what={m.csvName} />
    </Section>
  );
}

function Reports({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <LiveStatus message={message} />
      <p className="lead">{t.portfolio.tools.reports.lead}</p>
      <div className="report-grid">
        <TiersSection />
        <TierPolicySection mayManage={hasPermission(user, 'portfolio.manage')} onSaved={setMessage} />
        <RoleCoverageSection />
        <SsoSection />
        <ClassificationOverdueSection mayRead={hasPermission(user, 'portfolio.readConfidential')} />
        <InnovationSection />
        <RatingsSection />
      </div>
    </>
  );
}

/** `/portfolj/rapporter`: the portfolio's reports, each with its CSV. */
export function ReportsPage() {
  const { t } = useI18n();
  return (
    <PortfolioPage title={t.portfolio.tools.reports.title}>{(user) => <Reports user={user} />}</PortfolioPage>
  );
}
