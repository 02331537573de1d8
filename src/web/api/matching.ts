// Matching and allocation: broad calls and nominations, the ranking of a home, offers and the
// office's dashboard — types, calls and TanStack Query hooks (calls.routes.ts, matching.routes.ts,
// offers.routes.ts). Kept apart from client.ts / hooks.ts / types.ts, like api/admin.ts.

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildQuery, send } from './client';
import type { ParticipantPhase } from '../../shared/enums';
import type { IsoDate, Page, TargetGroup, UnitStatus } from './types';

const enc = encodeURIComponent;

// ---------------------------------------------------------------- types

export type DeliveryMode = 'scattered' | 'project';
export type CallStatus = 'open' | 'closed' | 'cancelled';
export type OfferStep =
  | 'provider_proposal'
  | 'corporation_decision'
  | 'receipt'
  | 'offer_to_candidate'
  | 'viewing'
  | 'candidate_decision'
  | 'contract';
export type OfferStatus = 'open' | 'decline_review' | 'succeeded' | 'declined' | 'cancelled';
export type DeclineParty = 'client' | 'provider' | 'corporation' | 'expired';
export type ScorePartCode = 'waiting_list' | 'waiting_time' | 'home_fit' | 'municipality_preference' | 'nominated';
export type ReviewOutcome = 'confirm' | 'override' | 'return';
export type CancelReason = 'unit_unavailable' | 'participant_unavailable' | 'other';

/** The order of the steps per route (docs/matching.md). */
export const ROUTE_STEPS: Record<DeliveryMode, OfferStep[]> = {
  project: ['provider_proposal', 'corporation_decision', 'candidate_decision', 'contract'],
  scattered: ['receipt', 'offer_to_candidate', 'viewing', 'candidate_decision', 'contract'],
};

/** Decline reasons per party (src/shared/enums.ts). */
export const DECLINE_REASONS: Record<Exclude<DeclineParty, 'expired'>, string[]> = {
  client: [
    'other_housing_option',
    'refused_unit',
    'does_not_want_housing_now',
    'unwilling_neighbourhood',
    'disappeared',
    'in_treatment',
    'incarcerated',
    'deceased',
    'other',
  ],
  provider: ['ineligible_for_programme', 'needs_higher_level_of_care', 'not_reachable', 'no_response_after_accepting', 'home_does_not_suit', 'other'],
  corporation: ['not_affordable', 'household_does_not_fit', 'previous_tenancy_problems', 'vacancy_filled', 'unit_not_available', 'other'],
};
export const CANCEL_REASONS: CancelReason[] = ['unit_unavailable', 'participant_unavailable', 'other'];
export const PARKING_PERIODS = [30, 60, 90, 180, 365] as const;

export interface Bilingual {
  nl: string;
  en: string;
}
export interface Ref {
  id: string;
  name: string;
}
export interface ScorePart extends Bilingual {
  code: ScorePartCode;
  points: number;
  max: number;
}
export interface Score {
  total: number;
  parts: ScorePart[];
}

export interface Call {
  id: string;
  programmeId: string;
  title: string;
  location: Ref | null;
  units: Array<{ id: string; label: string; status: UnitStatus }>;
  requirements: string;
  deadline: IsoDate;
  status: CallStatus;
  sentOn: IsoDate;
  closedOn: IsoDate | null;
  recipients: Array<Ref & { nominations: number }> | null;
  nominationCount: number;
  abilities: { nominate: boolean; close: boolean };
}

export interface Nomination {
  id: string;
  participant: {
    id: string;
    code: string | null;
    name: string | null;
    phase: ParticipantPhase | null;
    householdSize: number | null;
    targetGroup: TargetGroup | null;
  };
  organisation: Ref;
  motivation: string;
  nominatedOn: IsoDate;
  fit: Array<{
    unitId: string;
    label: string;
    eligible: boolean;
    reasons: Array<Bilingual & { code: string }>;
    score: Score | null;
  }> | null;
}

export interface CallDetail extends Call {
  nominations: Nomination[];
}

export interface NewCall {
  programmeId: string;
  title: string;
  locationId?: string;
  unitIds?: string[];
  requirements: string;
  deadline: IsoDate;
  recipientIds?: string[];
}

export interface NewNomination {
  participantId: string;
  motivation: string;
}

export interface ExclusionReason extends Bilingual {
  code: string;
  ruleId: string | null;
  level: string | null;
}
export interface RankedPerson {
  id: string;
  code: string;
  name: string;
}

