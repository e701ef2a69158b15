import { pathTo, webPages } from '@karna/contracts';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Select } from '../../ui/select.tsx';
import {
  exportUrl,
  useClassificationOverdueReport,
  useInnovationReport,
  useRatingResults,
  useRatingRounds,
} from './portfolio.api.ts';
import {
  formatDecimal,
  formatNumber,
  formatPercent,
  OverdueBadge,
  Section,
  TableScroll,
} from './portfolio-parts.tsx';
import { CsvLink, queryState } from './report-parts.tsx';

// The reports page's sections on classification, innovative systems and the system survey.

/** Information held by systems in use that is unclassified or overdue; for those who may see it. */
export function ClassificationOverdueSection({ mayRead }: { mayRead: boolean }) {
  const { t, language, locale } = useI18n();
  const m = t.portfolio.tools.reports.overdue;
  const report = useClassificationOverdueReport(mayRead);
  const captionId = useId();
  if (!mayRead) {
    return (
      <Section title={m.heading}>
        <p className="notice">{m.hidden}</p>
      </Section>
    );
  }
  const data = report.data;
  return (
    <Section title={m.heading}>
      <p>{m.lead}</p>
      {queryState(report) ??
        (data && data.items.length === 0 ? (
          <EmptyState>{m.none}</EmptyState>
        ) : (
          <TableScroll captionId={captionId} tall>
            <table className="data-table">
              <caption id={captionId} className="visually-hidden">
                {m.caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{m.columns.type}</th>
                  <th scope="col">{m.columns.reason}</th>
                  <th scope="col">{m.columns.nextReview}</th>
                  <th scope="col">{m.columns.systems}</th>
                </tr>
              </thead>
              <tbody>
                {data?.items.map((item) => (
                  <tr key={item.informationType.id}>
                    <th scope="row">
                      <Link
                        to={pathTo('portfolioInformationType', {
                          informationTypeId: item.informationType.id,
                        })}
                      >
                        {language === 'en' ? item.informationType.nameEn : item.informationType.nameSv}
                      </Link>
                    </th>
                    <td>
                      <OverdueBadge>{m.reason[item.reason]}</OverdueBadge>
                    </td>
                    <td>{item.nextReviewOn ? formatDate(item.nextReviewOn, locale) : ''}</td>
                    <td>
                      <ul className="plain-list">
                        {item.systems.map((system) => (
                          <li key={system.id}>
                            <Link to={pathTo('portfolioSystem', { systemId: system.id })}>{system.name}</Link>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
      <CsvLink href={exportUrl('classification-overdue')} what={m.csvName} />
    </Section>
  );
}

/** Innovative systems and whether they are past the six months their kind allows. */
export function InnovationSection() {
  const { t, locale } = useI18n();
  const m = t.portfolio.tools.reports.innovation;
  const report = useInnovationReport();
  const captionId = useId();
  const data = report.data;
  return (
    <Section title={m.heading}>
      <p>{m.lead}</p>
      {queryState(report) ??
        (data && data.items.length === 0 ? (
          <EmptyState>{m.none}</EmptyState>
        ) : (
          <TableScroll captionId={captionId}>
            <table className="data-table">
              <caption id={captionId} className="visually-hidden">
                {m.caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{m.columns.system}</th>
                  <th scope="col">{m.columns.since}</th>
                  <th scope="col">{m.columns.months}</th>
                  <th scope="col">{m.columns.status}</th>
                </tr>
              </thead>
              <tbody>
                {data?.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={pathTo('portfolioSystem', { systemId: item.id })}>{item.name}</Link>
                    </th>
                    <td>{formatDate(item.since, locale)}</td>
                    <td className="numeric">{formatNumber(item.months, locale)}</td>
                    <td>{item.overdue ? <OverdueBadge>{m.overdue}</OverdueBadge> : m.within}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
      <CsvLink href={exportUrl('innovation')} what={m.csvName} />
    </Section>
  );
}

/** A survey round's results: the share rated 4–5 against the goal, and each system's ratings. */
export function RatingsSection() {
  const { t, locale } = useI18n();
  const m = t.portfolio.tools.reports.ratings;
  const rounds = useRatingRounds();
  const [chosen, setChosen] = useState<string | null>(null);
  const sorted = [...(rounds.data?.items ?? [])].sort((a, b) => b.opensOn.localeCompare(a.opensOn));
  const roundId = chosen ?? sorted[0]?.id ?? null;
  const results = useRatingResults(roundId);
  const captionId = useId();
  const data = results.data;
  return (
    <Section title={m.heading}>
      {queryState(rounds) ??
        (sorted.length === 0 ? (
          <EmptyState>{m.noRounds}</EmptyState>
        ) : (
          <>
            <Select
              label={m.round}
              value={roundId}
              options={sorted.map((round) => ({
                id: round.id,
                label: m.roundOption(
                  round.name,
                  formatDate(round.opensOn, locale),
                  formatDate(round.closesOn, locale),
                ),
              }))}
              onChange={setChosen}
            />
            {queryState(results) ??
              (data && (
                <>
                  {data.shareHigh === null ? (
                    <p>{m.noRatings}</p>
                  ) : (
                    <>
                      <p className="big-figure">
                        {m.overall(formatPercent(data.shareHigh, locale), formatNumber(data.ratings, locale))}
                      </p>
                      <p>
                        {m.goal} {data.shareHigh > 0.5 ? m.aboveGoal : m.belowGoal}
                      </p>
                    </>
                  )}
                  {data.systems.length > 0 && (
                    <TableScroll captionId={captionId} tall>
                      <table className="data-table">
                        <caption id={captionId} className="visually-hidden">
                          {m.caption}
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">{m.columns.system}</th>
                            <th scope="col">{m.columns.ratings}</th>
                            <th scope="col">{m.columns.average}</th>
                            <th scope="col">{m.columns.shareHigh}</th>
                            <th scope="col">{m.columns.distribution}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {data.systems.map((system) => (
                            <tr key={system.id}>
                              <th scope="row">
                                <Link to={pathTo('portfolioSystem', { systemId: system.id })}>
                                  {system.name}
                                </Link>
                                {system.comments && system.comments.length > 0 && (
                                  <details className="rating-comments">
                                    <summary>{m.comments(system.comments.length)}</summary>
                                    <ul>
                                      {system.comments.map((comment, index) => (
                                        // Comments are anonymous and may repeat: their place is their key.
                                        // biome-ignore lint/suspicious/noArrayIndexKey: see above
                                        <li key={index}>{comment}</li>
                                      ))}
                                    </ul>
                                  </details>
                                )}
                              </th>
                              <td className="numeric">{formatNumber(system.ratings, locale)}</td>
                              <td className="numeric">{formatDecimal(system.average, locale)}</td>
                              <td className="numeric">{formatPercent(system.shareHigh, locale)}</td>
                              <td>{m.distribution(system.distribution)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableScroll>
                  )}
                </>
              ))}
            {roundId && (
              <CsvLink href={exportUrl('ratings', new URLSearchParams({ roundId }))} what={m.csvName} />
            )}
            <p>
              <Link to={webPages.portfolioSurvey}>{m.surveyLink}</Link>
            </p>
          </>
        ))}
    </Section>
  );
}
