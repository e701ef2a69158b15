import type { CaseView } from '@karna/contracts';
import { useId, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { localized } from './case-format.ts';
import { DecisionForm } from './decision-form.tsx';
import { TaskForm } from './task-form.tsx';

/**
 * "Att göra": the open user tasks of the process, each with its form, the decision with the
 * decision form. Once one is done its form goes away: the section's heading takes focus and the
 * result is announced.
 */
export function TasksSection({ view }: { view: CaseView }) {
  const { t, language } = useI18n();
  const m = t.cases.tasks;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const open = view.process.tasks.filter((task) => task.status === 'open');

  const done = (text: string) => {
    setMessage(text);
    headingRef.current?.focus();
  };

  return (
    <section className="card card-primary" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {m.heading}
      </h2>
      <LiveStatus message={message} />
      {open.length === 0 && <EmptyState>{m.none}</EmptyState>}
      {open.length > 0 && !view.can.handle && <p className="notice">{m.handleFirst}</p>}
      <div className="stack-small">
        {open.map((task) => {
          const title = localized(task.title, language);
          return (
            <div key={task.id} className="task-card">
              <h3>{title}</h3>
              {task.assigneeName && <p className="muted">{m.assignedTo(task.assigneeName)}</p>}
              {view.can.handle && task.needsAnotherPerson && <p className="notice">{m.needsAnotherPerson}</p>}
              {view.can.handle &&
                !task.needsAnotherPerson &&
                (task.kind === 'decision' ? (
                  <DecisionForm view={view} onDecided={() => done(t.cases.decision.decided)} />
                ) : (
                  <TaskForm caseId={view.id} task={task} onCompleted={(name) => done(m.completed(name))} />
                ))}
            </div>
          );
        })}
      </div>
    </section>
  );
}
