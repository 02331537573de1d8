// Types for every shape of the foundation API contract (docs/api-contract-draft.md).

import {
  ACTIVE_PHASES,
  ASSESSMENT_STATUSES,
  CONSENT_SCOPES,
  CURRENT_PLACES,
  DELIVERY_MODES,
  EXIT_REASONS,
  GUIDANCE_INTENSITIES,
  HOMELESSNESS,
  HOME_NEEDS,
  HOUSING_FORMS,
  INDICATION_TYPES,
  NOT_ELIGIBLE_REASONS,
  ORGANISATION_KINDS,
  PARTICIPANT_PHASES,
  PARTICIPANT_RELATIONS,
  PHASE_REASONS,
  PRIORITY_CRITERIA,
  RISK_LEVELS,
  ROLES,
  SUITABILITY_ANSWERS,
  SUITABILITY_RESULTS,
  TARGET_GROUPS,
  UNIT_STATUSES,
  WITHDRAWAL_REASONS,
  type AssessmentStatus,
  type ConsentScope,
  type CurrentPlace,
  type DeliveryMode,
  type GuidanceIntensity,
  type HomeNeed,
  type Homelessness,
  type HousingForm,
  type IndicationType,
  type OrganisationKind,
  type ParticipantPhase,
  type ParticipantRelation,
  type PhaseReason,
  type PriorityCriterion,
  type RiskLevel,
  type Role,
  type SuitabilityAnswer,
  type SuitabilityResult,
  type TargetGroup,
  type UnitStatus,
} from '../../shared/enums';

// The enum lists are shared with the server (src/shared/enums.ts); re-exported for the client.
export { DELIVERY_MODES, HOUSING_FORMS, ORGANISATION_KINDS, ROLES, TARGET_GROUPS, UNIT_STATUSES };
export type { DeliveryMode, HousingForm, OrganisationKind, Role, TargetGroup, UnitStatus };

/** Statuses a new unit may be created in (POST /api/v1/units). */
export const INITIAL_UNIT_STATUSES = ['pledged', 'location_found', 'available'] as const satisfies readonly UnitStatus[];
export type InitialUnitStatus = (typeof INITIAL_UNIT_STATUSES)[number];

/** Order in which organisation kinds are listed on the organisations page. */
export const ORGANISATION_KIND_ORDER: readonly OrganisationKind[] = [
  'programme_office',
  'municipality',
  'care_provider',
  'housing_corporation',
  'access_office',
  'referral_team',
  'allocation_office',
  'neighbourhood_team',
  'research_institute',
];

/** ISO date, YYYY-MM-DD. */
export type IsoDate = string;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---------------------------------------------------------------- problem+json

export interface ProblemFieldError {
  path: string | Array<string | number>;
  message: string;
  messageEn?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  titleEn?: string;
  status?: number;
  detail?: string;
  detailEn?: string;
  code?: string;
  errors?: ProblemFieldError[];
}

// ---------------------------------------------------------------- session

export interface Abilities {
  manageUnits: boolean;
  manageLocations: boolean;
  managePledges: boolean;
}

export interface OrganisationRef {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisation: OrganisationRef;
  region: { id: string; name: string };
  csrfToken: string;
  /**
   * Second-factor state: `enabled` = a TOTP factor is set up; `required` = the user's role needs one;
   * `pending` = this session may only set it up (the server answers 403 `mfa_required` elsewhere).
   */
  mfa: MfaState;
  abilities: Abilities;
}

export interface MfaState {
  enabled: boolean;
  required: boolean;
  pending: boolean;
}

/** POST /api/v1/session: with a second factor, either `totp` (6 digits) or `recoveryCode`. */
export interface LoginRequest {
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
}

/** POST /api/v1/me/totp-enrolments (201): a new, not yet active secret. */
export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  /** An SVG document made by the server; shown through a data: URL in an <img>, never as HTML. */
  qrSvg: string;
}

/** POST /api/v1/me/totp-enrolments/confirmations (201): the session was rotated. */
export interface TotpConfirmed {
  /** Shown once; only their hashes are stored. */
  recoveryCodes: string[];
  csrfToken: string;
}

