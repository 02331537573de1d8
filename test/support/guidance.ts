import crypto from 'node:crypto';
import { expect } from 'vitest';
import { randomCode } from '../../src/server/domain/participants/participants.service.js';
import { DEFAULT_PRIORITY, priorityKey } from '../../src/server/domain/waitingList/waitingList.priority.js';
import { TEST_PASSWORD, type BuiltRegion } from './builders.js';
import { call, loginAs, type Session, type TestApp } from './app.js';
import type { Kit } from './participants.js';

/** The district every housed test participant lives in (municipality A). */
export const HOME_DISTRICT = 'Noordwijk';

/**
 * A housed participant written directly (fast: the access table builds hundreds): guided by
 * provider A, referred by the referral team, living in a home of municipality A in the district
 * `district` (a location of that district), with a current placement since 2021-01-09.
 */
export async function housedDirect(k: Kit, opts: { district?: string | null; municipality?: string } = {}): Promise<{ id: string; code: string; unitId: string }> {
  const { r } = k;
  const db = k.t.database;
  const id = crypto.randomUUID();
  const code = randomCode();
  const key = priorityKey(DEFAULT_PRIORITY, { code, phase: 'housed', waitingListRegisteredOn: null, firstReferredOn: '2021-01-04', targetGroup: 'single_adult', currentPlace: 'night_shelter' });
  await db.query(
    `INSERT INTO participants (region_id, id, programme_id, code, given_name, family_name, name_key, date_of_birth, target_group, current_place,
       consent_given_on, consent_scope, provider_id, phase, phase_since, first_referred_on, priority_key)
     VALUES ($1, $2, $3, $4, 'Begeleid', $5, $6, '1980-01-01', 'single_adult', 'night_shelter', '2021-01-04', '{programme,housing}', $7, 'housed', '2021-01-09', '2021-01-04', $8)`,
    [r.regionId, id, r.programmeId, code, `Deelnemer${id.slice(0, 6)}`, `begeleid|deelnemer${id.slice(0, 8)}`, r.orgs.providerA, key],
  );
  await db.query(
    `INSERT INTO participant_organisations (region_id, participant_id, organisation_id, relation, since)
     VALUES ($1, $2, $3, 'provider', '2021-01-04'), ($1, $2, $4, 'referrer', '2021-01-04')`,
    [r.regionId, id, r.orgs.providerA, r.orgs.referral],
  );
  await db.query(
    `INSERT INTO participant_phase_events (region_id, id, participant_id, phase, effective_date) VALUES ($1, $2, $3, 'referred', '2021-01-04'), ($1, $4, $3, 'housed', '2021-01-09')`,
    [r.regionId, crypto.randomUUID(), id, crypto.randomUUID()],
  );
  const municipality = opts.municipality ?? r.municipalities.a;
  const locationId = crypto.randomUUID();
  await db.query(
    `INSERT INTO locations (region_id, id, programme_id, name, municipality_id, district, form, delivery_mode, corporation_id, provider_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'existing_stock', 'scattered', $7, $8)`,
    [r.regionId, locationId, r.programmeId, `Locatie ${locationId.slice(0, 6)}`, municipality, opts.district === undefined ? HOME_DISTRICT : opts.district, r.orgs.corporationA, r.orgs.providerA],
  );
  const unitId = crypto.randomUUID();
  await db.query(
    `INSERT INTO units (region_id, id, programme_id, location_id, municipality_id, label, form, status, status_since)
     VALUES ($1, $2, $3, $4, $5, $6, 'existing_stock', 'occupied', '2021-01-09')`,
    [r.regionId, unitId, r.programmeId, locationId, municipality, `Woning ${unitId.slice(0, 6)}`],
  );
  await db.query(
    `INSERT INTO participant_placements (region_id, id, participant_id, unit_id, start_date) VALUES ($1, $2, $3, $4, '2021-01-09')`,
    [r.regionId, crypto.randomUUID(), id, unitId],
  );
  return { id, code, unitId };
}

/** Starts guidance (as provider A's care worker by default) and returns the episode. */
export async function startGuidance(k: Kit, participantId: string, body: Record<string, unknown> = {}, as = 'careWorker') {
  const res = await call(k.t.app, k.s[as], 'POST', `/api/v1/participants/${participantId}/guidance-episodes`, {
    startDate: '2021-01-10', hoursPerWeek: 8, level: 'intensive', ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; organisation: { id: string }; reviewDueOn: string; intensities: unknown[] };
}

/**
 * A neighbourhood team of the region with one care worker (the test region has none): by
 * default in municipality A, district HOME_DISTRICT. Returns its id and a logged-in session.
 */
export async function buildTeam(t: TestApp, r: BuiltRegion, opts: { district?: string | null; municipality?: string | null; kind?: string; login?: boolean } = {}) {
  const id = crypto.randomUUID();
  await t.database.query('INSERT INTO organisations (region_id, id, name, kind, municipality_id, district) VALUES ($1, $2, $3, $4, $5, $6)', [
    r.regionId, id, `Buurtteam ${id.slice(0, 6)}`, opts.kind ?? 'neighbourhood_team', opts.municipality === undefined ? r.municipalities.a : opts.municipality,
    opts.district === undefined ? HOME_DISTRICT : opts.district,
  ]);
  let session: Session | null = null;
  if (opts.login) {
    const [hash] = await t.database.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE region_id = $1 AND email = $2`, [r.regionId, r.emails.careWorker]);
    const email = `team.${id.slice(0, 8)}@test.example`;
    await t.database.query('INSERT INTO users (region_id, id, organisation_id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      r.regionId, crypto.randomUUID(), id, email, 'Teamwerker', hash.password_hash, ['care_worker'],
    ]);
    session = await loginAs(t.app, email, TEST_PASSWORD);
  }
  return { id, session };
}
