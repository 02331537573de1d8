import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rows } from '../../http/context.js';
import type {
  DeliveryMode,
  EligibilityRuleKind,
  HomeNeed,
  IndicationType,
  ParticipantPhase,
  RiskLevel,
  RuleLevel,
  SuitabilityResult,
  TargetGroup,
  UnitStatus,
} from '../../../shared/enums.js';
import type { CandidateFacts, EligibilityRule, RuleParams, UnitFacts } from '../eligibility/eligibility.evaluate.js';

/**
 * Loads what eligibility and scoring look at, in a handful of set-based queries (one per kind of
 * fact, not one per person), so a ranking of thousands of candidates costs a few queries. Runs
 * in the caller's transaction: under row-level security a caller only loads what they may see.
 */

interface UnitRow {
  id: string;
  label: string;
  programme_id: string;
  status: UnitStatus;
  status_since: string;
  location_id: string | null;
  location_name: string | null;
  district: string | null;
  delivery_mode: DeliveryMode | null;
  municipality_id: string;
  municipality_name: string;
  rooms: number | null;
  corporation_id: string | null;
  provider_id: string | null;
}

/** Units of the region by id, location or programme (and status), in label order. */
export async function loadUnitFacts(
  tx: Tx,
  regionId: string,
  f: { unitIds?: readonly string[]; locationId?: string; programmeId?: string; status?: UnitStatus },
): Promise<UnitFacts[]> {
  const where: SQL[] = [sql`u.region_id = ${regionId}`];
  if (f.unitIds) where.push(f.unitIds.length ? sql`u.id IN ${f.unitIds}` : sql`FALSE`);
  if (f.locationId) where.push(sql`u.location_id = ${f.locationId}`);
  if (f.programmeId) where.push(sql`u.programme_id = ${f.programmeId}`);
  if (f.status) where.push(sql`u.status = ${f.status}`);
  const list = await rows<UnitRow>(
    tx,
    sql`SELECT u.id, u.label, u.programme_id, u.status, u.status_since, u.location_id, l.name AS location_name, l.district,
               l.delivery_mode, u.municipality_id, m.name AS municipality_name, u.rooms, l.corporation_id, l.provider_id
          FROM units u JOIN municipalities m ON m.id = u.municipality_id LEFT JOIN locations l ON l.id = u.location_id
         WHERE ${sql.join(where, sql` AND `)}
         ORDER BY u.label, u.id`,
  );
  return list.map((u) => ({
    id: u.id,
    label: u.label,
    programmeId: u.programme_id,
    status: u.status,
    statusSince: u.status_since,
    locationId: u.location_id,
    locationName: u.location_name,
    district: u.district,
    deliveryMode: u.delivery_mode,
    municipalityId: u.municipality_id,
    municipalityName: u.municipality_name,
    rooms: u.rooms,
    corporationId: u.corporation_id,
    providerId: u.provider_id,
  }));
}

interface RuleRow {
  id: string;
  kind: EligibilityRuleKind;
  programme_id: string;
  location_id: string | null;
  unit_id: string | null;
  params: RuleParams;
  note: string | null;
}

/** Where a stored rule is attached: the unit, the location or (neither) the programme. */
export const levelOf = (r: { location_id: string | null; unit_id: string | null }): RuleLevel =>
  r.unit_id ? 'unit' : r.location_id ? 'location' : 'programme';

/** The rules in force (not removed) of a programme, at every level. */
export async function loadRules(tx: Tx, regionId: string, programmeId: string): Promise<EligibilityRule[]> {
  const list = await rows<RuleRow>(
    tx,
    sql`SELECT id, kind, programme_id, location_id, unit_id, params, note FROM eligibility_rules
         WHERE region_id = ${regionId} AND programme_id = ${programmeId} AND removed_at IS NULL
         ORDER BY kind, created_at, id`,
  );
  return list.map((r) => ({
    id: r.id,
    kind: r.kind,
    level: levelOf(r),
    programmeId: r.programme_id,
    locationId: r.location_id,
    unitId: r.unit_id,
    params: r.params ?? {},
    note: r.note,
  }));
}

interface CandidateRow {
  id: string;
  code: string;
  name: string;
  programme_id: string;
  phase: ParticipantPhase;
  priority_key: string;
  household_size: number;
  target_group: TargetGroup;
  needs: HomeNeed[];
  preferred_municipality_ids: string[];
  excluded_municipality_ids: string[];
  consent_housing: boolean;
  waiting_list_registered_on: string | null;
  first_referred_on: string;
  provider_id: string | null;
  provider_name: string | null;
}

/**
 * Candidates of a programme with every fact the rules and the score need, in priority order
 * (the by-name list's key: the tie-breaker of equal scores). `phases` defaults to `ready`;
 * `participantIds` narrows to some people (explaining one person, checking an offer).
 */
