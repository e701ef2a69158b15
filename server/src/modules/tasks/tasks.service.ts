import type { Permission, Task } from '@karna/contracts';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/http/access.ts';
import { can, findOrgUnits, identityDb } from '../identity/index.ts';
import type { TasksTables } from './tasks.tables.ts';

function tasksDb(db: Kysely<unknown>): Kysely<TasksTables> {
  return db.withTables<TasksTables>();
}

export interface NewTask {
  title: string;
  orgUnitId: string;
  assigneeId?: string | null;
  dueAt?: Date | null;
  source: { module: string; reference: string };
  /** Listed only to those who hold this permission in the unit (a secret case's task). */
  restrictedTo?: Permission | null;
}

/** Puts a task in a unit's queue (or a person's); called by modules in their own transaction. */
export async function createTask(db: Kysely<unknown>, task: NewTask): Promise<string> {
  const row = await tasksDb(db)
    .insertInto('tasks')
    .values({
      title: task.title,
      status: 'open',
      org_unit_id: task.orgUnitId,
      assignee_id: task.assigneeId ?? null,
      due_at: task.dueAt ?? null,
      source_module: task.source.module,
      source_reference: task.source.reference,
      restricted_to: task.restrictedTo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The staff member's task list: open tasks assigned to them, and unassigned tasks in every unit
 * where they may read tasks (their role's unit and everything below it), earliest due first. A
 * restricted task is listed only to those who hold its permission in its unit, even when it is
 * assigned to them.
 */
export async function findTasksForStaff(db: Kysely<unknown>, actor: Actor): Promise<Task[]> {
  if (actor.type !== 'staff') return [];
  const units = await findOrgUnits(identityDb(db));
  const unitsInScope = units.filter((unit) => can(actor, 'tasks.read', unit.path));
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  const unitPaths = new Map(units.map((unit) => [unit.id, unit.path]));
  const scopeIds = unitsInScope.map((unit) => unit.id);
  const rows = await tasksDb(db)
    .selectFrom('tasks')
    .selectAll()
    .where('status', '!=', 'done')
    .where((where) =>
      where.or([
        where('assignee_id', '=', actor.userId),
        ...(scopeIds.length > 0
          ? [where.and([where('assignee_id', 'is', null), where('org_unit_id', 'in', scopeIds)])]
          : []),
      ]),
    )
    .orderBy('due_at', (order) => order.asc().nullsLast())
    .orderBy('created_at')
    .limit(200)
    .execute();
  const visible = rows.filter(
    (row) => !row.restricted_to || can(actor, row.restricted_to, unitPaths.get(row.org_unit_id) ?? ''),
  );
  return visible.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    orgUnitId: row.org_unit_id,
    orgUnitName: unitNames.get(row.org_unit_id) ?? '',
    assigneeId: row.assignee_id,
    dueAt: row.due_at?.toISOString() ?? null,
    source: { module: row.source_module, reference: row.source_reference },
    createdAt: row.created_at.toISOString(),
  }));
}

/** Marks tasks done (the work they stood for is finished or no longer needed). */
export async function completeTasks(db: Kysely<unknown>, taskIds: string[]): Promise<void> {
  if (taskIds.length === 0) return;
  await tasksDb(db)
    .updateTable('tasks')
    .set({ status: 'done', completed_at: new Date(), updated_at: new Date() })
    .where('id', 'in', taskIds)
    .where('status', '!=', 'done')
    .execute();
}

/** Gives open tasks to a person, or back to their unit's queue (null). */
export async function assignTasks(
  db: Kysely<unknown>,
  taskIds: string[],
  assigneeId: string | null,
): Promise<void> {
  if (taskIds.length === 0) return;
  await tasksDb(db)
    .updateTable('tasks')
    .set({ assignee_id: assigneeId, updated_at: new Date() })
    .where('id', 'in', taskIds)
    .where('status', '!=', 'done')
    .execute();
}

/** Restricts open and done tasks to those who hold a permission in their unit, or lifts that (null). */
export async function restrictTasks(
  db: Kysely<unknown>,
  taskIds: string[],
  restrictedTo: Permission | null,
): Promise<void> {
  if (taskIds.length === 0) return;
  await tasksDb(db)
    .updateTable('tasks')
    .set({ restricted_to: restrictedTo, updated_at: new Date() })
    .where('id', 'in', taskIds)
    .execute();
}
