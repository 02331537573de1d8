import crypto from 'node:crypto';
import type { TargetGroup, ZrmDomain, ZrmMoment } from '../../src/shared/enums.js';
import { ZRM_DOMAINS } from '../../src/shared/enums.js';
import { randomCode } from '../../src/server/domain/participants/participants.service.js';
import type { Kit } from './participants.js';

/**
 * Builders of housing histories for the outcome figures, written directly as the owner (the
 * tenancy and guidance APIs are built at the same time by others): a participant guided by
 * provider A and referred by the referral team, a home, and either a tenancy (the default) or,
 * for the fallback path, a placement with `housed`/`exited` phase events.
 */
export interface History {
  referredOn?: string;
  start: string;
  end?: { date: string; reason: string };
  /** 'tenancy' (default) or 'phase': placements and phase events only. */
  via?: 'tenancy' | 'phase';
  provider?: string;
  targetGroup?: TargetGroup;
  flippedOn?: string;
  municipality?: string;
  /** A moved_within_programme end and a second tenancy from this date. */
  movedWithinOn?: string;
}

export async function housed(k: Kit, h: History): Promise<{ id: string; code: string; unitId: string }> {
  const db = k.t.database;
  const { regionId, programmeId } = k.r;
  const id = crypto.randomUUID();
  const code = randomCode();
  const provider = h.provider ?? k.r.orgs.providerA;
  const referredOn = h.referredOn ?? '2020-10-01';
  await db.query(
    `INSERT INTO participants (region_id, id, programme_id, code, given_name, family_name, name_key, date_of_birth, target_group, current_place,
       consent_given_on, consent_scope, provider_id, phase, phase_since, first_referred_on, priority_key)
     VALUES ($1, $2, $3, $4, 'Uitkomst', $5, $6, '1980-01-01', $7, 'night_shelter', $8, '{programme}', $9, $10, $11, $8, $4)`,
    [regionId, id, programmeId, code, `Persoon${id.slice(0, 6)}`, `uitkomst|persoon${id.slice(0, 8)}`, h.targetGroup ?? 'single_adult', referredOn, provider,
      h.end ? 'exited' : 'housed', h.end?.date ?? h.start],
  );
  await db.query(
    `INSERT INTO participant_organisations (region_id, participant_id, organisation_id, relation, since) VALUES ($1, $2, $3, 'provider', $5), ($1, $2, $4, 'referrer', $5)`,
    [regionId, id, provider, k.r.orgs.referral, referredOn],
  );
  await db.query(
    `INSERT INTO referrals (region_id, id, participant_id, original_participant_id, organisation_id, referred_on, homelessness, expected_independent, motivation)
     VALUES ($1, $2, $3, $3, $4, $5, 'homeless', true, 'Test')`,
    [regionId, crypto.randomUUID(), id, k.r.orgs.referral, referredOn],
  );
  const unit = async () => {
    const unitId = crypto.randomUUID();
    await db.query(
      `INSERT INTO units (region_id, id, programme_id, municipality_id, label, form, status, status_since) VALUES ($1, $2, $3, $4, $5, 'existing_stock', 'occupied', $6)`,
      [regionId, unitId, programmeId, h.municipality ?? k.r.municipalities.a, `Woning ${unitId.slice(0, 6)}`, h.start],
    );
    return unitId;
  };
  const unitId = await unit();
  const events: [string, string, string | null][] = [['referred', referredOn, null], ['housed', h.start, null]];
  if (h.end) events.push(['exited', h.end.date, h.end.reason]);
  for (const [phase, date, reason] of events) {
    await db.query(
      `INSERT INTO participant_phase_events (region_id, id, participant_id, phase, effective_date, reason, unit_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [regionId, crypto.randomUUID(), id, phase, date, reason, phase === 'housed' ? unitId : null],
    );
  }
  if ((h.via ?? 'tenancy') === 'phase') {
    await db.query(
      `INSERT INTO participant_placements (region_id, id, participant_id, unit_id, start_date, end_date) VALUES ($1, $2, $3, $4, $5, $6)`,
      [regionId, crypto.randomUUID(), id, unitId, h.start, h.end?.date ?? null],
    );
    return { id, code, unitId };
  }
  const tenancy = async (unit: string, start: string, end: { date: string; reason: string } | undefined, flipped: string | null) => {
    const tid = crypto.randomUUID();
    await db.query(
      `INSERT INTO tenancies (region_id, id, programme_id, unit_id, participant_id, provider_id, start_date, rent_cents, lease_holder, flipped_on, end_date, end_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 60000, $8, $9, $10, $11)`,
      [regionId, tid, programmeId, unit, id, provider, start, flipped ? 'tenant' : 'provider', flipped, end?.date ?? null, end?.reason ?? null],
    );
    return tid;
  };
  if (h.movedWithinOn) {
    await tenancy(unitId, h.start, { date: h.movedWithinOn, reason: 'moved_within_programme' }, null);
    await tenancy(await unit(), h.movedWithinOn, h.end, h.flippedOn ?? null);
  } else {
    await tenancy(unitId, h.start, h.end, h.flippedOn ?? null);
  }
  return { id, code, unitId };
}

/** A ZRM measurement written directly; every domain gets `score` unless `scores` says otherwise. */
export async function measured(k: Kit, participantId: string, moment: ZrmMoment, measuredOn: string, score = 3, scores: Partial<Record<ZrmDomain, number | null>> = {}) {
  const values = ZRM_DOMAINS.map((d) => (d in scores ? scores[d] : score));
  await k.t.database.query(
    `INSERT INTO zrm_measurements (region_id, id, participant_id, programme_id, measured_on, moment, ${ZRM_DOMAINS.join(', ')}, housing_status, organisation_id)
     VALUES ($1, $2, $3, $4, $5, $6, ${ZRM_DOMAINS.map((_, i) => `$${i + 7}`).join(', ')}, 'housed_programme', $20)`,
    [k.r.regionId, crypto.randomUUID(), participantId, k.r.programmeId, measuredOn, moment, ...values, k.r.orgs.providerA],
  );
}

/** A later referral of the same person as homeless: a return to homelessness after an exit. */
export async function referredAgain(k: Kit, participantId: string, on: string) {
  await k.t.database.query(
    `INSERT INTO referrals (region_id, id, participant_id, original_participant_id, organisation_id, referred_on, homelessness, expected_independent, motivation)
     VALUES ($1, $2, $3, $3, $4, $5, 'homeless', true, 'Weer dakloos')`,
    [k.r.regionId, crypto.randomUUID(), participantId, k.r.orgs.referral, on],
  );
}

/** A scale-down to a neighbourhood team on `on`, written directly (two episodes and the hand-over). */
export async function scaledDown(k: Kit, participantId: string, start: string, on: string) {
  const db = k.t.database;
  const team = crypto.randomUUID();
  await db.query(`INSERT INTO organisations (region_id, id, name, kind) VALUES ($1, $2, $3, 'neighbourhood_team')`, [k.r.regionId, team, `Buurtteam ${team.slice(0, 6)}`]);
  const from = crypto.randomUUID();
  const to = crypto.randomUUID();
  await db.query(
    `INSERT INTO guidance_episodes (region_id, id, participant_id, organisation_id, start_date, hours_per_week, level, end_date, end_reason)
     VALUES ($1, $2, $3, $4, $5, 6, 'intensive', $6, 'handed_over')`,
    [k.r.regionId, from, participantId, k.r.orgs.providerA, start, on],
  );
  await db.query(
    `INSERT INTO guidance_episodes (region_id, id, participant_id, organisation_id, start_date, hours_per_week, level, previous_episode_id)
     VALUES ($1, $2, $3, $4, $5, 1, 'light', $6)`,
    [k.r.regionId, to, participantId, team, on, from],
  );
  await db.query(
    `INSERT INTO guidance_handovers (region_id, id, from_episode_id, to_episode_id, team_id, handover_date, handed_over) VALUES ($1, $2, $3, $4, $5, $6, 'Doelen en netwerk')`,
    [k.r.regionId, crypto.randomUUID(), from, to, team, on],
  );
}
