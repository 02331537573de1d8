// Batch matching proposals and eligibility rules — types, calls and TanStack Query hooks
// (matching.routes.ts: /matching-proposals; eligibility.routes.ts: /eligibility-rules).
// Kept apart from api/matching.ts, like that file is kept apart from client.ts / hooks.ts.

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildQuery, send } from './client';
import type { IsoDate, Page, TargetGroup } from './types';
import type { RankedPerson, Ref, Score } from './matching';
import type { EligibilityRuleKind, IndicationType, RiskLevel, RuleLevel } from '../../shared/enums';

const enc = encodeURIComponent;

// ---------------------------------------------------------------- types

export type { EligibilityRuleKind, RuleLevel };

/** The kinds in the server's order (src/shared/enums.ts ELIGIBILITY_RULE_KINDS). */
export const RULE_KINDS: EligibilityRuleKind[] = [
  'household_size',
  'target_group',
  'municipality_exclusion',
  'not_accessible',
  'no_pets',
  'indication_required',
  'consent_housing',
  'risk_screening',
];
export const RULE_LEVEL_ORDER: RuleLevel[] = ['programme', 'location', 'unit'];
export const RULE_TARGET_GROUPS: TargetGroup[] = ['single_adult', 'young_adult', 'family', 'domestic_violence'];
export const RULE_INDICATIONS: Exclude<IndicationType, 'none'>[] = ['beschermd_thuis', 'ambulant', 'other'];
export const RULE_RISK_LEVELS: RiskLevel[] = ['low', 'medium', 'high'];

/** Parameters per kind (eligibility.schema.ts PARAMS_BY_KIND). */
export interface RuleParams {
  maxPersonsPerRoom?: number;
  maxPersons?: number;
  allowed?: TargetGroup[];
  indications?: Exclude<IndicationType, 'none'>[];
  maxRiskLevel?: RiskLevel;
}

export interface EligibilityRule {
  id: string;
  programmeId: string;
  level: RuleLevel;
  locationId: string | null;
  unitId: string | null;
  kind: EligibilityRuleKind;
  params: Record<string, unknown>;
  description: string;
  descriptionEn: string;
  note: string | null;
  createdAt: string;
  abilities: { remove: boolean };
}

export interface NewRule {
  programmeId: string;
  locationId?: string;
  unitId?: string;
  kind: EligibilityRuleKind;
  params: RuleParams;
  note?: string;
}

export interface RuleFilters {
  programmeId?: string;
  locationId?: string;
  unitId?: string;
}

export interface NewProposal {
  programmeId: string;
  locationId?: string;
  unitIds?: string[];
  capacities: Array<{ providerId: string; places: number }>;
  date?: IsoDate;
}

interface Totals {
  filled: number;
  totalScore: number;
}

export interface Proposal {
  id: string;
  programmeId: string;
  locationId: string | null;
  status: 'proposed' | 'accepted';
  asOf: IsoDate;
  createdAt: string;
  units: number;
  candidates: number;
  eligiblePairs: number;
  optimal: Totals;
  greedy: Totals;
  greedyWorseBy: Totals;
  timings: { buildMs: number; solveMs: number; greedyMs: number };
  capacities: Array<{ providerId: string; provider: string; places: number; used: number; usedByGreedy: number }>;
  pairs: Array<{
    unit: { id: string; label: string };
    participant: RankedPerson & { provider: Ref | null };
    score: Score;
    greedy: { participant: RankedPerson | null; score: number | null };
    differenceFromGreedy: number;
  }>;
  unfilled: Array<{ unit: { id: string; label: string }; eligibleCandidates: number }>;
  offerIds: string[];
}

// ---------------------------------------------------------------- calls

export const matchingExtraApi = {
  rules: (filters: RuleFilters, cursor?: string | null, limit = 100) =>
    send<Page<EligibilityRule>>('GET', `/v1/eligibility-rules${buildQuery({ ...filters, cursor, limit })}`),
  createRule: (body: NewRule) => send<EligibilityRule>('POST', '/v1/eligibility-rules', body),
  removeRule: (id: string) => send<null>('DELETE', `/v1/eligibility-rules/${enc(id)}`),

  createProposal: (body: NewProposal) => send<Proposal>('POST', '/v1/matching-proposals', body),
  proposal: (id: string) => send<Proposal>('GET', `/v1/matching-proposals/${enc(id)}`),
  acceptProposal: (id: string, note?: string) => send<Proposal>('POST', `/v1/matching-proposals/${enc(id)}/acceptances`, note ? { note } : {}),
};

// ---------------------------------------------------------------- hooks

export const matchingExtraKeys = {
  rules: (filters: RuleFilters) => ['eligibility-rules', filters] as const,
  proposal: (id: string) => ['matching-proposal', id] as const,
};

export function useEligibilityRules(filters: RuleFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: matchingExtraKeys.rules(filters),
    queryFn: ({ pageParam }) => matchingExtraApi.rules(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** A rule changes who is eligible: the rules, rankings and call pages are refreshed. */
function invalidateRules(client: ReturnType<typeof useQueryClient>) {
  return Promise.all(['eligibility-rules', 'ranking', 'call'].map((key) => client.invalidateQueries({ queryKey: [key] })));
}

export function useCreateRule() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (body: NewRule) => matchingExtraApi.createRule(body), onSuccess: () => invalidateRules(client) });
}

export function useRemoveRule() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string) => matchingExtraApi.removeRule(id), onSuccess: () => invalidateRules(client) });
}

export function useProposal(id: string | undefined) {
  return useQuery({ queryKey: matchingExtraKeys.proposal(id ?? ''), queryFn: () => matchingExtraApi.proposal(id!), enabled: Boolean(id), staleTime: 0 });
}

export function useCreateProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewProposal) => matchingExtraApi.createProposal(body),
    onSuccess: (data) => client.setQueryData(matchingExtraKeys.proposal(data.id), data),
  });
}

export function useAcceptProposal(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note?: string) => matchingExtraApi.acceptProposal(id, note),
    onSuccess: (data) => {
      client.setQueryData(matchingExtraKeys.proposal(id), data);
      return Promise.all(
        ['offers', 'ranking', 'offer-dashboard', 'units', 'unit', 'counter', 'participants', 'participant'].map((key) =>
          client.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
}
