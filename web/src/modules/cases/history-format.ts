import type { CaseView } from '@karna/contracts';
import type { Language, Messages } from '../../lib/i18n.tsx';
import { localized } from './case-format.ts';

type HistoryEntry = CaseView['history'][number];

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

/**
 * An event of the case's history in words: what happened (by its code, `case.decided`) and, from
 * its details, the step, statuses, outcome or officer by name rather than by code. An event the
 * web app does not know is shown as the server recorded it.
 */
export function describeEvent(
  entry: HistoryEntry,
  view: CaseView,
  t: Messages,
  language: Language,
): { action: string; detail: string | null } {
  const m = t.cases.history;
  const action = m.actions[entry.action] ?? entry.action;
  const { detail } = entry;
  if (!detail) return { action, detail: null };

  const stepName = (elementId: unknown) => {
    const task = view.process.tasks.find((candidate) => candidate.elementId === elementId);
    return task ? localized(task.title, language) : text(elementId);
  };
  const statusLabel = (code: unknown) => {
    const status = [view.status, ...view.statusHistory].find((candidate) => candidate.code === code);
    return status ? localized(status.label, language) : text(code);
  };
  const outcomeLabel = (code: unknown) => {
    const outcome = view.outcomeTypes.find((candidate) => candidate.code === code);
    return outcome ? localized(outcome.label, language) : text(code);
  };

  switch (entry.action) {
    case 'case.task_opened':
    case 'case.task_completed':
      return { action, detail: stepName(detail.step) };
    case 'case.status_changed': {
      const from = statusLabel(detail.from);
      const to = statusLabel(detail.to);
      if (from && to) return { action, detail: m.statusChange(from, to) };
      return { action, detail: to ? m.statusNow(to) : null };
    }
    case 'case.assigned':
      return { action, detail: text(detail.assignee) ?? m.unassigned };
    case 'case.decided': {
      const outcome = outcomeLabel(detail.outcome);
      return {
        action,
        detail: outcome && detail.automatic === true ? `${outcome} (${m.automatic})` : outcome,
      };
    }
    case 'case.marked_secret': {
      const ground = text(detail.ground);
      return { action, detail: ground ? m.ground(ground) : null };
    }
    case 'case.document_marked_secret':
    case 'case.document_secrecy_lifted': {
      const document = view.documents.find((candidate) => candidate.id === detail.document);
      return { action, detail: document?.fileName ?? null };
    }
    case 'case.closed': {
      const reason = text(detail.reason);
      return { action, detail: reason ? m.reason(reason) : null };
    }
    default:
      // Automated steps and anything newer: their step's name, if they name one.
      return { action, detail: entry.action.startsWith('case.step.') ? null : stepName(detail.step) };
  }
}
