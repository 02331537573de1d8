import { z } from 'zod';
import { ASSESSMENT_STATUSES, GUIDANCE_INTENSITIES, INDICATION_TYPES, PARTICIPANT_PHASES, TARGET_GROUPS } from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';
import { PastDate, bilingual } from '../participants/participants.validation.js';

export const AssessmentParams = z.object({ id: z.uuid() });

/** POST /participants/{id}/assessments: ask the access office for a care assessment. */
export const RequestAssessmentBody = z.object({
  /** What the requester wants to know or sees (free text, health data). */
  question: z.string().trim().max(4000).optional(),
  requestedOn: PastDate.optional(),
  /** The access office; may be left out when the region has one. */
  accessOfficeId: z.uuid().optional(),
});

export const AssignBody = z.object({
  version: z.number().int().min(1),
  /** The assessor (a user of the access office); default: the caller. */
  assessorId: z.uuid().optional(),
});

/** The outcome: an indication with its validity and the advised guidance intensity. */
export const DecisionBody = z
  .object({
    version: z.number().int().min(1),
    decidedOn: PastDate,
    indication: z.enum(INDICATION_TYPES),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.optional(),
    guidanceIntensity: z.enum(GUIDANCE_INTENSITIES).optional(),
    notes: z.string().trim().max(4000).optional(),
  })
  .check(
    bilingual<{ indication: string; validFrom?: string; validTo?: string }>((v) =>
      v.indication !== 'none' && (!v.validFrom || !v.validTo)
        ? { nl: 'Een indicatie heeft een geldig-van- en geldig-tot-datum.', en: 'An indication has a valid-from and a valid-to date.' }
        : v.validFrom && v.validTo && v.validTo < v.validFrom
          ? { nl: 'Geldig tot ligt vóór geldig van.', en: 'Valid to is before valid from.' }
          : null,
    ),
    bilingual<{ indication: string; guidanceIntensity?: string }>((v) =>
      v.indication !== 'none' && !v.guidanceIntensity
        ? { nl: 'Geef de geadviseerde begeleidingsintensiteit.', en: 'Give the advised guidance intensity.' }
        : null,
    ),
  );

export const QueueQuery = z.object({
  /** open = requested or assigned (default). */
  status: z.enum(['open', 'requested', 'assigned']).default('open'),
  /** `me` or a user id: only requests assigned to that assessor. */
  assessorId: z.union([z.literal('me'), z.uuid()]).optional(),
  ...PageQuery,
});

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const AssessmentOut = z.object({
  id: z.uuid(),
  participant: z.object({ id: z.uuid(), code: z.string(), phase: z.enum(PARTICIPANT_PHASES) }),
  status: z.enum(ASSESSMENT_STATUSES),
  requestedOn: IsoDate,
  requestedBy: Ref.nullable(),
  requestedByOrganisation: Ref,
  accessOffice: Ref,
  question: z.string().nullable().optional(),
  assessor: Ref.nullable(),
  assignedOn: IsoDate.nullable(),
  decidedOn: IsoDate.nullable(),
  indication: z.enum(INDICATION_TYPES).nullable(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  guidanceIntensity: z.enum(GUIDANCE_INTENSITIES).nullable(),
  notes: z.string().nullable().optional(),
  ageDays: z.number().int(),
  version: z.number().int(),
  /** The record the request was made for, when it was merged into this one. */
  fromParticipant: z.string().nullable(),
  abilities: z.object({ assign: z.boolean(), decide: z.boolean() }),
});

export const QueueItem = z.object({
  id: z.uuid(),
  participant: z.object({ id: z.uuid(), code: z.string(), phase: z.enum(PARTICIPANT_PHASES), name: z.string(), targetGroup: z.enum(TARGET_GROUPS) }),
  status: z.enum(ASSESSMENT_STATUSES),
  requestedOn: IsoDate,
  ageDays: z.number().int(),
  requestedByOrganisation: Ref,
  accessOffice: Ref,
  assessor: Ref.nullable(),
  assignedOn: IsoDate.nullable(),
  version: z.number().int(),
});
export const QueueList = z.object({ items: z.array(QueueItem), nextCursor: z.string().nullable() });
