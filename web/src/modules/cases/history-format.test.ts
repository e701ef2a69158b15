import type { CaseView } from '@karna/contracts';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../lib/i18n.tsx';
import { describeEvent } from './history-format.ts';

// The history's details arrive as the objects the server recorded; each type is told in words.

const view = {
  status: { code: 'decided', label: { sv: 'Beslutat', en: 'Decided' } },
  statusHistory: [{ code: 'received', label: { sv: 'Mottaget', en: 'Received' } }],
  outcomeTypes: [{ code: 'granted', label: { sv: 'Beviljas', en: 'Granted' } }],
  documents: [{ id: 'doc-1', fileName: 'ritning.pdf' }],
  process: {
    tasks: [{ elementId: 'assess', title: { sv: 'Bedöm ansökan', en: 'Assess the application' } }],
  },
} as unknown as CaseView;

const entry = (action: string, detail: Record<string, unknown> | null) => ({
  at: '2026-11-24T10:00:00.000Z',
  action,
  actor: 'Lina Forsberg',
  detail,
});

describe('describeEvent', () => {
  const sv = messagesFor('sv');

  it('names the step of a task, in the language asked for', () => {
    expect(describeEvent(entry('case.task_completed', { step: 'assess' }), view, sv, 'sv').detail).toBe(
      'Bedöm ansökan',
    );
    const en = messagesFor('en');
    expect(describeEvent(entry('case.task_completed', { step: 'assess' }), view, en, 'en').detail).toBe(
      'Assess the application',
    );
  });

  it('tells a status change by the statuses’ labels and a decision by its outcome', () => {
    const change = describeEvent(
      entry('case.status_changed', { from: 'received', to: 'decided' }),
      view,
      sv,
      'sv',
    );
    expect(change.detail).toContain('Mottaget');
    expect(change.detail).toContain('Beslutat');
    const decided = describeEvent(
      entry('case.decided', { outcome: 'granted', automatic: false }),
      view,
      sv,
      'sv',
    );
    expect(decided.detail).toBe('Beviljas');
  });

  it('names the document whose secrecy marking changed', () => {
    const marked = describeEvent(entry('case.document_marked_secret', { document: 'doc-1' }), view, sv, 'sv');
    expect(marked).toEqual({ action: 'En handling sekretessmarkerades', detail: 'ritning.pdf' });
  });

  it('shows nothing for an event without details', () => {
    expect(describeEvent(entry('case.registered', null), view, sv, 'sv').detail).toBeNull();
  });
});