export interface Ranking {
  unit: { id: string; label: string; status: UnitStatus; location: string | null; municipality: string; rooms: number | null };
  asOf: IsoDate;
  rules: Array<{ id: string; kind: string; level: string; description: string; descriptionEn: string }>;
  counts: { candidates: number; eligible: number; excluded: number };
  items: Array<{
    rank: number;
    participant: RankedPerson & { householdSize: number; targetGroup: TargetGroup; provider: Ref | null };
    score: Score;
  }>;
  nextCursor: string | null;
  excluded: Array<{ participant: RankedPerson; reasons: ExclusionReason[] }>;
  explanation: {
    participant: RankedPerson & { phase: ParticipantPhase };
    eligible: boolean;
    rank: number | null;
    reasons: ExclusionReason[];
    score: Score | null;
  } | null;
}

export interface Offer {
  id: string;
  programmeId: string;
  route: DeliveryMode;
  step: OfferStep;
  stepLabel: Bilingual;
  status: OfferStatus;
  active: boolean;
  stepEnteredOn: IsoDate;
  ageDays: number;
  remindOn: IsoDate;
  escalateOn: IsoDate;
  dueOn: IsoDate;
  stalled: boolean;
  unit: { id: string; label: string; location: string | null; municipality: string | null; rooms: number | null };
  participant: {
    id: string | null;
    code: string | null;
    name: string | null;
    householdSize: number | null;
    phone?: string | null;
    email?: string | null;
    sharedWithConsent?: boolean;
  };
  provider: Ref | null;
  corporation: Ref | null;
  allocationOffice: Ref | null;
  sharedOn: IsoDate | null;
  decline: { party: DeclineParty; reason: string | null; note: string | null; declinedOn: IsoDate } | null;
  closedOn: IsoDate | null;
  closeReason: string | null;
  callId: string | null;
  proposalId: string | null;
  version: number;
  createdAt: string;
  abilities: { accept: boolean; decline: boolean; declineParties: DeclineParty[]; review: boolean; cancel: boolean };
}

export interface OfferEvent {
  id: string;
  kind: string;
  step: OfferStep;
  nextStep: OfferStep;
  statusAfter: OfferStatus;
  text: Bilingual;
  party: string | null;
  reason: string | null;
  outcome: string | null;
  note: string | null;
  effectiveDate: IsoDate;
  recordedAt: string;
  source: string;
  organisation: string | null;
}

export interface OfferDetail extends Offer {
  history: OfferEvent[];
  parked?: { until: IsoDate | null } | null;
}

export interface OfferFilters {
  status?: OfferStatus;
  programmeId?: string;
  unitId?: string;
}

export interface NewOffer {
  unitId: string;
  participantId: string;
  route?: DeliveryMode;
  callId?: string;
  note?: string;
}

export interface Decision {
  step: OfferStep;
  decision: 'accept' | 'decline';
  party?: Exclude<DeclineParty, 'expired'>;
  reason?: string;
  note?: string;
}

export interface Review {
  outcome: ReviewOutcome;
  note?: string;
  park?: { days?: (typeof PARKING_PERIODS)[number]; indefinitely?: boolean };
}

export interface Cancellation {
  reason: CancelReason;
  note?: string;
}

interface Ages {
  upTo7: number;
  upTo14: number;
  upTo30: number;
  over30: number;
}
export interface OfferDashboard {
  asOf: IsoDate;
  openByStep: Array<{ route: DeliveryMode; step: OfferStep; open: number; underReview: number; stalled: number; oldestDays: number; ages: Ages }>;
  timeBetweenSteps: Array<{ route: DeliveryMode; step: OfferStep; completed: number; medianDays: number; p90Days: number; maxDays: number }>;
  declinesByParty: Array<{ party: DeclineParty; reason: string; total: number; confirmed: number; overridden: number; returned: number; pending: number }>;
  outcomes: { succeeded: number; declined: number; cancelled: number; running: number };
  vacancies: Array<{ unitId: string; label: string; location: string | null; municipality: string; availableSince: IsoDate; days: number; openOffers: number }>;
}

// ---------------------------------------------------------------- calls

