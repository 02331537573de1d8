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
import { TARGET_GROUP_LABELS } from '../waitingList/waitingList.priority.js';

type Text = { nl: string; en: string };

/**
 * Eligibility (docs/matching.md): the hard conditions of a home, separate from priority. Pure
 * functions over facts loaded by matching.facts.ts, so rankings, proposals and offers apply the
 * same rules and every refusal carries its reason in Dutch and English.
 */

/** A rule as stored: attached to the programme, a location or a unit. */
export interface EligibilityRule {
  id: string;
  kind: EligibilityRuleKind;
  level: RuleLevel;
  programmeId: string;
  locationId: string | null;
  unitId: string | null;
  params: RuleParams;
  note: string | null;
}

/** Parameters per kind (validated on the way in by eligibility.schema.ts). */
export interface RuleParams {
  /** household_size: persons per room (default 2). */
  maxPersonsPerRoom?: number;
  /** household_size: an absolute maximum. */
  maxPersons?: number;
  /** target_group: the groups the home is for. */
  allowed?: TargetGroup[];
  /** indication_required: the indications that count (default every indication but none). */
  indications?: IndicationType[];
  /** risk_screening: the highest risk level the home can take (default high: only exclusions count). */
  maxRiskLevel?: RiskLevel;
}

/** What the rules look at of a home. */
export interface UnitFacts {
  id: string;
  label: string;
  programmeId: string;
  status: UnitStatus;
  statusSince: string;
  locationId: string | null;
  locationName: string | null;
  district: string | null;
  deliveryMode: DeliveryMode | null;
  municipalityId: string;
  municipalityName: string;
  rooms: number | null;
  corporationId: string | null;
  providerId: string | null;
}

/** What the rules and the score look at of a person. */
export interface CandidateFacts {
  id: string;
  code: string;
  name: string;
  programmeId: string;
  phase: ParticipantPhase;
  priorityKey: string;
  householdSize: number;
  targetGroup: TargetGroup;
  needs: HomeNeed[];
  preferredMunicipalityIds: string[];
  excludedMunicipalityIds: string[];
  consentHousing: boolean;
  /** Indications of decided assessments valid on the date of the ranking. */
  validIndications: IndicationType[];
  /** The latest risk screening. */
  riskScreening: { riskLevel: RiskLevel; excludedMunicipalityIds: string[]; excludedAreas: string[] } | null;
  suitability: SuitabilityResult | null;
  waitingListRegisteredOn: string | null;
  firstReferredOn: string;
  providerId: string | null;
  providerName: string | null;
  /** Parked on the date: until (ISO date) or null for indefinitely; undefined when not parked. */
  parkedUntil?: string | null;
  /** The home of the offer the person has accepted (it holds them), if any. */
  activeOfferUnitId: string | null;
  /** Homes with an open offer to the person. */
  openOfferUnitIds: string[];
  /** Homes the person's offer was declined for (confirmed by the office). */
  declinedUnitIds: string[];
  /** Ids of the calls (and what they cover) the person was nominated in. */
  nominations: { callId: string; locationId: string | null; unitIds: string[] }[];
}

/** Why someone is not eligible for a home: the rule (if a stored one) and the words. */
export interface Exclusion extends Text {
  code: string;
  ruleId: string | null;
  level: RuleLevel | null;
}

const LEVEL_ORDER: Record<RuleLevel, number> = { programme: 0, location: 1, unit: 2 };
const LEVEL_LABEL: Record<RuleLevel, Text> = {
  programme: { nl: 'programma', en: 'programme' },
  location: { nl: 'locatie', en: 'location' },
  unit: { nl: 'woning', en: 'unit' },
};

/**
 * The rules in force for a home: those of its programme, its location and the unit itself,
 * inherited downward; of each kind only the most specific level applies (a location for
 * families lifts the programme's "single adults only").
 */
