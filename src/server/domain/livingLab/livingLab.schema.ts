import { z } from 'zod';
import { BOTTLENECK_AREAS, BOTTLENECK_STATUSES, OBSERVATION_FACTORS, OBSERVATION_THEMES } from '../../../shared/livingLab.js';
import { IsoDate } from '../../http/openapi.js';

export const LivingLabParams = z.object({ id: z.uuid() });
export const LivingLabQuery = z.object({ date: IsoDate.optional() });

const Verdict = z.enum(['met', 'not_met', 'unknown']);
const Int = z.number().int().nullable();
const Num = z.number().nullable();

export const LivingLabOverview = z.object({
  programmeId: z.uuid(),
  date: z.string(),
  /** 'full' for the programme office; 'aggregate' (cells under minCell people left out) for others. */
  view: z.enum(['full', 'aggregate']),
  minCell: z.number().int(),
  participants: z.object({
    /** People with a first home in the programme on or before the date. */
    value: Int,
    goal: z.number().int(),
    /** The goal is the programme's target (the Living Lab: 200). */
    goalSource: z.literal('programme_target'),
    suppressed: z.boolean(),
    verdict: Verdict,
    trend: z.object({
      resolution: z.literal('month'),
      source: z.literal('computed'),
      points: z.array(z.object({ date: z.string(), value: Int })),
    }),
  }),
  recovery: z.object({
    /** Share 0–1 of the people counted who recovered sustainably. */
    rate: Num,
    /** The goal as a share 0–1 (the definition's goal percent). */
    goal: z.number(),
    numerator: Int,
    denominator: Int,
    n: Int,
    suppressed: z.boolean(),
    /** Below this many people counted there is no verdict. */
    verdictMinN: z.number().int(),
    verdict: Verdict,
    definition: z.object({
      version: z.number().int(),
      minHousedMonths: z.number(),
      requireNoReturn: z.boolean(),
      requireNoDomainAtOne: z.boolean(),
      goalPercent: z.number(),
    }),
    trend: z.object({
      resolution: z.literal('quarter'),
      /** At most this many quarter ends are computed; the others come from monthly snapshots or are left out. */
      maxComputed: z.number().int(),
      points: z.array(z.object({ date: z.string(), rate: Num, n: Int, source: z.enum(['snapshot', 'computed']) })),
    }),
  }),
  businessCase: z.object({
    /** The business case's own verdict: positive, negative or unknown. */
    outcome: z.enum(['positive', 'negative', 'unknown']),
    verdict: Verdict,
    n: Int,
    suppressed: z.boolean(),
    missing: z.array(z.string()),
    savingsCents: Int,
    housingFirstCents: Int,
    counterfactualCents: Int,
    perParticipantPerYear: z.object({ housingFirstCents: z.number().int(), counterfactualCents: z.number().int(), savingsCents: z.number().int() }).nullable(),
    breakEvenMonth: z.string().nullable(),
    trend: z.object({
      resolution: z.literal('quarter'),
      source: z.literal('computed'),
      points: z.array(z.object({ date: z.string(), savingsCents: Int })),
    }),
  }),
  factors: z.object({
    /** False for roles that do not see observations (municipality, researcher). */
    available: z.boolean(),
    themes: z.array(
      z.object({
        theme: z.enum(OBSERVATION_THEMES),
        success: z.number().int(),
        failure: z.number().int(),
        tags: z.array(z.object({ factor: z.enum(OBSERVATION_FACTORS), tag: z.string(), n: z.number().int() })),
        /** The latest observations as tags and month: no text, no participant. */
        latest: z.array(z.object({ factor: z.enum(OBSERVATION_FACTORS), tags: z.array(z.string()), month: z.string(), about: z.enum(['participant', 'location']) })),
      }),
    ),
  }),
  bottlenecks: z.object({
    counts: z.object(Object.fromEntries(BOTTLENECK_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof BOTTLENECK_STATUSES)[number], z.ZodNumber>),
    open: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        area: z.enum(BOTTLENECK_AREAS),
        status: z.enum(BOTTLENECK_STATUSES),
        ownerOrganisation: z.string().nullable(),
        ownerName: z.string().nullable(),
        since: z.string(),
      }),
    ),
    openTotal: z.number().int(),
  }),
});
