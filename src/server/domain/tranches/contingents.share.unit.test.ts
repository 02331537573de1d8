import { describe, expect, it } from 'vitest';
import { intakeShare } from './contingents.share.js';
import { planRollover, trancheOn, capacityOn } from './tranches.compute.js';

describe('intakeShare', () => {
  it('has no share for a contingent of 0 homes, and is on track', () => {
    expect(intakeShare({ homes: 0, intakeHomes: 0, targetPercent: 30 })).toEqual({ sharePercent: null, targetPercent: 30, targetHomes: 0, gapHomes: 0, onTrack: true });
  });
  it('rounds the target homes up and the share to one decimal', () => {
    // 30 % of 25 homes is 7.5: the target asks for 8; 7 of 25 is 28 %.
    expect(intakeShare({ homes: 25, intakeHomes: 7, targetPercent: 30 })).toEqual({ sharePercent: 28, targetPercent: 30, targetHomes: 8, gapHomes: 1, onTrack: false });
    // 1 of 3 is 33.3 %.
    expect(intakeShare({ homes: 3, intakeHomes: 1, targetPercent: 30 }).sharePercent).toBe(33.3);
    // 2 of 3 is 66.7 %.
    expect(intakeShare({ homes: 3, intakeHomes: 2, targetPercent: 30 }).sharePercent).toBe(66.7);
  });
  it('computes an exact target without floating-point surprises', () => {
    // 30 % of 10 is exactly 3 (0.3 × 10 in floating point is 3.0000000000000004).
    expect(intakeShare({ homes: 10, intakeHomes: 3, targetPercent: 30 })).toMatchObject({ targetHomes: 3, gapHomes: 0, onTrack: true });
    expect(intakeShare({ homes: 100, intakeHomes: 0, targetPercent: 12.5 })).toMatchObject({ targetHomes: 13, gapHomes: 13 });
  });
  it('is on track above the target, never with a negative gap', () => {
    expect(intakeShare({ homes: 10, intakeHomes: 9, targetPercent: 30 })).toEqual({ sharePercent: 90, targetPercent: 30, targetHomes: 3, gapHomes: 0, onTrack: true });
    // More intake homes than the contingent holds (tenancies outside it): above 100 %.
    expect(intakeShare({ homes: 2, intakeHomes: 3, targetPercent: 30 }).sharePercent).toBe(150);
  });
  it('takes a target of 0 and of 100', () => {
    expect(intakeShare({ homes: 5, intakeHomes: 0, targetPercent: 0 })).toMatchObject({ targetHomes: 0, onTrack: true });
    expect(intakeShare({ homes: 5, intakeHomes: 4, targetPercent: 100 })).toMatchObject({ targetHomes: 5, gapHomes: 1, onTrack: false });
  });
});

describe('tranche arithmetic', () => {
  const t = { id: 't1', number: 1, capacity: 10 };
  it('adds capacity events effective by the date', () => {
    const ev = [{ trancheId: 't1', effectiveDate: '2022-01-01', delta: -4 }, { trancheId: 't2', effectiveDate: '2022-01-01', delta: 4 }];
    expect(capacityOn(t, ev, '2021-12-31')).toBe(10);
    expect(capacityOn(t, ev, '2022-01-01')).toBe(6);
  });
  it('walks a home back through chained rollovers', () => {
    const rollovers = [
      { fromTrancheId: 't1', toTrancheId: 't2', cutoffDate: '2021-12-31', unitIds: ['u'] },
      { fromTrancheId: 't2', toTrancheId: 't3', cutoffDate: '2022-12-31', unitIds: ['u'] },
    ];
    const u = { id: 'u', trancheId: 't3', status: 'pledged' as const };
    expect(trancheOn(u, rollovers, '2021-06-01')).toBe('t1');
    expect(trancheOn(u, rollovers, '2022-06-01')).toBe('t2');
    expect(trancheOn(u, rollovers, '2023-01-01')).toBe('t3');
  });
  it('never moves more capacity than is unused, nor used or withdrawn homes', () => {
    const units = [
      { id: 'a', trancheId: 't1', status: 'occupied' as const },
      { id: 'b', trancheId: 't1', status: 'available' as const },
      { id: 'c', trancheId: 't1', status: 'withdrawn' as const },
    ];
    const events = [
      { unitId: 'a', status: 'occupied' as const, effectiveDate: '2021-02-01', seq: 1 },
      { unitId: 'b', status: 'available' as const, effectiveDate: '2021-02-01', seq: 2 },
      { unitId: 'c', status: 'withdrawn' as const, effectiveDate: '2021-02-01', seq: 3 },
    ];
    expect(planRollover(t, [], units, events, '2021-12-31')).toEqual({ capacityAtCutoff: 10, usedCount: 1, places: 9, unitIds: ['b'], unassignedPlaces: 8 });
    expect(planRollover({ ...t, capacity: 0 }, [], units, events, '2021-12-31').places).toBe(0);
  });
});
