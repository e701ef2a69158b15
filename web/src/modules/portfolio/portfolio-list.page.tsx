import {
  Hosting,
  LifecycleStage,
  type SessionUser,
  SupportKind,
  SystemCategory,
  TierCode,
  TimeVerdict,
  webPages,
} from '@karna/contracts';
import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { hasPermission } from '../../app/auth.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useOrgUnits } from '../identity/identity.api.ts';
import { buildOrgTree, placeOrgUnits } from '../identity/org-tree.ts';
import { Pager } from './pager.tsx';
import { exportUrl, useSystems } from './portfolio.api.ts';
import {
  type choiceFilters,
  isFiltered,
  PAGE_SIZE,
  parseSystemFilters,
  type SystemFilters,
  systemSearchParams,
  withFilter,
} from './portfolio-filters.ts';
import { PortfolioPage } from './portfolio-parts.tsx';
import { SystemTable } from './system-table.tsx';
import './portfolio.css';

const ALL = 'all';

/**
 * The units to filter by, in the organisation's order with their place in it. Only for those who
 * may read the organisation (`org.read`); for others the filter is left out.
 */
function useUnitOptions(user: SessionUser) {
  const units = useOrgUnits({ enabled: hasPermission(user, 'org.read') });
  return useMemo(() => {
    if (!units.data) return [];
    return placeOrgUnits(buildOrgTree(units.data.items))
      .filter(({ unit }) => unit.parentId !== null)
      .map(({ unit, ancestors }) => ({
        id: unit.id,
        label: unit.name,
        description: ancestors.slice(1).join(' › '),
      }));
  }, [units.data]);
}

function FilterForm({
  user,
  filters,
  onChange,
}: {
  user: SessionUser;
  filters: SystemFilters;
  onChange: (filters: SystemFilters) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.list;
  const terms = t.portfolio.terms;
  const headingId = useId();
  const searchId = useId();
  const [search, setSearch] = useState(filters.q ?? '');
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);
  const unitOptions = useUnitOptions(user);

  const submitSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange(withFilter(filters, 'q', search.trim() || null));
  };
  const choice = (
    name: (typeof choiceFilters)[number],
    label: string,
    options: { id: string; label: string; description?: string }[],
    description?: string,
  ) => (
    <Select
      label={label}
      description={description}
      value={filters[name] ?? ALL}
      options={[{ id: ALL, label: m.any }, ...options]}
      onChange={(value) => onChange(withFilter(filters, name, value && value !== ALL ? value : null))}
    />
  );

  return (
    <section className="card portfolio-filters" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.filtersHeading}</h2>
      <form className="search-row" onSubmit={submitSearch} aria-label={m.search}>
        <TextField
          id={searchId}
          label={m.search}
          description={m.searchHelp}
          value={search}
          onChange={setSearch}
        />
        <Button type="submit" variant="primary">
          {m.searchButton}
        </Button>
      </form>
      <div className="filter-grid">
        {choice('tier', m.tier, [
          ...TierCode.options.map((tier) => ({ id: tier, label: terms.tier[tier] })),
          { id: 'none', label: terms.noTier },
        ])}
        {choice(
          'lifecycle',
          m.lifecycle,
          LifecycleStage.options.map((stage) => ({ id: stage, label: terms.lifecycle[stage] })),
        )}
        {choice(
          'category',
          m.category,
          SystemCategory.options.map((category) => ({ id: category, label: terms.category[category] })),
        )}
        {choice(
          'supportKind',
          m.supportKind,
          SupportKind.options.map((kind) => ({ id: kind, label: terms.supportKind[kind] })),
        )}
        {(unitOptions.length > 0 || filters.orgUnitId) &&
          choice('orgUnitId', m.orgUnit, unitOptions, m.orgUnitHelp)}
        {choice('singleSignOn', m.singleSignOn, [
          { id: 'true', label: terms.yes },
          { id: 'false', label: terms.no },
        ])}
        {choice(
          'hosting',
          m.hosting,
          Hosting.options.map((hosting) => ({ id: hosting, label: terms.hosting[hosting] })),
        )}
        {choice(
          'time',
          m.time,
          TimeVerdict.options.map((verdict) => ({ id: verdict, label: terms.time[verdict] })),
        )}
      </div>
      {isFiltered(filters) && (
        <div className="button-row">
          <Button
            size="small"
            onPress={() => onChange({ ...parseSystemFilters(new URLSearchParams()), sort: filters.sort })}
          >
            {m.clearFilters}
          </Button>
        </div>
      )}
    </section>
  );
}

function PortfolioList({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const m = t.portfolio.list;
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseSystemFilters(searchParams), [searchParams]);
  const query = systemSearchParams(filters);
  const systems = useSystems(query.toString());
  const captionId = useId();
  const canManage = hasPermission(user, 'portfolio.manage');

  const setFilters = (next: SystemFilters) => setSearchParams(systemSearchParams(next), { replace: true });
  const data = systems.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const from = data && data.total > 0 ? (data.page - 1) * data.limit + 1 : 0;
  const to = data && data.items.length > 0 ? from + data.items.length - 1 : 0;

  let body: ReactNode;
  if (systems.isPending) body = <LoadingStatus />;
  else if (systems.isError && !data)
    body = <ProblemAlert error={systems.error} onRetry={() => void systems.refetch()} />;
  else if (!data || data.items.length === 0) body = <EmptyState>{m.empty}</EmptyState>;
  else
    body = (
      <SystemTable
        items={data.items}
        sort={filters.sort}
        onSort={(sort) => setFilters({ ...filters, sort, page: 1 })}
        captionId={captionId}
      />
    );

  return (
    <>
      <p className="lead">{m.lead}</p>
      <p className="button-row">
        {canManage && (
          <Link className="button button-primary" to={webPages.portfolioNewSystem}>
            {m.register}
          </Link>
        )}
        <Link className="button button-secondary" to={webPages.portfolioMine}>
          {t.portfolio.subNav.mine}
        </Link>
        {canManage && (
          <Link className="button button-secondary" to={webPages.portfolioImport}>
            {t.portfolio.subNav.import}
          </Link>
        )}
      </p>
      <div className="stack">
        <FilterForm user={user} filters={filters} onChange={setFilters} />
        <div className="card">
          <div className="list-summary">
            {/* Always in place, so that the count after a change of filters is announced. */}
            <p role="status">
              {systems.isPlaceholderData ? t.common.loading : data ? m.total(data.total, from, to) : ''}
            </p>
            <p>
              <a href={exportUrl('systems', systemSearchParams(filters, { withPage: false }))} download>
                {t.portfolio.terms.csv}
              </a>
              <span className="muted"> {m.csvHelp}</span>
            </p>
          </div>
          {body}
          {systems.isError && data && <ProblemAlert error={systems.error} />}
          <Pager page={filters.page} pages={pages} onPage={(page) => setFilters({ ...filters, page })} />
        </div>
      </div>
    </>
  );
}

/** `/portfolj`: every system, searched, filtered, sorted and paged, with the filters in the address. */
export function PortfolioListPage() {
  const { t } = useI18n();
  return (
    <PortfolioPage title={t.portfolio.list.title}>{(user) => <PortfolioList user={user} />}</PortfolioPage>
  );
}