/** One of the user's open sessions (GET /api/v1/sessions). */
export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  address: string | null;
  /** The session of this request. */
  current: boolean;
}

export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgres';
}

// ---------------------------------------------------------------- programmes

export interface Programme {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  target: number;
  budgetCents: number;
}

export interface ReviewMoment {
  id: string;
  date: IsoDate;
  title: string;
  notes: string | null;
}

export interface ProgrammeDetail extends Programme {
  reviewMoments: ReviewMoment[];
}

export interface CounterByMunicipality {
  municipalityId: string;
  municipality: string;
  realised: number;
  pipeline: number;
}

export interface CounterByPartner {
  organisationId: string;
  organisation: string;
  kind: OrganisationKind;
  realised: number;
  pipeline: number;
}

export interface CounterByForm {
  form: HousingForm;
  realised: number;
  pipeline: number;
}

export interface CounterByTranche {
  trancheId: string | null;
  tranche: string | null;
  capacity: number | null;
  realised: number;
  pipeline: number;
}

export interface Counter {
  date: IsoDate;
  target: number;
  ambition: number;
  realised: number;
  pipeline: number;
  byMunicipality: CounterByMunicipality[];
  byPartner: CounterByPartner[];
  byForm: CounterByForm[];
  byTranche: CounterByTranche[];
}

export interface CounterHistoryPoint {
  date: IsoDate;
  realised: number;
  pipeline: number;
  ambition: number;
  target: number;
}

export interface CounterHistory {
  items: CounterHistoryPoint[];
}

// ---------------------------------------------------------------- reference data

export interface Municipality {
  id: string;
  name: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  municipalityId: string | null;
}

// ---------------------------------------------------------------- pledges and tranches

export interface Pledge {
  id: string;
  programmeId: string;
  municipalityId: string;
  municipality: string;
  places: number;
  targetGroup: TargetGroup;
  form: HousingForm;
  pledgedOn: IsoDate;
  partners: OrganisationRef[];
  trancheId: string | null;
  tranche: string | null;
  notes: string | null;
  unitCount: number;
}

export interface NewPledge {
  municipalityId: string;
  places: number;
  targetGroup: TargetGroup;
  form: HousingForm;
  pledgedOn: IsoDate;
  partnerIds: string[];
  trancheId?: string;
  notes?: string;
}

export interface Tranche {
  id: string;
  programmeId: string;
  number: number;
  name: string;
  capacity: number;
  providerId: string | null;
  provider: string | null;
  deadline: IsoDate | null;
  unitCount: number;
}

// ---------------------------------------------------------------- locations

export interface Location {
  id: string;
  programmeId: string;
  name: string;
  address: string | null;
  municipalityId: string;
  municipality: string;
  district: string | null;
  form: HousingForm;
  deliveryMode: DeliveryMode;
  corporationId: string | null;
  corporation: string | null;
  providerId: string | null;
  provider: string | null;
  expectedDate: IsoDate | null;
  unitCount: number;
  version: number;
}

export interface LocationDetail extends Location {
  units: Unit[];
}

export interface NewLocation {
  programmeId: string;
  name: string;
  address?: string;
  municipalityId: string;
  district?: string;
  form: HousingForm;
  deliveryMode: DeliveryMode;
  corporationId?: string;
  providerId?: string;
  expectedDate?: IsoDate;
}

/** PATCH body: every field optional (null clears an optional field), `version` required. */
export interface LocationPatch {
  version: number;
  name?: string;
  address?: string | null;
  municipalityId?: string;
  district?: string | null;
  form?: HousingForm;
  deliveryMode?: DeliveryMode;
  corporationId?: string | null;
  providerId?: string | null;
  expectedDate?: IsoDate | null;
}

export interface LocationFilters {
  programmeId?: string;
  municipalityId?: string;
  q?: string;
}

// ---------------------------------------------------------------- units

