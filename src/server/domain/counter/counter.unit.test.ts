import { describe, expect, it } from 'vitest';
import { computeCounter, monthEnds, type CounterEvent, type CounterUnit } from './counter.js';

const unit = (id: string, over: Partial<CounterUnit> = {}): CounterUnit => ({
  id, municipalityId: 'm1', form: 'mixed', trancheId: 't1', partnerIds: ['p1'], ...over,
});
let seq = 0;
const ev = (unitId: string, status: CounterEvent['status'], effectiveDate: string): CounterEvent => ({ unitId, status, effectiveDate, seq: ++seq });
const sorted = (events: CounterEvent[]) => [...events].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.seq - b.seq);

describe('computeCounter', () => {
  const units = [unit('a'), unit('b', { municipalityId: 'm2', partnerIds: ['p1', 'p2'] }), unit('c', { form: 'flex', trancheId: null })];
  const events = sorted([
    ev('a', 'pledged', '2021-01-01'),
    ev('a', 'location_found', '2021-02-01'),
    ev('a', 'occupied', '2021-05-01'),
    ev('b', 'pledged', '2021-01-10'),
    ev('c', 'pledged', '2021-03-01'),
    ev('c', 'withdrawn', '2021-06-01'),
  ]);

  it('counts nothing before the first event', () => {
    expect(computeCounter(units, events, '2020-12-31')).toMatchObject({ realised: 0, pipeline: 0, ambition: 0 });
  });

  it('reads each unit at its last event on or before the date', () => {
    expect(computeCounter(units, events, '2021-01-15')).toMatchObject({ realised: 0, pipeline: 2, ambition: 2 });
    expect(computeCounter(units, events, '2021-02-01')).toMatchObject({ realised: 1, pipeline: 1, ambition: 2 });
    expect(computeCounter(units, events, '2021-03-01')).toMatchObject({ realised: 1, pipeline: 2, ambition: 3 });
  });

  it('drops a unit withdrawn later from the date of withdrawal, not before', () => {
    expect(computeCounter(units, events, '2021-05-31').pipeline).toBe(2);
    expect(computeCounter(units, events, '2021-06-01')).toMatchObject({ realised: 1, pipeline: 1, ambition: 2 });
  });

  it('breaks the figures down by municipality, partner, form and tranche', () => {
    const c = computeCounter(units, events, '2021-03-01');
    expect(c.byMunicipality.get('m1')).toEqual({ realised: 1, pipeline: 1 });
    expect(c.byMunicipality.get('m2')).toEqual({ realised: 0, pipeline: 1 });
    expect(c.byPartner.get('p1')).toEqual({ realised: 1, pipeline: 2 });
    expect(c.byPartner.get('p2')).toEqual({ realised: 0, pipeline: 1 });
    expect(c.byForm.get('flex')).toEqual({ realised: 0, pipeline: 1 });
    expect(c.byTranche.get(null)).toEqual({ realised: 0, pipeline: 1 });
  });

  it('takes the later-recorded event when two fall on the same date', () => {
    const same = sorted([ev('a', 'pledged', '2021-01-01'), ev('a', 'location_found', '2021-01-01')]);
    expect(computeCounter([unit('a')], same, '2021-01-01').realised).toBe(1);
  });
});

describe('monthEnds', () => {
  it('gives the last day of each month and ends on the date asked', () => {
    expect(monthEnds('2020-11-15', '2021-02-10')).toEqual(['2020-11-30', '2020-12-31', '2021-01-31', '2021-02-10']);
    expect(monthEnds('2021-01-01', '2021-01-31')).toEqual(['2021-01-31']);
    expect(monthEnds('2024-02-01', '2024-03-05')).toEqual(['2024-02-29', '2024-03-05']);
  });
});
