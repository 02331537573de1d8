import { z } from 'zod';
import { OUTCOME_GROUPS } from '../../../shared/enums.js';
import { IsoDate } from '../../http/openapi.js';

export const OutcomeQuery = z.object({
  date: IsoDate.optional(),
  groupBy: z.enum(OUTCOME_GROUPS).optional(),
  /** Reproduce a figure under an earlier version of the recovery definition. */
  definitionVersion: z.coerce.number().int().min(1).optional(),
});

const Num = z.number().nullable();
const Int = z.number().int().nullable();

const Retention = z.object({
  n: Int,
  events: Int,
  curve: z.array(z.object({ time: z.number(), survival: z.number(), lower: z.number(), upper: z.number(), atRisk: z.number().int(), events: Int })),
  at: z.array(z.object({ months: z.number().int(), days: z.number().int(), survival: Num, standardError: Num, lower: Num, upper: Num, atRisk: Int, reached: z.boolean() })),
  suppressed: z.boolean(),
});
const Returns = z.object({
  n: Int,
  bands: z.object({ '0-180': Int, '181-365': Int, '366-730': Int }).nullable(),
  total: Int,
  within: z.array(z.object({ months: z.number().int(), days: z.number().int(), followed: z.number().int(), returns: Int, rate: Num })),
  suppressed: z.boolean(),
});
const Recovery = z.object({
  n: Int,
  numerator: Int,
  denominator: Int,
  rate: Num,
  goal: z.number(),
  meetsGoal: z.boolean().nullable(),
  excluded: Int,
  returned: Int,
  domainAtOne: Int,
  withoutMeasurement: Int,
  suppressed: z.boolean(),
});
const CountFigure = z.object({ n: Int, count: Int, medianDays: Num, suppressed: z.boolean() });

export const OutcomeGroupFigures = z.object({
  key: z.string(),
  label: z.string(),
  n: Int,
  suppressed: z.boolean(),
  retention: Retention,
  returns: Returns,
  recovery: Recovery,
  leaseFlips: CountFigure,
  scaleDowns: CountFigure,
  referralToKeys: z.object({ n: Int, medianDays: Num, suppressed: z.boolean() }),
});

export const Outcomes = z.object({
  programmeId: z.uuid(),
  date: IsoDate,
  groupBy: z.enum(OUTCOME_GROUPS).nullable(),
  suppressed: z.boolean(),
  minCell: z.number().int(),
  definition: z.object({ version: z.number().int(), minHousedMonths: z.number().int(), requireNoReturn: z.boolean(), requireNoDomainAtOne: z.boolean(), goalPercent: z.number() }),
  returnsWindow: z.object({ from: IsoDate, to: IsoDate }),
  overall: OutcomeGroupFigures,
  groups: z.array(OutcomeGroupFigures),
});

/** POST /programmes/{id}/recovery-definitions: a new version of the definition. */
export const RecoveryDefinitionBody = z.object({
  /** The version the author started from (0 when there is none yet): a stale one answers 409. */
  baseVersion: z.number().int().min(0),
  minHousedMonths: z.number().int().min(1).max(60).default(12),
  requireNoReturn: z.boolean().default(true),
  requireNoDomainAtOne: z.boolean().default(true),
  goalPercent: z.number().min(0).max(100).default(90),
  note: z.string().trim().max(2000).optional(),
});

export const RecoveryDefinitionOut = z.object({
  id: z.uuid(),
  version: z.number().int(),
  minHousedMonths: z.number().int(),
  requireNoReturn: z.boolean(),
  requireNoDomainAtOne: z.boolean(),
  goalPercent: z.number(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  current: z.boolean(),
});
export const RecoveryDefinitionList = z.object({ items: z.array(RecoveryDefinitionOut), nextCursor: z.string().nullable() });