export async function loadCandidates(
  tx: Tx,
  regionId: string,
  opts: { programmeId?: string; asOf: string; phases?: readonly ParticipantPhase[]; participantIds?: readonly string[] },
): Promise<CandidateFacts[]> {
  const filter: SQL[] = [sql`p.region_id = ${regionId}`, sql`p.merged_into_id IS NULL`];
  if (opts.programmeId) filter.push(sql`p.programme_id = ${opts.programmeId}`);
  if (opts.phases) filter.push(opts.phases.length ? sql`p.phase IN ${opts.phases}` : sql`FALSE`);
  if (opts.participantIds) filter.push(opts.participantIds.length ? sql`p.id IN ${opts.participantIds}` : sql`FALSE`);
  const who = sql.join(filter, sql` AND `);
  const people = sql`(SELECT p.id FROM participants p WHERE ${who})`;
  const asOf = opts.asOf;
  const base = await rows<CandidateRow>(
    tx,
    sql`SELECT p.id, p.code, p.given_name || ' ' || p.family_name AS name, p.programme_id, p.phase, p.priority_key,
               p.household_adults + p.household_children AS household_size, p.target_group, p.needs,
               p.preferred_municipality_ids, p.excluded_municipality_ids,
               (p.consent_given_on IS NOT NULL AND p.consent_given_on <= ${asOf} AND 'housing' = ANY (p.consent_scope)) AS consent_housing,
               p.waiting_list_registered_on, p.first_referred_on, p.provider_id, o.name AS provider_name
          FROM participants p LEFT JOIN organisations o ON o.id = p.provider_id
         WHERE ${who}
         ORDER BY p.priority_key`,
  );
  if (base.length === 0) return [];
  // One query after another: a transaction is one connection (pg refuses overlapping queries on it).
  const indications = await rows<{ participant_id: string; indications: IndicationType[] }>(
    tx,
    sql`SELECT participant_id, array_agg(DISTINCT indication) AS indications FROM care_assessments
         WHERE region_id = ${regionId} AND participant_id IN ${people} AND status = 'decided' AND indication <> 'none'
           AND decided_on <= ${asOf} AND valid_from <= ${asOf} AND (valid_to IS NULL OR valid_to >= ${asOf})
         GROUP BY participant_id`,
  );
  const screenings = await rows<{ participant_id: string; risk_level: RiskLevel; excluded_municipality_ids: string[]; excluded_areas: string[] }>(
    tx,
    sql`SELECT DISTINCT ON (participant_id) participant_id, risk_level, excluded_municipality_ids, excluded_areas FROM risk_screenings
         WHERE region_id = ${regionId} AND participant_id IN ${people} AND screened_on <= ${asOf}
         ORDER BY participant_id, screened_on DESC, created_at DESC`,
  );
  const suitability = await rows<{ participant_id: string; result: SuitabilityResult }>(
    tx,
    sql`SELECT DISTINCT ON (participant_id) participant_id, result FROM suitability_assessments
         WHERE region_id = ${regionId} AND participant_id IN ${people} AND assessed_on <= ${asOf}
         ORDER BY participant_id, assessed_on DESC, created_at DESC`,
  );
  const parkings = await rows<{ participant_id: string; indefinite: boolean; until: string | null }>(
    tx,
    sql`SELECT participant_id, bool_or(parked_until IS NULL) AS indefinite, max(parked_until)::text AS until FROM participant_parkings
         WHERE region_id = ${regionId} AND participant_id IN ${people} AND ended_on IS NULL
           AND parked_from <= ${asOf} AND (parked_until IS NULL OR parked_until >= ${asOf})
         GROUP BY participant_id`,
  );
  const offers = await rows<{ participant_id: string; unit_id: string; step: string; status: string }>(
    tx,
    sql`SELECT participant_id, unit_id, step, status FROM offers
         WHERE region_id = ${regionId} AND participant_id IN ${people} AND status IN ('open','decline_review','declined')`,
  );
  const nominations = await rows<{ participant_id: string; call_id: string; location_id: string | null; unit_ids: string[] }>(
    tx,
    sql`SELECT n.participant_id, c.id AS call_id, c.location_id, c.unit_ids FROM call_nominations n JOIN calls c ON c.id = n.call_id
         WHERE n.region_id = ${regionId} AND n.participant_id IN ${people} AND c.status <> 'cancelled'`,
  );
  const byId = <T extends { participant_id: string }>(list: T[]) => new Map(list.map((x) => [x.participant_id, x]));
  const ind = byId(indications);
  const scr = byId(screenings);
  const suit = byId(suitability);
  const park = byId(parkings);
  const open = new Map<string, string[]>();
  const active = new Map<string, string>();
  const declined = new Map<string, string[]>();
  for (const o of offers) {
    if (o.status === 'declined') declined.set(o.participant_id, [...(declined.get(o.participant_id) ?? []), o.unit_id]);
    else {
      open.set(o.participant_id, [...(open.get(o.participant_id) ?? []), o.unit_id]);
      if (o.step === 'contract') active.set(o.participant_id, o.unit_id);
    }
  }
  const noms = new Map<string, CandidateFacts['nominations']>();
  for (const n of nominations) {
    noms.set(n.participant_id, [...(noms.get(n.participant_id) ?? []), { callId: n.call_id, locationId: n.location_id, unitIds: n.unit_ids }]);
  }
  return base.map((p) => {
    const s = scr.get(p.id);
    const k = park.get(p.id);
    const c: CandidateFacts = {
      id: p.id,
      code: p.code,
      name: p.name,
      programmeId: p.programme_id,
      phase: p.phase,
      priorityKey: p.priority_key,
      householdSize: p.household_size,
      targetGroup: p.target_group,
      needs: p.needs,
      preferredMunicipalityIds: p.preferred_municipality_ids,
      excludedMunicipalityIds: p.excluded_municipality_ids,
      consentHousing: p.consent_housing,
      validIndications: ind.get(p.id)?.indications ?? [],
      riskScreening: s ? { riskLevel: s.risk_level, excludedMunicipalityIds: s.excluded_municipality_ids, excludedAreas: s.excluded_areas } : null,
      suitability: suit.get(p.id)?.result ?? null,
      waitingListRegisteredOn: p.waiting_list_registered_on,
      firstReferredOn: p.first_referred_on,
      providerId: p.provider_id,
      providerName: p.provider_name,
      activeOfferUnitId: active.get(p.id) ?? null,
      openOfferUnitIds: open.get(p.id) ?? [],
      declinedUnitIds: declined.get(p.id) ?? [],
      nominations: noms.get(p.id) ?? [],
    };
    if (k) c.parkedUntil = k.indefinite ? null : k.until;
    return c;
  });
}