export interface Unit {
  id: string;
  programmeId: string;
  label: string;
  status: UnitStatus;
  statusSince: IsoDate;
  municipalityId: string;
  municipality: string;
  locationId: string | null;
  location: string | null;
  pledgeId: string | null;
  trancheId: string | null;
  tranche: string | null;
  form: HousingForm;
  rooms: number | null;
  expectedDate: IsoDate | null;
  version: number;
  abilities: { edit: boolean; changeStatus: boolean };
  allowedTransitions: UnitStatus[];
}

export interface UnitHistoryEntry {
  id: string;
  status: UnitStatus;
  effectiveDate: IsoDate;
  recordedAt: string;
  recordedBy: { id: string; name: string } | null;
  note: string | null;
  expectedDate: IsoDate | null;
}

export interface UnitDetail extends Unit {
  history: UnitHistoryEntry[];
}

export interface NewUnit {
  programmeId: string;
  municipalityId: string;
  label: string;
  form: HousingForm;
  status?: InitialUnitStatus;
  effectiveDate: IsoDate;
  pledgeId?: string;
  locationId?: string;
  trancheId?: string;
  rooms?: number;
  expectedDate?: IsoDate;
  note?: string;
}

export interface UnitPatch {
  version: number;
  label?: string;
  rooms?: number | null;
  locationId?: string | null;
  trancheId?: string | null;
  municipalityId?: string;
  form?: HousingForm;
}

export interface StatusChange {
  status: UnitStatus;
  effectiveDate: IsoDate;
  note?: string;
  expectedDate?: IsoDate;
  locationId?: string;
}

export interface UnitFilters {
  programmeId?: string;
  status?: UnitStatus;
  municipalityId?: string;
  locationId?: string;
  trancheId?: string;
  q?: string;
}

// ---------------------------------------------------------------- participants (issue 3)
// Shapes of src/server/domain/{participants,waitingList,assessments,suitability,riskScreening,imports,referrals}.
// Fields a role may not see are left out of the answer (never assumed): they are optional here.


export {
  ACTIVE_PHASES,
  ASSESSMENT_STATUSES,
  CONSENT_SCOPES,
  CURRENT_PLACES,
  EXIT_REASONS,
  GUIDANCE_INTENSITIES,
  HOME_NEEDS,
  HOMELESSNESS,
  INDICATION_TYPES,
  NOT_ELIGIBLE_REASONS,
  PARTICIPANT_PHASES,
  PARTICIPANT_RELATIONS,
  PHASE_REASONS,
  PRIORITY_CRITERIA,
  RISK_LEVELS,
  SUITABILITY_ANSWERS,
  SUITABILITY_RESULTS,
  WITHDRAWAL_REASONS,
};
export type {
  AssessmentStatus,
  ConsentScope,
  CurrentPlace,
  GuidanceIntensity,
  HomeNeed,
  Homelessness,
  IndicationType,
  ParticipantPhase,
  ParticipantRelation,
  PhaseReason,
  PriorityCriterion,
  RiskLevel,
  SuitabilityAnswer,
  SuitabilityResult,
};

export interface Ref {
  id: string;
  name: string;
}

/** A text the server words in both languages. */
export interface Bilingual {
  nl: string;
  en: string;
}

export interface PriorityReason extends Bilingual {
  code: string;
}

export interface Priority {
  /** Position in the list as this reader sees it (null when not active). */
  rank: number | null;
  reasons: PriorityReason[];
}

/** One line of the by-name list (GET /api/v1/participants). */
export interface ParticipantListItem {
  id: string;
  code: string;
  phase: ParticipantPhase;
  phaseSince: IsoDate;
  programmeId: string;
  /** Only when the reader may see the person's identity. */
  name: string | null;
  targetGroup: TargetGroup;
  currentPlace: CurrentPlace;
  householdSize: number;
  waitingListRegisteredOn: IsoDate | null;
  referredOn: IsoDate;
  waitingDays: number;
  provider: Ref | null;
  preferredMunicipalityIds: string[];
  protectedAddress: boolean;
  priority: Priority;
}

