import type { CaseType, LocalizedText, ProcessDefinition } from '@karna/contracts';
import type { Kysely } from 'kysely';
import { type Completeness, casesDb } from './cases.tables.ts';

/**
 * A case kind: what the cases of one published e-service version need for their whole life — the
 * case type, the process, the promise and the responsible unit — kept as published. The services
 * module hands it over when it publishes a version; running cases keep theirs when a new version
 * comes (B2).
 */
export interface CaseKind {
  id: string;
  serviceSlug: string;
  serviceTitle: LocalizedText;
  version: number;
  orgUnitId: string;
  caseType: CaseType;
  process: ProcessDefinition;
  promiseWorkingDays: number;
  completeness: Completeness;
}

/** Records a kind once (publishing the same version again changes nothing). */
export async function ensureCaseKind(db: Kysely<unknown>, kind: CaseKind): Promise<void> {
  await casesDb(db)
    .insertInto('case_kinds')
    .values({
      id: kind.id,
      service_slug: kind.serviceSlug,
      service_title: JSON.stringify(kind.serviceTitle),
      version: kind.version,
      org_unit_id: kind.orgUnitId,
      case_type: JSON.stringify(kind.caseType),
      process: JSON.stringify(kind.process),
      promise_working_days: kind.promiseWorkingDays,
      completeness: JSON.stringify(kind.completeness),
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

/** Kinds never change once written, so each process keeps the ones it has read. */
const known = new Map<string, CaseKind>();

export async function caseKindById(db: Kysely<unknown>, id: string): Promise<CaseKind> {
  const cached = known.get(id);
  if (cached) return cached;
  const row = await casesDb(db)
    .selectFrom('case_kinds')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const kind: CaseKind = {
    id: row.id,
    serviceSlug: row.service_slug,
    serviceTitle: row.service_title,
    version: row.version,
    orgUnitId: row.org_unit_id,
    caseType: row.case_type,
    process: row.process,
    promiseWorkingDays: row.promise_working_days,
    completeness: row.completeness,
  };
  known.set(id, kind);
  return kind;
}

/**
 * Separation of duties: whether the person completed a task (by BPMN id) that the user task
 * `elementId` must be kept apart from (its definition's `separateFrom`), so a colleague must do it.
 */
export function mustBeDoneByAnother(
  kind: CaseKind,
  elementId: string,
  doneTasks: readonly { element_id: string; completed_by: string | null }[],
  userId: string | null,
): boolean {
  const separateFrom = kind.process.userTasks[elementId]?.separateFrom ?? [];
  return (
    userId !== null &&
    doneTasks.some((task) => task.completed_by === userId && separateFrom.includes(task.element_id))
  );
}
