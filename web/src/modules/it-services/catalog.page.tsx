import { type Order, type Service, ServiceCategory, type SessionUser, webPages } from '@karna/contracts';
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { hasPermission } from '../../app/auth.tsx';
import { formatDate } from '../../lib/format.ts';
import { type Messages, useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { Checkbox } from '../cases/case-fields.tsx';
import { useEditToggle } from '../portfolio/use-edit-toggle.ts';
import { type Department, useDepartments, useServices } from './it-services.api.ts';
import { Fact, formatKronor, formatQuantity, ItServicesPage } from './it-services-parts.tsx';
import { OrderForm } from './order-form.tsx';
import './it-services.css';

const ALL = 'all';

interface CatalogFilters {
  q: string;
  category: ServiceCategory | null;
  all: boolean;
}

function parseFilters(params: URLSearchParams): CatalogFilters {
  const category = ServiceCategory.safeParse(params.get('category'));
  return {
    q: params.get('q')?.trim().slice(0, 100) ?? '',
    category: category.success ? category.data : null,
    all: params.get('all') === 'true',
  };
}

function filterParams(filters: CatalogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.category) params.set('category', filters.category);
  if (filters.all) params.set('all', 'true');
  return params;
}

function FilterForm({
  filters,
  canSeeAll,
  onChange,
}: {
  filters: CatalogFilters;
  canSeeAll: boolean;
  onChange: (filters: CatalogFilters) => void;
}) {
  const { t } = useI18n();
  const m = t.itServices.catalog;
  const headingId = useId();
  const searchId = useId();
  const allId = useId();
  const [search, setSearch] = useState(filters.q);
  useEffect(() => setSearch(filters.q), [filters.q]);
  // The box follows the press at once; the address (and the list) follow when the router has moved.
  const [all, setAll] = useState(filters.all);
  useEffect(() => setAll(filters.all), [filters.all]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange({ ...filters, q: search.trim() });
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.filtersHeading}</h2>
      <form className="it-search-row" onSubmit={submit} aria-label={m.search}>
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
      <div className="it-filter-grid">
        <Select
          label={m.category}
          value={filters.category ?? ALL}
          options={[
            { id: ALL, label: t.itServices.terms.any },
            ...ServiceCategory.options.map((category) => ({
              id: category,
              label: t.itServices.terms.category[category],
            })),
          ]}
          onChange={(value) => {
            const category = ServiceCategory.safeParse(value);
            onChange({ ...filters, category: category.success ? category.data : null });
          }}
        />
      </div>
      {canSeeAll && (
        <Checkbox
          id={allId}
          label={m.showAll}
          checked={all}
          onChange={(checked) => {
            setAll(checked);
            onChange({ ...filters, all: checked });
          }}
        />
      )}
    </section>
  );
}

/** MOL 4.3 question 5: the tier's response and fix times, support hours and availability. */
function ServiceLevelText({ service }: { service: Service }) {
  const { t, locale } = useI18n();
  const m = t.itServices.catalog;
  const level = service.serviceLevel;
  if (!level) return <>{m.noServiceLevel}</>;
  return (
    <>
      {m.serviceLevel(
        t.itServices.terms.tier[level.tier],
        m.hours(level.responseHours, formatQuantity(level.responseHours, locale)),
        m.hours(level.fixHours, formatQuantity(level.fixHours, locale)),
        formatQuantity(level.availabilityPercent, locale),
      )}{' '}
      {m.supportHours(level.supportHours)}
      {level.source === 'system' && service.system && <> {m.levelOfSystem(service.system.name)}</>}
    </>
  );
}

/** MOL 4.3 question 6: the price and its model. */
function priceText(service: Service, t: Messages, locale: string): string {
  const m = t.itServices.catalog;
  const price = formatKronor(service.priceOre, locale);
  if (service.priceModel === 'monthlyPerUnit') return m.priceMonthly(price, service.unit);
  if (service.priceModel === 'oneOff') return m.priceOneOff(price, service.unit);
  return m.priceAllocated(service.driverKind ? t.itServices.terms.driver[service.driverKind] : '');
}

/** Multi-line text from the catalog, its line breaks kept. */
function Lines({ children }: { children: ReactNode }) {
  return <span className="pre-line">{children}</span>;
}

