import { z } from 'zod';
import {
  CONTACT_KINDS,
  GOAL_STATUSES,
  GUIDANCE_END_REASONS,
  GUIDANCE_LEVELS,
  LIFE_DOMAINS,
  SUPPORT_KINDS,
  SUPPORT_STATUSES,
} from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';
import { PastDate } from '../participants/participants.validation.js';

/** A participant by id or pseudonymous code. */
export const ParticipantRefParams = z.object({ id: z.string().trim().min(1).max(60) });
export const IdParams = z.object({ id: z.uuid() });

const Note = z.string().trim().max(4000);
/** Hours per week in steps of half an hour (numeric(4,1) in the table). */
const Hours = z.number().min(0).max(40).multipleOf(0.5);
const Version = z.number().int().min(1);

export const CreateEpisodeBody = z.object({
  /** The guiding organisation; default the caller's own (care staff). */
  organisationId: z.uuid().optional(),
  startDate: PastDate,
  hoursPerWeek: Hours,
  level: z.enum(GUIDANCE_LEVELS),
  /** Default: start + the programme's guidance_review_months. */
  reviewDueOn: IsoDate.optional(),
});

export const UpdateEpisodeBody = z.object({
  version: Version,
  hoursPerWeek: Hours.optional(),
  level: z.enum(GUIDANCE_LEVELS).optional(),
  /** From when the new intensity holds; default today. */
  effectiveDate: PastDate.optional(),
  reviewDueOn: IsoDate.optional(),
});

export const EndingBody = z.object({
  version: Version,
  endDate: PastDate,
  /** A hand-over is recorded through /handovers, not as an ending. */
  reason: z.enum(GUIDANCE_END_REASONS).exclude(['handed_over']),
  note: Note.optional(),
});

export const HandoverBody = z.object({
  version: Version,
  teamId: z.uuid(),
  handoverDate: PastDate,
  /** What is handed over: the goals, agreements and contacts the team takes on. */
  handedOver: z.string().trim().min(3).max(4000),
  /** The team's hours per week; default 2. */
  hoursPerWeek: Hours.optional(),
});

export const CreateGoalBody = z.object({
  domain: z.enum(LIFE_DOMAINS),
  description: z.string().trim().min(3).max(2000),
  targetDate: IsoDate.optional(),
});

export const UpdateGoalBody = z.object({
  version: Version,
  status: z.enum(GOAL_STATUSES).optional(),
  /** When the status changed; default today. */
  statusOn: PastDate.optional(),
  description: z.string().trim().min(3).max(2000).optional(),
  targetDate: IsoDate.nullable().optional(),
});

export const CreateContactBody = z.object({
  contactDate: PastDate,
  kind: z.enum(CONTACT_KINDS),
  minutes: z.number().int().min(1).max(1440),
  note: Note.optional(),
});

export const ContactQuery = z.object({ ...PageQuery });

export const CreateSupportBody = z.object({
  kind: z.enum(SUPPORT_KINDS),
  organisationName: z.string().trim().min(1).max(200).optional(),
  startDate: IsoDate,
  endDate: IsoDate.optional(),
  status: z.enum(SUPPORT_STATUSES).optional(),
  note: Note.optional(),
});

export const UpdateSupportBody = z.object({
  version: Version,
  status: z.enum(SUPPORT_STATUSES).optional(),
  organisationName: z.string().trim().min(1).max(200).nullable().optional(),
  endDate: IsoDate.nullable().optional(),
  note: Note.nullable().optional(),
});

export const TeamQuery = z.object({
  district: z.string().trim().max(200).optional(),
  municipalityId: z.uuid().optional(),
});

export const CaseloadQuery = z.object({
  organisationId: z.uuid().optional(),
  /** Sort by review date (default) or by participant code. */
  sort: z.enum(['review', 'code']).default('review'),
  ...PageQuery,
});

// —— Responses ——
const Ref = z.object({ id: z.uuid(), name: z.string() });

export const Intensity = z.object({ id: z.uuid(), effectiveDate: IsoDate, hoursPerWeek: z.number(), level: z.enum(GUIDANCE_LEVELS) });

