import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CURRENT_PLACES, PARTICIPANT_PHASES, TARGET_GROUPS, WAITING_PHASES } from '../../../shared/enums.js';
import { DEFAULT_PRIORITY, priorityKey, priorityReasons, type PriorityFacts } from './waitingList.priority.js';

const facts = (over: Partial<PriorityFacts>): PriorityFacts => ({
  code: 'EH-AAAAAA',
  phase: 'ready',
  waitingListRegisteredOn: null,
  firstReferredOn: '2021-01-01',
  targetGroup: 'single_adult',
  currentPlace: 'street',
  ...over,
});
const order = (list: PriorityFacts[], settings = DEFAULT_PRIORITY) =>
  [...list].sort((a, b) => (priorityKey(settings, a) < priorityKey(settings, b) ? -1 : 1)).map((f) => f.code);

describe('the priority key', () => {
  it('puts the central waiting list first (earliest registration first), then the earliest referral, then the code', () => {
    const list = [
      facts({ code: 'EH-NOLST1', firstReferredOn: '2020-01-01' }),
      facts({ code: 'EH-LATE22', waitingListRegisteredOn: '2019-06-01', firstReferredOn: '2020-06-01' }),
      facts({ code: 'EH-EARLY2', waitingListRegisteredOn: '2019-01-01', firstReferredOn: '2021-06-01' }),
      facts({ code: 'EH-EARLY1', waitingListRegisteredOn: '2019-01-01', firstReferredOn: '2021-05-01' }),
      facts({ code: 'EH-TIEBBB', firstReferredOn: '2020-02-01' }),
      facts({ code: 'EH-TIEAAA', firstReferredOn: '2020-02-01' }),
    ];
    expect(order(list)).toEqual(['EH-EARLY1', 'EH-EARLY2', 'EH-LATE22', 'EH-NOLST1', 'EH-TIEAAA', 'EH-TIEBBB']);
  });

  it('puts people still waiting before people housed, and those no longer active last', () => {
    const list = [
      facts({ code: 'EH-EXITED', phase: 'exited', waitingListRegisteredOn: '2010-01-01' }),
      facts({ code: 'EH-HOUSED', phase: 'housed', waitingListRegisteredOn: '2010-01-01' }),
      facts({ code: 'EH-WAITIN', phase: 'referred' }),
    ];
    expect(order(list)).toEqual(['EH-WAITIN', 'EH-HOUSED', 'EH-EXITED']);
  });

  it('follows configured criteria: target group order first, then referral date', () => {
    const settings = { ...DEFAULT_PRIORITY, criteria: ['target_group', 'referral_date'] as const, targetGroupOrder: ['domestic_violence', 'family'] as const };
    const list = [
      facts({ code: 'EH-SINGLE', firstReferredOn: '2019-01-01', waitingListRegisteredOn: '2018-01-01' }),
      facts({ code: 'EH-FAMILY', targetGroup: 'family', firstReferredOn: '2021-01-01' }),
      facts({ code: 'EH-DVICTM', targetGroup: 'domestic_violence', firstReferredOn: '2022-01-01' }),
    ];
    expect(order(list, { ...settings, criteria: [...settings.criteria], targetGroupOrder: [...settings.targetGroupOrder] })).toEqual(['EH-DVICTM', 'EH-FAMILY', 'EH-SINGLE']);
  });

  it('orders exactly like the documented comparison, for any data (property)', () => {
    const date = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2015, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const arb = fc.record({
      code: fc.stringMatching(/^EH-[A-Z2-9]{6}$/),
      phase: fc.constantFrom(...PARTICIPANT_PHASES),
      waitingListRegisteredOn: fc.option(date, { nil: null }),
      firstReferredOn: date,
      targetGroup: fc.constantFrom(...TARGET_GROUPS),
      currentPlace: fc.constantFrom(...CURRENT_PLACES),
    });
    const group = (f: PriorityFacts) => (WAITING_PHASES.includes(f.phase) ? 0 : f.phase === 'housed' ? 1 : 2);
    const cmp = (a: PriorityFacts, b: PriorityFacts) =>
      group(a) - group(b) ||
      (a.waitingListRegisteredOn ? 0 : 1) - (b.waitingListRegisteredOn ? 0 : 1) ||
      (a.waitingListRegisteredOn ?? '').localeCompare(b.waitingListRegisteredOn ?? '') ||
      a.firstReferredOn.localeCompare(b.firstReferredOn) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        fc.pre(a.code !== b.code);
        const byKey = priorityKey(DEFAULT_PRIORITY, a) < priorityKey(DEFAULT_PRIORITY, b);
        expect(byKey).toBe(cmp(a, b) < 0);
      }),
    );
  });

  it('explains the place in words, one reason per rule and the tie-breaker last', () => {
    const r = priorityReasons(DEFAULT_PRIORITY, facts({ waitingListRegisteredOn: '2019-01-01', firstReferredOn: '2021-01-01' }), '2021-01-31');
    expect(r.map((x) => x.code)).toEqual(['waiting_list', 'referral_date', 'tie_breaker']);
    expect(r[0].nl).toContain('2019-01-01');
    expect(r[1].nl).toContain('30 dagen');
    expect(r[1].en).toContain('30 days');
    expect(r[2].nl).toContain('geboortedatum');
    const off = priorityReasons(DEFAULT_PRIORITY, facts({ phase: 'housed' }), '2021-01-31');
    expect(off.map((x) => x.code)).toEqual(['housed', 'not_on_waiting_list', 'referral_date', 'tie_breaker']);
  });
});
