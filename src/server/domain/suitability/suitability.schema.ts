import { z } from 'zod';
import { SUITABILITY_ANSWERS, SUITABILITY_RESULTS } from '../../../shared/enums.js';
import { IsoDate } from '../../http/openapi.js';
import { PastDate, bilingual } from '../participants/participants.validation.js';

export const FrameworkParams = z.object({ id: z.uuid() });
export const FrameworkQuery = z.object({ programmeId: z.uuid().optional() });

const CriterionIn = z.object({
  questionNl: z.string().trim().min(3).max(500),
  questionEn: z.string().trim().min(3).max(500),
  weight: z.number().int().min(0).max(100),
  knockOut: z.boolean().default(false),
});

/** A new version of a programme's framework (versions are immutable: a change is a new version). */
export const CreateFrameworkBody = z
  .object({
    programmeId: z.uuid(),
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).optional(),
    suitableThreshold: z.number().int().min(0).max(100),
    conditionalThreshold: z.number().int().min(0).max(100),
    criteria: z
      .array(CriterionIn)
      .min(1)
      .max(50)
      .check(
        bilingual<{ weight: number }[]>((v) =>
          v.reduce((s, c) => s + c.weight, 0) > 0 ? null : { nl: 'De gewichten tellen op tot 0.', en: 'The weights add up to 0.' },
        ),
      ),
    /** The latest version this one replaces (0 for the first); a stale one is refused with 409. */
    baseVersion: z.number().int().min(0),
  })
  .check(
    bilingual<{ suitableThreshold: number; conditionalThreshold: number }>((v) =>
      v.conditionalThreshold > v.suitableThreshold
        ? { nl: 'De ondergrens ligt boven de drempel voor geschikt.', en: 'The lower threshold is above the threshold for suitable.' }
        : null,
    ),
  );

export const CriterionOut = z.object({
  id: z.uuid(),
  position: z.number().int(),
  questionNl: z.string(),
  questionEn: z.string(),
  weight: z.number().int(),
  knockOut: z.boolean(),
});

export const FrameworkOut = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  version: z.number().int(),
  current: z.boolean(),
  name: z.string(),
  description: z.string().nullable(),
  suitableThreshold: z.number().int(),
  conditionalThreshold: z.number().int(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  criteria: z.array(CriterionOut),
  assessmentCount: z.number().int(),
});
export const FrameworkList = z.object({ items: z.array(FrameworkOut), nextCursor: z.string().nullable() });

/** POST /participants/{id}/suitability-assessments: the provider's answers under one framework version. */
export const SuitabilityAssessmentBody = z.object({
  /** Must be the current version of the programme's framework. */
  frameworkId: z.uuid(),
  assessedOn: PastDate,
  /** The intake home's location the assessment is about, when there is one. */
  locationId: z.uuid().optional(),
  answers: z
    .array(z.object({ criterionId: z.uuid(), answer: z.enum(SUITABILITY_ANSWERS), note: z.string().trim().max(2000).optional() }))
    .min(1)
    .max(50),
});

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const SuitabilityAssessmentOut = z.object({
  id: z.uuid(),
  participant: z.object({ id: z.uuid(), code: z.string() }),
  assessedOn: IsoDate,
  framework: z.object({ id: z.uuid(), name: z.string(), version: z.number().int(), current: z.boolean() }),
  organisation: Ref,
  location: Ref.nullable(),
  result: z.enum(SUITABILITY_RESULTS),
  score: z.number(),
  maxScore: z.number(),
  percentage: z.number().int(),
  reasons: z.array(z.object({ code: z.string(), nl: z.string(), en: z.string(), criterionId: z.uuid().nullable() })),
  answers: z.array(
    z.object({
      criterionId: z.uuid(),
      position: z.number().int(),
      questionNl: z.string(),
      questionEn: z.string(),
      weight: z.number().int(),
      knockOut: z.boolean(),
      answer: z.enum(SUITABILITY_ANSWERS),
      note: z.string().nullable().optional(),
    }),
  ),
  recordedAt: z.string(),
  fromParticipant: z.string().nullable(),
});
