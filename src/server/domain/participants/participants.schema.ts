import { z } from 'zod';
import {
  CONSENT_SCOPES,
  CURRENT_PLACES,
  HOME_NEEDS,
  HOMELESSNESS,
  PARTICIPANT_PHASES,
  PARTICIPANT_RELATIONS,
  PHASE_REASONS,
  TARGET_GROUPS,
} from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';
import { BirthDate, BsnField, PastDate, bilingual } from './participants.validation.js';
import { AssessmentOut } from '../assessments/assessments.schema.js';
import { RiskScreeningOut } from '../riskScreening/riskScreening.schema.js';
import { SuitabilityAssessmentOut } from '../suitability/suitability.schema.js';

/** A participant is addressed by its uuid or by its pseudonymous code (EH-XXXXXX). */
export const ParticipantRef = z.union([z.uuid(), z.string().regex(/^EH-[A-Z0-9]{6}$/)]);
export const ParticipantParams = z.object({ id: ParticipantRef });

const Name = z.string().trim().min(1).max(100);
const Note = z.string().trim().max(4000);
const Phone = z.string().trim().regex(/^[+0-9 ()-]{6,20}$/);
const uniqueIds = (max: number) => z.array(z.uuid()).max(max);

const ReferralFields = {
  referredOn: PastDate,
  homelessness: z.enum(HOMELESSNESS),
  expectedIndependent: z.boolean(),
  motivation: z.string().trim().min(10).max(2000),
  notes: Note.optional(),
};
/** The eligibility questions of the programme and the referrer's notes. */
export const ReferralBody = z.object(ReferralFields);

const childrenAgesCheck = bilingual<{ householdChildren?: number; childrenAges?: number[] }>((v) =>
  v.childrenAges && v.householdChildren !== undefined && v.childrenAges.length > v.householdChildren
    ? { nl: 'Er zijn meer leeftijden dan kinderen opgegeven.', en: 'More ages than children were given.' }
    : null,
);

/** The record fields a referral gives and an edit may change. */
const RecordFields = {
  givenName: Name,
  familyName: Name,
  dateOfBirth: BirthDate,
  bsn: BsnField.nullable().optional(),
  phone: Phone.nullable().optional(),
  email: z.email().max(320).nullable().optional(),
  householdAdults: z.number().int().min(1).max(10),
  householdChildren: z.number().int().min(0).max(15),
  childrenAges: z.array(z.number().int().min(0).max(25)).max(15),
  targetGroup: z.enum(TARGET_GROUPS),
  currentPlace: z.enum(CURRENT_PLACES),
  currentPlaceNote: z.string().trim().max(500).nullable().optional(),
  preferredMunicipalityIds: uniqueIds(30),
  excludedMunicipalityIds: uniqueIds(30),
  needs: z.array(z.enum(HOME_NEEDS)).max(HOME_NEEDS.length),
  consentGivenOn: PastDate.nullable().optional(),
  consentScope: z.array(z.enum(CONSENT_SCOPES)).max(CONSENT_SCOPES.length),
  protectedAddress: z.boolean(),
  waitingListRegisteredOn: PastDate.nullable().optional(),
  providerId: z.uuid().nullable().optional(),
};

/** POST /participants: a referral of someone new. */
export const CreateParticipantBody = z
  .object({
    programmeId: z.uuid(),
    ...RecordFields,
    householdAdults: RecordFields.householdAdults.default(1),
    householdChildren: RecordFields.householdChildren.default(0),
    childrenAges: RecordFields.childrenAges.default([]),
    preferredMunicipalityIds: RecordFields.preferredMunicipalityIds.default([]),
    excludedMunicipalityIds: RecordFields.excludedMunicipalityIds.default([]),
    needs: RecordFields.needs.default([]),
    consentScope: RecordFields.consentScope.default([]),
    protectedAddress: RecordFields.protectedAddress.default(false),
    referral: ReferralBody,
    /** The saved draft this referral was made from; deleted when the referral is recorded. */
    draftId: z.uuid().optional(),
    /** Go ahead although someone with the same name and date of birth is known (a BSN match is always refused). */
    acknowledgeDuplicates: z.boolean().default(false),
  })
  .check(childrenAgesCheck);