/** One service: its summary, the answers to MOL 4.3's seven questions, and the way to order it. */
function ServiceCard({
  service,
  departments,
  canBackdate,
}: {
  service: Service;
  departments: readonly Department[];
  canBackdate: boolean;
}) {
  const { t, locale } = useI18n();
  const m = t.itServices.catalog;
  const q = m.questions;
  const headingId = useId();
  const toggle = useEditToggle();
  const [placed, setPlaced] = useState<Order | null>(null);
  const placedMessage = placed
    ? placed.status === 'approved' && placed.promisedBy
      ? m.placedApproved(placed.number, formatDate(placed.promisedBy, locale))
      : m.placedWaiting(placed.number)
    : null;
  return (
    <section className="card it-service" aria-labelledby={headingId}>
      <h2 id={headingId}>{service.name}</h2>
      <p className="badge-row">
        <span className="badge">{t.itServices.terms.category[service.category]}</span>
        {!service.available && <span className="badge it-badge-warning">{m.notAvailable}</span>}
      </p>
      <p className="pre-line">{service.summary}</p>
      <dl className="details it-questions">
        <Fact term={q.included}>
          <Lines>{service.included}</Lines>
        </Fact>
        <Fact term={q.notIncluded}>
          <Lines>{service.notIncluded}</Lines>
        </Fact>
        <Fact term={q.howToOrder}>
          <Lines>{service.howToOrder}</Lines>
        </Fact>
        <Fact term={q.delivery}>{m.deliveryDays(service.deliveryWorkingDays)}</Fact>
        <Fact term={q.howToReport}>
          <Lines>{service.howToReport}</Lines>
        </Fact>
        <Fact term={q.serviceLevel}>
          <ServiceLevelText service={service} />
        </Fact>
        <Fact term={q.price}>{priceText(service, t, locale)}</Fact>
        <Fact term={q.howToCancel}>
          <Lines>{service.howToCancel}</Lines> {m.notice(service.cancellationNoticeDays)}
        </Fact>
      </dl>
      {!service.available && (
        <p className="muted">
          {m.availablePeriod(
            formatDate(service.availableFrom, locale),
            service.availableTo ? formatDate(service.availableTo, locale) : null,
          )}
        </p>
      )}
      <LiveStatus message={placedMessage} />
      {placed && (
        <p>
          <Link to={webPages.itServicesOrders}>{m.toOrders}</Link>
        </p>
      )}
      {departments.length > 0 &&
        service.available &&
        (toggle.editing ? (
          <OrderForm
            service={service}
            departments={departments}
            canBackdate={canBackdate}
            headingRef={toggle.headingRef}
            onDone={(order) => {
              if (order) setPlaced(order);
              toggle.close();
            }}
          />
        ) : (
          <div className="button-row">
            <Button id={toggle.buttonId} variant="primary" onPress={toggle.open}>
              {m.order}
              <span className="visually-hidden"> {service.name}</span>
            </Button>
          </div>
        ))}
    </section>
  );
}

function Catalog({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const m = t.itServices.catalog;
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseFilters(searchParams);
  const canManage = hasPermission(user, 'itServices.manage');
  const services = useServices(filters);
  const departments = useDepartments();
  const setFilters = (next: CatalogFilters) => setSearchParams(filterParams(next), { replace: true });
  const items = services.data?.items;

  let body: ReactNode;
  if (services.isPending) body = <LoadingStatus />;
  else if (services.isError && !items)
    body = <ProblemAlert error={services.error} onRetry={() => void services.refetch()} />;
  else if (!items || items.length === 0) body = <EmptyState>{m.empty}</EmptyState>;
  else
    body = items.map((service) => (
      <ServiceCard
        key={service.id}
        service={service}
        departments={departments.data?.items ?? []}
        canBackdate={canManage}
      />
    ));

  return (
    <>
      <p className="lead">{m.lead}</p>
      <div className="stack">
        <FilterForm filters={filters} canSeeAll={canManage} onChange={setFilters} />
        {/* Always in place, so that the count after a new search is announced. */}
        <p role="status" className="it-count">
          {services.isPlaceholderData ? t.common.loading : items ? m.count(items.length) : ''}
        </p>
        {departments.isError && <ProblemAlert error={departments.error} />}
        {body}
      </div>
    </>
  );
}

/** `/it-tjanster`: the IT department's service catalog, searched and filtered, and the way to order. */
export function CatalogPage() {
  const { t } = useI18n();
  return (
    <ItServicesPage title={t.itServices.catalog.title} permission="itServices.read">
      {(user) => <Catalog user={user} />}
    </ItServicesPage>
  );
}
