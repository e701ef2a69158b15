import { pathTo } from '@karna/contracts';
import { type ReactNode, useId, useMemo } from 'react';
import { Link } from 'react-router';
import { formatDate, swedishCollator } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { type InformationTypeListItem, useInformationTypeList } from './portfolio.api.ts';
import { LevelList, OverdueBadge, PortfolioPage, TableScroll } from './portfolio-parts.tsx';
import './portfolio.css';

function Status({ type }: { type: InformationTypeListItem }) {
  const { t } = useI18n();
  const m = t.portfolio.classification.list;
  if (!type.classified) return <OverdueBadge>{m.never}</OverdueBadge>;
  if (type.overdue) return <OverdueBadge>{m.overdue}</OverdueBadge>;
  return <>{m.upToDate}</>;
}

function TypeTable({ items }: { items: readonly InformationTypeListItem[] }) {
  const { t, language, locale } = useI18n();
  const m = t.portfolio.classification.list;
  const captionId = useId();
  const hidesLevels = items.some((type) => type.classified && !type.levels);
  return (
    <>
      {hidesLevels && <p className="notice">{m.hiddenHelp}</p>}
      <TableScroll captionId={captionId}>
        <table className="data-table classification-table">
          <caption id={captionId} className="visually-hidden">
            {m.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{m.columns.name}</th>
              <th scope="col">{m.columns.levels}</th>
              <th scope="col">{m.columns.systems}</th>
              <th scope="col">{m.columns.nextReview}</th>
              <th scope="col">{m.columns.status}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((type) => (
              <tr key={type.id}>
                <th scope="row">
                  <Link to={pathTo('portfolioInformationType', { informationTypeId: type.id })}>
                    {language === 'en' ? type.nameEn : type.nameSv}
                  </Link>
                </th>
                <td>
                  {type.levels ? (
                    <LevelList levels={type.levels} />
                  ) : type.classified ? (
                    m.classifiedHidden
                  ) : (
                    <span className="muted">{t.portfolio.terms.notClassified}</span>
                  )}
                </td>
                <td className="numeric">{type.systems}</td>
                <td>{type.nextReviewOn ? formatDate(type.nextReviewOn, locale) : ''}</td>
                <td>
                  <Status type={type} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function InformationTypes() {
  const { t, language } = useI18n();
  const m = t.portfolio.classification.list;
  const types = useInformationTypeList();
  const sorted = useMemo(() => {
    const nameOf = (type: InformationTypeListItem) => (language === 'en' ? type.nameEn : type.nameSv);
    return [...(types.data?.items ?? [])].sort((a, b) => swedishCollator.compare(nameOf(a), nameOf(b)));
  }, [types.data, language]);
  let body: ReactNode;
  if (types.isPending) body = <LoadingStatus />;
  else if (types.isError) body = <ProblemAlert error={types.error} onRetry={() => void types.refetch()} />;
  else if (sorted.length === 0) body = <EmptyState>{m.empty}</EmptyState>;
  else body = <TypeTable items={sorted} />;
  return <div className="card">{body}</div>;
}

/** `/portfolj/informationsklassning`: every information type with its classification and review date. */
export function ClassificationListPage() {
  const { t } = useI18n();
  const m = t.portfolio.classification.list;
  return (
    <PortfolioPage title={m.title}>
      {() => (
        <>
          <p className="lead">{m.lead}</p>
          <InformationTypes />
        </>
      )}
    </PortfolioPage>
  );
}
