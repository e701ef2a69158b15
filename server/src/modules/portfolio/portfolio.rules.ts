import { readFileSync } from 'node:fs';
import {
  type ClassificationAspect,
  type ClassificationLevels,
  ClassificationModel,
  type CriticalityAssessment,
  type FitAssessment,
  type LifecycleStage,
  supportKindPolicy,
  type TierCode,
  type TimeVerdict,
} from '@karna/contracts';

/**
 * The portfolio's rules that need no database: the tier a criticality assessment gives, the TIME
 * verdict, which lifecycle moves are allowed, and the KLASSA model that turns a questionnaire's
 * answers into levels and levels into required controls. Pure functions, unit-tested.
 */

/**
 * The tier a criticality assessment gives (M3). Business impact counts double: a system the
 * municipality cannot do without for a day is gold or silver however few use it.
 */
export function assessedTier({ businessImpact, reach, transactionVolume }: CriticalityAssessment): TierCode {
  const points = businessImpact * 2 + reach + transactionVolume;
  if (points >= 14) return 'gold';
  if (points >= 11 || businessImpact === 4) return 'silver';
  if (points >= 8) return 'bronze';
  return 'copper';
}

/** Gartner's TIME from functional and technical fit (1–4 each; 3 and 4 count as fit). */
export function timeVerdict({ functionalFit, technicalFit }: FitAssessment): TimeVerdict {
  const functional = functionalFit >= 3;
  const technical = technicalFit >= 3;
  if (functional && technical) return 'invest';
  if (functional) return 'migrate';
  if (technical) return 'tolerate';
  return 'eliminate';
}

/** Where each stage may go next. A retired system stays retired; phasing out can be called off. */
const nextStages: Record<LifecycleStage, readonly LifecycleStage[]> = {
  planned: ['introducing', 'retired'],
  introducing: ['operating', 'retired'],
  operating: ['phasingOut'],
  phasingOut: ['operating', 'retired'],
  retired: [],
};
export function canMoveTo(from: LifecycleStage, to: LifecycleStage): boolean {
  return nextStages[from].includes(to);
}

export function stagesAfter(from: LifecycleStage): readonly LifecycleStage[] {
  return nextStages[from];
}

/** Stages in which a system is in use and must have exactly one system owner (M2, M7). */
export const ACTIVE_STAGES: readonly LifecycleStage[] = ['introducing', 'operating', 'phasingOut'];

/** An innovative system is a trial: STH gives it six months before it becomes something else or ends. */
export const INNOVATION_MONTHS = supportKindPolicy.innovative.maxMonths ?? 6;

/** Whole months from `from` to `to` (both `YYYY-MM-DD`). */
export function monthsBetween(from: string, to: string): number {
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7));
  return to.slice(8) < from.slice(8) ? months - 1 : months;
}

/** `date` plus (or minus) whole days, as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** `date` plus whole months, clamped to the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8));
  const target = new Date(Date.UTC(year, month, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// KLASSA

export const classificationModel: ClassificationModel = ClassificationModel.parse(
  JSON.parse(readFileSync(new URL('./klassa-model.json', import.meta.url), 'utf8')),
);

export const ASPECTS: readonly ClassificationAspect[] = [
  'confidentiality',
  'integrity',
  'availability',
  'traceability',
];

export type AnswerProblem = { question: string; problem: 'missing' | 'unknown_question' | 'no_such_option' };

/** What is wrong with a questionnaire's answers: every question answered, with one of its options. */
export function answerProblems(answers: Record<string, number>): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const known = new Set(classificationModel.questions.map((question) => question.id));
  for (const id of Object.keys(answers))
    if (!known.has(id)) problems.push({ question: id, problem: 'unknown_question' });
  for (const question of classificationModel.questions) {
    const answer = answers[question.id];
    if (answer === undefined) problems.push({ question: question.id, problem: 'missing' });
    else if (answer >= question.options.length)
      problems.push({ question: question.id, problem: 'no_such_option' });
  }
  return problems;
}

function levelOf(rank: number): { label: string; rank: number } {
  const level = classificationModel.levels.find((candidate) => candidate.rank === rank);
  if (!level) throw new Error(`the classification model has no level of rank ${rank}`);
  return { label: level.label, rank };
}

/** Each aspect's level: the most serious consequence any of its questions' answers names. */
export function levelsFromAnswers(answers: Record<string, number>): ClassificationLevels {
  const ranks: Record<ClassificationAspect, number> = {
    confidentiality: 0,
    integrity: 0,
    availability: 0,
    traceability: 0,
  };
  for (const question of classificationModel.questions) {
    const option = question.options[answers[question.id] ?? -1];
    if (option) ranks[question.aspect] = Math.max(ranks[question.aspect], option.rank);
  }
  return {
    confidentiality: levelOf(ranks.confidentiality),
    integrity: levelOf(ranks.integrity),
    availability: levelOf(ranks.availability),
    traceability: levelOf(ranks.traceability),
  };
}

/**
 * Answers that give the wanted rank per aspect: for each question the most serious option not above
 * the aspect's rank (the demo data states levels; the questionnaire's answers are kept beside them).
 */
export function answersForLevels(ranks: Record<ClassificationAspect, number>): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const question of classificationModel.questions) {
    let chosen = 0;
    question.options.forEach((option, index) => {
      const current = question.options[chosen];
      if (option.rank <= ranks[question.aspect] && current && option.rank >= current.rank) chosen = index;
    });
    answers[question.id] = chosen;
  }
  return answers;
}

/** The highest level per aspect over several classifications (a system inherits from its information). */
export function maximumProtection(levels: readonly ClassificationLevels[]): ClassificationLevels | null {
  if (levels.length === 0) return null;
  const highest = (aspect: ClassificationAspect) =>
    levels.map((each) => each[aspect]).reduce((best, level) => (level.rank > best.rank ? level : best));
  return {
    confidentiality: highest('confidentiality'),
    integrity: highest('integrity'),
    availability: highest('availability'),
    traceability: highest('traceability'),
  };
}

/** The controls the levels demand (Q3), in the model's order. */
export function requiredControls(levels: ClassificationLevels | null): ClassificationModel['controls'] {
  if (!levels) return [];
  return classificationModel.controls.filter((control) => levels[control.aspect].rank >= control.fromRank);
}