export const Goal = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  domain: z.enum(LIFE_DOMAINS),
  description: z.string(),
  targetDate: IsoDate.nullable(),
  status: z.enum(GOAL_STATUSES),
  statusOn: IsoDate.nullable(),
  version: z.number().int(),
});

export const Contact = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  contactDate: IsoDate,
  kind: z.enum(CONTACT_KINDS),
  minutes: z.number().int(),
  /** Health data: only for the guiding organisation of the episode and the programme office (null otherwise). */
  note: z.string().nullable(),
  noteHidden: z.boolean(),
  recordedBy: z.string().nullable(),
});
export const ContactList = z.object({ items: z.array(Contact), nextCursor: z.string().nullable() });

export const Handover = z.object({
  id: z.uuid(),
  fromEpisodeId: z.uuid(),
  toEpisodeId: z.uuid(),
  team: Ref,
  handoverDate: IsoDate,
  handedOver: z.string(),
});

export const Episode = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  organisation: Ref.extend({ kind: z.string() }),
  tenancyId: z.uuid().nullable(),
  startDate: IsoDate,
  hoursPerWeek: z.number(),
  level: z.enum(GUIDANCE_LEVELS),
  reviewDueOn: IsoDate.nullable(),
  reviewOverdue: z.boolean(),
  endDate: IsoDate.nullable(),
  endReason: z.enum(GUIDANCE_END_REASONS).nullable(),
  endNote: z.string().nullable(),
  previousEpisodeId: z.uuid().nullable(),
  version: z.number().int(),
  intensities: z.array(Intensity),
  goals: z.array(Goal),
  /** The latest contacts (all through /contacts). */
  contacts: z.array(Contact),
  contactCount: z.number().int(),
  contactMinutes: z.number().int(),
  handover: Handover.nullable(),
  abilities: z.object({ edit: z.boolean(), handOver: z.boolean(), end: z.boolean(), readNotes: z.boolean() }),
});

export const SupportItem = z.object({
  id: z.uuid(),
  kind: z.enum(SUPPORT_KINDS),
  organisationName: z.string().nullable(),
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
  status: z.enum(SUPPORT_STATUSES),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const Home = z.object({
  unitId: z.uuid(),
  label: z.string(),
  location: z.string().nullable(),
  district: z.string().nullable(),
  municipalityId: z.uuid().nullable(),
  municipality: z.string().nullable(),
  tenancyId: z.uuid().nullable(),
});

export const GuidanceOverview = z.object({
  participant: z.object({ id: z.uuid(), code: z.string(), name: z.string().nullable(), phase: z.string() }),
  /** Where the person lives (null with a protected address the caller may not know, or no home). */
  home: Home.nullable(),
  episodes: z.array(Episode),
  supportItems: z.array(SupportItem),
  abilities: z.object({ start: z.boolean(), support: z.boolean() }),
});

export const Team = z.object({ id: z.uuid(), name: z.string(), district: z.string().nullable(), municipalityId: z.uuid().nullable(), municipality: z.string().nullable() });
export const TeamList = z.object({ items: z.array(Team), nextCursor: z.string().nullable() });

export const HandoverResult = z.object({
  handover: Handover,
  episode: Episode,
  /** How the district was checked: `district` (the team's district is the home's) or `municipality` (a district was unknown). */
  matchedOn: z.enum(['district', 'municipality']),
  message: z.object({ nl: z.string(), en: z.string() }),
});

export const CaseloadItem = z.object({
  participant: z.object({ id: z.uuid(), code: z.string(), name: z.string().nullable() }),
  episodeId: z.uuid(),
  startDate: IsoDate,
  hoursPerWeek: z.number(),
  level: z.enum(GUIDANCE_LEVELS),
  reviewDueOn: IsoDate.nullable(),
  reviewOverdue: z.boolean(),
  lastContactOn: IsoDate.nullable(),
  openGoals: z.number().int(),
  leaseHolder: z.enum(['provider', 'tenant']).nullable(),
});
export const Caseload = z.object({
  organisation: Ref.extend({ kind: z.string() }),
  items: z.array(CaseloadItem),
  nextCursor: z.string().nullable(),
  totals: z.object({ participants: z.number().int(), hoursPerWeek: z.number(), overdueReviews: z.number().int() }),
});
