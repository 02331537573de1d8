import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { buildParticipant, kitFor, phase, refer, type Kit } from '../../../../test/support/participants.js';
import { today } from '../../../shared/dates.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Item {
  id: string;
  code: string;
  phase: string;
  priority: { rank: number; reasons: { code: string; nl: string; en: string }[] };
}

async function all(k: Kit, query = '', as = 'office', limit = 200): Promise<Item[]> {
  const out: Item[] = [];
  let cursor: string | null = null;
  do {
    const res = await call(t.app, k.s[as], 'GET', `/api/v1/participants?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    out.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return out;
}

describe('the by-name list in priority order', () => {
  let k: Kit;
  const p: Record<string, { id: string; code: string }> = {};

  beforeAll(async () => {
    k = await kitFor(t, await buildRegion(t.database));
    const add = async (key: string, over: Record<string, unknown>, referredOn: string, as = 'referrer') => {
      const d = await refer(k, over, { referredOn }, as);
      p[key] = { id: d.id, code: d.code };
    };
    // Same registration date on the list: the earlier referral (P2) goes first.
    await add('P1', { waitingListRegisteredOn: '2019-01-01', providerId: k.r.orgs.providerB, dateOfBirth: '1990-01-01' }, '2021-03-01');
    await add('P2', { waitingListRegisteredOn: '2019-01-01' }, '2021-02-01');
    await add('P3', { waitingListRegisteredOn: '2019-06-01', preferredMunicipalityIds: [k.r.municipalities.b] }, '2020-10-01');
    // Not on the list: after everyone who is, however early the referral. P4 and P5 tie on every
    // rule: the code decides — not the date of birth (P5 is much older).
    await add('P4', { dateOfBirth: '1999-09-09' }, '2020-09-15');
    await add('P5', { dateOfBirth: '1950-01-01' }, '2020-09-15');
    await add('P6', { targetGroup: 'family', householdChildren: 1 }, '2020-12-01');
    // Housed people stand after everyone who still waits, even with the oldest registration.
    const housed = await buildParticipant(k, 'housed', { waitingListRegisteredOn: '2018-01-01' });
    p.P7 = { id: housed.id, code: housed.code };
    // Withdrawn: not on the list by default.
    const gone = await buildParticipant(k, 'withdrawn', { waitingListRegisteredOn: '2017-01-01' });
    p.P8 = { id: gone.id, code: gone.code };
  });

  const expected = () => {
    const [first, second] = [p.P4, p.P5].sort((a, b) => (a.code < b.code ? -1 : 1));
    return [p.P2, p.P1, p.P3, first, second, p.P6, p.P7].map((x) => x.code);
  };

  it('orders by waiting list, then referral date, then pseudonym; housed last; withdrawn not shown', async () => {
    const items = await all(k);
    expect(items.map((i) => i.code)).toEqual(expected());
    expect(items.map((i) => i.priority.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('explains for each person why they stand there', async () => {
    const items = await all(k);
    const byCode = new Map(items.map((i) => [i.code, i]));
    expect(byCode.get(p.P2.code)!.priority.reasons.map((r) => r.code)).toEqual(['waiting_list', 'referral_date', 'tie_breaker']);
    expect(byCode.get(p.P2.code)!.priority.reasons[0].nl).toContain('2019-01-01');
    expect(byCode.get(p.P4.code)!.priority.reasons.map((r) => r.code)).toEqual(['not_on_waiting_list', 'referral_date', 'tie_breaker']);
    expect(byCode.get(p.P4.code)!.priority.reasons[2].nl).toContain(p.P4.code);
    expect(byCode.get(p.P7.code)!.priority.reasons[0].code).toBe('housed');
    for (const i of items) for (const r of i.priority.reasons) expect(r.nl && r.en).toBeTruthy();
  });

  it('pages with a cursor without skipping or repeating anyone, ranks continuing across pages', async () => {
    const paged = await all(k, '', 'office', 2);
    expect(paged.map((i) => i.code)).toEqual(expected());
    expect(paged.map((i) => i.priority.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await call(t.app, k.s.office, 'GET', '/api/v1/participants?cursor=rommel')).statusCode).toBe(400);
  });

  it('filters by phase, target group, municipality, provider, waiting list and waiting time', async () => {
    const codes = async (q: string) => (await all(k, q)).map((i) => i.code);
    expect(await codes('&phase=housed')).toEqual([p.P7.code]);
    expect(await codes('&phase=withdrawn&phase=housed')).toEqual([p.P7.code, p.P8.code]);
    expect(await codes('&targetGroup=family')).toEqual([p.P6.code]);
    expect(await codes(`&municipalityId=${k.r.municipalities.b}`)).toEqual([p.P3.code]);
    expect(await codes(`&providerId=${k.r.orgs.providerB}`)).toEqual([p.P1.code]);
    expect(await codes('&onWaitingList=false')).toEqual(expected().filter((c) => [p.P4.code, p.P5.code, p.P6.code].includes(c)));
    // Waiting time counts from the referral of the current episode.
    const days = Math.round((Date.parse(today()) - Date.parse('2020-10-01')) / 86_400_000);
    expect(await codes(`&minWaitingDays=${days}`)).toEqual(expected().filter((c) => [p.P3.code, p.P4.code, p.P5.code].includes(c)));
    expect((await call(t.app, k.s.office, 'GET', '/api/v1/participants?phase=asleep')).statusCode).toBe(400);
    expect((await call(t.app, k.s.office, 'GET', '/api/v1/participants?limit=500')).statusCode).toBe(400);
  });

  it('shows each reader only their own part, in the same order', async () => {
    // Provider B guides only P1; provider A guides the rest (the builders' default).
    expect((await all(k, '', 'careWorkerB')).map((i) => i.code)).toEqual([p.P1.code]);
    expect((await all(k, '', 'careWorker')).map((i) => i.code)).toEqual(expected().filter((c) => c !== p.P1.code));
    // The assessor sees everyone on the central waiting list, and those referred to the access office.
    expect((await all(k, '', 'assessor')).map((i) => i.code)).toEqual([p.P2.code, p.P1.code, p.P3.code, p.P7.code]);
  });

  it('re-sorts when the office changes the priority rules, versioned and with optimistic concurrency', async () => {
    const url = `/api/v1/programmes/${k.r.programmeId}/priority-settings`;
    const current = (await call(t.app, k.s.referrer, 'GET', url)).json();
    expect(current).toMatchObject({ version: 0, isDefault: true, criteria: ['waiting_list', 'referral_date'], tieBreaker: 'code', abilities: { edit: false } });
    expect(current.description.nl).toMatch(/geboortedatum/i);
    expect((await call(t.app, k.s.careManager, 'POST', url, { baseVersion: 0, criteria: ['referral_date'] })).statusCode).toBe(403);
    const res = await call(t.app, k.s.office, 'POST', url, { baseVersion: 0, criteria: ['referral_date'], note: 'Wachttijd telt.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, isDefault: false, criteria: ['referral_date'] });
    const [first, second] = [p.P4, p.P5].sort((a, b) => (a.code < b.code ? -1 : 1));
    expect((await all(k)).map((i) => i.code)).toEqual([first.code, second.code, p.P3.code, p.P6.code, p.P2.code, p.P1.code, p.P7.code]);
    const stale = await call(t.app, k.s.office, 'POST', url, { baseVersion: 0, criteria: ['waiting_list'] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const families = await call(t.app, k.s.office, 'POST', url, { baseVersion: 1, criteria: ['target_group', 'waiting_list', 'referral_date'], targetGroupOrder: ['family'] });
    expect(families.statusCode).toBe(201);
    expect((await all(k))[0].code).toBe(p.P6.code);
    const twice = await call(t.app, k.s.office, 'POST', url, { baseVersion: 2, criteria: ['referral_date', 'referral_date'] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].message).toContain('dubbel');
    // Back to the default for the other tests.
    await call(t.app, k.s.office, 'POST', url, { baseVersion: 2, criteria: ['waiting_list', 'referral_date'] });
    expect((await all(k)).map((i) => i.code)).toEqual(expected());
  });

  it('answers 404 for another region’s programme', async () => {
    const other = await buildRegion(t.database);
    expect((await call(t.app, k.s.office, 'GET', `/api/v1/programmes/${other.programmeId}/priority-settings`)).statusCode).toBe(404);
    expect((await call(t.app, k.s.office, 'POST', `/api/v1/programmes/${other.programmeId}/priority-settings`, { baseVersion: 0, criteria: ['referral_date'] })).statusCode).toBe(404);
  });
});

describe('inflow and outflow per month', () => {
  it('counts referrals in and exits, withdrawals and refusals out, month by month, from the phase history', async () => {
    const k = await kitFor(t, await buildRegion(t.database));
    await buildParticipant(k, 'exited'); // referred Jan, housed Jan, exited 2021-06-01
    await buildParticipant(k, 'withdrawn'); // referred and withdrawn in January
    const late = await refer(k, {}, { referredOn: '2021-03-10' });
    await phase(k, late.id, { phase: 'not_eligible', effectiveDate: '2021-04-02', reason: 'not_expected_independent' });
    await buildParticipant(k, 'ready');
    const res = await call(t.app, k.s.office, 'GET', '/api/v1/participants/flow?from=2021-01-01&to=2021-06-30');
    expect(res.statusCode, res.body).toBe(200);
    const m = Object.fromEntries(res.json().months.map((x: { month: string }) => [x.month, x]));
    expect(Object.keys(m)).toEqual(['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06']);
    expect(m['2021-01']).toMatchObject({ inflow: 3, outflow: 1, withdrawn: 1, housed: 1, ready: 2, activeAtEnd: 2, waitingAtEnd: 1 });
    expect(m['2021-03']).toMatchObject({ inflow: 1, outflow: 0, activeAtEnd: 3 });
    expect(m['2021-04']).toMatchObject({ inflow: 0, outflow: 1, notEligible: 1, activeAtEnd: 2 });
    expect(m['2021-06']).toMatchObject({ outflow: 1, exited: 1, activeAtEnd: 1, waitingAtEnd: 1 });
    // Provider B is involved with none of them.
    const b = (await call(t.app, k.s.careWorkerB, 'GET', '/api/v1/participants/flow?from=2021-01-01&to=2021-06-30')).json();
    expect(b.months.every((x: { inflow: number }) => x.inflow === 0)).toBe(true);
    expect((await call(t.app, k.s.office, 'GET', '/api/v1/participants/flow?from=2021-06-01&to=2021-01-01')).statusCode).toBe(400);
    expect((await call(t.app, k.s.municipality, 'GET', '/api/v1/participants/flow')).statusCode).toBe(403);
  });
});
