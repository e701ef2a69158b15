import type { Kysely } from 'kysely';
import { AppError } from '../../platform/http/errors.ts';
import { validateAgainst } from '../../platform/json-schema/index.ts';
import { completeTasks, restrictTasks } from '../tasks/index.ts';
import { casesError } from './cases.errors.ts';
import { caseKindById, mustBeDoneByAnother } from './cases.kinds.ts';
import {
  assignCase,
  type CaseActor,
  closeCase,
  decisionOutput,
  type LockedCase,
  recordDecision,
  recordEvent,
  runProcess,
  SECRET_CASE_PERMISSION,
} from './cases.run.ts';
import { casesDb } from './cases.tables.ts';

/**
 * Officers' commands on a case (C1–C4). Each runs inside the caller's transaction, after the
 * caller locked the case and checked the officer's access, and records its event; the route
 * records the audit entry in the same transaction.
 */

function refuseIfClosed(row: LockedCase): void {
  if (row.closed_at) throw casesError('case_closed');
}

export async function assign(
  trx: Kysely<unknown>,
  row: LockedCase,
  assignee: { id: string; name: string } | null,
  actor: CaseActor,
): Promise<void> {
  refuseIfClosed(row);
  await assignCase(trx, row, assignee?.id ?? null, assignee?.name ?? null, actor);
}

export async function addNote(
  trx: Kysely<unknown>,
  row: LockedCase,
  text: string,
  actor: Required<CaseActor>,
) {
  await casesDb(trx)
    .insertInto('case_notes')
    .values({ case_id: row.id, author_id: actor.id as string, author_name: actor.name as string, text })
    .execute();
  await recordEvent(trx, row.id, 'case.note_added', actor);
}

async function openTask(trx: Kysely<unknown>, row: LockedCase, taskId: string) {
  const task = await casesDb(trx)
    .selectFrom('case_user_tasks')
    .selectAll()
    .where('case_id', '=', row.id)
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!task) throw casesError('case_task_not_found');
  if (task.status === 'done') throw casesError('case_task_done');
  return task;
}

/** Refuses an officer who completed a task this one must be kept apart from (`mustBeDoneByAnother`). */
async function refuseSamePerson(
  trx: Kysely<unknown>,
  row: LockedCase,
  elementId: string,
  actor: CaseActor,
): Promise<void> {
  const kind = await caseKindById(trx, row.kind_id);
  const done = await casesDb(trx)
    .selectFrom('case_user_tasks')
    .select(['element_id', 'completed_by'])
    .where('case_id', '=', row.id)
    .where('status', '=', 'done')
    .execute();
  if (mustBeDoneByAnother(kind, elementId, done, actor.id)) throw casesError('task_needs_another_person');
}

async function finishTask(
  trx: Kysely<unknown>,
  row: LockedCase,
  task: { id: string; task_id: string; element_id: string },
  output: Record<string, unknown>,
  actor: CaseActor,
): Promise<void> {
  await casesDb(trx)
    .updateTable('case_user_tasks')
    .set({
      status: 'done',
      output: JSON.stringify(output),
      completed_at: new Date(),
      completed_by: actor.id,
      updated_at: new Date(),
    })
    .where('id', '=', task.id)
    .execute();
  await completeTasks(trx, [task.task_id]);
  await recordEvent(trx, row.id, 'case.task_completed', actor, { step: task.element_id });
  await runProcess(trx, row, { kind: 'signal', elementId: task.element_id, output }, actor);
}

/** Completes an officer's user task with its form (checked against the task form's schema). */
export async function completeTask(
  trx: Kysely<unknown>,
  row: LockedCase,
  taskId: string,
  data: Record<string, unknown>,
  actor: CaseActor,
): Promise<void> {
  refuseIfClosed(row);
  const task = await openTask(trx, row, taskId);
  const kind = await caseKindById(trx, row.kind_id);
  const definition = kind.process.userTasks[task.element_id];
  if (task.kind === 'decision') throw casesError('case_not_awaiting_decision');
  if (definition?.form) {
    const fieldErrors = validateAgainst(definition.form.schema, data, 'body.data');
    if (fieldErrors.length > 0) throw new AppError('validation_failed', { fieldErrors });
  }
  await refuseSamePerson(trx, row, task.element_id, actor);
  await finishTask(trx, row, task, data, actor);
}

