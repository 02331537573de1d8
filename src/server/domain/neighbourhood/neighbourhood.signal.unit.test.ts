import { describe, expect, it } from 'vitest';
import { daysBetween, lastTwelveMonths, neighbourhoodSignal } from './neighbourhood.signal.js';

describe('neighbourhoodSignal', () => {
  it('is calm with nothing open, or a few young low/medium incidents', () => {
    expect(neighbourhoodSignal([], 14)).toBe('calm');
    expect(neighbourhoodSignal([{ severity: 'low', ageDays: 3 }, { severity: 'medium', ageDays: 14 }], 14)).toBe('calm');
  });
  it('asks attention for one open high, one overdue, or three open', () => {
    expect(neighbourhoodSignal([{ severity: 'high', ageDays: 1 }], 14)).toBe('attention');
    expect(neighbourhoodSignal([{ severity: 'low', ageDays: 15 }], 14)).toBe('attention');
    expect(neighbourhoodSignal([{ severity: 'low', ageDays: 1 }, { severity: 'low', ageDays: 1 }, { severity: 'medium', ageDays: 1 }], 14)).toBe('attention');
  });
  it('is a concern for an overdue high or two open highs', () => {
    expect(neighbourhoodSignal([{ severity: 'high', ageDays: 15 }], 14)).toBe('concern');
    expect(neighbourhoodSignal([{ severity: 'high', ageDays: 1 }, { severity: 'high', ageDays: 2 }], 14)).toBe('concern');
    expect(neighbourhoodSignal([{ severity: 'high', ageDays: 10 }], 7)).toBe('concern');
  });
});

describe('dates', () => {
  it('counts days and months', () => {
    expect(daysBetween('2021-12-30', '2022-01-02')).toBe(3);
    expect(daysBetween('2022-01-02', '2021-12-30')).toBe(0);
    expect(lastTwelveMonths('2022-03-15')).toEqual([
      '2021-04', '2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03',
    ]);
  });
});
