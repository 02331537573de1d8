/** Enumerations shared by server and client. Labels live in the web client's message catalogues. */

export const ORGANISATION_KINDS = [
  'municipality',
  'care_provider',
  'housing_corporation',
  'access_office',
  'referral_team',
  'allocation_office',
  'programme_office',
  'neighbourhood_team',
  'research_institute',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = [
  'programme_office',
  'care_worker',
  'care_manager',
  'corporation',
  'assessor',
  'referrer',
  'municipality',
  'researcher',
  'administrator',
  // The data-protection officer (functionaris gegevensbescherming): reads the access log.
  'privacy_officer',
  // Staff of the allocation office (Het Vierde Huis): record the steps of scattered offers.
  'allocation_officer',
] as const;
export type Role = (typeof ROLES)[number];

export const HOUSING_FORMS = ['existing_stock', 'transformation', 'new_build', 'flex', 'mixed'] as const;
export type HousingForm = (typeof HOUSING_FORMS)[number];

export const TARGET_GROUPS = ['single_adult', 'young_adult', 'family', 'domestic_violence'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const DELIVERY_MODES = ['scattered', 'project'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const UNIT_STATUSES = ['pledged', 'location_found', 'available', 'allocated', 'occupied', 'withdrawn'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** Statuses that count as "realised" on the counter: the location is in use or confirmed. */
export const REALISED_STATUSES: readonly UnitStatus[] = ['location_found', 'available', 'allocated', 'occupied'];

// —— Participants (issue 3) ——

/**
 * A participant's phase. Order: referred → eligible | not_eligible → assessed → ready → matched →
 * housed → exited; withdrawn from any phase before housed. The machine lives in
 * server/domain/participants/participants.machine.ts.
 */
export const PARTICIPANT_PHASES = [
  'referred',
  'eligible',
  'not_eligible',
  'assessed',
  'ready',
  'matched',
  'housed',
  'exited',
  'withdrawn',
] as const;
export type ParticipantPhase = (typeof PARTICIPANT_PHASES)[number];

/** Phases of someone still waiting for a home. */
export const WAITING_PHASES: readonly ParticipantPhase[] = ['referred', 'eligible', 'assessed', 'ready', 'matched'];
/** Phases of someone active in the programme: waiting, or housed with guidance. The by-name list shows these by default. */
export const ACTIVE_PHASES: readonly ParticipantPhase[] = [...WAITING_PHASES, 'housed'];

/** Where someone stays now. */
export const CURRENT_PLACES = ['street', 'night_shelter', 'shelter_24h', 'sheltered_housing', 'with_friends', 'other'] as const;
export type CurrentPlace = (typeof CURRENT_PLACES)[number];

/** Needs of the home. */
export const HOME_NEEDS = ['ground_floor', 'accessible', 'pets', 'no_stairs'] as const;
export type HomeNeed = (typeof HOME_NEEDS)[number];

/**
 * What the participant consented to: sharing within the programme's partners (needed for
 * matching), sharing with the housing corporation of an offered home, pseudonymised research.
 */
export const CONSENT_SCOPES = ['programme', 'housing', 'research'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** Eligibility question 1: homeless, or about to become so? */
export const HOMELESSNESS = ['homeless', 'at_risk', 'no'] as const;
export type Homelessness = (typeof HOMELESSNESS)[number];

/** Why someone is not eligible. */
export const NOT_ELIGIBLE_REASONS = ['not_homeless', 'not_expected_independent', 'outside_target_group', 'other'] as const;
/** Why someone is withdrawn before being housed. */
export const WITHDRAWAL_REASONS = [
  'own_choice',
  'housed_elsewhere',
  'not_reachable',
  'needs_more_care',
  'moved_out_of_region',
  'deceased',
  'other',
] as const;
/** Why someone left the programme after being housed. */
export const EXIT_REASONS = [
  'guidance_completed', 'moved_on', 'returned_to_shelter', 'evicted', 'deceased', 'other',
  // The tenancy's end reasons (issue 6; allowed by migration 0021's check).
  'admitted_to_care', 'detention', 'left_without_notice',
] as const;
/** Every reason code, for the column's check and the API schema. */
export const PHASE_REASONS = [
  'not_homeless',
  'not_expected_independent',
  'outside_target_group',
  'own_choice',
  'housed_elsewhere',
  'not_reachable',
  'needs_more_care',
  'moved_out_of_region',
  'deceased',
  'guidance_completed',
  'moved_on',
  'returned_to_shelter',
  'evicted',
  'other',
  'admitted_to_care',
  'detention',
  'left_without_notice',
] as const;
export type PhaseReason = (typeof PHASE_REASONS)[number];

/** Why an organisation is involved with (and so may see) a participant. */
// 'neighbourhood_team': the team that took over guidance after a scale-down (issue 6, migration 0021).
export const PARTICIPANT_RELATIONS = ['referrer', 'provider', 'assessor', 'consulted', 'neighbourhood_team'] as const;
export type ParticipantRelation = (typeof PARTICIPANT_RELATIONS)[number];

/** Care assessment (zorginhoudelijke beoordeling). */
export const INDICATION_TYPES = ['beschermd_thuis', 'ambulant', 'other', 'none'] as const;
export type IndicationType = (typeof INDICATION_TYPES)[number];
export const GUIDANCE_INTENSITIES = ['light', 'moderate', 'intensive', 'very_intensive'] as const;
export type GuidanceIntensity = (typeof GUIDANCE_INTENSITIES)[number];
export const ASSESSMENT_STATUSES = ['requested', 'assigned', 'decided', 'cancelled'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Suitability framework (afwegingskader) for an intake home. */
export const SUITABILITY_ANSWERS = ['yes', 'partly', 'no'] as const;
export type SuitabilityAnswer = (typeof SUITABILITY_ANSWERS)[number];
export const SUITABILITY_RESULTS = ['suitable', 'suitable_with_conditions', 'not_suitable'] as const;
export type SuitabilityResult = (typeof SUITABILITY_RESULTS)[number];

/** Risk screening (risicotaxatie) for domestic-violence cases. */
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Criteria the by-name list can be ordered by (docs/priority.md); the tie-breaker is always the pseudonym. */
export const PRIORITY_CRITERIA = ['waiting_list', 'referral_date', 'target_group', 'current_place'] as const;
export type PriorityCriterion = (typeof PRIORITY_CRITERIA)[number];

/** State of a CSV import. */
export const IMPORT_STATUSES = ['validated', 'confirmed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

// —— Matching and allocation (issue 5) ——

/**
 * Kinds of eligibility rule that a programme, location or unit can carry (docs/matching.md).
 * Each states a hard condition of the home; the most specific level of a kind wins.
 */
export const ELIGIBILITY_RULE_KINDS = [
  'household_size',
  'target_group',
  'municipality_exclusion',
  'not_accessible',
  'no_pets',
  'indication_required',
  'consent_housing',
  'risk_screening',
] as const;
export type EligibilityRuleKind = (typeof ELIGIBILITY_RULE_KINDS)[number];
/** Where a rule is attached: inherited downward, programme → location → unit. */
export const RULE_LEVELS = ['programme', 'location', 'unit'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** The parts a candidate's score for one home is made of. */
export const SCORE_PARTS = ['waiting_list', 'waiting_time', 'home_fit', 'municipality_preference', 'nominated'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

/** A broad call (brede uitvraag). */
export const CALL_STATUSES = ['open', 'closed', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/**
 * The step an offer waits at. Project route: provider_proposal → corporation_decision →
 * candidate_decision → contract. Scattered route (through the allocation office): receipt →
 * offer_to_candidate → viewing → candidate_decision → contract. Contract signed = succeeded.
 */
export const OFFER_STEPS = ['provider_proposal', 'corporation_decision', 'receipt', 'offer_to_candidate', 'viewing', 'candidate_decision', 'contract'] as const;
export type OfferStep = (typeof OFFER_STEPS)[number];
export const OFFER_STATUSES = ['open', 'decline_review', 'succeeded', 'declined', 'cancelled'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Who declined an offer (HUD's referral result codes map decline reasons to the party). */
export const DECLINE_PARTIES = ['client', 'provider', 'corporation', 'expired'] as const;
export type DeclineParty = (typeof DECLINE_PARTIES)[number];
export const CLIENT_DECLINE_REASONS = [
  'other_housing_option',
  'refused_unit',
  'does_not_want_housing_now',
  'unwilling_neighbourhood',
  'disappeared',
  'in_treatment',
  'incarcerated',
  'deceased',
  'other',
] as const;
export const PROVIDER_DECLINE_REASONS = [
  'ineligible_for_programme',
  'needs_higher_level_of_care',
  'not_reachable',
  'no_response_after_accepting',
  'home_does_not_suit',
  'other',
] as const;
export const CORPORATION_DECLINE_REASONS = [
  'not_affordable',
  'household_does_not_fit',
  'previous_tenancy_problems',
  'vacancy_filled',
  'unit_not_available',
  'other',
] as const;
export const EXPIRED_DECLINE_REASONS = ['deadline_passed', 'other'] as const;
export const DECLINE_REASONS = {
  client: CLIENT_DECLINE_REASONS,
  provider: PROVIDER_DECLINE_REASONS,
  corporation: CORPORATION_DECLINE_REASONS,
  expired: EXPIRED_DECLINE_REASONS,
} as const;
export const ALL_DECLINE_REASONS = [
  ...new Set<string>([...CLIENT_DECLINE_REASONS, ...PROVIDER_DECLINE_REASONS, ...CORPORATION_DECLINE_REASONS, ...EXPIRED_DECLINE_REASONS]),
] as readonly string[];
/** What the office does with a decline: confirm it, override it (the offer continues), or return it to the party. */
export const DECLINE_REVIEW_OUTCOMES = ['confirm', 'override', 'return'] as const;
export type DeclineReviewOutcome = (typeof DECLINE_REVIEW_OUTCOMES)[number];
/** Why an offer was cancelled (the first two by the system when another offer succeeds). */
export const CANCEL_REASONS = ['vacancy_filled', 'housed_elsewhere', 'unit_unavailable', 'participant_unavailable', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
/** Parking periods in days (reference.md: 30/60/90/180/365 or indefinitely). */
export const PARKING_PERIODS = [30, 60, 90, 180, 365] as const;

// —— Guidance (issue 6): the check constraints of migration 0021 ——
export const GUIDANCE_LEVELS = ['intensive', 'regular', 'light'] as const;
export type GuidanceLevel = (typeof GUIDANCE_LEVELS)[number];
/** The 13 life domains of the Zelfredzaamheid-Matrix (ZRM 2017), in the matrix's order. */
export const LIFE_DOMAINS = [
  'finances', 'work_education', 'time_use', 'housing', 'domestic_relations', 'mental_health', 'physical_health',
  'substance_use', 'basic_adl', 'instrumental_adl', 'social_network', 'social_participation', 'justice',
] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];
export const GOAL_STATUSES = ['open', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const CONTACT_KINDS = ['home_visit', 'office', 'phone', 'video', 'outreach', 'with_network', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const GUIDANCE_END_REASONS = ['handed_over', 'goals_met', 'tenancy_ended', 'declined', 'moved', 'deceased', 'other'] as const;
export type GuidanceEndReason = (typeof GUIDANCE_END_REASONS)[number];
export const SUPPORT_KINDS = ['debt_assistance', 'daytime_activities', 'income_budgeting', 'own_network'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const SUPPORT_STATUSES = ['requested', 'active', 'completed', 'stopped'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

// —— Tenancies and the lease flip (issue 6): the check constraints of migration 0021 ——
/** Who holds the lease: the care provider (intake home, sublet to the tenant) or the tenant. */
export const LEASE_HOLDERS = ['provider', 'tenant'] as const;
export type LeaseHolder = (typeof LEASE_HOLDERS)[number];
export const TENANCY_END_REASONS = [
  'moved_on', 'moved_within_programme', 'evicted', 'returned_to_shelter', 'admitted_to_care', 'detention', 'deceased', 'left_without_notice', 'other',
] as const;
export type TenancyEndReason = (typeof TENANCY_END_REASONS)[number];
/** What becomes of the home when a tenancy ends. */
export const TENANCY_UNIT_OUTCOMES = ['available', 'withdrawn'] as const;
export type TenancyUnitOutcome = (typeof TENANCY_UNIT_OUTCOMES)[number];
export const LEASE_FLIP_KINDS = ['rent_paid_on_time', 'no_open_nuisance', 'goals_met', 'corporation_agrees', 'tenant_agrees', 'custom'] as const;
export type LeaseFlipKind = (typeof LEASE_FLIP_KINDS)[number];

// —— Measurements and outcomes (issue 7) ——

/** The 13 domains of the self-sufficiency matrix (Zelfredzaamheid-Matrix 2017), in the matrix's order. */
export const ZRM_DOMAINS = [
  'finances',
  'work_education',
  'time_use',
  'housing',
  'domestic_relations',
  'mental_health',
  'physical_health',
  'substance_use',
  'basic_adl',
  'instrumental_adl',
  'social_network',
  'social_participation',
  'justice',
] as const;
export type ZrmDomain = (typeof ZRM_DOMAINS)[number];
/** When the ZRM is measured: at housing start and every 6 months up to 24 months. */
export const ZRM_MOMENTS = ['intake', 'm6', 'm12', 'm18', 'm24'] as const;
export type ZrmMoment = (typeof ZRM_MOMENTS)[number];
/** Months after housing start of each moment. */
export const ZRM_MOMENT_MONTHS: Record<ZrmMoment, number> = { intake: 0, m6: 6, m12: 12, m18: 18, m24: 24 };
/** Where the participant lived at a measurement. */
export const MEASUREMENT_HOUSING_STATUSES = ['housed_programme', 'housed_elsewhere', 'shelter', 'street', 'institution', 'detention', 'other'] as const;
export type MeasurementHousingStatus = (typeof MEASUREMENT_HOUSING_STATUSES)[number];
/** How the outcome figures can be split. */
export const OUTCOME_GROUPS = ['provider', 'municipality', 'targetGroup', 'housingForm', 'route'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];