export function effectiveRules(unit: Pick<UnitFacts, 'id' | 'programmeId' | 'locationId'>, rules: readonly EligibilityRule[]): EligibilityRule[] {
  const byKind = new Map<EligibilityRuleKind, EligibilityRule>();
  for (const r of rules) {
    if (r.programmeId !== unit.programmeId) continue;
    const applies = r.level === 'programme' || (r.level === 'location' && r.locationId === unit.locationId) || (r.level === 'unit' && r.unitId === unit.id);
    if (!applies) continue;
    const held = byKind.get(r.kind);
    if (!held || LEVEL_ORDER[r.level] > LEVEL_ORDER[held.level]) byKind.set(r.kind, r);
  }
  return [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

const RISK_ORDER: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };
const ACCESS_NEEDS: HomeNeed[] = ['accessible', 'no_stairs', 'ground_floor'];
const DEFAULT_INDICATIONS: IndicationType[] = ['beschermd_thuis', 'ambulant', 'other'];

/** Words describing a rule, for the rule list of a ranking. */
export function describeRule(r: EligibilityRule): Text {
  const at = LEVEL_LABEL[r.level];
  const p = r.params;
  switch (r.kind) {
    case 'household_size': {
      const per = p.maxPersonsPerRoom ?? 2;
      const max = p.maxPersons ? { nl: `, hoogstens ${p.maxPersons} personen`, en: `, at most ${p.maxPersons} persons` } : { nl: '', en: '' };
      return { nl: `Huishouden past in de woning: hoogstens ${per} personen per kamer${max.nl} (${at.nl})`, en: `Household fits the home: at most ${per} persons per room${max.en} (${at.en})` };
    }
    case 'target_group': {
      const groups = (p.allowed ?? []).map((g) => TARGET_GROUP_LABELS[g]);
      return { nl: `Alleen voor: ${groups.map((g) => g.nl).join(', ')} (${at.nl})`, en: `Only for: ${groups.map((g) => g.en).join(', ')} (${at.en})` };
    }
    case 'municipality_exclusion':
      return { nl: `Niet voor wie de gemeente van de woning heeft uitgesloten (${at.nl})`, en: `Not for someone who excluded the home's municipality (${at.en})` };
    case 'not_accessible':
      return { nl: `De woning is niet toegankelijk (trappen, geen lift) (${at.nl})`, en: `The home is not accessible (stairs, no lift) (${at.en})` };
    case 'no_pets':
      return { nl: `Geen huisdieren toegestaan (${at.nl})`, en: `No pets allowed (${at.en})` };
    case 'indication_required':
      return { nl: `Een geldige indicatie is vereist: ${(p.indications ?? DEFAULT_INDICATIONS).join(', ')} (${at.nl})`, en: `A valid indication is required: ${(p.indications ?? DEFAULT_INDICATIONS).join(', ')} (${at.en})` };
    case 'consent_housing':
      return { nl: `Toestemming om gegevens met de verhuurder te delen is vereist (${at.nl})`, en: `Consent to share data with the landlord is required (${at.en})` };
    case 'risk_screening':
      return {
        nl: `Volgens de risicotaxatie mag de persoon hier wonen${p.maxRiskLevel ? ` (risico hoogstens ${p.maxRiskLevel})` : ''} (${at.nl})`,
        en: `According to the risk screening the person may live here${p.maxRiskLevel ? ` (risk at most ${p.maxRiskLevel})` : ''} (${at.en})`,
      };
  }
}

/** " (rule of the location)": which level a failed rule came from (built only on failure: batch matching is hot). */
const w = (rule: EligibilityRule): Text => ({ nl: ` (regel van de ${LEVEL_LABEL[rule.level].nl})`, en: ` (rule of the ${LEVEL_LABEL[rule.level].en})` });

/** Why `c` fails `rule` for `unit`, or null when it passes. */
export function ruleFailure(rule: EligibilityRule, unit: UnitFacts, c: CandidateFacts): Text | null {
  const p = rule.params;
  switch (rule.kind) {
    case 'household_size': {
      const per = p.maxPersonsPerRoom ?? 2;
      if (p.maxPersons && c.householdSize > p.maxPersons) {
        return { nl: `Huishouden van ${c.householdSize} personen; deze woning is voor hoogstens ${p.maxPersons}${w(rule).nl}.`, en: `Household of ${c.householdSize}; this home takes at most ${p.maxPersons}${w(rule).en}.` };
      }
      if (unit.rooms !== null && c.householdSize > unit.rooms * per) {
        return {
          nl: `Huishouden van ${c.householdSize} personen past niet in ${unit.rooms} kamer(s) (hoogstens ${per} per kamer)${w(rule).nl}.`,
          en: `Household of ${c.householdSize} does not fit ${unit.rooms} room(s) (at most ${per} per room)${w(rule).en}.`,
        };
      }
      return null;
    }
    case 'target_group': {
      const allowed = p.allowed ?? [];
      if (allowed.includes(c.targetGroup)) return null;
      const g = TARGET_GROUP_LABELS[c.targetGroup];
      return {
        nl: `Doelgroep ${g.nl}; deze woning is voor ${allowed.map((x) => TARGET_GROUP_LABELS[x].nl).join(', ')}${w(rule).nl}.`,
        en: `Target group ${g.en}; this home is for ${allowed.map((x) => TARGET_GROUP_LABELS[x].en).join(', ')}${w(rule).en}.`,
      };
    }
    case 'municipality_exclusion':
      return c.excludedMunicipalityIds.includes(unit.municipalityId)
        ? { nl: `Heeft ${unit.municipalityName} uitgesloten als woonplaats${w(rule).nl}.`, en: `Has excluded ${unit.municipalityName} as a place to live${w(rule).en}.` }
        : null;
    case 'not_accessible': {
      const need = c.needs.find((n) => ACCESS_NEEDS.includes(n));
      return need
        ? { nl: `Heeft een toegankelijke woning nodig (${need}); deze woning is dat niet${w(rule).nl}.`, en: `Needs an accessible home (${need}); this home is not${w(rule).en}.` }
        : null;
    }
    case 'no_pets':
      return c.needs.includes('pets') ? { nl: `Heeft een huisdier; hier zijn geen huisdieren toegestaan${w(rule).nl}.`, en: `Has a pet; no pets are allowed here${w(rule).en}.` } : null;
    case 'indication_required': {
      const wanted = p.indications ?? DEFAULT_INDICATIONS;
      return c.validIndications.some((i) => wanted.includes(i))
        ? null
        : { nl: `Heeft geen geldige indicatie (${wanted.join(', ')})${w(rule).nl}.`, en: `Has no valid indication (${wanted.join(', ')})${w(rule).en}.` };
    }
    case 'consent_housing':
      return c.consentHousing
        ? null
        : { nl: `Geen toestemming om gegevens met de verhuurder te delen${w(rule).nl}.`, en: `No consent to share data with the landlord${w(rule).en}.` };
    case 'risk_screening': {
      const s = c.riskScreening;
      if (!s) return null;
      if (s.excludedMunicipalityIds.includes(unit.municipalityId)) {
        return { nl: `De risicotaxatie sluit ${unit.municipalityName} uit${w(rule).nl}.`, en: `The risk screening excludes ${unit.municipalityName}${w(rule).en}.` };
      }
      const district = unit.district?.trim().toLowerCase();
      if (district && s.excludedAreas.some((a) => a.trim().toLowerCase() === district)) {
        return { nl: `De risicotaxatie sluit de wijk ${unit.district} uit${w(rule).nl}.`, en: `The risk screening excludes the district ${unit.district}${w(rule).en}.` };
      }
      if (p.maxRiskLevel && RISK_ORDER[s.riskLevel] > RISK_ORDER[p.maxRiskLevel]) {
        return { nl: `Risiconiveau ${s.riskLevel} is hoger dan deze woning aankan (${p.maxRiskLevel})${w(rule).nl}.`, en: `Risk level ${s.riskLevel} is higher than this home can take (${p.maxRiskLevel})${w(rule).en}.` };
      }
      return null;
    }
  }
}

/**
 * The engine's own exclusions, before any rule (reference.md): only `ready` participants of the
 * home's programme are matched; not someone parked, someone whose accepted offer already holds
 * them, someone with an open offer (one offer at a time keeps the workflow honest), or someone
 * whose offer of this very home was declined.
 */
export function engineExclusions(unit: UnitFacts, c: CandidateFacts): Exclusion[] {
  const out: Exclusion[] = [];
  const x = (code: string, nl: string, en: string) => out.push({ code, ruleId: null, level: null, nl, en });
  if (c.programmeId !== unit.programmeId) x('other_programme', 'Neemt deel aan een ander programma.', 'Takes part in another programme.');
  if (c.phase !== 'ready') x('not_ready', `Is niet klaar voor matching (fase ${c.phase}).`, `Is not ready for matching (phase ${c.phase}).`);
  if (c.parkedUntil !== undefined) {
    x('parked', c.parkedUntil ? `Geparkeerd tot en met ${c.parkedUntil}.` : 'Voor onbepaalde tijd geparkeerd.', c.parkedUntil ? `Parked until ${c.parkedUntil}.` : 'Parked indefinitely.');
  }
  if (c.activeOfferUnitId && c.activeOfferUnitId !== unit.id) x('active_offer', 'Heeft een ander aanbod aangenomen.', 'Has accepted another offer.');
  if (c.openOfferUnitIds.includes(unit.id)) x('offered_here', 'Heeft al een lopend aanbod voor deze woning.', 'Already has an open offer for this home.');
  else if (c.openOfferUnitIds.length > 0 && !c.activeOfferUnitId) x('open_offer', 'Heeft een lopend aanbod voor een andere woning.', 'Has an open offer for another home.');
  if (c.declinedUnitIds.includes(unit.id)) x('declined_here', 'Een eerder aanbod van deze woning is afgewezen.', 'An earlier offer of this home was declined.');
  return out;
}

/** Every reason `c` is not eligible for `unit` under `rules` (the effective rules of the home); empty when eligible. */
export function exclusions(unit: UnitFacts, c: CandidateFacts, rules: readonly EligibilityRule[]): Exclusion[] {
  const out = engineExclusions(unit, c);
  for (const r of rules) {
    const f = ruleFailure(r, unit, c);
    if (f) out.push({ code: r.kind, ruleId: r.id, level: r.level, ...f });
  }
  return out;
}

/** True when `c` is eligible for `unit`: the fast path of batch matching (no words built). */
export function isEligible(unit: UnitFacts, c: CandidateFacts, rules: readonly EligibilityRule[]): boolean {
  if (c.programmeId !== unit.programmeId || c.phase !== 'ready' || c.parkedUntil !== undefined) return false;
  if (c.activeOfferUnitId || c.openOfferUnitIds.length > 0 || c.declinedUnitIds.includes(unit.id)) return false;
  for (const r of rules) if (ruleFailure(r, unit, c)) return false;
  return true;
}
