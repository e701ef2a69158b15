import { type Order, OrderStatus } from '@karna/contracts';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { useDepartments, useOrders } from './it-services.api.ts';
import { Fact, formatQuantity, ItServicesPage } from './it-services-parts.tsx';
import { OrderActions } from './order-actions.tsx';
import './it-services.css';

const ALL = 'all';

/** The status in words, with "Sen leverans" beside it when the promise is broken. */
function OrderBadges({ order }: { order: Order }) {
  const { t } = useI18n();
  const terms = t.itServices.terms;
  return (
    <p className="badge-row">
      <span className={order.status === 'delivered' ? 'badge badge-done' : 'badge badge-status'}>
        {terms.orderStatus[order.status]}
      </span>
      {order.late && <span className="badge it-badge-warning">{terms.late}</span>}
    </p>
  );
}

/** One order: its facts, where it stands, and what the caller may do with it. */
function OrderItem({
  order,
  onDone,
}: {
  order: Order;
  /** After an action: the confirmation, and the order's heading to move focus to. */
  onDone: (message: string, headingId: string) => void;
}) {
  const { t, locale } = useI18n();
  const m = t.itServices.orders;
  const f = m.facts;
  const headingId = useId();
  const date = (value: string) => formatDate(value, locale);
  return (
    <li className="it-order">
      <h3 id={headingId} tabIndex={-1} className="it-order-title">
        {m.itemTitle(order.number, order.service.name)}
      </h3>
      <OrderBadges order={order} />
      <dl className="record-facts">
        <Fact term={f.department}>{order.department.name}</Fact>
        <Fact term={f.quantity}>
          {m.quantityText(formatQuantity(order.quantity, locale), order.service.unit)}
        </Fact>
        <Fact term={f.costCentre}>{order.costCentre}</Fact>
        <Fact term={f.startDate}>{date(order.startDate)}</Fact>
        {order.endDate && <Fact term={f.endDate}>{date(order.endDate)}</Fact>}
        <Fact term={f.orderedBy}>{m.byOn(order.orderedBy, formatDateTime(order.orderedAt, locale))}</Fact>
        {order.decidedBy && order.decidedAt && (
          <Fact term={f.decision}>
            {(order.status === 'rejected' ? m.rejectedBy : m.approvedBy)(
              order.decidedBy,
              formatDateTime(order.decidedAt, locale),
            )}
          </Fact>
        )}
        {order.promisedBy && <Fact term={f.promisedBy}>{date(order.promisedBy)}</Fact>}
        {order.deliveredOn && <Fact term={f.deliveredOn}>{date(order.deliveredOn)}</Fact>}
        {order.rejectionReason && <Fact term={f.rejectionReason}>{order.rejectionReason}</Fact>}
        {order.note && <Fact term={f.note}>{order.note}</Fact>}
      </dl>
      <OrderActions order={order} onDone={(message) => onDone(message, headingId)} />
    </li>
  );
}

function Orders() {
  const { t } = useI18n();
  const m = t.itServices.orders;
  const [searchParams, setSearchParams] = useSearchParams();
  const departmentId = searchParams.get('departmentId');
  const parsedStatus = OrderStatus.safeParse(searchParams.get('status'));
  const status = parsedStatus.success ? parsedStatus.data : null;
  const departments = useDepartments();
  const orders = useOrders({ departmentId, status });
  const [message, setMessage] = useState<string | null>(null);
  const filtersId = useId();
  const listId = useId();
  // After an action focus goes to the order's heading once the list is fresh, or to the list's
  // heading when the order has left it (its new status is filtered out).
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget || orders.isFetching) return;
    (document.getElementById(focusTarget) ?? document.getElementById(listId))?.focus();
    setFocusTarget(null);
  }, [focusTarget, orders.isFetching, listId]);
  const done = (text: string, headingId: string) => {
    setMessage(text);
    setFocusTarget(headingId);
  };

  const setFilter = (name: 'departmentId' | 'status', value: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (value && value !== ALL) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true });
  };
  const items = orders.data?.items;

  let body: ReactNode;
  if (orders.isPending) body = <LoadingStatus />;
  else if (orders.isError && !items)
    body = <ProblemAlert error={orders.error} onRetry={() => void orders.refetch()} />;
  else if (!items || items.length === 0) body = <EmptyState>{m.empty}</EmptyState>;
  else
    body = (
      <ul className="record-list">
        {items.map((order) => (
          <OrderItem key={order.id} order={order} onDone={done} />
        ))}
      </ul>
    );

  return (
    <>
      <p className="lead">{m.lead}</p>
      <LiveStatus message={message} />
      <div className="stack">
        <section className="card" aria-labelledby={filtersId}>
          <h2 id={filtersId}>{m.filtersHeading}</h2>
          <div className="it-filter-grid">
            <Select
              label={m.department}
              value={departmentId ?? ALL}
              options={[
                { id: ALL, label: m.allDepartments },
                ...(departments.data?.items ?? []).map((department) => ({
                  id: department.id,
                  label: department.name,
                })),
              ]}
              onChange={(value) => setFilter('departmentId', value)}
            />
            <Select
              label={m.status}
              value={status ?? ALL}
              options={[
                { id: ALL, label: t.itServices.terms.any },
                ...OrderStatus.options.map((option) => ({
                  id: option,
                  label: t.itServices.terms.orderStatus[option],
                })),
              ]}
              onChange={(value) => setFilter('status', value)}
            />
          </div>
          {departments.isError && <ProblemAlert error={departments.error} />}
        </section>
        <section className="card" aria-labelledby={listId}>
          <h2 id={listId} tabIndex={-1}>
            {m.listHeading}
          </h2>
          {/* Always in place, so that the count after a change of filters is announced. */}
          <p role="status">
            {orders.isPlaceholderData ? t.common.loading : items ? m.count(items.length) : ''}
          </p>
          {body}
          {orders.isError && items && <ProblemAlert error={orders.error} />}
        </section>
      </div>
    </>
  );
}

/** `/it-tjanster/bestallningar`: the orders of the caller's departments and what to do with them. */
export function OrdersPage() {
  const { t } = useI18n();
  return (
    <ItServicesPage title={t.itServices.orders.title} permission="itServices.request">
      {() => <Orders />}
    </ItServicesPage>
  );
}
