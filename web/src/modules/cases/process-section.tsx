import type { CaseView } from '@karna/contracts';
import { lazy, type ReactNode, Suspense, useId, useMemo, useState } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { readStored, writeStored } from '../../lib/storage.ts';
import { Button } from '../../ui/button.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { readProcess, withLayout } from './bpmn-model.ts';
import { localized } from './case-format.ts';

// bpmn-js is large: its chunk is loaded only when someone opens the process map.
const BpmnDiagram = lazy(() =>
  import('./bpmn-diagram.tsx').then((module) => ({ default: module.BpmnDiagram })),
);

const DIAGRAM_SHOWN_KEY = 'karna.cases.processMap';

/**
 * The process: its state, the steps in order with the one under way and the officer's tasks done
 * (the text alternative of the map), and the BPMN map itself on request, remembered on the device.
 */
export function ProcessSection({ view }: { view: CaseView }) {
  const { t, language, locale } = useI18n();
  const m = t.cases.process;
  const headingId = useId();
  const stepsId = useId();
  const diagramId = useId();
  const [shown, setShown] = useState(() => readStored(DIAGRAM_SHOWN_KEY) === 'shown');
  const { process } = view;

  const model = useMemo(() => readProcess(process.bpmnXml), [process.bpmnXml]);
  const drawable = useMemo(
    () => (model ? withLayout(process.bpmnXml, model) : null),
    [model, process.bpmnXml],
  );
  const currentIds = process.activeElementIds;
  const doneTasks = useMemo(
    () => process.tasks.filter((task) => task.status === 'done' && !currentIds.includes(task.elementId)),
    [process.tasks, currentIds],
  );
  const doneIds = useMemo(() => doneTasks.map((task) => task.elementId), [doneTasks]);
  const steps = (model?.steps ?? []).filter((step) => step.kind !== 'gateway');

  const toggle = () => {
    setShown(!shown);
    writeStored(DIAGRAM_SHOWN_KEY, shown ? null : 'shown');
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.heading}</h2>
      <p>
        {m.state}: <strong>{m.states[process.state]}</strong>
      </p>
      {drawable && (
        <div className="button-row">
          <Button size="small" onPress={toggle} aria-expanded={shown} aria-controls={diagramId}>
            {shown ? m.hideDiagram : m.showDiagram}
          </Button>
        </div>
      )}
      <div id={diagramId}>
        {shown && drawable && (
          <Suspense fallback={<LoadingStatus label={m.loadingDiagram} />}>
            <BpmnDiagram xml={drawable} currentIds={currentIds} doneIds={doneIds} stepsId={stepsId} />
          </Suspense>
        )}
      </div>
      <h3 id={stepsId}>{m.stepsHeading}</h3>
      <ol className="process-steps">
        {steps.map((step) => {
          const task = process.tasks.find((candidate) => candidate.elementId === step.id);
          const name = task ? localized(task.title, language) : (step.name ?? m.unnamed);
          const isCurrent = currentIds.includes(step.id);
          const done = doneTasks.find((candidate) => candidate.elementId === step.id);
          let state: ReactNode = null;
          if (isCurrent) state = <span className="badge badge-current">{m.stepStates.current}</span>;
          else if (done)
            state = (
              <>
                <span className="badge badge-done">{m.stepStates.done}</span>
                {done.completedAt && (
                  <time dateTime={done.completedAt} className="process-step-time">
                    {formatDateTime(done.completedAt, locale)}
                  </time>
                )}
              </>
            );
          return (
            <li key={step.id} className={isCurrent ? 'process-step process-step-current' : 'process-step'}>
              <span className="process-step-name">{name}</span>
              <span className="process-step-kind">{m.stepKinds[step.kind]}</span>
              {state}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