export interface ParticipantFilters {
  programmeId?: string;
  phase?: ParticipantPhase;
  targetGroup?: TargetGroup;
  municipalityId?: string;
  providerId?: string;
  minWaitingDays?: number;
  onWaitingList?: 'true' | 'false';
}

export interface ReferralAnswers {
  referredOn: IsoDate;
  homelessness: Homelessness;
  expectedIndependent: boolean;
  motivation: string;
  notes?: string;
}

/** POST /api/v1/participants. */
export interface NewParticipant {
  programmeId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: IsoDate;
  bsn?: string | null;
  phone?: string | null;
  email?: string | null;
  householdAdults?: number;
  householdChildren?: number;
  childrenAges?: number[];
  targetGroup: TargetGroup;
  currentPlace: CurrentPlace;
  currentPlaceNote?: string | null;
  preferredMunicipalityIds?: string[];
  excludedMunicipalityIds?: string[];
  needs?: HomeNeed[];
  consentGivenOn?: IsoDate | null;
  consentScope?: ConsentScope[];
  protectedAddress?: boolean;
  waitingListRegisteredOn?: IsoDate | null;
  providerId?: string | null;
  referral: ReferralAnswers;
  draftId?: string;
  acknowledgeDuplicates?: boolean;
}

/** PATCH /api/v1/participants/{id}: `version` plus only the fields that change. */
export type ParticipantPatch = { version: number } & Partial<
  Omit<NewParticipant, 'programmeId' | 'referral' | 'draftId' | 'acknowledgeDuplicates'>
>;

export interface PhaseEvent {
  id: string;
  phase: ParticipantPhase;
  effectiveDate: IsoDate;
  reason: PhaseReason | null;
  note: string | null;
  unitId: string | null;
  recordedAt: string;
  recordedBy: Ref | null;
  fromParticipant: string | null;
}

export interface ReferralRecord {
  id: string;
  referredOn: IsoDate;
  organisation: Ref;
  homelessness: Homelessness;
  expectedIndependent: boolean;
  motivation?: string;
  notes?: string | null;
  fromParticipant: string | null;
}

export interface Assessment {
  id: string;
  participant: { id: string; code: string; phase: ParticipantPhase };
  status: AssessmentStatus;
  requestedOn: IsoDate;
  requestedBy: Ref | null;
  requestedByOrganisation: Ref;
  accessOffice: Ref;
  question?: string | null;
  assessor: Ref | null;
  assignedOn: IsoDate | null;
  decidedOn: IsoDate | null;
  indication: IndicationType | null;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  guidanceIntensity: GuidanceIntensity | null;
  notes?: string | null;
  ageDays: number;
  version: number;
  fromParticipant: string | null;
  abilities: { assign: boolean; decide: boolean };
}

export interface RiskScreening {
  id: string;
  participant: { id: string; code: string };
  screenedOn: IsoDate;
  riskLevel: RiskLevel;
  organisation: Ref;
  excludedMunicipalities: Ref[];
  excludedAreas: string[];
  notes?: string | null;
  recordedAt: string;
  fromParticipant: string | null;
}

export interface SuitabilityReason extends Bilingual {
  code: string;
  criterionId: string | null;
}

export interface SuitabilityAssessment {
  id: string;
  participant: { id: string; code: string };
  assessedOn: IsoDate;
  framework: { id: string; name: string; version: number; current: boolean };
  organisation: Ref;
  location: Ref | null;
  result: SuitabilityResult;
  score: number;
  maxScore: number;
  percentage: number;
  reasons: SuitabilityReason[];
  answers: Array<{
    criterionId: string;
    position: number;
    questionNl: string;
    questionEn: string;
    weight: number;
    knockOut: boolean;
    answer: SuitabilityAnswer;
    note?: string | null;
  }>;
  recordedAt: string;
  fromParticipant: string | null;
}

export interface TimelineEntry extends Bilingual {
  date: IsoDate;
  /** A timestamp, or a date for entries that only have one. */
  at: string;
  /** referral, phase, assessment_requested, assessment_decided, risk_screening, suitability, merge, consultation, … */
  kind: string;
  refId: string | null;
}

