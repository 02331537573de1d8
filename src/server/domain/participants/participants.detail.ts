import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import type { Homelessness, ParticipantPhase, ParticipantRelation, PhaseReason } from '../../../shared/enums.js';
import { assessmentsOf, type AssessmentRow } from '../assessments/assessments.service.js';
import { screeningsOf, type RiskScreeningRow } from '../riskScreening/riskScreening.service.js';
import { suitabilityOf, type SuitabilityRow } from '../suitability/suitability.service.js';
import { getPrioritySettings, type StoredPriority } from '../waitingList/waitingList.service.js';
import type { PhaseFacts } from './participants.machine.js';
import { loadPhaseFacts, participantRank, screeningLimits, type ParticipantRow } from './participants.service.js';

export interface ReferralRow {
  id: string;
  referred_on: string;
  organisation_id: string;
  organisation_name: string;
  homelessness: Homelessness;
  expected_independent: boolean;
  motivation: string;
  notes: string | null;
  original_code: string | null;
  created_at: Date;
}

export interface PhaseEventRow {
  id: string;
  phase: ParticipantPhase;
  effective_date: string;
  reason: PhaseReason | null;
  note: string | null;
  unit_id: string | null;
  recorded_at: Date;
  recorded_by: string | null;
  recorded_by_name: string | null;
  from_code: string | null;
}

export interface MergeRow {
  id: string;
  merged_id: string;
  merged_code: string;
  reason: string;
  merged_at: Date;
  merged_by: string | null;
  merged_by_name: string | null;
}

export interface OrganisationRelationRow {
  id: string;
  name: string;
  relation: ParticipantRelation;
  since: string;
  created_at: Date;
}

export interface PlacementRow {
  unit_id: string;
  unit: string;
  location: string | null;
  start_date: string;
}

/** Everything the participant page shows, loaded in one go; the presenter decides what the reader gets. */
export interface ParticipantDetailData {
  p: ParticipantRow;
  referrals: ReferralRow[];
  events: PhaseEventRow[];
  assessments: AssessmentRow[];
  screenings: RiskScreeningRow[];
  suitability: SuitabilityRow[];
  merges: MergeRow[];
  organisations: OrganisationRelationRow[];
  placement: PlacementRow | null;
  municipalities: Map<string, string>;
  screening: { screened: boolean; excluded: string[]; areas: string[] };
  facts: PhaseFacts;
  priority: StoredPriority;
  rank: number | null;
}

/** The participant and the records of any duplicates merged into it (recursively). */
const mergeGroup = (regionId: string, id: string) => sql`
  WITH RECURSIVE grp(id) AS (
    SELECT ${id}::uuid
    UNION
    SELECT q.id FROM participants q JOIN grp ON q.merged_into_id = grp.id WHERE q.region_id = ${regionId}
  )`;

/**
 * Loads the participant page: referrals, the phase history of the record and of every duplicate
 * merged into it, assessments, risk screenings, suitability assessments, merges, involved
 * organisations, the current home, and what the priority and the phase options need.
 */
export async function loadParticipantDetail(tx: Tx, ctx: AccessContext, p: ParticipantRow): Promise<ParticipantDetailData> {
  const regionId = ctx.regionId;
  const referrals = await rows<ReferralRow>(
    tx,
    sql`SELECT r.id, r.referred_on, r.organisation_id, o.name AS organisation_name, r.homelessness, r.expected_independent, r.motivation, r.notes,
               CASE WHEN r.original_participant_id <> r.participant_id THEN op.code END AS original_code, r.created_at
          FROM referrals r JOIN organisations o ON o.id = r.organisation_id JOIN participants op ON op.id = r.original_participant_id
         WHERE r.region_id = ${regionId} AND r.participant_id = ${p.id}
         ORDER BY r.referred_on, r.created_at`,
  );
  const events = await rows<PhaseEventRow>(
    tx,
    sql`${mergeGroup(regionId, p.id)}
        SELECT e.id, e.phase, e.effective_date, e.reason, e.note, e.unit_id, e.recorded_at, e.recorded_by, u.name AS recorded_by_name,
               CASE WHEN e.participant_id <> ${p.id} THEN q.code END AS from_code
          FROM participant_phase_events e
          JOIN grp ON grp.id = e.participant_id
          JOIN participants q ON q.id = e.participant_id
          LEFT JOIN users u ON u.id = e.recorded_by
         WHERE e.region_id = ${regionId}
         ORDER BY e.effective_date, e.seq`,
  );
  const merges = await rows<MergeRow>(
    tx,
    sql`${mergeGroup(regionId, p.id)}
        SELECT m.id, m.merged_id, q.code AS merged_code, m.reason, m.merged_at, m.merged_by, u.name AS merged_by_name
          FROM participant_merges m
          JOIN grp ON grp.id = m.survivor_id
          JOIN participants q ON q.id = m.merged_id
          LEFT JOIN users u ON u.id = m.merged_by
         WHERE m.region_id = ${regionId}
         ORDER BY m.merged_at`,
  );
  const organisations = await rows<OrganisationRelationRow>(
    tx,
    sql`SELECT o.id, o.name, po.relation, po.since, po.created_at
          FROM participant_organisations po JOIN organisations o ON o.id = po.organisation_id
         WHERE po.region_id = ${regionId} AND po.participant_id = ${p.id}
         ORDER BY po.since, o.name, po.relation`,
  );
  const [placement] = await rows<PlacementRow>(
    tx,
    sql`SELECT pl.unit_id, u.label AS unit, l.name AS location, pl.start_date
          FROM participant_placements pl JOIN units u ON u.id = pl.unit_id LEFT JOIN locations l ON l.id = u.location_id
         WHERE pl.region_id = ${regionId} AND pl.participant_id = ${p.id} AND pl.end_date IS NULL`,
  );
  const screening = await screeningLimits(tx, regionId, p.id);
  const ids = [...new Set([...p.preferred_municipality_ids, ...p.excluded_municipality_ids])];
  const municipalities = new Map(
    (
      await rows<{ id: string; name: string }>(
        tx,
        sql`SELECT id::text AS id, name FROM municipalities WHERE region_id = ${regionId} AND id = ANY(${sql.param(ids)}::uuid[])`,
      )
    ).map((m) => [m.id, m.name]),
  );
  return {
    p,
    referrals,
    events,
    assessments: await assessmentsOf(tx, regionId, p.id),
    screenings: await screeningsOf(tx, regionId, p.id),
    suitability: await suitabilityOf(tx, regionId, p.id),
    merges,
    organisations,
    placement: placement ?? null,
    municipalities,
    screening,
    facts: await loadPhaseFacts(tx, regionId, p.id),
    priority: await getPrioritySettings(tx, regionId, p.programme_id),
    rank: await participantRank(tx, ctx, p),
  };
}
