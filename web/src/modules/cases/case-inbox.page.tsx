import { type InboxItem, type LocalizedText, type SessionUser, sharedStatuses } from '@karna/contracts';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { hasPermission, RequirePermission } from '../../app/auth.tsx';
import { swedishCollator } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { useOrgUnits } from '../identity/identity.api.ts';
import { localized } from './case-format.ts';
import { useInbox, useLeadTimes } from './cases.api.ts';
import {
  defaultInboxFilters,
  type InboxAssigned,
  type InboxFilters,
  type InboxPromise,
  inboxSearchParams,
  isFiltered,
  parseInboxFilters,
} from './inbox-filters.ts';
import { InboxTable } from './inbox-table.tsx';
import { LeadTimePanel } from './lead-time-panel.tsx';
import './cases.css';

const ALL = 'all';

/**
 * The e-services to filter by: those with lead times (the units' e-services with cases), those in
 * the list now and the one filtered by, in Swedish order.
 */
function useServiceOptions(items: readonly InboxItem[], current: string | null) {
  const { language } = useI18n();
  const leadTimes = useLeadTimes();
  return useMemo(() => {
    const titles = new Map<string, LocalizedText | null>();
    for (const item of leadTimes.data?.items ?? []) titles.set(item.serviceSlug, item.serviceTitle);
    for (const item of items) titles.set(item.serviceSlug, item.serviceTitle);
    if (current && !titles.has(current)) titles.set(current, null);
    return [...titles]
      .map(([slug, title]) => ({ id: slug, label: title ? localized(title, language) : slug }))
      .sort((a, b) => swedishCollator.compare(a.label, b.label));
  }, [leadTimes.data, items, current, language]);
}

/**
 * The units to filter by: those the officer has roles in and the units below them (from the
 * organisation tree), in Swedish order. Offered only when there is more than one.
 */
function useUnitOptions(user: SessionUser) {
  const units = useOrgUnits({ enabled: hasPermission(user, 'org.read') });
  return useMemo(() => {
    const all = units.data?.items ?? [];
    const inScope = new Set(user.roles.map((role) => role.orgUnitId));
    // Add children until nothing changes: the tree is small.
    let grew = true;
    while (grew) {
      grew = false;
      for (const unit of all) {
        if (unit.parentId && inScope.has(unit.parentId) && !inScope.has(unit.id)) {
          inScope.add(unit.id);
          grew = true;
        }
      }
    }
    return all
      .filter((unit) => inScope.has(unit.id))
      .map((unit) => ({ id: unit.id, label: unit.name }))
      .sort((a, b) => swedishCollator.compare(a.label, b.label));
  }, [units.data, user.roles]);
}

function InboxFilterForm({
  user,
  filters,
  items,
  onChange,
}: {
  user: SessionUser;
  filters: InboxFilters;
  items: readonly InboxItem[];
  onChange: (filters: InboxFilters) => void;
}) {
  const { t } = useI18n();
  const m = t.cases.inbox;
  const headingId = useId();
  const ids = { assigned: useId(), promise: useId() };
  const serviceOptions = useServiceOptions(items, filters.service);
  const unitOptions = useUnitOptions(user);
  const assignedOptions = (['any', 'me', 'unassigned'] as const).map((value) => ({
    id: value,
    label: m.assignedOptions[value],
  }));
  const promiseOptions = (['any', 'overdue', 'atRisk'] as const).map((value) => ({
    id: value,
    label: m.promiseOptions[value],
  }));
  return (
    <section className="card inbox-filters" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.filtersHeading}</h2>
      <div className="filter-grid">
        <Select
          label={m.status}
          value={filters.status ?? ALL}
          options={[
            { id: ALL, label: m.anyStatus },
            ...sharedStatuses.map((status) => ({ id: status, label: t.cases.sharedStatuses[status] })),
          ]}
          onChange={(value) =>
            onChange({
              ...filters,
              status: sharedStatuses.find((status) => status === value) ?? null,
            })
          }
        />
        <Select
          label={m.service}
          value={filters.service ?? ALL}
          options={[{ id: ALL, label: m.anyService }, ...serviceOptions]}
          onChange={(value) => onChange({ ...filters, service: value && value !== ALL ? value : null })}
        />
        {(unitOptions.length > 1 || filters.orgUnitId) && (
          <Select
            label={m.unit}
            value={filters.orgUnitId ?? ALL}
            options={[{ id: ALL, label: m.anyUnit }, ...unitOptions]}
            onChange={(value) => onChange({ ...filters, orgUnitId: value && value !== ALL ? value : null })}
          />
        )}
        <RadioGroup
          id={ids.assigned}
          label={m.assigned}
          options={assignedOptions}
          value={filters.assigned}
          onChange={(value) => onChange({ ...filters, assigned: value as InboxAssigned })}
          inline
        />
        <RadioGroup
          id={ids.promise}
          label={m.promise}
          options={promiseOptions}
          value={filters.promise}
          onChange={(value) => onChange({ ...filters, promise: value as InboxPromise })}
          inline
        />
      </div>
      {isFiltered(filters) && (
        <div className="button-row">
          <Button size="small" onPress={() => onChange({ ...defaultInboxFilters, sort: filters.sort })}>
            {m.clearFilters}
          </Button>
        </div>
      )}
    </section>
  );
}

