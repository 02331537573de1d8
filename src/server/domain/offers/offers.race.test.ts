import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { kitFor, type Kit } from '../../../../test/support/participants.js';
import { accept, availableUnits, decision, offerAsOffice, offersOnOneHomeFor, readyCandidate, readyCandidatesDirect } from '../../../../test/support/offers.js';

/**
 * No double allocation under concurrency (issue 5, item 7). Many offers of one home may run at
 * once; the candidate's acceptance makes one *active*, and the database allows one active offer
 * per home and per participant (partial unique indexes, migration 0020) behind the home's row
 * lock. On PGlite the requests run one after another; on PostgreSQL they really race.
 */
let t: TestApp;
let k: Kit;
const N = 50;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());

const offersOnOneHome = (n: number) => offersOnOneHomeFor(k, n);

describe('no double allocation under concurrency', () => {
  it(`${N} concurrent acceptances of offers of the same home: exactly one succeeds, the others get 409, the home has one tenancy-to-be`, async () => {
    const { unitId, ids } = await offersOnOneHome(N);
    const answers = await Promise.all(ids.map((id) => decision(k, 'careWorker', id, 'candidate_decision', 'accept')));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(N - 1);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().code).toBe('conflict');
    const [active] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM offers WHERE region_id = $1 AND unit_id = $2 AND step = 'contract' AND status IN ('open','decline_review')`,
      [k.r.regionId, unitId],
    );
    expect(active.n).toBe(1);
    // The winner's contract is signed: one succeeded offer, the home allocated, every other offer cancelled.
    const winner = ids[codes.indexOf(201)];
    await accept(k, 'corporation', winner, 'contract');
    const byStatus = await t.database.query<{ status: string; close_reason: string | null; n: number }>(
      `SELECT status, close_reason, count(*)::int AS n FROM offers WHERE region_id = $1 AND unit_id = $2 GROUP BY 1, 2 ORDER BY 1`,
      [k.r.regionId, unitId],
    );
    expect(byStatus).toEqual([
      { status: 'cancelled', close_reason: 'vacancy_filled', n: N - 1 },
      { status: 'succeeded', close_reason: 'contract_signed', n: 1 },
    ]);
    expect((await call(t.app, k.s.office, 'GET', `/api/v1/units/${unitId}`)).json().status).toBe('allocated');
  });

  it('concurrent acceptances of one participant’s offers of two homes: one home, never two', async () => {
    const p = await readyCandidate(k);
    const homes = (await availableUnits(k, 2)).unitIds;
    const ids: string[] = [];
    for (const unitId of homes) {
      const id = crypto.randomUUID();
      await t.database.query(
        `INSERT INTO offers (region_id, id, programme_id, unit_id, participant_id, route, provider_id, corporation_id, step, status, step_entered_on, shared_on)
         VALUES ($1, $2, $3, $4, $5, 'project', $6, $7, 'candidate_decision', 'open', current_date, current_date)`,
        [k.r.regionId, id, k.r.programmeId, unitId, p.id, k.r.orgs.providerA, k.r.orgs.corporationA],
      );
      ids.push(id);
    }
    const answers = await Promise.all(ids.map((id) => decision(k, 'careWorker', id, 'candidate_decision', 'accept')));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const loser = ids[answers.findIndex((a) => a.statusCode === 409)];
    expect(answers.find((a) => a.statusCode === 409)!.json().detail).toContain('ander aanbod');
    expect((await offerAsOffice(k, loser)).step).toBe('candidate_decision');
  });

  it('refuses a second active offer on PGlite and PostgreSQL alike when written directly', async () => {
    const { ids } = await offersOnOneHome(2);
    await t.database.query(`UPDATE offers SET step = 'contract' WHERE id = $1`, [ids[0]]);
    await expect(t.database.query(`UPDATE offers SET step = 'contract' WHERE id = $1`, [ids[1]])).rejects.toThrow(/offers_active_unit_key/);
  });
});
