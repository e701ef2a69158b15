import { useI18n } from '../../../lib/i18n.tsx';

/**
 * Where the person is in the form: "Steg 2 av 4" and the steps' names, the current one marked
 * (`aria-current="step"`) and those behind it said to be done.
 */
export function StepProgress({ titles, current }: { titles: readonly string[]; current: number }) {
  const { t } = useI18n();
  const m = t.services.form;
  return (
    <div className="step-progress">
      <p className="step-count">{m.stepOf(current + 1, titles.length)}</p>
      <ol className="step-list" aria-label={m.stepsLabel}>
        {titles.map((title, index) => (
          <li
            // Steps have no ids of their own here; their order is fixed for the form.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
            key={index}
            className={index === current ? 'step step-current' : index < current ? 'step step-done' : 'step'}
            aria-current={index === current ? 'step' : undefined}
          >
            <span className="step-number" aria-hidden="true">
              {index < current ? '✓' : index + 1}
            </span>
            <span className="step-title">
              {title}
              {index < current && <span className="visually-hidden"> ({m.stepDone})</span>}
              {index === current && <span className="visually-hidden"> ({m.stepCurrent})</span>}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