/** PATCH /participants/{id}: any record field, with the version read. */
export const UpdateParticipantBody = z
  .object({
    version: z.number().int().min(1),
    ...Object.fromEntries(Object.entries(RecordFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof RecordFields]: z.ZodOptional<(typeof RecordFields)[K]>;
    },
  })
  .check(childrenAgesCheck);

/** POST /participants/{id}/referrals: someone known comes back (after withdrawal, exit or refusal). */
export const ReReferralBody = ReferralBody;

const PhaseList = z.union([z.enum(PARTICIPANT_PHASES), z.array(z.enum(PARTICIPANT_PHASES)).min(1).max(PARTICIPANT_PHASES.length)]);

/** The by-name list's filters. */
export const ParticipantQuery = z.object({
  programmeId: z.uuid().optional(),
  /** One phase or several (`?phase=ready&phase=assessed`); default: every active phase. */
  phase: PhaseList.optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  /** Participants who prefer this municipality. */
  municipalityId: z.uuid().optional(),
  /** Participants guided by this care provider. */
  providerId: z.uuid().optional(),
  /** At least this many days since the referral of the current episode. */
  minWaitingDays: z.coerce.number().int().min(0).max(10_000).optional(),
  onWaitingList: z.enum(['true', 'false']).optional(),
  ...PageQuery,
});

export const PhaseChangeBody = z.object({
  phase: z.enum(PARTICIPANT_PHASES),
  effectiveDate: PastDate,
  reason: z.enum(PHASE_REASONS).optional(),
  note: z.string().trim().max(2000).optional(),
  /** The home, for `housed` (and optionally `matched`). */
  unitId: z.uuid().optional(),
  /** The version read; when given, a stale one is refused with 409. */
  version: z.number().int().min(1).optional(),
});

export const DuplicateCheckBody = z.object({
  givenName: Name,
  familyName: Name,
  dateOfBirth: BirthDate,
  bsn: BsnField.nullable().optional(),
});

export const MergeBody = z.object({
  /** The duplicate record that is merged into this one (and disappears from lists). */
  duplicateId: ParticipantRef,
  reason: z.string().trim().min(5).max(2000),
  /** The version of the record that stays. */
  version: z.number().int().min(1),
});

export const ConsultationBody = z.object({
  organisationId: z.uuid(),
  note: z.string().trim().max(2000).optional(),
});

// —— Responses ——

const Ref = z.object({ id: z.uuid(), name: z.string() });
const Text = z.object({ nl: z.string(), en: z.string() });
export const PriorityOut = z.object({
  rank: z.number().int().nullable(),
  reasons: z.array(z.object({ code: z.string(), nl: z.string(), en: z.string() })),
});

export const ParticipantListItem = z.object({
  id: z.uuid(),
  code: z.string(),
  phase: z.enum(PARTICIPANT_PHASES),
  phaseSince: IsoDate,
  programmeId: z.uuid(),
  name: z.string().nullable(),
  targetGroup: z.enum(TARGET_GROUPS),
  currentPlace: z.enum(CURRENT_PLACES),
  householdSize: z.number().int(),
  waitingListRegisteredOn: IsoDate.nullable(),
  referredOn: IsoDate,
  waitingDays: z.number().int(),
  provider: Ref.nullable(),
  preferredMunicipalityIds: z.array(z.uuid()),
  protectedAddress: z.boolean(),
  priority: PriorityOut,
});
export const ParticipantList = z.object({ items: z.array(ParticipantListItem), nextCursor: z.string().nullable() });

