import { describe, expect, it } from 'vitest';
import type { SuitabilityAnswer } from '../../../shared/enums.js';
import { evaluate, type Criterion } from './suitability.evaluate.js';

const c = (id: string, weight: number, knockOut = false): Criterion => ({ id, position: Number(id.slice(1)), questionNl: `vraag ${id}`, questionEn: `question ${id}`, weight, knockOut });
const criteria = [c('c1', 4, true), c('c2', 3), c('c3', 2), c('c4', 1)];
const t = { suitable: 70, conditional: 40 };
const run = (...a: SuitabilityAnswer[]) => evaluate(criteria, new Map(a.map((x, i) => [`c${i + 1}`, x])), t);

describe('suitability evaluation', () => {
  it('all yes: suitable at 100 %', () => {
    const e = run('yes', 'yes', 'yes', 'yes');
    expect(e).toMatchObject({ result: 'suitable', percentage: 100, halfPoints: 20, maxHalfPoints: 20 });
    expect(e.reasons.map((r) => r.code)).toEqual(['score_suitable']);
  });

  it('a knock-out answered no is not suitable whatever the score', () => {
    const e = run('no', 'yes', 'yes', 'yes');
    expect(e.percentage).toBe(60);
    expect(e.result).toBe('not_suitable');
    expect(e.reasons[0]).toMatchObject({ code: 'knock_out', criterionId: 'c1' });
  });

  it('a knock-out answered partly turns a high score into suitable with conditions', () => {
    const e = run('partly', 'yes', 'yes', 'yes');
    expect(e.percentage).toBe(80);
    expect(e.result).toBe('suitable_with_conditions');
    expect(e.reasons.map((r) => r.code)).toContain('knock_out_in_doubt');
  });

  it('between the thresholds: suitable with conditions, resting on the weak points', () => {
    const e = run('yes', 'no', 'partly', 'yes');
    // (8 + 0 + 2 + 2) / 20 = 60 %
    expect(e.percentage).toBe(60);
    expect(e.result).toBe('suitable_with_conditions');
    expect(e.reasons.map((r) => [r.code, r.criterionId])).toEqual([
      ['score_between_thresholds', null],
      ['weak_point', 'c2'],
      ['weak_point', 'c3'],
    ]);
  });

  it('below the lower threshold: not suitable', () => {
    const e = run('yes', 'no', 'no', 'no');
    expect(e.percentage).toBe(40);
    expect(e.result).toBe('suitable_with_conditions');
    const low = run('partly', 'no', 'no', 'no');
    expect(low.percentage).toBe(20);
    expect(low.result).toBe('not_suitable');
    expect(low.reasons[0].code).toBe('score_below_conditional');
  });

  it('rounds the percentage down and never divides by zero', () => {
    expect(evaluate([c('c1', 1), c('c2', 2)], new Map([['c1', 'yes'], ['c2', 'no']]), t).percentage).toBe(33);
    expect(evaluate([c('c1', 0)], new Map([['c1', 'yes']]), t).percentage).toBe(0);
  });
});
