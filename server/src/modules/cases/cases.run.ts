import type { AutoDecisionRule, CaseType, StatusType } from '@karna/contracts';
import type { Kysely } from 'kysely';
import { enqueueMail } from '../../platform/mail/index.ts';
import { assignTasks, completeTasks, createTask } from '../tasks/index.ts';
import { renderDecisionDocument } from './cases.documents.ts';
import { type CaseKind, caseKindById } from './cases.kinds.ts';
import { type AutomatedStep, moveProcess, type ProcessEffects, type ProcessMove } from './cases.process.ts';
import { casesDb } from './cases.tables.ts';

/**
 * What happens to a case as its process runs, inside the caller's transaction: statuses, user
 * tasks for officers, the automated steps, decisions, closing. Officers' commands and the job that
 * starts a process both come through here, so every path records the same events.
 */

/** Who did something to a case: an officer, or the platform itself (an automated step). */
export interface CaseActor {
  id: string | null;
  name: string | null;
}
export const PLATFORM_ACTOR: CaseActor = { id: null, name: null };

/** What reading a secret case takes; its tasks are listed only to those who hold it. */
export const SECRET_CASE_PERMISSION = 'cases.readSecret' as const;

export async function lockCase(trx: Kysely<unknown>, caseId: string) {
  return casesDb(trx).selectFrom('cases').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirst();
}
export type LockedCase = NonNullable<Awaited<ReturnType<typeof lockCase>>>;

export async function recordEvent(
  trx: Kysely<unknown>,
  caseId: string,
  type: string,
  actor: CaseActor,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  await casesDb(trx)
    .insertInto('case_events')
    .values({
      case_id: caseId,
      type,
      actor_id: actor.id,
      actor_name: actor.name,
      detail: detail ? JSON.stringify(detail) : null,
    })
    .execute();
}

function statusType(caseType: CaseType, code: string): StatusType {
  const found = caseType.statusTypes.find((type) => type.code === code);
  if (!found) throw new Error(`status ${code} is not in the case type`);
  return found;
}

/** The case type's first status type for a shared status (e.g. its word for "decided"). */
function firstStatusFor(caseType: CaseType, shared: StatusType['shared']): StatusType | undefined {
  return caseType.statusTypes.find((type) => type.shared === shared);
}

/** The cases (as locked by one command or job) whose applicant has been mailed already. */
const notified = new WeakSet<LockedCase>();

/**
 * The mail a citizen gets when something happens in their case (D1): no personal data, not even
 * the registration number — only that there is news and where to read it after logging in.
 */
export async function notifyApplicant(trx: Kysely<unknown>, row: LockedCase): Promise<boolean> {
  const to = row.notify_email;
  if (!to) return false;
  // One mail per command: a decision that also changes the status and runs a notify step is news once.
  if (notified.has(row)) return true;
  notified.add(row);
  await enqueueMail(trx, {
    to,
    subject: 'Nytt i ditt ärende hos Mölnåls stad / News in your case',
    text: [
      'Hej!',
      '',
      'Det har hänt något i ett av dina ärenden hos Mölnåls stad.',
      row.channel === 'anonymous'
        ? 'Öppna länken för att följa ärendet som du fick när du skickade in det.'
        : 'Logga in på Mina sidor för att läsa mer.',
      '',
      'There is news in one of your cases with the City of Mölnål.',
      row.channel === 'anonymous'
        ? 'Open the tracking link you were given when you submitted it.'
        : 'Log in to Mina sidor (My pages) to read more.',
      '',
      'Det här mejlet går inte att svara på. / This e-mail cannot be replied to.',
    ].join('\n'),
  });
  return true;
}

/** Gives the case a status of its type, records it, and tells the citizen when it changed. */
export async function setStatus(
  trx: Kysely<unknown>,
  row: LockedCase,
  kind: CaseKind,
  code: string,
  actor: CaseActor,
): Promise<void> {
  if (row.status_code === code) return;
  const type = statusType(kind.caseType, code);
  const now = new Date();
  const closing = type.shared === 'closed';
  await casesDb(trx)
    .updateTable('cases')
    .set({
      status_code: code,
      shared_status: type.shared,
      updated_at: now,
      ...(closing && !row.closed_at ? { closed_at: now } : {}),
    })
    .where('id', '=', row.id)
    .execute();
  await casesDb(trx)
    .insertInto('case_status_changes')
    .values({ case_id: row.id, status_code: code, shared_status: type.shared, at: now })
    .execute();
  await recordEvent(trx, row.id, 'case.status_changed', actor, { from: row.status_code, to: code });
  const sharedChanged = row.shared_status !== type.shared;
  row.status_code = code;
  row.shared_status = type.shared;
  if (closing && !row.closed_at) row.closed_at = now;
  // The citizen hears of steps they would notice (the shared status), not of every internal one.
  if (sharedChanged) await notifyApplicant(trx, row);
}

/**
 * Records a decision (C3): outcome, justification and appeal information, with the decision as a
 * PDF/A document the applicant sees on Mina sidor; the case takes its type's "decided" status.
 */
