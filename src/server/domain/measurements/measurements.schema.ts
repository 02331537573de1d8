import { z } from 'zod';
import { MEASUREMENT_HOUSING_STATUSES, OUTCOME_GROUPS, ZRM_DOMAINS, ZRM_MOMENTS, type ZrmDomain } from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';
import { bilingual, PastDate } from '../participants/participants.validation.js';

const Score = z.number().int().min(1).max(5);
/** Scores per domain; a domain left out is "not scored" (the matrix is used only where needed). */
const Scores = z.object(Object.fromEntries(ZRM_DOMAINS.map((d) => [d, Score.nullable().optional()])) as Record<ZrmDomain, z.ZodOptional<z.ZodNullable<typeof Score>>>);

/** POST /participants/{id}/measurements: one ZRM measurement at a moment. */
export const MeasurementBody = z.object({
  measuredOn: PastDate,
  moment: z.enum(ZRM_MOMENTS),
  scores: Scores.check(
    bilingual<Record<string, number | null | undefined>>((s) =>
      Object.values(s).some((v) => v !== null && v !== undefined) ? null : { nl: 'Scoor minstens één domein.', en: 'Score at least one domain.' },
    ),
  ),
  housingStatus: z.enum(MEASUREMENT_HOUSING_STATUSES),
  qualityOfLife: z.number().int().min(1).max(10).nullable().optional(),
});

const Ref = z.object({ id: z.uuid(), name: z.string() });
const OutScores = z.object(Object.fromEntries(ZRM_DOMAINS.map((d) => [d, z.number().int().nullable()])) as Record<ZrmDomain, z.ZodNullable<z.ZodNumber>>);

export const MeasurementOut = z.object({
  id: z.uuid(),
  participant: z.object({ id: z.uuid(), code: z.string() }),
  measuredOn: IsoDate,
  moment: z.enum(ZRM_MOMENTS),
  scores: OutScores,
  housingStatus: z.enum(MEASUREMENT_HOUSING_STATUSES),
  qualityOfLife: z.number().int().nullable(),
  organisation: Ref,
  measuredBy: z.string().nullable(),
  recordedAt: z.string(),
});

export const ScheduleStatus = z.enum(['done', 'due', 'overdue', 'upcoming', 'not_due']);

/** The participant's measurements with the planned moments (the trajectory). */
export const MeasurementList = z.object({
  items: z.array(MeasurementOut),
  nextCursor: z.string().nullable(),
  housingStart: IsoDate.nullable(),
  schedule: z.array(z.object({ moment: z.enum(ZRM_MOMENTS), dueOn: IsoDate, status: ScheduleStatus, measurementId: z.uuid().nullable() })),
});

export const ScheduleQuery = z.object({
  organisationId: z.uuid().optional(),
  status: z.enum(['due', 'overdue']).optional(),
  date: IsoDate.optional(),
  ...PageQuery,
});

export const ScheduleItem = z.object({
  participant: z.object({ id: z.uuid(), code: z.string() }),
  provider: Ref.nullable(),
  moment: z.enum(ZRM_MOMENTS),
  housingStart: IsoDate,
  dueOn: IsoDate,
  status: z.enum(['due', 'overdue']),
  daysOverdue: z.number().int(),
});
export const ScheduleList = z.object({ items: z.array(ScheduleItem), nextCursor: z.string().nullable() });

export const TrajectoryQuery = z.object({
  groupBy: z.enum(OUTCOME_GROUPS).optional(),
  date: IsoDate.optional(),
});

const DomainCell = z.object({ mean: z.number().nullable(), n: z.number().int().nullable(), suppressed: z.boolean() });
const MomentCell = z.object({
  moment: z.enum(ZRM_MOMENTS),
  n: z.number().int().nullable(),
  suppressed: z.boolean(),
  domains: z.object(Object.fromEntries(ZRM_DOMAINS.map((d) => [d, DomainCell])) as Record<ZrmDomain, typeof DomainCell>),
});
export const TrajectoryGroup = z.object({ key: z.string(), label: z.string(), moments: z.array(MomentCell) });
export const Trajectories = z.object({
  programmeId: z.uuid(),
  date: IsoDate,
  groupBy: z.enum(OUTCOME_GROUPS).nullable(),
  suppressed: z.boolean(),
  overall: TrajectoryGroup,
  groups: z.array(TrajectoryGroup),
});
