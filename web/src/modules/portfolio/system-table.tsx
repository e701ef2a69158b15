import { pathTo, type SystemSummary } from '@karna/contracts';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import {
  nextSort,
  type SortColumn,
  type SystemSort,
  sortDirection,
  sortedColumn,
} from './portfolio-filters.ts';
import { formatNumber, InnovationBadge, TableScroll, TierBadge } from './portfolio-parts.tsx';

/**
 * A column header that sorts: a button inside the `<th>`, whose `aria-sort` tells the order now.
 * The arrow is decoration; the caption says the order in words.
 */
function SortableHeader({
  column,
  sort,
  onSort,
}: {
  column: SortColumn;
  sort: SystemSort;
  onSort: (sort: SystemSort) => void;
}) {
  const { t } = useI18n();
  const direction = sortDirection(sort, column);
  let arrow = '↕';
  if (direction === 'ascending') arrow = '▲';
  else if (direction === 'descending') arrow = '▼';
  return (
    <th scope="col" aria-sort={direction}>
      <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, column))}>
        {t.portfolio.list.columns[column]}
        <span aria-hidden="true" className="sort-arrow">
          {arrow}
        </span>
      </button>
    </th>
  );
}

function PlainHeader({ children }: { children: string }) {
  return <th scope="col">{children}</th>;
}

/**
 * Systems as a table: the name links to the system's page. Sortable when given `sort`; on narrow
 * screens the table scrolls inside its own focusable region (allowed for data tables, WCAG 1.4.10).
 */
export function SystemTable({
  items,
  sort,
  onSort,
  captionId,
  caption,
}: {
  items: readonly SystemSummary[];
  sort?: SystemSort;
  onSort?: (sort: SystemSort) => void;
  captionId: string;
  /** The caption of a table that is not sorted by the user. */
  caption?: string;
}) {
  const { t, locale } = useI18n();
  const m = t.portfolio.list;
  const terms = t.portfolio.terms;
  const column = sort ? sortedColumn(sort) : 'name';
  const direction = sort ? sortDirection(sort, column) : 'ascending';
  const header = (name: SortColumn) =>
    sort && onSort ? (
      <SortableHeader column={name} sort={sort} onSort={onSort} />
    ) : (
      <PlainHeader>{m.columns[name]}</PlainHeader>
    );
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table system-table">
        <caption id={captionId} className="visually-hidden">
          {caption ?? m.sortedBy(m.columns[column], direction === 'none' ? 'ascending' : direction)}
        </caption>
        <thead>
          <tr>
            {header('name')}
            {header('tier')}
            {header('lifecycle')}
            {header('owningBoard')}
            <PlainHeader>{m.columns.systemOwner}</PlainHeader>
            {header('userCount')}
            <PlainHeader>{m.columns.singleSignOn}</PlainHeader>
            {header('supplier')}
            {header('updatedAt')}
          </tr>
        </thead>
        <tbody>
          {items.map((system) => (
            <tr key={system.id}>
              <th scope="row">
                <Link to={pathTo('portfolioSystem', { systemId: system.id })}>{system.name}</Link>
                {system.innovationOverdue && (
                  <>
                    {' '}
                    <InnovationBadge />
                  </>
                )}
              </th>
              <td>
                <TierBadge tier={system.tier} />
              </td>
              <td>{terms.lifecycle[system.lifecycle]}</td>
              <td>{system.owningBoard.name}</td>
              <td>{system.systemOwnerName ?? <span className="muted">{m.noOwner}</span>}</td>
              <td className="numeric">
                {system.userCount === null ? (
                  <span className="muted">{m.unknown}</span>
                ) : (
                  formatNumber(system.userCount, locale)
                )}
              </td>
              <td>{system.singleSignOn ? terms.yes : terms.no}</td>
              <td>{system.supplier ?? <span className="muted">{m.unknown}</span>}</td>
              <td>
                <time dateTime={system.updatedAt}>{formatDateTime(system.updatedAt, locale)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
