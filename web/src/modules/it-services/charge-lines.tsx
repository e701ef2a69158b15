import type { ChargeLine } from '@karna/contracts';
import { useId } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { formatKronor, TableScroll } from './it-services-parts.tsx';

/** What a line is for: the pool and its model, or the service and its order, and the cost centre. */
function LineSubject({ line }: { line: ChargeLine }) {
  const { t } = useI18n();
  const m = t.itServices.chargeback.subject;
  if (line.kind === 'service') {
    return (
      <>
        {m.service(line.serviceName ?? '', line.orderNumber ?? '')}
        {line.costCentre && <span className="it-line-note">{m.costCentre(line.costCentre)}</span>}
      </>
    );
  }
  return (
    <>
      {m.pool(line.costType ?? '', line.category ?? '')}
      {line.model !== null && (
        <span className="it-line-note">{m.model(line.model, t.itServices.terms.model[line.model])}</span>
      )}
    </>
  );
}

/**
 * Charge lines as a table: what each is for, how its amount was reached (the server's plain words
 * in the user's language) and the amount; with `totalOre`, a total row under them.
 */
export function ChargeLinesTable({
  lines,
  caption,
  columns,
  showDepartment,
  departmentHeading,
  totalLabel,
  totalOre,
}: {
  lines: readonly ChargeLine[];
  caption: string;
  columns: { subject: string; explanation: string; amount: string };
  showDepartment?: boolean;
  departmentHeading?: string;
  totalLabel?: string;
  totalOre?: number;
}) {
  const { language, locale } = useI18n();
  const captionId = useId();
  return (
    <TableScroll captionId={captionId} tall={lines.length > 20}>
      <table className="data-table it-lines-table">
        <caption id={captionId} className="it-table-caption">
          {caption}
        </caption>
        <thead>
          <tr>
            {showDepartment && <th scope="col">{departmentHeading}</th>}
            <th scope="col">{columns.subject}</th>
            <th scope="col">{columns.explanation}</th>
            <th scope="col" className="numeric it-amount">
              {columns.amount}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={`${line.departmentId} ${line.poolId ?? line.orderId} ${line.model ?? ''}`}>
              {showDepartment && <td>{line.departmentName}</td>}
              <th scope="row">
                <LineSubject line={line} />
              </th>
              <td className="it-explanation">{line.explanation[language]}</td>
              <td className="numeric it-amount">{formatKronor(line.amountOre, locale)}</td>
            </tr>
          ))}
        </tbody>
        {totalOre !== undefined && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={showDepartment ? 3 : 2}>
                {totalLabel}
              </th>
              <td className="numeric it-amount">{formatKronor(totalOre, locale)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}
