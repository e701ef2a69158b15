import type { DriverSet } from '@karna/contracts';
import { useId } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { CsvUpload } from './csv-upload-form.tsx';
import { useDrivers, useUploadDrivers } from './it-services.api.ts';
import { formatMonth, formatQuantity, queryState, Section, TableScroll } from './it-services-parts.tsx';

function DriverTable({ drivers, month }: { drivers: DriverSet; month: string }) {
  const { t, locale } = useI18n();
  const m = t.itServices.chargeback.allocation.drivers;
  const captionId = useId();
  if (drivers.items.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  return (
    <TableScroll captionId={captionId} tall={drivers.items.length > 20}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption(month)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.department}</th>
            <th scope="col">{m.columns.kind}</th>
            <th scope="col" className="numeric it-amount">
              {m.columns.quantity}
            </th>
            <th scope="col">{m.columns.source}</th>
          </tr>
        </thead>
        <tbody>
          {drivers.items.map((driver) => (
            <tr key={`${driver.departmentId} ${driver.kind} ${driver.source}`}>
              <th scope="row">{driver.departmentName}</th>
              <td>{t.itServices.terms.driver[driver.kind]}</td>
              <td className="numeric it-amount">{formatQuantity(driver.quantity, locale)}</td>
              <td>{m.source[driver.source]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A month's drivers per department with their sources, and the file import that sets them. */
export function Drivers({ period, onSaved }: { period: string; onSaved: (message: string) => void }) {
  const { t, locale } = useI18n();
  const m = t.itServices.chargeback.allocation.drivers;
  const drivers = useDrivers(period);
  const upload = useUploadDrivers(period);
  const month = formatMonth(period, locale);
  return (
    <Section title={m.heading(month)}>
      <p>{m.lead}</p>
      {queryState(drivers) ?? (drivers.data && <DriverTable drivers={drivers.data} month={month} />)}
      <CsvUpload
        heading={m.uploadHeading}
        fileLabel={m.file}
        fileHelp={m.fileHelp}
        upload={upload}
        onUploaded={() => onSaved(m.uploaded(month))}
      />
    </Section>
  );
}
