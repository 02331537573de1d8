import { describe, expect, it } from 'vitest';
import { effectiveRules, exclusions, isEligible, type CandidateFacts, type EligibilityRule, type UnitFacts } from './eligibility.evaluate.js';
import { scoreCandidate, SCORE_MAX } from '../matching/matching.score.js';

const unit: UnitFacts = {
  id: 'u1', label: 'Woning 1', programmeId: 'prog', status: 'available', statusSince: '2021-01-01', locationId: 'loc', locationName: 'Locatie',
  district: 'Kanaleneiland', deliveryMode: 'project', municipalityId: 'utrecht', municipalityName: 'Utrecht', rooms: 1, corporationId: 'corp', providerId: 'prov',
};
const person = (over: Partial<CandidateFacts> = {}): CandidateFacts => ({
  id: 'p1', code: 'EH-AAAAAA', name: 'Anouk Test', programmeId: 'prog', phase: 'ready', priorityKey: '0|x', householdSize: 1, targetGroup: 'single_adult',
  needs: [], preferredMunicipalityIds: ['utrecht'], excludedMunicipalityIds: [], consentHousing: true, validIndications: ['beschermd_thuis'],
  riskScreening: null, suitability: null, waitingListRegisteredOn: '2020-01-01', firstReferredOn: '2021-01-04', providerId: 'prov', providerName: 'Aanbieder',
  activeOfferUnitId: null, openOfferUnitIds: [], declinedUnitIds: [], nominations: [], ...over,
});
const rule = (kind: EligibilityRule['kind'], level: EligibilityRule['level'], params: EligibilityRule['params'] = {}, id = `${kind}-${level}`): EligibilityRule => ({
  id, kind, level, programmeId: 'prog', locationId: level === 'location' ? 'loc' : null, unitId: level === 'unit' ? 'u1' : null, params, note: null,
});

describe('eligibility rules', () => {
  it('inherits downward: the most specific rule of a kind applies', () => {
    const rules = [rule('target_group', 'programme', { allowed: ['single_adult'] }), rule('target_group', 'location', { allowed: ['family', 'domestic_violence'] }), rule('no_pets', 'programme')];
    const eff = effectiveRules(unit, rules);
    expect(eff.map((r) => `${r.kind}:${r.level}`)).toEqual(['no_pets:programme', 'target_group:location']);
    expect(effectiveRules({ ...unit, locationId: 'other' }, rules).map((r) => `${r.kind}:${r.level}`)).toEqual(['no_pets:programme', 'target_group:programme']);
    const x = exclusions(unit, person(), eff);
    expect(x).toEqual([expect.objectContaining({ code: 'target_group', ruleId: 'target_group-location', level: 'location' })]);
    expect(x[0].nl).toContain('regel van de locatie');
  });

  it('states why a person fails each kind of rule', () => {
    const cases: [EligibilityRule, Partial<CandidateFacts>, RegExp][] = [
      [rule('household_size', 'unit', { maxPersonsPerRoom: 2 }), { householdSize: 3 }, /Household of 3 does not fit 1 room/],
      [rule('household_size', 'programme', { maxPersons: 2 }), { householdSize: 3 }, /at most 2/],
      [rule('municipality_exclusion', 'programme'), { excludedMunicipalityIds: ['utrecht'] }, /excluded Utrecht/],
      [rule('not_accessible', 'location'), { needs: ['no_stairs'] }, /accessible home \(no_stairs\)/],
      [rule('no_pets', 'unit'), { needs: ['pets'] }, /pet/],
      [rule('indication_required', 'programme', { indications: ['beschermd_thuis'] }), { validIndications: ['ambulant'] }, /no valid indication/],
      [rule('consent_housing', 'programme'), { consentHousing: false }, /consent/],
      [rule('risk_screening', 'programme'), { riskScreening: { riskLevel: 'high', excludedMunicipalityIds: [], excludedAreas: ['kanaleneiland'] } }, /district Kanaleneiland/],
      [rule('risk_screening', 'programme', { maxRiskLevel: 'medium' }), { riskScreening: { riskLevel: 'high', excludedMunicipalityIds: [], excludedAreas: [] } }, /Risk level high/],
    ];
    for (const [r, over, words] of cases) {
      const [x] = exclusions(unit, person(over), [r]);
      expect(x, r.kind).toBeDefined();
      expect(x.en).toMatch(words);
      expect(x.nl.length).toBeGreaterThan(10);
      expect(isEligible(unit, person(over), [r])).toBe(false);
      expect(exclusions(unit, person(), [r]), `${r.kind} passes for the plain person`).toEqual([]);
    }
  });

  it('the engine excludes who is not ready, parked, holds or runs an offer, or was declined for this home', () => {
    const codes = (over: Partial<CandidateFacts>) => exclusions(unit, person(over), []).map((x) => x.code);
    expect(codes({ phase: 'assessed' })).toEqual(['not_ready']);
    expect(codes({ parkedUntil: '2030-01-01' })).toEqual(['parked']);
    expect(codes({ parkedUntil: null })).toEqual(['parked']);
    expect(codes({ activeOfferUnitId: 'u2', openOfferUnitIds: ['u2'] })).toEqual(['active_offer']);
    expect(codes({ openOfferUnitIds: ['u1'] })).toEqual(['offered_here']);
    expect(codes({ openOfferUnitIds: ['u9'] })).toEqual(['open_offer']);
    expect(codes({ declinedUnitIds: ['u1'] })).toEqual(['declined_here']);
    expect(codes({ programmeId: 'other' })).toEqual(['other_programme']);
    expect(codes({})).toEqual([]);
  });
});

describe('the score of a candidate for a home', () => {
  it('adds up named parts, each capped, never more than 1000', () => {
    const s = scoreCandidate(unit, person({ nominations: [{ callId: 'c', locationId: 'loc', unitIds: [] }], suitability: 'suitable' }), '2022-01-04');
    expect(s.parts.map((p) => p.code)).toEqual(['waiting_list', 'waiting_time', 'home_fit', 'municipality_preference', 'nominated']);
    expect(s.total).toBe(s.parts.reduce((n, p) => n + p.points, 0));
    for (const p of s.parts) expect(p.points).toBeLessThanOrEqual(SCORE_MAX[p.code]);
    expect(s.parts.find((p) => p.code === 'waiting_list')!.points).toBe(200 + Math.floor(734 / 10));
    expect(s.parts.find((p) => p.code === 'waiting_time')!.points).toBe(73);
    expect(s.parts.find((p) => p.code === 'home_fit')!.points).toBe(200);
    expect(s.parts.find((p) => p.code === 'nominated')!.points).toBe(150);
    expect(Object.values(SCORE_MAX).reduce((a, b) => a + b, 0)).toBe(1000);
  });
});