export async function recordDecision(
  trx: Kysely<unknown>,
  row: LockedCase,
  kind: CaseKind,
  decision: { outcome: string; justification: string; appealInformation: string; automatic: boolean },
  actor: CaseActor,
): Promise<void> {
  const outcome = kind.caseType.outcomeTypes.find((type) => type.code === decision.outcome);
  if (!outcome) throw new Error(`outcome ${decision.outcome} is not in the case type`);
  const decidedAt = new Date();
  const pdf = await renderDecisionDocument({
    registrationNumber: row.registration_number,
    serviceTitle: kind.serviceTitle,
    outcome: outcome.label,
    justification: decision.justification,
    appealInformation: decision.appealInformation,
    decidedAt,
    decidedBy: decision.automatic ? null : actor.name,
  });
  const document = await casesDb(trx)
    .insertInto('case_documents')
    .values({
      case_id: row.id,
      kind: 'decision',
      field: null,
      file_name: `beslut-${row.registration_number.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`,
      media_type: 'application/pdf',
      size: pdf.bytes.length,
      sha256: pdf.sha256,
      content: pdf.bytes,
      secret: row.secret,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await casesDb(trx)
    .insertInto('case_decisions')
    .values({
      case_id: row.id,
      outcome: decision.outcome,
      justification: decision.justification,
      appeal_information: decision.appealInformation,
      decided_at: decidedAt,
      decided_by_id: actor.id,
      decided_by_name: actor.name,
      automatic: decision.automatic,
      document_id: document.id,
    })
    .execute();
  await casesDb(trx).updateTable('cases').set({ decided_at: decidedAt }).where('id', '=', row.id).execute();
  row.decided_at = decidedAt;
  await recordEvent(trx, row.id, 'case.decided', actor, {
    outcome: decision.outcome,
    automatic: decision.automatic,
  });
  const decided = firstStatusFor(kind.caseType, 'decided');
  if (decided) await setStatus(trx, row, kind, decided.code, actor);
  else await notifyApplicant(trx, row);
}

/** Closes the case: its closed status, its open user tasks withdrawn, its process ended. */
export async function closeCase(
  trx: Kysely<unknown>,
  row: LockedCase,
  kind: CaseKind,
  actor: CaseActor,
  reason: string | null,
): Promise<void> {
  const open = await casesDb(trx)
    .selectFrom('case_user_tasks')
    .select(['id', 'task_id'])
    .where('case_id', '=', row.id)
    .where('status', '=', 'open')
    .execute();
  if (open.length > 0) {
    await casesDb(trx)
      .updateTable('case_user_tasks')
      .set({ status: 'done', completed_at: new Date(), updated_at: new Date() })
      .where('case_id', '=', row.id)
      .where('status', '=', 'open')
      .execute();
    await completeTasks(
      trx,
      open.map((task) => task.task_id),
    );
  }
  const now = new Date();
  await casesDb(trx)
    .updateTable('cases')
    .set({
      closed_at: row.closed_at ?? now,
      process_status: 'completed',
      process_state: null,
      active_elements: [],
      updated_at: now,
    })
    .where('id', '=', row.id)
    .execute();
  await recordEvent(trx, row.id, 'case.closed', actor, reason ? { reason } : null);
  const closed = firstStatusFor(kind.caseType, 'closed');
  if (closed) await setStatus(trx, row, kind, closed.code, actor);
  row.closed_at = row.closed_at ?? now;
}

function ruleHolds(rule: AutoDecisionRule, data: Record<string, unknown>): boolean {
  const value = data[rule.when.field];
  switch (rule.when.op) {
    case 'exists':
      return (
        value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)
      );
    case 'equals':
      return value === rule.when.value;
    case 'notEquals':
      return value !== rule.when.value;
    case 'in':
      return Array.isArray(rule.when.value) && rule.when.value.includes(value as string);
  }
}

/** The output a decision gives the process: its outcome, and `<outcome>: true` for gateway conditions. */
export function decisionOutput(outcome: string): Record<string, unknown> {
  return { outcome, [outcome]: true };
}

/** The effects of one run of a case's process, in the caller's transaction. */
class CaseProcessEffects implements ProcessEffects {
  readonly #trx: Kysely<unknown>;
  readonly #row: LockedCase;
  readonly #kind: CaseKind;
  readonly #actor: CaseActor;

  constructor(trx: Kysely<unknown>, row: LockedCase, kind: CaseKind, actor: CaseActor) {
    this.#trx = trx;
    this.#row = row;
    this.#kind = kind;
    this.#actor = actor;
  }

  async entered(elementId: string): Promise<void> {
    const code = this.#kind.process.statusOnEnter[elementId];
    if (code && !this.#row.closed_at) await setStatus(this.#trx, this.#row, this.#kind, code, this.#actor);
  }

  async userTaskWaiting(elementId: string): Promise<void> {
    const definition = this.#kind.process.userTasks[elementId];
    if (!definition) throw new Error(`user task ${elementId} has no definition`);
    const taskId = await createTask(this.#trx, {
      title: `${definition.title.sv} – ${this.#row.registration_number}`,
      orgUnitId: this.#row.org_unit_id,
      assigneeId: this.#row.assignee_id,
      dueAt: new Date(`${this.#row.due_date}T16:00:00Z`),
      source: { module: 'cases', reference: this.#row.id },
      restrictedTo: this.#row.secret ? SECRET_CASE_PERMISSION : null,
    });
    await casesDb(this.#trx)
      .insertInto('case_user_tasks')
      .values({
        case_id: this.#row.id,
        element_id: elementId,
        kind: definition.kind,
        status: 'open',
        task_id: taskId,
        output: null,
      })
      .execute();
    await recordEvent(this.#trx, this.#row.id, 'case.task_opened', PLATFORM_ACTOR, { step: elementId });
  }

  async runStep(step: AutomatedStep, elementId: string): Promise<Record<string, unknown>> {
    const output = await this.#run(step);
    await recordEvent(this.#trx, this.#row.id, `case.step.${step}`, PLATFORM_ACTOR, {
      step: elementId,
      ...output,
    });
    return output;
  }

  async #run(step: AutomatedStep): Promise<Record<string, unknown>> {
    switch (step) {
      case 'completenessCheck':
        return this.#completeness();
      case 'autoDecide':
        return this.#autoDecide();
      case 'notifyApplicant':
        return { notified: await notifyApplicant(this.#trx, this.#row) };
      case 'closeCase':
        await closeCase(this.#trx, this.#row, this.#kind, PLATFORM_ACTOR, null);
        return { closed: true };
    }
  }

  /** Every required field answered and every required attachment field holding files that exist. */
  async #completeness(): Promise<Record<string, unknown>> {
    const data = this.#row.data as Record<string, unknown>;
    const required = this.#kind.completeness.required;
    const documents = await casesDb(this.#trx)
      .selectFrom('case_documents')
      .select(['id', 'field'])
      .where('case_id', '=', this.#row.id)
      .where('kind', '=', 'attachment')
      .execute();
    const missing = required.filter((field) => {
      const value = data[field];
      if (value === undefined || value === null || value === '') return true;
      if (Array.isArray(value)) return value.length === 0;
      return false;
    });
    for (const field of this.#kind.completeness.attachmentFields) {
      const listed = data[field];
      if (
        Array.isArray(listed) &&
        listed.length > documents.filter((document) => document.field === field).length
      ) {
        missing.push(field);
      }
    }
    return { complete: missing.length === 0, missing };
  }

  async #autoDecide(): Promise<Record<string, unknown>> {
    const data = this.#row.data as Record<string, unknown>;
    const rule = (this.#kind.process.autoDecision ?? []).find((candidate) => ruleHolds(candidate, data));
    if (!rule) return { decided: false };
    await recordDecision(
      this.#trx,
      this.#row,
      this.#kind,
      {
        outcome: rule.outcome,
        justification: rule.justification.sv,
        appealInformation: this.#kind.caseType.appealInformation.sv,
        automatic: true,
      },
      PLATFORM_ACTOR,
    );
    return { decided: true, ...decisionOutput(rule.outcome) };
  }
}

/**
 * Moves the case's process (start it, or signal a user task) and keeps what it became. The
 * process ending closes the case.
 */
export async function runProcess(
  trx: Kysely<unknown>,
  row: LockedCase,
  move: ProcessMove,
  actor: CaseActor = PLATFORM_ACTOR,
): Promise<void> {
  const kind = await caseKindById(trx, row.kind_id);
  const effects = new CaseProcessEffects(trx, row, kind, actor);
  const outcome = await moveProcess(
    row.registration_number,
    kind.process.bpmnXml,
    row.process_state,
    move,
    effects,
  );
  await casesDb(trx)
    .updateTable('cases')
    .set({
      process_status: outcome.ended ? 'completed' : 'running',
      process_state: outcome.ended ? null : JSON.stringify(outcome.state),
      active_elements: outcome.waiting,
      updated_at: new Date(),
    })
    .where('id', '=', row.id)
    .execute();
  if (outcome.ended && !row.closed_at) await closeCase(trx, row, kind, PLATFORM_ACTOR, null);
}

/** Gives the case and its open tasks to an officer (or back to the unit's queue). */
export async function assignCase(
  trx: Kysely<unknown>,
  row: LockedCase,
  assigneeId: string | null,
  assigneeName: string | null,
  actor: CaseActor,
): Promise<void> {
  await casesDb(trx)
    .updateTable('cases')
    .set({ assignee_id: assigneeId, updated_at: new Date() })
    .where('id', '=', row.id)
    .execute();
  const open = await casesDb(trx)
    .selectFrom('case_user_tasks')
    .select('task_id')
    .where('case_id', '=', row.id)
    .where('status', '=', 'open')
    .execute();
  await assignTasks(
    trx,
    open.map((task) => task.task_id),
    assigneeId,
  );
  await recordEvent(trx, row.id, 'case.assigned', actor, { assignee: assigneeName });
  row.assignee_id = assigneeId;
}