export interface PhaseOption {
  phase: ParticipantPhase;
  allowed: boolean;
  /** Why not (empty when allowed). */
  reasons: Bilingual[];
  /** Reason codes the phase needs (not_eligible, withdrawn, exited). */
  reasonCodes: PhaseReason[];
}

export interface ParticipantAbilities {
  editRecord: boolean;
  editSituation: boolean;
  editWaitingList: boolean;
  editProvider: boolean;
  requestAssessment: boolean;
  screenRisk: boolean;
  assessSuitability: boolean;
  refer: boolean;
  merge: boolean;
  consult: boolean;
}

/** GET /api/v1/participants/{id}: what this reader may see of one participant. */
export interface ParticipantDetail {
  id: string;
  code: string;
  programmeId: string;
  phase: ParticipantPhase;
  phaseSince: IsoDate;
  mergedInto: { id: string; code: string } | null;
  givenName?: string;
  familyName?: string;
  dateOfBirth?: IsoDate;
  hasBsn: boolean;
  bsn?: string | null;
  phone?: string | null;
  email?: string | null;
  householdAdults: number;
  householdChildren: number;
  childrenAges: number[];
  targetGroup: TargetGroup;
  currentPlace: CurrentPlace;
  currentPlaceNote: string | null;
  preferredMunicipalities: Ref[];
  excludedMunicipalities: Array<Ref & { byRiskScreening: boolean }>;
  excludedAreas: string[];
  needs: HomeNeed[];
  consent: { givenOn: IsoDate; scope: ConsentScope[] } | null;
  protectedAddress: boolean;
  protectedAddressForced: boolean;
  waitingListRegisteredOn: IsoDate | null;
  referredOn: IsoDate;
  waitingDays: number;
  provider: Ref | null;
  placement: { unitId: string; unit: string; location: string | null; startDate: IsoDate } | null;
  organisations: Array<Ref & { relation: ParticipantRelation; since: IsoDate }>;
  referrals: ReferralRecord[];
  phaseHistory: PhaseEvent[];
  assessments: Assessment[];
  riskScreenings: RiskScreening[];
  suitabilityAssessments: SuitabilityAssessment[];
  merges: Array<{ id: string; merged: { id: string; code: string }; reason: string; mergedAt: string; mergedBy: Ref | null }>;
  timeline: TimelineEntry[];
  priority: Priority;
  version: number;
  abilities: ParticipantAbilities;
  phaseOptions: PhaseOption[];
}

export interface PhaseChange {
  phase: ParticipantPhase;
  effectiveDate: IsoDate;
  reason?: PhaseReason;
  note?: string;
  unitId?: string;
  version?: number;
}

export interface DuplicateCheck {
  givenName: string;
  familyName: string;
  dateOfBirth: IsoDate;
  bsn?: string | null;
}

export interface DuplicateMatch {
  /** Null when the match exists but the caller may not see it. */
  participant: { id: string; code: string; phase: ParticipantPhase } | null;
  matchedOn: Array<'bsn' | 'name_and_birth_date'>;
  visible: boolean;
}

/** One record of a possible duplicate pair (GET /api/v1/participants/duplicates). */
export interface DuplicatePairRecord {
  id: string;
  code: string;
  phase: ParticipantPhase;
  name: string;
  dateOfBirth: IsoDate;
  /** The first referral of the record. */
  referredOn: IsoDate;
}

/** Two living records with the same normalised name and date of birth (and perhaps the same BSN). */
export interface DuplicatePair {
  a: DuplicatePairRecord;
  b: DuplicatePairRecord;
  matchedOn: Array<'bsn' | 'name_and_birth_date'>;
}

/** POST /api/v1/participants/{survivorId}/merges */
export interface MergeRequest {
  /** The record that is merged into the survivor (and leaves the lists). */
  duplicateId: string;
  /** 5 to 2000 characters. */
  reason: string;
  /** The version of the survivor as read. */
  version: number;
}

