import { pgTable, uuid, text, timestamp, date, integer, bigserial, boolean, jsonb, primaryKey } from 'drizzle-orm/pg-core';
import type {
  AssessmentStatus,
  ConsentScope,
  CurrentPlace,
  GuidanceIntensity,
  HomeNeed,
  Homelessness,
  ImportStatus,
  IndicationType,
  ParticipantPhase,
  ParticipantRelation,
  PhaseReason,
  RiskLevel,
  SuitabilityAnswer,
  SuitabilityResult,
  TargetGroup,
} from '../../../shared/enums.js';

// Mirrors migrations 0002–0008. The services query with raw SQL through drizzle's `sql`; these
// definitions document the columns and give typed access where a query builder helps.

export const participants = pgTable(
  'participants',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    code: text('code').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    nameKey: text('name_key').notNull(),
    dateOfBirth: date('date_of_birth').notNull(),
    bsn: text('bsn'),
    phone: text('phone'),
    email: text('email'),
    householdAdults: integer('household_adults').notNull().default(1),
    householdChildren: integer('household_children').notNull().default(0),
    childrenAges: integer('children_ages').array().notNull(),
    targetGroup: text('target_group').$type<TargetGroup>().notNull(),
    currentPlace: text('current_place').$type<CurrentPlace>().notNull(),
    currentPlaceNote: text('current_place_note'),
    preferredMunicipalityIds: uuid('preferred_municipality_ids').array().notNull(),
    excludedMunicipalityIds: uuid('excluded_municipality_ids').array().notNull(),
    needs: text('needs').array().$type<HomeNeed[]>().notNull(),
    consentGivenOn: date('consent_given_on'),
    consentScope: text('consent_scope').array().$type<ConsentScope[]>().notNull(),
    protectedAddress: boolean('protected_address').notNull().default(false),
    waitingListRegisteredOn: date('waiting_list_registered_on'),
    providerId: uuid('provider_id'),
    phase: text('phase').$type<ParticipantPhase>().notNull(),
    phaseSince: date('phase_since').notNull(),
    firstReferredOn: date('first_referred_on').notNull(),
    priorityKey: text('priority_key').notNull(),
    mergedIntoId: uuid('merged_into_id'),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const participantOrganisations = pgTable(
  'participant_organisations',
  {
    regionId: uuid('region_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    relation: text('relation').$type<ParticipantRelation>().notNull(),
    since: date('since').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.participantId, t.organisationId, t.relation] })],
);

export const referrals = pgTable(
  'referrals',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    participantId: uuid('participant_id').notNull(),
    originalParticipantId: uuid('original_participant_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    referredBy: uuid('referred_by'),
    referredOn: date('referred_on').notNull(),
    homelessness: text('homelessness').$type<Homelessness>().notNull(),
    expectedIndependent: boolean('expected_independent').notNull(),
    motivation: text('motivation').notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const participantPhaseEvents = pgTable(
  'participant_phase_events',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    participantId: uuid('participant_id').notNull(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    phase: text('phase').$type<ParticipantPhase>().notNull(),
    effectiveDate: date('effective_date').notNull(),
    reason: text('reason').$type<PhaseReason>(),
    note: text('note'),
    unitId: uuid('unit_id'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const participantPlacements = pgTable(
  'participant_placements',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    participantId: uuid('participant_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const participantMerges = pgTable(
  'participant_merges',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    survivorId: uuid('survivor_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    reason: text('reason').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    mergedBy: uuid('merged_by'),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const prioritySettings = pgTable(
  'priority_settings',
  {
    regionId: uuid('region_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    version: integer('version').notNull(),
    settings: jsonb('settings').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.programmeId, t.version] })],
);

export const careAssessments = pgTable(
  'care_assessments',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    participantId: uuid('participant_id').notNull(),
    originalParticipantId: uuid('original_participant_id').notNull(),
    accessOfficeId: uuid('access_office_id').notNull(),
    requestedBy: uuid('requested_by'),
    requestedByOrganisationId: uuid('requested_by_organisation_id').notNull(),
    requestedOn: date('requested_on').notNull(),
    question: text('question'),
    status: text('status').$type<AssessmentStatus>().notNull(),
    assessorId: uuid('assessor_id'),
    assignedOn: date('assigned_on'),
    decidedOn: date('decided_on'),
    decidedBy: uuid('decided_by'),
    indication: text('indication').$type<IndicationType>(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    guidanceIntensity: text('guidance_intensity').$type<GuidanceIntensity>(),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const suitabilityFrameworks = pgTable(
  'suitability_frameworks',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    suitableThreshold: integer('suitable_threshold').notNull(),
    conditionalThreshold: integer('conditional_threshold').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const suitabilityCriteria = pgTable(
  'suitability_criteria',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    frameworkId: uuid('framework_id').notNull(),
    position: integer('position').notNull(),
    questionNl: text('question_nl').notNull(),
    questionEn: text('question_en').notNull(),
    weight: integer('weight').notNull(),
    knockOut: boolean('knock_out').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const suitabilityAssessments = pgTable(
  'suitability_assessments',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    participantId: uuid('participant_id').notNull(),
    originalParticipantId: uuid('original_participant_id').notNull(),
    frameworkId: uuid('framework_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    locationId: uuid('location_id'),
    assessedOn: date('assessed_on').notNull(),
    result: text('result').$type<SuitabilityResult>().notNull(),
    score: integer('score').notNull(),
    maxScore: integer('max_score').notNull(),
    percentage: integer('percentage').notNull(),
    reasons: jsonb('reasons').notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const suitabilityAnswers = pgTable(
  'suitability_answers',
  {
    regionId: uuid('region_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    answer: text('answer').$type<SuitabilityAnswer>().notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.assessmentId, t.criterionId] })],
);

export const riskScreenings = pgTable(
  'risk_screenings',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    participantId: uuid('participant_id').notNull(),
    originalParticipantId: uuid('original_participant_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    screenedOn: date('screened_on').notNull(),
    riskLevel: text('risk_level').$type<RiskLevel>().notNull(),
    excludedMunicipalityIds: uuid('excluded_municipality_ids').array().notNull(),
    excludedAreas: text('excluded_areas').array().notNull(),
    notes: text('notes'),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const participantImports = pgTable(
  'participant_imports',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    createdBy: uuid('created_by'),
    fileName: text('file_name'),
    status: text('status').$type<ImportStatus>().notNull(),
    totalRows: integer('total_rows').notNull(),
    validRows: integer('valid_rows').notNull(),
    invalidRows: integer('invalid_rows').notNull(),
    importedRows: integer('imported_rows'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

export const participantImportRows = pgTable(
  'participant_import_rows',
  {
    regionId: uuid('region_id').notNull(),
    importId: uuid('import_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    data: jsonb('data'),
    errors: jsonb('errors').notNull(),
    participantId: uuid('participant_id'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.importId, t.rowNumber] })],
);

export const referralDrafts = pgTable(
  'referral_drafts',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    data: jsonb('data').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);
