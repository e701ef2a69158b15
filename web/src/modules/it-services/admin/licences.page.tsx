import { type LicencePoolSummary, pathTo } from '@karna/contracts';
import { useId } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { formatKronor, ItServicesPage, queryState, Section, TableScroll } from '../it-services-parts.tsx';
import { useLicencePools } from './admin.api.ts';
import '../it-services.css';

function PoolTable({ pools }: { pools: readonly LicencePoolSummary[] }) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.licences;
  const captionId = useId();
  if (pools.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.name}</th>
            <th scope="col">{m.columns.supplier}</th>
            <th scope="col" className="numeric">
              {m.columns.purchased}
            </th>
            <th scope="col" className="numeric">
              {m.columns.assigned}
            </th>
            <th scope="col" className="numeric">
              {m.columns.used}
            </th>
            <th scope="col" className="numeric">
              {m.columns.unused}
            </th>
            <th scope="col" className="numeric">
              {m.columns.suggested}
            </th>
            <th scope="col" className="numeric it-amount">
              {m.columns.cost}
            </th>
            <th scope="col" className="numeric it-amount">
              {m.columns.unusedCost}
            </th>
          </tr>
        </thead>
        <tbody>
          {pools.map((pool) => (
            <tr key={pool.id}>
              <th scope="row">
                <Link to={pathTo('itServicesLicencePool', { poolId: pool.id })}>{pool.name}</Link>
              </th>
              <td>{pool.supplier}</td>
              <td className="numeric">{pool.figures.purchased}</td>
              <td className="numeric">{pool.figures.assigned}</td>
              <td className="numeric">{pool.figures.used}</td>
              <td className="numeric">{pool.figures.unused}</td>
              <td className="numeric">{pool.figures.suggestedForRelease}</td>
              <td className="numeric it-amount">{formatKronor(pool.figures.costPerYearOre, locale)}</td>
              <td className="numeric it-amount">{formatKronor(pool.figures.unusedCostPerYearOre, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Licences() {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.licences;
  const pools = useLicencePools();
  return (
    <>
      <p className="lead">{m.lead}</p>
      <Section title={m.caption}>
        {queryState(pools) ??
          (pools.data && (
            <>
              <PoolTable pools={pools.data.items} />
              <p className="it-after-table">
                {m.totals(
                  formatKronor(pools.data.totals.costPerYearOre, locale),
                  formatKronor(pools.data.totals.unusedCostPerYearOre, locale),
                )}
              </p>
            </>
          ))}
      </Section>
    </>
  );
}

/** `/it-tjanster/licenser`: the licence pools with what is bought, assigned, used and unused. */
export function LicencesPage() {
  const { t } = useI18n();
  return (
    <ItServicesPage title={t.itServicesAdmin.licences.title} permission="itServices.manage">
      {() => <Licences />}
    </ItServicesPage>
  );
}