export const ParticipantDetail = z.object({
  id: z.uuid(),
  code: z.string(),
  programmeId: z.uuid(),
  phase: z.enum(PARTICIPANT_PHASES),
  phaseSince: IsoDate,
  mergedInto: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  dateOfBirth: IsoDate.optional(),
  hasBsn: z.boolean(),
  bsn: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  householdAdults: z.number().int(),
  householdChildren: z.number().int(),
  childrenAges: z.array(z.number().int()),
  targetGroup: z.enum(TARGET_GROUPS),
  currentPlace: z.enum(CURRENT_PLACES),
  currentPlaceNote: z.string().nullable(),
  preferredMunicipalities: z.array(Ref),
  excludedMunicipalities: z.array(Ref.extend({ byRiskScreening: z.boolean() })),
  excludedAreas: z.array(z.string()),
  needs: z.array(z.enum(HOME_NEEDS)),
  consent: z.object({ givenOn: IsoDate, scope: z.array(z.enum(CONSENT_SCOPES)) }).nullable(),
  protectedAddress: z.boolean(),
  protectedAddressForced: z.boolean(),
  waitingListRegisteredOn: IsoDate.nullable(),
  referredOn: IsoDate,
  waitingDays: z.number().int(),
  provider: Ref.nullable(),
  // With a protected address, only the guiding provider learns where the person lives.
  placement: z
    .object({ unitId: z.uuid().nullable(), unit: z.string().nullable(), location: z.string().nullable(), startDate: IsoDate, addressHidden: z.boolean() })
    .nullable(),
  organisations: z.array(Ref.extend({ relation: z.enum(PARTICIPANT_RELATIONS), since: IsoDate })),
  referrals: z.array(
    z.object({
      id: z.uuid(),
      referredOn: IsoDate,
      organisation: Ref,
      homelessness: z.enum(HOMELESSNESS),
      expectedIndependent: z.boolean(),
      motivation: z.string().optional(),
      notes: z.string().nullable().optional(),
      fromParticipant: z.string().nullable(),
    }),
  ),
  phaseHistory: z.array(
    z.object({
      id: z.uuid(),
      phase: z.enum(PARTICIPANT_PHASES),
      effectiveDate: IsoDate,
      reason: z.enum(PHASE_REASONS).nullable(),
      note: z.string().nullable(),
      unitId: z.uuid().nullable(),
      recordedAt: z.string(),
      recordedBy: Ref.nullable(),
      fromParticipant: z.string().nullable(),
    }),
  ),
  assessments: z.array(AssessmentOut),
  riskScreenings: z.array(RiskScreeningOut),
  suitabilityAssessments: z.array(SuitabilityAssessmentOut),
  merges: z.array(z.object({ id: z.uuid(), merged: z.object({ id: z.uuid(), code: z.string() }), reason: z.string(), mergedAt: z.string(), mergedBy: Ref.nullable() })),
  timeline: z.array(z.object({ date: IsoDate, at: z.string(), kind: z.string(), nl: z.string(), en: z.string(), refId: z.string().nullable() })),
  priority: PriorityOut,
  version: z.number().int(),
  abilities: z.object({
    editRecord: z.boolean(),
    editSituation: z.boolean(),
    editWaitingList: z.boolean(),
    editProvider: z.boolean(),
    requestAssessment: z.boolean(),
    screenRisk: z.boolean(),
    assessSuitability: z.boolean(),
    refer: z.boolean(),
    merge: z.boolean(),
    consult: z.boolean(),
  }),
  phaseOptions: z.array(z.object({ phase: z.enum(PARTICIPANT_PHASES), allowed: z.boolean(), reasons: z.array(Text), reasonCodes: z.array(z.enum(PHASE_REASONS)) })),
});

export const DuplicateCheckResult = z.object({
  matches: z.array(
    z.object({
      participant: z.object({ id: z.uuid(), code: z.string(), phase: z.enum(PARTICIPANT_PHASES) }).nullable(),
      matchedOn: z.array(z.enum(['bsn', 'name_and_birth_date'])),
      visible: z.boolean(),
    }),
  ),
});

export const DuplicatePairList = z.object({
  items: z.array(
    z.object({
      a: z.object({ id: z.uuid(), code: z.string(), phase: z.enum(PARTICIPANT_PHASES), name: z.string(), dateOfBirth: IsoDate, referredOn: IsoDate }),
      b: z.object({ id: z.uuid(), code: z.string(), phase: z.enum(PARTICIPANT_PHASES), name: z.string(), dateOfBirth: IsoDate, referredOn: IsoDate }),
      matchedOn: z.array(z.enum(['bsn', 'name_and_birth_date'])),
    }),
  ),
  nextCursor: z.string().nullable(),
});