/** GET /api/v1/programmes/{id}/priority-settings: the rules of the by-name list in force (docs/priority.md). */
export interface PrioritySettings {
  programmeId: string;
  /** 0 while the default applies. */
  version: number;
  isDefault: boolean;
  criteria: PriorityCriterion[];
  targetGroupOrder: TargetGroup[];
  currentPlaceOrder: CurrentPlace[];
  tieBreaker: 'code';
  note: string | null;
  createdAt: string | null;
  createdBy: Ref | null;
  description: Bilingual;
  abilities: { edit: boolean };
}

/** POST /api/v1/programmes/{id}/priority-settings: a new version, made on `baseVersion`. */
export interface PrioritySettingsChange {
  criteria: PriorityCriterion[];
  targetGroupOrder: TargetGroup[];
  currentPlaceOrder: CurrentPlace[];
  baseVersion: number;
  note?: string;
}

export interface FlowMonth {
  month: string;
  inflow: number;
  outflow: number;
  eligible: number;
  ready: number;
  housed: number;
  exited: number;
  withdrawn: number;
  notEligible: number;
  activeAtEnd: number;
  waitingAtEnd: number;
}

export interface Flow {
  from: IsoDate;
  to: IsoDate;
  months: FlowMonth[];
  definitions: Bilingual;
}

// care assessments

export interface QueueItem {
  id: string;
  participant: { id: string; code: string; phase: ParticipantPhase; name: string; targetGroup: TargetGroup };
  status: AssessmentStatus;
  requestedOn: IsoDate;
  ageDays: number;
  requestedByOrganisation: Ref;
  accessOffice: Ref;
  assessor: Ref | null;
  assignedOn: IsoDate | null;
  version: number;
}

export type QueueStatus = 'open' | 'requested' | 'assigned';

export interface QueueFilters {
  status?: QueueStatus;
  assessorId?: 'me';
}

export interface AssessmentRequest {
  question?: string;
  requestedOn?: IsoDate;
  accessOfficeId?: string;
}

export interface AssessmentDecision {
  version: number;
  decidedOn: IsoDate;
  indication: IndicationType;
  validFrom?: IsoDate;
  validTo?: IsoDate;
  guidanceIntensity?: GuidanceIntensity;
  notes?: string;
}

// risk screening

export interface NewRiskScreening {
  screenedOn: IsoDate;
  riskLevel: RiskLevel;
  excludedMunicipalityIds: string[];
  excludedAreas: string[];
  notes?: string;
}

// suitability framework

export interface SuitabilityCriterion {
  id: string;
  position: number;
  questionNl: string;
  questionEn: string;
  weight: number;
  knockOut: boolean;
}

export interface SuitabilityFramework {
  id: string;
  programmeId: string;
  version: number;
  current: boolean;
  name: string;
  description: string | null;
  suitableThreshold: number;
  conditionalThreshold: number;
  createdAt: string;
  createdBy: Ref | null;
  criteria: SuitabilityCriterion[];
  assessmentCount: number;
}

export interface NewSuitabilityAssessment {
  frameworkId: string;
  assessedOn: IsoDate;
  locationId?: string;
  answers: Array<{ criterionId: string; answer: SuitabilityAnswer; note?: string }>;
}

// referral drafts

export interface ReferralDraft {
  id: string;
  data: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

// CSV import

export type ImportRowStatus = 'valid' | 'invalid' | 'imported' | 'skipped';

export interface ImportRow {
  row: number;
  line: number;
  status: ImportRowStatus;
  errors: Array<{ column: string | null; path: string; message: string; messageEn: string }>;
  participant: { id: string; code: string } | null;
}

export interface ImportReport {
  id: string;
  programmeId: string;
  fileName: string | null;
  status: 'validated' | 'confirmed';
  createdAt: string;
  createdBy: Ref | null;
  confirmedAt: string | null;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  importedRows: number | null;
  rows: ImportRow[];
}

export interface NewImport {
  programmeId: string;
  fileName?: string;
  csv: string;
}
