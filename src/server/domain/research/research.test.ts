import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { call, createTestApp, loginAs, type Session, type TestApp } from '../../../../test/support/app.js';
import { buildRegion, TEST_PASSWORD, type BuiltRegion } from '../../../../test/support/builders.js';
import { buildParticipant, kitFor, type Built, type Kit } from '../../../../test/support/participants.js';
import { isKAnonymous } from './research.pseudonymise.js';

let t: TestApp;
let r: BuiltRegion;
let k: Kit;
let researcher: Session;
const consenting: Built[] = [];
let refused: Built;
let family: Built;
const names: string[] = [];

const RESEARCH = { consentScope: ['programme', 'research'] };

beforeAll(async () => {
  t = await createTestApp();
  r = await buildRegion(t.database);
  k = await kitFor(t, r);
  researcher = await loginAs(t.app, r.emails.researcher, TEST_PASSWORD);
  for (let i = 0; i < 5; i++) consenting.push(await buildParticipant(k, i < 3 ? 'housed' : 'ready', RESEARCH));
  family = await buildParticipant(k, 'referred', { ...RESEARCH, targetGroup: 'family', householdChildren: 2, childrenAges: [3, 5], dateOfBirth: '2001-02-02' });
  refused = await buildParticipant(k, 'housed', { consentScope: ['programme', 'housing'] });
  const found = await t.database.query<{ given_name: string; family_name: string }>(
    'SELECT given_name, family_name FROM participants WHERE region_id = $1', [r.regionId],
  );
  for (const n of found) names.push(n.given_name, n.family_name);
});
afterAll(() => t.close());

const exportJson = async (dateMode: 'shift' | 'month' = 'shift') => {
  const res = await call(t.app, researcher, 'POST', `/api/v1/programmes/${r.programmeId}/research-exports`, { format: 'json', dateMode });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('research export', () => {
  it('holds only participants who consented to research, under pseudonyms, without names or free text', async () => {
    const e = await exportJson();
    expect(e.counts.participants).toBe(6);
    const text = JSON.stringify(e.tables);
    for (const p of [...consenting, family, refused]) {
      expect(text).not.toContain(p.id);
      expect(text).not.toContain(p.code);
    }
    for (const n of names) expect(text).not.toContain(n);
    // The referral's motivation is free text: it never leaves.
    expect(text).not.toContain('Houdt afspraken na');
    expect(e.tables.participants.every((p: { pid: string }) => /^R[0-9a-f]{16}$/.test(p.pid))).toBe(true);
    // Every phase event belongs to a participant of the export.
    const pids = new Set(e.tables.participants.map((p: { pid: string }) => p.pid));
    expect(e.tables.phase_events.every((x: { pid: string }) => pids.has(x.pid))).toBe(true);
    expect(e.codebook.some((c: { table: string; column: string }) => c.table === 'measurements' && c.column === 'mental_health')).toBe(true);
  });

  it('shifts all dates of one person by the same number of days, so durations stay exact', async () => {
    const e = await exportJson('shift');
    // The built housed participants were referred on 2021-01-04 and housed on 2021-01-09: 5 days.
    const housed = e.tables.phase_events.filter((x: { phase: string }) => x.phase === 'housed');
    expect(housed).toHaveLength(3);
    for (const h of housed) {
      const referred = e.tables.phase_events.find((x: { pid: string; phase: string }) => x.pid === h.pid && x.phase === 'referred');
      expect((Date.parse(h.effective_date) - Date.parse(referred.effective_date)) / 86_400_000).toBe(5);
    }
    // Real calendar dates do not survive for everyone (a shift is never 0 days).
    const referredDates = e.tables.participants.map((p: { first_referred_on: string }) => p.first_referred_on);
    expect(referredDates).not.toContain('2021-01-04');
  });

  it('coarsens dates to months when asked', async () => {
    const e = await exportJson('month');
    expect(e.tables.participants.every((p: { first_referred_on: string }) => p.first_referred_on === '2021-01')).toBe(true);
  });

  it('generalises combinations shared by fewer than 5 people', async () => {
    const e = await exportJson();
    const fam = e.tables.participants.filter((p: { household: string }) => p.household !== 'single');
    // The one family would stand out: its target group, household and age band are generalised.
    expect(e.generalised).toBeGreaterThanOrEqual(1);
    expect(fam.every((p: { target_group: string }) => p.target_group === '*')).toBe(true);
    expect(e.tables.participants.filter((p: { target_group: string }) => p.target_group === 'family')).toHaveLength(0);
    const singles = e.tables.participants.filter((p: { target_group: string }) => p.target_group !== '*');
    expect(isKAnonymous(singles, ['municipality', 'target_group', 'age_band', 'household'])).toBe(true);
  });

  it('gives pseudonyms that cannot be linked across exports', async () => {
    const a = await exportJson();
    const b = await exportJson();
    const pa = new Set(a.tables.participants.map((p: { pid: string }) => p.pid));
    expect(b.tables.participants.some((p: { pid: string }) => pa.has(p.pid))).toBe(false);
  });

  it('answers a zip with one CSV per table, the codebook and a README', async () => {
    const res = await call(t.app, researcher, 'POST', `/api/v1/programmes/${r.programmeId}/research-exports`, { format: 'csv' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual(
      ['LEESMIJ-README.txt', 'codebook.csv', 'guidance.csv', 'measurements.csv', 'participants.csv', 'phase_events.csv', 'tenancies.csv'],
    );
    const participants = strFromU8(files['participants.csv']!).trim().split('\n');
    expect(participants[0]).toBe('pid,target_group,age_band,household,municipality,current_place,first_referred_on,waiting_list_registered_on,phase,phase_since,provider');
    expect(participants).toHaveLength(7);
  });

  it('records every export and audits whose data left', async () => {
    const e = await exportJson();
    const [audit] = await t.database.query<{ participant_ids: string[]; action: string }>(
      `SELECT participant_ids, action FROM audit_events WHERE resource_id = $1`, [e.exportId],
    );
    expect(audit!.action).toBe('research.export');
    expect([...audit!.participant_ids].sort()).toEqual([...consenting, family].map((p) => p.id).sort());
    const list = (await call(t.app, researcher, 'GET', '/api/v1/research-exports')).json();
    expect(list.items.find((x: { id: string }) => x.id === e.exportId)).toMatchObject({ participants: 6, format: 'json' });
    const privacy = await loginAs(t.app, r.emails.privacy, TEST_PASSWORD);
    expect((await call(t.app, privacy, 'GET', '/api/v1/research-exports')).json().items.length).toBeGreaterThan(0);
  });

  it('refuses a bad format with 400 and writes nothing', async () => {
    const before = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM research_exports');
    const res = await call(t.app, researcher, 'POST', `/api/v1/programmes/${r.programmeId}/research-exports`, { format: 'xlsx' });
    expect(res.statusCode).toBe(400);
    const after = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM research_exports');
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
