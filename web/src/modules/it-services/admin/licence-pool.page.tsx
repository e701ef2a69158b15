import { type LicenceAssignment, type LicencePoolDetail, pathTo } from '@karna/contracts';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { hasPermission, useCurrentUser } from '../../../app/auth.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { LiveStatus } from '../../../ui/live-status.tsx';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { CsvUpload } from '../csv-upload-form.tsx';
import {
  Fact,
  formatKronor,
  ItServicesPage,
  queryState,
  Section,
  TableScroll,
  today,
} from '../it-services-parts.tsx';
import { useLicencePool, useReleaseLicence, useUploadUsage } from './admin.api.ts';
import { AssignForm } from './licence-assign.tsx';
import '../it-services.css';

function Figures({ pool }: { pool: LicencePoolDetail }) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.licences.pool;
  const { figures } = pool;
  return (
    <Section title={m.figures}>
      <dl className="details">
        <Fact term={m.purchased}>{figures.purchased}</Fact>
        <Fact term={m.assigned}>{figures.assigned}</Fact>
        <Fact term={m.unassigned}>{figures.unassigned}</Fact>
        <Fact term={m.used}>{figures.used}</Fact>
        <Fact term={m.unused}>{figures.unused}</Fact>
        <Fact term={m.cost}>{formatKronor(figures.costPerYearOre, locale)}</Fact>
        <Fact term={m.unusedCost}>{formatKronor(figures.unusedCostPerYearOre, locale)}</Fact>
        <Fact term={m.unitPrice}>{formatKronor(pool.unitPriceOre, locale)}</Fact>
        <Fact term={m.supplier}>{pool.supplier}</Fact>
        <Fact term={m.system}>{pool.system?.name ?? '–'}</Fact>
        <Fact term={m.renewalOn}>{pool.renewalOn ? formatDate(pool.renewalOn, locale) : '–'}</Fact>
        <Fact term={m.usageImportedAt}>
          {pool.usageImportedAt ? formatDateTime(pool.usageImportedAt, locale) : m.never}
        </Fact>
      </dl>
      {pool.notes && <p>{pool.notes}</p>}
    </Section>
  );
}

/** Licences unused for 90 days, each with a button that releases it today. */
function Suggestions({ pool, onSaved }: { pool: LicencePoolDetail; onSaved: (message: string) => void }) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.licences.pool.suggestions;
  const release = useReleaseLicence(pool.id);
  const captionId = useId();
  const headingId = useId();
  const releaseOne = (assignmentId: string, name: string) => {
    if (release.isPending) return;
    release.mutate(
      { assignmentId, on: today() },
      {
        onSuccess: () => {
          onSaved(m.released(name));
          requestAnimationFrame(() => document.getElementById(headingId)?.focus());
        },
      },
    );
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {m.heading}
      </h2>
      <p>{m.lead}</p>
      {release.isError && <ProblemAlert error={release.error} />}
      {pool.suggestions.length === 0 ? (
        <EmptyState>{m.empty}</EmptyState>
      ) : (
        <TableScroll captionId={captionId} tall={pool.suggestions.length > 20}>
          <table className="data-table">
            <caption id={captionId} className="visually-hidden">
              {m.caption}
            </caption>
            <thead>
              <tr>
                <th scope="col">{m.columns.name}</th>
                <th scope="col">{m.columns.from}</th>
                <th scope="col">{m.columns.lastUsed}</th>
                <th scope="col" className="numeric">
                  {m.columns.days}
                </th>
                <th scope="col">{m.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {pool.suggestions.map((suggestion) => (
                <tr key={suggestion.assignmentId}>
                  <th scope="row">{suggestion.name}</th>
                  <td>{formatDate(suggestion.from, locale)}</td>
                  <td>{suggestion.lastUsedOn ? formatDate(suggestion.lastUsedOn, locale) : m.neverUsed}</td>
                  <td className="numeric">{suggestion.daysSinceUse ?? '–'}</td>
                  <td>
                    <Button
                      size="small"
                      aria-label={m.releaseNamed(suggestion.name)}
                      onPress={() => releaseOne(suggestion.assignmentId, suggestion.name)}
                    >
                      {m.release}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function AssignmentTable({ assignments }: { assignments: readonly LicenceAssignment[] }) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.licences.pool.assignments;
  const captionId = useId();
  if (assignments.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  return (
    <TableScroll captionId={captionId} tall={assignments.length > 20}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.name}</th>
            <th scope="col">{m.columns.email}</th>
            <th scope="col">{m.columns.from}</th>
            <th scope="col">{m.columns.lastUsed}</th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((assignment) => (
            <tr key={assignment.id}>
              <th scope="row">{assignment.name}</th>
              <td>{assignment.email ?? '–'}</td>
              <td>{formatDate(assignment.from, locale)}</td>
              <td>
                {assignment.lastUsedOn
                  ? formatDate(assignment.lastUsedOn, locale)
                  : t.itServicesAdmin.licences.pool.suggestions.neverUsed}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ReleasedTable({ released }: { released: readonly LicenceAssignment[] }) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.licences.pool.released;
  const captionId = useId();
  if (released.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  return (
    <TableScroll captionId={captionId} tall={released.length > 20}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.name}</th>
            <th scope="col">{m.columns.from}</th>
            <th scope="col">{m.columns.to}</th>
          </tr>
        </thead>
        <tbody>
          {released.map((assignment) => (
            <tr key={assignment.id}>
              <th scope="row">{assignment.name}</th>
              <td>{formatDate(assignment.from, locale)}</td>
              <td>{assignment.to ? formatDate(assignment.to, locale) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Pool({ pool }: { pool: LicencePoolDetail }) {
  const { t } = useI18n();
  const m = t.itServicesAdmin.licences;
  const upload = useUploadUsage(pool.id);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <p>
        <Link to={pathTo('itServicesLicences')}>{m.back}</Link>
      </p>
      <LiveStatus message={message} />
      <div className="stack">
        <Figures pool={pool} />
        <Suggestions pool={pool} onSaved={setMessage} />
        <Section title={m.pool.assignments.heading}>
          <AssignmentTable assignments={pool.assignments} />
          <AssignForm poolId={pool.id} onSaved={setMessage} />
        </Section>
        <Section title={m.pool.usage.heading}>
          <CsvUpload
            heading={m.pool.usage.uploadHeading}
            lead={m.pool.usage.lead}
            fileHelp={m.pool.usage.fileHelp}
            upload={upload}
            onUploaded={(result) => setMessage(m.pool.usage.uploaded(result.rows, result.updated))}
          />
        </Section>
        <Section title={m.pool.released.heading}>
          <ReleasedTable released={pool.released} />
        </Section>
      </div>
    </>
  );
}

/** `/it-tjanster/licenser/:poolId`: one licence pool, its holders, reuse suggestions and use. */
export function LicencePoolPage() {
  const { t } = useI18n();
  const { poolId = '' } = useParams();
  const user = useCurrentUser();
  const pool = useLicencePool(poolId, hasPermission(user, 'itServices.manage'));
  return (
    <ItServicesPage
      title={pool.data?.name ?? t.itServicesAdmin.licences.title}
      permission="itServices.manage"
    >
      {() => queryState(pool) ?? (pool.data && <Pool pool={pool.data} />)}
    </ItServicesPage>
  );
}
