import { pathTo, type SessionUser } from '@karna/contracts';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { hasPermission } from '../../app/auth.tsx';
import { swedishCollator } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { useOrgUnits } from '../identity/identity.api.ts';
import { buildOrgTree, placeOrgUnits } from '../identity/org-tree.ts';
import { GRAPH_MARKS, GraphCanvas } from './graph-canvas.tsx';
import { Pager } from './pager.tsx';
import { MAP_MAX_BOXES, useGraph, useGraphIntegrations, useInformationTypeList } from './portfolio.api.ts';
import { PortfolioPage, Section, TableScroll } from './portfolio-parts.tsx';
import './portfolio.css';

const ALL = 'all';

/** Rows of the integration table on one page: a large department has thousands. */
const TABLE_PAGE = 100;

/** The integrations the map stands for, for screen readers and keyboard users: from, to, how, what. */
function IntegrationTable({
  filters,
}: {
  filters: { orgUnitId: string | null; informationTypeId: string | null };
}) {
  const { t, language } = useI18n();
  const m = t.portfolio.tools.graph;
  const captionId = useId();
  const [page, setPage] = useState(1);
  const integrations = useGraphIntegrations(filters, page, TABLE_PAGE);
  if (integrations.isPending) return <LoadingStatus />;
  if (integrations.isError)
    return <ProblemAlert error={integrations.error} onRetry={() => void integrations.refetch()} />;
  const { items, total } = integrations.data;
  const systemLink = (id: string, name: string) => (
    <Link to={pathTo('portfolioSystem', { systemId: id })}>{name}</Link>
  );
  return (
    <>
      <TableScroll captionId={captionId}>
        <table className="data-table">
          <caption id={captionId} className="visually-hidden">
            {m.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{m.columns.from}</th>
              <th scope="col">{m.columns.to}</th>
              <th scope="col">{m.columns.pattern}</th>
              <th scope="col">{m.columns.information}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((integration) => (
              <tr key={integration.id}>
                <td>{systemLink(integration.sourceSystemId, integration.sourceSystemName)}</td>
                <td>{systemLink(integration.targetSystemId, integration.targetSystemName)}</td>
                <td>{t.portfolio.terms.pattern[integration.pattern]}</td>
                <td>
                  {integration.informationTypes
                    .map((type) => (language === 'en' ? type.nameEn : type.nameSv))
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager page={page} pages={Math.ceil(total / TABLE_PAGE)} onPage={setPage} />
    </>
  );
}

function Legend() {
  const { t } = useI18n();
  const m = t.portfolio.tools.graph.legend;
  return (
    <details className="graph-legend">
      <summary>{t.portfolio.tools.graph.legendHeading}</summary>
      <ul>
        <li>{m.focus}</li>
        <li>{m.other}</li>
        <li>{m.group}</li>
        <li>{m.api}</li>
        <li>{m.file}</li>
        <li>{m.event}</li>
        <li>{m.database}</li>
        <li>{m.arrow}</li>
      </ul>
    </details>
  );
}

function Integrations({ user }: { user: SessionUser }) {
  const { t, language } = useI18n();
  const m = t.portfolio.tools.graph;
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = {
    orgUnitId: searchParams.get('orgUnitId'),
    informationTypeId: searchParams.get('informationTypeId'),
  };
  const units = useOrgUnits({ enabled: hasPermission(user, 'org.read') });
  const types = useInformationTypeList();
  const graph = useGraph(filters);
  const filterKey = `${filters.orgUnitId}|${filters.informationTypeId}`;
  const headingId = useId();

  // A new graph is asked for: the measurement of how long it takes to be drawn starts here.
  useEffect(() => {
    for (const mark of [GRAPH_MARKS.requested, GRAPH_MARKS.drawing, GRAPH_MARKS.drawn])
      performance.clearMarks(mark);
    performance.clearMeasures(GRAPH_MARKS.total);
    performance.clearMeasures(GRAPH_MARKS.draw);
    performance.mark(GRAPH_MARKS.requested, { detail: filterKey });
  }, [filterKey]);

  const unitOptions = useMemo(
    () =>
      units.data
        ? placeOrgUnits(buildOrgTree(units.data.items))
            .filter(({ unit }) => unit.parentId !== null)
            .map(({ unit, ancestors }) => ({
              id: unit.id,
              label: unit.name,
              description: ancestors.slice(1).join(' › '),
            }))
        : [],
    [units.data],
  );
  const typeOptions = useMemo(
    () =>
      (types.data?.items ?? [])
        .map((type) => ({ id: type.id, label: language === 'en' ? type.nameEn : type.nameSv }))
        .sort((a, b) => swedishCollator.compare(a.label, b.label)),
    [types.data, language],
  );
  const setFilter = (name: 'orgUnitId' | 'informationTypeId', value: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (value && value !== ALL) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true });
  };

  let body: ReactNode;
  if (graph.isPending) body = <LoadingStatus />;
  else if (graph.isError) body = <ProblemAlert error={graph.error} onRetry={() => void graph.refetch()} />;
  else if (graph.data.nodes.length === 0) body = <EmptyState>{m.empty}</EmptyState>;
  else
    body = (
      <>
        {graph.data.grouping !== 'none' && (
          <p className="muted">{m.grouped[graph.data.grouping](MAP_MAX_BOXES)}</p>
        )}
        <GraphCanvas graph={graph.data} />
        <Legend />
      </>
    );

  return (
    <>
      <p className="lead">{m.lead}</p>
      <div className="stack">
        <section className="card" aria-labelledby={headingId}>
          <h2 id={headingId}>{m.filtersHeading}</h2>
          <div className="filter-grid">
            {unitOptions.length > 0 && (
              <Select
                label={m.orgUnit}
                value={filters.orgUnitId ?? ALL}
                options={[{ id: ALL, label: m.wholeMunicipality }, ...unitOptions]}
                onChange={(value) => setFilter('orgUnitId', value)}
              />
            )}
            <Select
              label={m.informationType}
              value={filters.informationTypeId ?? ALL}
              options={[{ id: ALL, label: m.anyInformation }, ...typeOptions]}
              onChange={(value) => setFilter('informationTypeId', value)}
            />
          </div>
          <p role="status" className="muted">
            {graph.data && !graph.isFetching ? m.summary(graph.data.systems, graph.data.integrations) : ''}
          </p>
        </section>
        <div className="card">{body}</div>
        {graph.data && graph.data.integrations > 0 && (
          <Section title={m.tableHeading}>
            <IntegrationTable key={filterKey} filters={filters} />
          </Section>
        )}
      </div>
    </>
  );
}

/** `/portfolj/integrationer`: systems and integrations as a map and as a table, by unit or information. */
export function IntegrationsPage() {
  const { t } = useI18n();
  return (
    <PortfolioPage title={t.portfolio.tools.graph.title}>
      {(user) => <Integrations user={user} />}
    </PortfolioPage>
  );
}