function Inbox({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const m = t.cases.inbox;
  const [searchParams, setSearchParams] = useSearchParams();
  const filtersInAddress = useMemo(() => parseInboxFilters(searchParams), [searchParams]);
  // The filters shown follow a change at once (the controls are controlled); the address follows
  // them, and they follow the address when it changes otherwise (back, forward, a link).
  const [filters, setFiltersShown] = useState(filtersInAddress);
  useEffect(() => setFiltersShown(filtersInAddress), [filtersInAddress]);
  const inbox = useInbox(filters);
  const items = useMemo(() => inbox.data?.pages.flatMap((page) => page.items) ?? [], [inbox.data]);
  const captionId = useId();
  const tableRef = useRef<HTMLDivElement>(null);
  const focusRowAfter = useRef<number | null>(null);

  // After "Visa fler" the button may be gone: focus moves to the first case it brought.
  useEffect(() => {
    const index = focusRowAfter.current;
    if (index === null || items.length <= index) return;
    focusRowAfter.current = null;
    tableRef.current?.querySelectorAll<HTMLElement>('tbody tr th a')[index]?.focus();
  }, [items]);

  const setFilters = (next: InboxFilters) => {
    setFiltersShown(next);
    setSearchParams(inboxSearchParams(next), { replace: true });
  };
  const showMore = () => {
    if (inbox.isFetchingNextPage) return;
    focusRowAfter.current = items.length;
    void inbox.fetchNextPage();
  };

  let countText = '';
  if (inbox.isPlaceholderData) countText = t.common.loading;
  else if (inbox.isSuccess && items.length > 0)
    countText = inbox.hasNextPage ? m.shown(items.length) : m.allShown(items.length);

  let body: ReactNode;
  if (inbox.isPending) body = <LoadingStatus />;
  else if (inbox.isError && items.length === 0)
    body = <ProblemAlert error={inbox.error} onRetry={() => void inbox.refetch()} />;
  else if (items.length === 0)
    body = <EmptyState>{isFiltered(filters) ? m.emptyFiltered : m.empty}</EmptyState>;
  else
    body = (
      <div ref={tableRef}>
        <InboxTable
          items={items}
          sort={filters.sort}
          onSort={(sort) => setFilters({ ...filters, sort })}
          captionId={captionId}
        />
      </div>
    );

  return (
    <Page title={m.title}>
      <p className="lead">{m.lead}</p>
      <div className="stack">
        <InboxFilterForm user={user} filters={filters} items={items} onChange={setFilters} />
        <div className="card">
          {body}
          <div className="show-more">
            {/* Always in place, so that the count after a change of filters is announced. */}
            <p role="status" className="muted">
              {countText}
            </p>
            {inbox.hasNextPage && (
              <Button size="small" onPress={showMore}>
                {inbox.isFetchingNextPage ? m.loadingMore : m.showMore}
              </Button>
            )}
          </div>
          {inbox.isError && items.length > 0 && <ProblemAlert error={inbox.error} />}
        </div>
        <LeadTimePanel />
      </div>
    </Page>
  );
}

/** `/handlaggning/arenden`: the cases of the officer's units, filtered, sorted and paged. */
export function CaseInboxPage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.cases.inbox.title} permission="cases.read" realm="staff">
      {(user) => <Inbox user={user} />}
    </RequirePermission>
  );
}
