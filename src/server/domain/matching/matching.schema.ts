import { z } from 'zod';
import { PARTICIPANT_PHASES, RULE_LEVELS, SCORE_PARTS, TARGET_GROUPS, UNIT_STATUSES } from '../../../shared/enums.js';
import { IsoDate, PageQuery } from '../../http/openapi.js';

export const UnitRankingParams = z.object({ id: z.uuid() });
export const RankingQuery = z.object({
  /** The date the ranking is computed for (waiting times, valid indications); default today. */
  date: IsoDate.optional(),
  /** Explain one person (id or pseudonymous code): why they stand where they stand, or why they are not on the list. */
  participant: z.string().trim().min(1).max(60).optional(),
  ...PageQuery,
});

const ScorePartOut = z.object({ code: z.enum(SCORE_PARTS), points: z.number().int(), max: z.number().int(), nl: z.string(), en: z.string() });
export const ScoreOut = z.object({ total: z.number().int(), parts: z.array(ScorePartOut) });
const Reason = z.object({ code: z.string(), ruleId: z.uuid().nullable(), level: z.enum(RULE_LEVELS).nullable(), nl: z.string(), en: z.string() });
const Person = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const Ranking = z.object({
  unit: z.object({ id: z.uuid(), label: z.string(), status: z.enum(UNIT_STATUSES), location: z.string().nullable(), municipality: z.string(), rooms: z.number().int().nullable() }),
  asOf: IsoDate,
  rules: z.array(z.object({ id: z.uuid(), kind: z.string(), level: z.enum(RULE_LEVELS), description: z.string(), descriptionEn: z.string() })),
  counts: z.object({ candidates: z.number().int(), eligible: z.number().int(), excluded: z.number().int() }),
  items: z.array(
    z.object({
      rank: z.number().int(),
      participant: Person.extend({ householdSize: z.number().int(), targetGroup: z.enum(TARGET_GROUPS), provider: z.object({ id: z.uuid(), name: z.string() }).nullable() }),
      score: ScoreOut,
    }),
  ),
  nextCursor: z.string().nullable(),
  /** Ready participants of the programme the rules exclude, in priority order (at most 200), each with every reason. */
  excluded: z.array(z.object({ participant: Person, reasons: z.array(Reason) })),
  explanation: z
    .object({
      participant: Person.extend({ phase: z.enum(PARTICIPANT_PHASES) }),
      eligible: z.boolean(),
      rank: z.number().int().nullable(),
      reasons: z.array(Reason),
      score: ScoreOut.nullable(),
    })
    .nullable(),
});

export const ProposalParams = z.object({ id: z.uuid() });
export const CreateProposalBody = z.object({
  programmeId: z.uuid(),
  /** The delivery: a location's available homes, or chosen homes. */
  locationId: z.uuid().optional(),
  unitIds: z.array(z.uuid()).min(1).max(2000).optional(),
  /** At most `places` homes for the candidates of each provider; providers not listed are unlimited. */
  capacities: z.array(z.object({ providerId: z.uuid(), places: z.number().int().min(0).max(2000) })).max(50).default([]),
  date: IsoDate.optional(),
});
export const AcceptProposalBody = z.object({ note: z.string().trim().max(2000).optional() });

const Totals = z.object({ filled: z.number().int(), totalScore: z.number() });
export const Proposal = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  locationId: z.uuid().nullable(),
  status: z.enum(['proposed', 'accepted']),
  asOf: IsoDate,
  createdAt: z.string(),
  units: z.number().int(),
  candidates: z.number().int(),
  eligiblePairs: z.number().int(),
  optimal: Totals,
  greedy: Totals,
  /** How much worse hand-sorting (the greedy choice) would be: fewer homes filled and/or fewer points. */
  greedyWorseBy: Totals,
  timings: z.object({ buildMs: z.number(), solveMs: z.number(), greedyMs: z.number() }),
  capacities: z.array(z.object({ providerId: z.uuid(), provider: z.string(), places: z.number().int(), used: z.number().int(), usedByGreedy: z.number().int() })),
  pairs: z.array(
    z.object({
      unit: z.object({ id: z.uuid(), label: z.string() }),
      participant: Person.extend({ provider: z.object({ id: z.uuid(), name: z.string() }).nullable() }),
      score: ScoreOut,
      greedy: z.object({ participant: Person.nullable(), score: z.number().int().nullable() }),
      /** This pair's score minus the score of the greedy choice for the same home (unfilled by greedy: the whole score). */
      differenceFromGreedy: z.number().int(),
    }),
  ),
  unfilled: z.array(z.object({ unit: z.object({ id: z.uuid(), label: z.string() }), eligibleCandidates: z.number().int() })),
  offerIds: z.array(z.uuid()),
});
