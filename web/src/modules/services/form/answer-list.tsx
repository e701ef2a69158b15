import type { FormData, FormStep } from '@karna/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { isFieldVisible } from './form-model.ts';
import { type AnswerContext, formatAnswer } from './format-values.ts';

interface AnswerListProps {
  context: AnswerContext;
  data: FormData;
  /** The heading level of each step's title (the review page's h3, Mina sidor's h3). */
  headingLevel?: 'h3' | 'h4';
  /** Something beside each step's heading (the review page's "Ändra" button). */
  stepAction?: (step: FormStep, index: number) => ReactNode;
}

/**
 * The answers of a form, step by step: each shown field's question and answer. The review page
 * lists them before submitting; Mina sidor shows what was submitted.
 */
export function AnswerList({ context, data, headingLevel = 'h3', stepAction }: AnswerListProps) {
  const { language } = useI18n();
  const Heading = headingLevel;
  return (
    <div className="answer-steps">
      {context.form.steps.map((step, index) => {
        const fields = step.fields.filter((field) => isFieldVisible(field, data));
        if (fields.length === 0) return null;
        return (
          <section key={step.id} className="answer-step" aria-labelledby={`answers-${step.id}`}>
            <div className="answer-step-header">
              <Heading id={`answers-${step.id}`}>{step.title[language]}</Heading>
              {stepAction?.(step, index)}
            </div>
            <dl className="details answer-list">
              {fields.map((field) => (
                <div key={field.name}>
                  <dt>{field.label[language]}</dt>
                  <dd>
                    {formatAnswer(field, data[field.name], context).map((line, lineIndex) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: lines of one answer, never reordered
                      <span key={lineIndex} className="answer-line">
                        {line}
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
