import type { SuitabilityAnswer, SuitabilityResult } from '../../../shared/enums.js';

/** A criterion of a framework version. */
export interface Criterion {
  id: string;
  position: number;
  questionNl: string;
  questionEn: string;
  weight: number;
  knockOut: boolean;
}

export interface Thresholds {
  /** At or above this percentage (and no knock-out in doubt): suitable. */
  suitable: number;
  /** Below this percentage: not suitable; between the two: suitable with conditions. */
  conditional: number;
}

export interface Reason {
  code: 'knock_out' | 'knock_out_in_doubt' | 'score_below_conditional' | 'score_between_thresholds' | 'score_suitable' | 'weak_point';
  nl: string;
  en: string;
  criterionId: string | null;
}

export interface Evaluation {
  result: SuitabilityResult;
  /** In half points: "yes" earns twice the weight, "partly" the weight, "no" nothing. */
  halfPoints: number;
  maxHalfPoints: number;
  percentage: number;
  reasons: Reason[];
}

/**
 * Scores a filled-in framework. Rules (in this order):
 * 1. a knock-out criterion answered "no" makes the result `not_suitable`, whatever the score;
 * 2. below the conditional threshold: `not_suitable`;
 * 3. at or above the suitable threshold and no knock-out answered "partly": `suitable`;
 * 4. otherwise `suitable_with_conditions`.
 * "Yes" earns the criterion's weight, "partly" half of it, "no" nothing; the percentage is of the
 * total weight, rounded down. Every "no" or "partly" is listed as a reason the result rests on.
 */
export function evaluate(criteria: Criterion[], answers: Map<string, SuitabilityAnswer>, t: Thresholds): Evaluation {
  const reasons: Reason[] = [];
  let half = 0;
  let max = 0;
  for (const c of [...criteria].sort((a, b) => a.position - b.position)) {
    const a = answers.get(c.id);
    max += 2 * c.weight;
    if (a === 'yes') half += 2 * c.weight;
    if (a === 'partly') half += c.weight;
    if (c.knockOut && a === 'no') {
      reasons.push({ code: 'knock_out', nl: `Uitsluitend criterium niet gehaald: “${c.questionNl}”.`, en: `Knock-out criterion not met: “${c.questionEn}”.`, criterionId: c.id });
    } else if (c.knockOut && a === 'partly') {
      reasons.push({
        code: 'knock_out_in_doubt',
        nl: `Uitsluitend criterium deels gehaald — voorwaarde: “${c.questionNl}”.`,
        en: `Knock-out criterion partly met — condition: “${c.questionEn}”.`,
        criterionId: c.id,
      });
    } else if (a === 'no' || a === 'partly') {
      const word = a === 'no' ? { nl: 'nee', en: 'no' } : { nl: 'deels', en: 'partly' };
      reasons.push({ code: 'weak_point', nl: `Aandachtspunt (${word.nl}): “${c.questionNl}”.`, en: `Point of attention (${word.en}): “${c.questionEn}”.`, criterionId: c.id });
    }
  }
  const percentage = max === 0 ? 0 : Math.floor((100 * half) / max);
  const knockedOut = reasons.some((r) => r.code === 'knock_out');
  const inDoubt = reasons.some((r) => r.code === 'knock_out_in_doubt');
  let result: SuitabilityResult;
  if (knockedOut) result = 'not_suitable';
  else if (percentage < t.conditional) {
    result = 'not_suitable';
    reasons.unshift({
      code: 'score_below_conditional',
      nl: `Score ${percentage}% ligt onder de ondergrens van ${t.conditional}%.`,
      en: `Score ${percentage}% is below the lower threshold of ${t.conditional}%.`,
      criterionId: null,
    });
  } else if (percentage >= t.suitable && !inDoubt) {
    result = 'suitable';
    reasons.unshift({
      code: 'score_suitable',
      nl: `Score ${percentage}% haalt de drempel van ${t.suitable}% en geen uitsluitend criterium is in twijfel.`,
      en: `Score ${percentage}% meets the threshold of ${t.suitable}% and no knock-out criterion is in doubt.`,
      criterionId: null,
    });
  } else {
    result = 'suitable_with_conditions';
    if (percentage < t.suitable) {
      reasons.unshift({
        code: 'score_between_thresholds',
        nl: `Score ${percentage}% ligt tussen de ondergrens (${t.conditional}%) en de drempel (${t.suitable}%): geschikt onder voorwaarden.`,
        en: `Score ${percentage}% lies between the lower threshold (${t.conditional}%) and the threshold (${t.suitable}%): suitable with conditions.`,
        criterionId: null,
      });
    }
  }
  return { result, halfPoints: half, maxHalfPoints: max, percentage, reasons };
}