export const matchingApi = {
  calls: (filters: { programmeId?: string; status?: CallStatus }, cursor?: string | null, limit = 50) =>
    send<Page<Call>>('GET', `/v1/calls${buildQuery({ ...filters, cursor, limit })}`),
  call: (id: string) => send<CallDetail>('GET', `/v1/calls/${enc(id)}`),
  createCall: (body: NewCall) => send<Call>('POST', '/v1/calls', body),
  nominate: (id: string, body: NewNomination) => send<Nomination>('POST', `/v1/calls/${enc(id)}/nominations`, body),
  closeCall: (id: string) => send<CallDetail>('POST', `/v1/calls/${enc(id)}/closures`, {}),

  ranking: (unitId: string, participant?: string) =>
    send<Ranking>('GET', `/v1/units/${enc(unitId)}/ranking${buildQuery({ participant, limit: 100 })}`),

  offers: (filters: OfferFilters, cursor?: string | null, limit = 50) =>
    send<Page<Offer>>('GET', `/v1/offers${buildQuery({ ...filters, cursor, limit })}`),
  offer: (id: string) => send<OfferDetail>('GET', `/v1/offers/${enc(id)}`),
  createOffer: (body: NewOffer) => send<OfferDetail>('POST', '/v1/offers', body),
  decide: (id: string, body: Decision) => send<OfferDetail>('POST', `/v1/offers/${enc(id)}/decisions`, body),
  review: (id: string, body: Review) => send<OfferDetail>('POST', `/v1/offers/${enc(id)}/decline-reviews`, body),
  cancel: (id: string, body: Cancellation) => send<OfferDetail>('POST', `/v1/offers/${enc(id)}/cancellations`, body),
  dashboard: (programmeId: string | undefined, vacancyDays: number) =>
    send<OfferDashboard>('GET', `/v1/offers/dashboard${buildQuery({ programmeId, vacancyDays })}`),
};

// ---------------------------------------------------------------- hooks

export const matchingKeys = {
  calls: (filters: object) => ['calls', filters] as const,
  call: (id: string) => ['call', id] as const,
  ranking: (unitId: string, participant?: string) => ['ranking', unitId, participant ?? null] as const,
  offers: (filters: OfferFilters) => ['offers', filters] as const,
  offer: (id: string) => ['offer', id] as const,
  dashboard: (programmeId: string | undefined, vacancyDays: number) => ['offer-dashboard', programmeId, vacancyDays] as const,
};

export function useCalls(filters: { programmeId?: string; status?: CallStatus }, enabled = true) {
  return useInfiniteQuery({
    queryKey: matchingKeys.calls(filters),
    queryFn: ({ pageParam }) => matchingApi.calls(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCall(id: string | undefined) {
  return useQuery({ queryKey: matchingKeys.call(id ?? ''), queryFn: () => matchingApi.call(id!), enabled: Boolean(id) });
}

export function useCreateCall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCall) => matchingApi.createCall(body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['calls'] }),
  });
}

export function useNominate(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewNomination) => matchingApi.nominate(callId, body),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['call', callId] }), client.invalidateQueries({ queryKey: ['calls'] })]),
  });
}

export function useCloseCall(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => matchingApi.closeCall(callId),
    onSuccess: (data) => {
      client.setQueryData(matchingKeys.call(callId), data);
      return client.invalidateQueries({ queryKey: ['calls'] });
    },
  });
}

export function useRanking(unitId: string | undefined, participant?: string) {
  return useQuery({
    queryKey: matchingKeys.ranking(unitId ?? '', participant),
    queryFn: () => matchingApi.ranking(unitId!, participant),
    enabled: Boolean(unitId),
    staleTime: 0,
  });
}

export function useOffers(filters: OfferFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: matchingKeys.offers(filters),
    queryFn: ({ pageParam }) => matchingApi.offers(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useOffer(id: string | undefined) {
  return useQuery({ queryKey: matchingKeys.offer(id ?? ''), queryFn: () => matchingApi.offer(id!), enabled: Boolean(id), staleTime: 0 });
}

/** After any change of an offer: the offer, the lists, rankings, the units and the dashboard. */
function invalidateOffers(client: ReturnType<typeof useQueryClient>) {
  return Promise.all(
    ['offers', 'ranking', 'offer-dashboard', 'units', 'unit', 'counter', 'participants', 'participant'].map((key) =>
      client.invalidateQueries({ queryKey: [key] }),
    ),
  );
}

export function useCreateOffer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOffer) => matchingApi.createOffer(body),
    onSuccess: (data) => {
      client.setQueryData(matchingKeys.offer(data.id), data);
      return invalidateOffers(client);
    },
  });
}

export function useOfferAction(id: string) {
  const client = useQueryClient();
  const done = (data: OfferDetail) => {
    client.setQueryData(matchingKeys.offer(id), data);
    return invalidateOffers(client);
  };
  return {
    decide: useMutation({ mutationFn: (body: Decision) => matchingApi.decide(id, body), onSuccess: done }),
    review: useMutation({ mutationFn: (body: Review) => matchingApi.review(id, body), onSuccess: done }),
    cancel: useMutation({ mutationFn: (body: Cancellation) => matchingApi.cancel(id, body), onSuccess: done }),
  };
}

export function useOfferDashboard(programmeId: string | undefined, vacancyDays: number, enabled = true) {
  return useQuery({
    queryKey: matchingKeys.dashboard(programmeId, vacancyDays),
    queryFn: () => matchingApi.dashboard(programmeId, vacancyDays),
    enabled,
    staleTime: 0,
  });
}