/**
 * Decides the case (C3) at its open decision task: the decision and its PDF, then the process
 * moves on with the outcome (`{ outcome, <outcome>: true }` for its gateways).
 */
export async function decide(
  trx: Kysely<unknown>,
  row: LockedCase,
  decision: { outcome: string; justification: string; appealInformation?: string | undefined },
  actor: CaseActor,
): Promise<void> {
  refuseIfClosed(row);
  const task = await casesDb(trx)
    .selectFrom('case_user_tasks')
    .selectAll()
    .where('case_id', '=', row.id)
    .where('kind', '=', 'decision')
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (!task) throw casesError('case_not_awaiting_decision');
  const kind = await caseKindById(trx, row.kind_id);
  if (!kind.caseType.outcomeTypes.some((type) => type.code === decision.outcome)) {
    throw casesError('unknown_outcome');
  }
  await refuseSamePerson(trx, row, task.element_id, actor);
  await recordDecision(
    trx,
    row,
    kind,
    {
      outcome: decision.outcome,
      justification: decision.justification,
      appealInformation: decision.appealInformation ?? kind.caseType.appealInformation.sv,
      automatic: false,
    },
    actor,
  );
  await finishTask(trx, row, task, decisionOutput(decision.outcome), actor);
}

/** Marks the case (and its documents) secret or open (C4, OSL), with the ground. */
export async function setSecrecy(
  trx: Kysely<unknown>,
  row: LockedCase,
  secrecy: { secret: boolean; ground?: string | undefined },
  actor: CaseActor,
): Promise<void> {
  await casesDb(trx)
    .updateTable('cases')
    .set({
      secret: secrecy.secret,
      secrecy_ground: secrecy.secret ? (secrecy.ground ?? null) : null,
      updated_at: new Date(),
    })
    .where('id', '=', row.id)
    .execute();
  await casesDb(trx)
    .updateTable('case_documents')
    .set({ secret: secrecy.secret, updated_at: new Date() })
    .where('case_id', '=', row.id)
    .execute();
  row.secret = secrecy.secret;
  // The case's tasks are listed only to those who may read it.
  const tasks = await casesDb(trx)
    .selectFrom('case_user_tasks')
    .select('task_id')
    .where('case_id', '=', row.id)
    .execute();
  await restrictTasks(
    trx,
    tasks.map((task) => task.task_id),
    secrecy.secret ? SECRET_CASE_PERMISSION : null,
  );
  await recordEvent(trx, row.id, secrecy.secret ? 'case.marked_secret' : 'case.secrecy_lifted', actor, {
    ground: secrecy.ground ?? null,
  });
}

export async function close(trx: Kysely<unknown>, row: LockedCase, reason: string | null, actor: CaseActor) {
  refuseIfClosed(row);
  const kind = await caseKindById(trx, row.kind_id);
  await closeCase(trx, row, kind, actor, reason);
}

/** Marks one document secret or open (C4), e.g. a medical certificate in an otherwise open case. */
export async function setDocumentSecrecy(
  trx: Kysely<unknown>,
  row: LockedCase,
  documentId: string,
  secret: boolean,
  actor: CaseActor,
): Promise<void> {
  const changed = await casesDb(trx)
    .updateTable('case_documents')
    .set({ secret, updated_at: new Date() })
    .where('case_id', '=', row.id)
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) throw casesError('case_document_not_found');
  await recordEvent(
    trx,
    row.id,
    secret ? 'case.document_marked_secret' : 'case.document_secrecy_lifted',
    actor,
    {
      document: documentId,
    },
  );
}
