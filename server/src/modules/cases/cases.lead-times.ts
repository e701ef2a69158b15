import { swedishDate } from '@karna/contracts';
import { type Kysely, sql } from 'kysely';
import { addWorkingDays, workingDaysBetween } from '../../platform/calendar/index.ts';
import type { Actor } from '../../platform/http/access.ts';
import { can } from '../identity/index.ts';
import { caseKindById } from './cases.kinds.ts';
import { casesDb } from './cases.tables.ts';

/** A case is at risk when its promised date is this close (in working days) and it is not decided. */
const AT_RISK_WORKING_DAYS = 3;

/** The last promised date that counts as at risk today. */
export function atRiskLimit(today: string): string {
  return addWorkingDays(today, AT_RISK_WORKING_DAYS);
}

function percentile(sorted: number[], share: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(share * sorted.length) - 1;
  return sorted[Math.min(Math.max(rank, 0), sorted.length - 1)] ?? null;
}

/**
 * Service promises (B7) per e-service in the reader's units: how many working days decisions took
 * (median, p90) for cases decided in the period, how many kept the promise, and the open cases that
 * are overdue or at risk today. The insights module reads the same figures through the API.
 */
export async function leadTimes(
  db: Kysely<unknown>,
  actor: Actor,
  units: Array<{ id: string; path: string }>,
  period: { from?: string | undefined; to?: string | undefined },
) {
  const unitIds = units.filter((unit) => can(actor, 'cases.read', unit.path)).map((unit) => unit.id);
  if (unitIds.length === 0) return { items: [] };
  const today = swedishDate();
  const to = period.to ?? today;
  const from = period.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  const decided = await casesDb(db)
    .selectFrom('cases')
    .select(['kind_id', 'submitted_at', 'decided_at', 'due_date'])
    .where('org_unit_id', 'in', unitIds)
    .where('decided_at', 'is not', null)
    .where(sql<boolean>`decided_at >= ${from}::date and decided_at < ${to}::date + 1`)
    .execute();
  const riskLimit = atRiskLimit(today);
  const open = await casesDb(db)
    .selectFrom('cases')
    .select((eb) => [
      'kind_id',
      eb.fn.countAll<number>().as('open'),
      eb.fn.count<number>(sql`case when due_date < ${today} then 1 end`).as('overdue'),
      eb.fn
        .count<number>(sql`case when due_date >= ${today} and due_date <= ${riskLimit} then 1 end`)
        .as('atRisk'),
    ])
    .where('org_unit_id', 'in', unitIds)
    .where('closed_at', 'is', null)
    .where('decided_at', 'is', null)
    .groupBy('kind_id')
    .execute();

  // Versions of one e-service are reported together, under the e-service's slug.
  const bySlug = new Map<
    string,
    { title: unknown; days: number[]; within: number; open: number; overdue: number; atRisk: number }
  >();
  const entry = async (kindId: string) => {
    const kind = await caseKindById(db, kindId);
    let found = bySlug.get(kind.serviceSlug);
    if (!found) {
      found = { title: kind.serviceTitle, days: [], within: 0, open: 0, overdue: 0, atRisk: 0 };
      bySlug.set(kind.serviceSlug, found);
    }
    return found;
  };
  for (const row of decided) {
    const target = await entry(row.kind_id);
    const decidedOn = swedishDate(row.decided_at as Date);
    target.days.push(workingDaysBetween(swedishDate(row.submitted_at), decidedOn));
    if (decidedOn <= row.due_date) target.within += 1;
  }
  for (const row of open) {
    const target = await entry(row.kind_id);
    target.open += Number(row.open);
    target.overdue += Number(row.overdue);
    target.atRisk += Number(row.atRisk);
  }
  return {
    items: [...bySlug.entries()]
      .map(([slug, figures]) => {
        const sorted = [...figures.days].sort((a, b) => a - b);
        return {
          serviceSlug: slug,
          serviceTitle: figures.title as { sv: string; en: string },
          decided: sorted.length,
          medianWorkingDays: percentile(sorted, 0.5),
          p90WorkingDays: percentile(sorted, 0.9),
          withinPromise: figures.within,
          open: figures.open,
          overdue: figures.overdue,
          atRisk: figures.atRisk,
        };
      })
      .sort((a, b) => a.serviceTitle.sv.localeCompare(b.serviceTitle.sv, 'sv')),
  };
}
