import { type InboxItem, pathTo } from '@karna/contracts';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { DueBadge, SecretBadge } from './case-badges.tsx';
import { dueState, localized } from './case-format.ts';
import { type InboxSort, nextSort, type SortableColumn, sortDirection } from './inbox-filters.ts';

interface InboxTableProps {
  items: readonly InboxItem[];
  sort: InboxSort;
  onSort: (sort: InboxSort) => void;
  captionId: string;
}

/**
 * A column header that sorts: a button inside the `<th>`, whose `aria-sort` tells the order now.
 * The arrow is decoration; the caption says the order in words.
 */
function SortableHeader({
  column,
  label,
  sort,
  onSort,
}: {
  column: SortableColumn;
  label: string;
  sort: InboxSort;
  onSort: (sort: InboxSort) => void;
}) {
  const direction = sortDirection(sort, column);
  let arrow = '↕';
  if (direction === 'ascending') arrow = '▲';
  else if (direction === 'descending') arrow = '▼';
  return (
    <th scope="col" aria-sort={direction}>
      <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, column))}>
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {arrow}
        </span>
      </button>
    </th>
  );
}

/** The column a sort order sorts by, for the caption. */
function sortedColumn(sort: InboxSort): SortableColumn {
  if (sort === 'registrationNumber') return 'registrationNumber';
  return sort.replace('-', '') as SortableColumn;
}

/**
 * The inbox as a table: the registration number links to the case. On narrow screens the table
 * scrolls inside its own focusable region (allowed for data tables by WCAG 1.4.10).
 */
export function InboxTable({ items, sort, onSort, captionId }: InboxTableProps) {
  const { t, language, locale } = useI18n();
  const m = t.cases.inbox;
  const column = sortedColumn(sort);
  const direction = sortDirection(sort, column);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table inbox-table">
        <caption id={captionId} className="visually-hidden">
          {m.sortedBy(m.columns[column], direction === 'none' ? 'ascending' : direction)}
        </caption>
        <thead>
          <tr>
            <SortableHeader
              column="registrationNumber"
              label={m.columns.registrationNumber}
              sort={sort}
              onSort={onSort}
            />
            <th scope="col">{m.columns.service}</th>
            <th scope="col">{m.columns.status}</th>
            <th scope="col">{m.columns.currentStep}</th>
            <th scope="col">{m.columns.assignee}</th>
            <SortableHeader column="submittedAt" label={m.columns.submittedAt} sort={sort} onSort={onSort} />
            <SortableHeader column="dueDate" label={m.columns.dueDate} sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const due = dueState(item);
            return (
              <tr key={item.id}>
                <th scope="row">
                  <Link to={pathTo('caseView', { caseId: item.id })} className="registration-number">
                    {item.registrationNumber}
                  </Link>
                  {item.secret && (
                    <>
                      {' '}
                      <SecretBadge />
                    </>
                  )}
                </th>
                <td>{localized(item.serviceTitle, language)}</td>
                <td>{localized(item.status.label, language)}</td>
                <td>
                  {item.currentStep ? (
                    localized(item.currentStep, language)
                  ) : (
                    <span className="muted">{m.noStep}</span>
                  )}
                </td>
                <td>{item.assigneeName ?? <span className="muted">{m.noAssignee}</span>}</td>
                <td>
                  <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt, locale)}</time>
                </td>
                <td>
                  <time dateTime={item.dueDate} className="due-date">
                    {formatDate(item.dueDate, locale)}
                  </time>
                  <DueBadge state={due} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
