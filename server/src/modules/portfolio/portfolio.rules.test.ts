import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  answerProblems,
  answersForLevels,
  assessedTier,
  canMoveTo,
  classificationModel,
  levelsFromAnswers,
  maximumProtection,
  monthsBetween,
  requiredControls,
  timeVerdict,
} from './portfolio.rules.ts';

const ranks = fc.integer({ min: 0, max: 4 });

describe('the tier a criticality assessment gives', () => {
  it('follows the points rule, business impact counting double', () => {
    expect(assessedTier({ businessImpact: 4, reach: 4, transactionVolume: 4 })).toBe('gold');
    expect(assessedTier({ businessImpact: 4, reach: 3, transactionVolume: 3 })).toBe('gold');
    expect(assessedTier({ businessImpact: 3, reach: 3, transactionVolume: 2 })).toBe('silver');
    expect(assessedTier({ businessImpact: 2, reach: 2, transactionVolume: 2 })).toBe('bronze');
    expect(assessedTier({ businessImpact: 1, reach: 2, transactionVolume: 1 })).toBe('copper');
  });

  it('never rates a system the business cannot do without below silver, and never lowers a tier when an answer rises', () => {
    const order = ['copper', 'bronze', 'silver', 'gold'];
    const point = fc.integer({ min: 1, max: 4 });
    fc.assert(
      fc.property(point, point, point, (businessImpact, reach, transactionVolume) => {
        const tier = order.indexOf(assessedTier({ businessImpact, reach, transactionVolume }));
        if (businessImpact === 4) expect(tier).toBeGreaterThanOrEqual(2);
        if (reach < 4)
          expect(
            order.indexOf(assessedTier({ businessImpact, reach: reach + 1, transactionVolume })),
          ).toBeGreaterThanOrEqual(tier);
      }),
    );
  });
});

describe('TIME from functional and technical fit', () => {
  it('invests in what fits both ways and eliminates what fits neither', () => {
    expect(timeVerdict({ functionalFit: 4, technicalFit: 3 })).toBe('invest');
    expect(timeVerdict({ functionalFit: 3, technicalFit: 1 })).toBe('migrate');
    expect(timeVerdict({ functionalFit: 2, technicalFit: 4 })).toBe('tolerate');
    expect(timeVerdict({ functionalFit: 1, technicalFit: 2 })).toBe('eliminate');
  });
});

describe('the lifecycle', () => {
  it('moves forward one stage at a time, lets phasing out be called off, and ends at retired', () => {
    expect(canMoveTo('planned', 'introducing')).toBe(true);
    expect(canMoveTo('planned', 'operating')).toBe(false);
    expect(canMoveTo('operating', 'retired')).toBe(false);
    expect(canMoveTo('phasingOut', 'operating')).toBe(true);
    expect(canMoveTo('retired', 'operating')).toBe(false);
  });
});

describe('dates in months', () => {
  it('counts whole months and adds months clamped to the month end', () => {
    expect(monthsBetween('2026-05-24', '2026-11-24')).toBe(6);
    expect(monthsBetween('2026-05-25', '2026-11-24')).toBe(5);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-24', 24)).toBe('2028-11-24');
  });
});

describe('KLASSA classification', () => {
  it('keeps the level labels with their rank under the model version', () => {
    expect(classificationModel.name).toBe('KLASSA');
    expect(classificationModel.levels.map((level) => level.label)).toEqual([
      'Försumbar',
      'Måttlig',
      'Betydande',
      'Allvarlig',
      'Synnerligen allvarlig',
    ]);
  });

  it('gives each aspect the most serious consequence its answers name', () => {
    const answers = Object.fromEntries(classificationModel.questions.map((question) => [question.id, 0]));
    answers.personalData = 3; // sensitive personal data or data about children
    answers.outageTolerance = 2; // one working day
    const levels = levelsFromAnswers(answers);
    expect(levels.confidentiality).toEqual({ label: 'Allvarlig', rank: 3 });
    expect(levels.availability).toEqual({ label: 'Betydande', rank: 2 });
    expect(levels.integrity.rank).toBe(0);
    expect(answerProblems(answers)).toEqual([]);
  });

  it('names what is wrong with incomplete or unknown answers', () => {
    expect(answerProblems({ personalData: 9, madeUp: 1 })).toEqual(
      expect.arrayContaining([
        { question: 'madeUp', problem: 'unknown_question' },
        { question: 'personalData', problem: 'no_such_option' },
        { question: 'secrecy', problem: 'missing' },
      ]),
    );
  });

  it('finds answers that give any reachable levels, and a system inherits the highest of its information', () => {
    fc.assert(
      fc.property(ranks, ranks, ranks, ranks, (confidentiality, integrity, availability, traceability) => {
        const wanted = { confidentiality, integrity, availability, traceability };
        const levels = levelsFromAnswers(answersForLevels(wanted));
        for (const aspect of ['confidentiality', 'integrity', 'availability', 'traceability'] as const) {
          // Each aspect's answers reach the wanted rank, or the highest below it the questions offer.
          expect(levels[aspect].rank).toBeLessThanOrEqual(wanted[aspect]);
        }
        expect(levels.confidentiality.rank).toBe(confidentiality); // confidentiality offers every rank
      }),
    );
  });

  it('demands more controls for higher levels, never fewer', () => {
    const level = (rank: number) => ({ label: '', rank });
    const at = (rank: number) =>
      requiredControls({
        confidentiality: level(rank),
        integrity: level(rank),
        availability: level(rank),
        traceability: level(rank),
      }).map((control) => control.key);
    expect(at(0)).toEqual([]);
    for (let rank = 1; rank <= 4; rank++) expect(at(rank)).toEqual(expect.arrayContaining(at(rank - 1)));
    expect(at(2)).toContain('mfa');
    const protection = maximumProtection([
      { confidentiality: level(1), integrity: level(3), availability: level(0), traceability: level(2) },
      { confidentiality: level(3), integrity: level(1), availability: level(2), traceability: level(0) },
    ]);
    expect(protection && Object.values(protection).map((each) => each.rank)).toEqual([3, 3, 2, 2]);
    expect(maximumProtection([])).toBeNull();
  });
});
