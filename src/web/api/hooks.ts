// TanStack Query hooks over the typed client. Query keys are centralised in `keys`.

import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, isApiError, type ProgressListener } from './client';
import type {
  AssessmentDecision,
  AssessmentRequest,
  MergeRequest,
  NewImport,
  NewParticipant,
  NewRiskScreening,
  NewSuitabilityAssessment,
  ParticipantDetail,
  ParticipantFilters,
  ParticipantPatch,
  PhaseChange,
  PrioritySettingsChange,
  QueueFilters,
  ReferralAnswers,
  LocationFilters,
  LocationPatch,
  LoginRequest,
  Me,
  NewLocation,
  NewPledge,
  NewUnit,
  OrganisationKind,
  StatusChange,
  UnitFilters,
  UnitPatch,
} from './types';

export const keys = {
  me: ['me'] as const,
  sessions: ['sessions'] as const,
  programmes: ['programmes'] as const,
  programme: (id: string) => ['programmes', id] as const,
  counter: (programmeId: string, date: string) => ['counter', programmeId, date] as const,
  counterHistory: (programmeId: string) => ['counter-history', programmeId] as const,
  pledges: (programmeId: string) => ['pledges', programmeId] as const,
  tranches: (programmeId: string) => ['tranches', programmeId] as const,
  municipalities: ['municipalities'] as const,
  organisations: (kind?: OrganisationKind) => ['organisations', kind ?? 'all'] as const,
  locations: (filters: LocationFilters) => ['locations', 'list', filters] as const,
  allLocations: (filters: LocationFilters) => ['locations', 'all', filters] as const,
  location: (id: string) => ['locations', 'detail', id] as const,
  units: (filters: UnitFilters) => ['units', 'list', filters] as const,
  unit: (id: string) => ['units', 'detail', id] as const,
  allUnits: (filters: UnitFilters) => ['units', 'all', filters] as const,
  participants: (filters: ParticipantFilters) => ['participants', 'list', filters] as const,
  participantFlow: (range: { programmeId?: string; from?: string; to?: string }) => ['participants', 'flow', range] as const,
  participant: (id: string) => ['participants', 'detail', id] as const,
  duplicatePairs: ['participants', 'duplicates'] as const,
  prioritySettings: (programmeId: string) => ['priority-settings', programmeId] as const,
  referralDrafts: ['referral-drafts'] as const,
  referralDraft: (id: string) => ['referral-drafts', id] as const,
  assessmentQueue: (filters: QueueFilters) => ['assessment-queue', filters] as const,
  suitabilityFrameworks: (programmeId: string) => ['suitability-frameworks', programmeId] as const,
};

/** Figures that depend on units: invalidate them after any unit or pledge write. */
function invalidateFigures(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['units'] }),
    client.invalidateQueries({ queryKey: ['counter'] }),
    client.invalidateQueries({ queryKey: ['counter-history'] }),
    client.invalidateQueries({ queryKey: ['locations'] }),
    client.invalidateQueries({ queryKey: ['pledges'] }),
    client.invalidateQueries({ queryKey: ['tranches'] }),
  ]);
}

// ---------------------------------------------------------------- session

/** The logged-in user, or null when GET /me answers 401. */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.me();
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['login'],
    mutationFn: (body: LoginRequest) => api.login(body),
    onSuccess: (me) => {
      client.setQueryData(keys.me, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['logout'],
    mutationFn: () => api.logout(),
    onSettled: () => {
      client.clear();
      client.setQueryData(keys.me, null);
    },
  });
}

// ---------------------------------------------------------------- second factor and sessions

export function useStartTotpEnrolment() {
  return useMutation({ mutationKey: ['totp-enrolment'], mutationFn: () => api.startTotpEnrolment() });
}

/**
 * Confirms the second factor. The server rotated the session: the client already holds the new
 * CSRF token; the cached user is marked enrolled at once (no longer pending), and refetched later.
 */
export function useConfirmTotpEnrolment() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['totp-confirmation'],
    mutationFn: (code: string) => api.confirmTotpEnrolment(code),
    onSuccess: (out) => {
      client.setQueryData<Me | null>(keys.me, (me) =>
        me ? { ...me, csrfToken: out.csrfToken, mfa: { ...me.mfa, enabled: true, pending: false } } : me,
      );
    },
  });
}

export function useSessions() {
  return useQuery({ queryKey: keys.sessions, queryFn: () => api.sessions(), staleTime: 0 });
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.endSession(id),
    onSettled: () => client.invalidateQueries({ queryKey: keys.sessions }),
  });
}

/** "Log out everywhere": afterwards nothing cached belongs to anyone. */
export function useEndAllSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['logout-everywhere'],
    mutationFn: () => api.endAllSessions(),
    onSuccess: () => {
      client.clear();
      client.setQueryData(keys.me, null);
    },
  });
}

// ---------------------------------------------------------------- programmes

export function useProgrammes(enabled = true) {
  return useQuery({ queryKey: keys.programmes, queryFn: () => api.programmes(), staleTime: 5 * 60_000, enabled });
}

export function useProgramme(id: string | undefined) {
  return useQuery({
    queryKey: keys.programme(id ?? ''),
    queryFn: () => api.programme(id ?? ''),
    enabled: Boolean(id),
  });
}

export function useCounter(programmeId: string | undefined, date: string) {
  return useQuery({
    queryKey: keys.counter(programmeId ?? '', date),
    queryFn: () => api.counter(programmeId ?? '', date),
    enabled: Boolean(programmeId),
    placeholderData: keepPreviousData,
  });
}

export function useCounterHistory(programmeId: string | undefined) {
  return useQuery({
    queryKey: keys.counterHistory(programmeId ?? ''),
    queryFn: () => api.counterHistory(programmeId ?? ''),
    enabled: Boolean(programmeId),
  });
}

export function usePledges(programmeId: string | undefined) {
  return useQuery({
    queryKey: keys.pledges(programmeId ?? ''),
    queryFn: () => api.pledges(programmeId ?? ''),
    enabled: Boolean(programmeId),
  });
}

export function useTranches(programmeId: string | undefined) {
  return useQuery({
    queryKey: keys.tranches(programmeId ?? ''),
    queryFn: () => api.tranches(programmeId ?? ''),
    enabled: Boolean(programmeId),
  });
}

export function useCreatePledge(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPledge) => api.createPledge(programmeId, body),
    onSuccess: () => invalidateFigures(client),
  });
}

// ---------------------------------------------------------------- reference data

export function useMunicipalities() {
  return useQuery({ queryKey: keys.municipalities, queryFn: () => api.municipalities(), staleTime: 10 * 60_000 });
}

export function useOrganisations(kind?: OrganisationKind) {
  return useQuery({
    queryKey: keys.organisations(kind),
    queryFn: () => api.organisations(kind),
    staleTime: 10 * 60_000,
  });
}

// ---------------------------------------------------------------- locations

export function useLocations(filters: LocationFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.locations(filters),
    queryFn: ({ pageParam }) => api.locations(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Every location matching the filters (for selects). */
export function useAllLocations(filters: LocationFilters, enabled = true) {
  return useQuery({
    queryKey: keys.allLocations(filters),
    queryFn: () => api.allLocations(filters),
    enabled,
  });
}

export function useLocation(id: string | undefined) {
  return useQuery({
    queryKey: keys.location(id ?? ''),
    queryFn: () => api.location(id ?? ''),
    enabled: Boolean(id),
  });
}

export function useCreateLocation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewLocation) => api.createLocation(body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['locations'] }),
  });
}

export function useUpdateLocation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LocationPatch) => api.updateLocation(id, body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['locations'] }),
        client.invalidateQueries({ queryKey: ['units'] }),
        client.invalidateQueries({ queryKey: ['counter'] }),
      ]),
  });
}

// ---------------------------------------------------------------- units

export function useUnits(filters: UnitFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.units(filters),
    queryFn: ({ pageParam }) => api.units(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useUnit(id: string | undefined) {
  return useQuery({
    queryKey: keys.unit(id ?? ''),
    queryFn: () => api.unit(id ?? ''),
    enabled: Boolean(id),
  });
}

export function useCreateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUnit) => api.createUnit(body),
    onSuccess: () => invalidateFigures(client),
  });
}

export function useUpdateUnit(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitPatch) => api.updateUnit(id, body),
    onSuccess: () => invalidateFigures(client),
  });
}

export function useChangeUnitStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusChange) => api.changeUnitStatus(id, body),
    onSuccess: () => invalidateFigures(client),
  });
}

export function useAllUnits(filters: UnitFilters, enabled = true) {
  return useQuery({ queryKey: keys.allUnits(filters), queryFn: () => api.allUnits(filters), enabled });
}

// ---------------------------------------------------------------- participants

/** Everything that shows participants: the list, the flow, the pages, the assessors' queue. */
function invalidateParticipants(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['participants'] }),
    client.invalidateQueries({ queryKey: ['assessment-queue'] }),
  ]);
}

/** After a write that answers with the participant page: show it at once, refresh the rest. */
function storeParticipant(client: QueryClient, detail: ParticipantDetail): Promise<unknown> {
  client.setQueryData(keys.participant(detail.id), detail);
  if (detail.code !== detail.id) client.setQueryData(keys.participant(detail.code), detail);
  return Promise.all([
    client.invalidateQueries({ queryKey: ['participants', 'list'] }),
    client.invalidateQueries({ queryKey: ['participants', 'flow'] }),
    client.invalidateQueries({ queryKey: ['assessment-queue'] }),
  ]);
}

export function useParticipants(filters: ParticipantFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.participants(filters),
    queryFn: ({ pageParam }) => api.participants(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useParticipantFlow(range: { programmeId?: string; from?: string; to?: string }, enabled = true) {
  return useQuery({ queryKey: keys.participantFlow(range), queryFn: () => api.participantFlow(range), enabled });
}

/** One participant by uuid or pseudonymous code; always fresh (the record changes under many hands). */
export function useParticipant(id: string | undefined) {
  return useQuery({
    queryKey: keys.participant(id ?? ''),
    queryFn: () => api.participant(id ?? ''),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

export function useCreateParticipant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewParticipant) => api.createParticipant(body),
    onSuccess: (detail) =>
      Promise.all([storeParticipant(client, detail), client.invalidateQueries({ queryKey: keys.referralDrafts })]),
  });
}

export function useUpdateParticipant(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ParticipantPatch) => api.updateParticipant(id, body),
    onSuccess: (detail) => storeParticipant(client, detail),
  });
}

export function useChangePhase(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PhaseChange) => api.changePhase(id, body),
    onSuccess: (detail) => storeParticipant(client, detail),
  });
}

/** Someone known comes back (after withdrawal, exit or "not eligible"): a new referral on the same record. */
export function useReReferParticipant(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferralAnswers) => api.reReferParticipant(id, body),
    onSuccess: (detail) => storeParticipant(client, detail),
  });
}

/** The office asks a care provider about a participant; the provider may see them afterwards. */
export function useConsult(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { organisationId: string; note?: string }) => api.consult(id, body),
    onSuccess: (detail) => storeParticipant(client, detail),
  });
}

export function useDuplicateCheck() {
  return useMutation({ mutationFn: api.duplicateCheck });
}

// ---------------------------------------------------------------- possible duplicates and merging

/** The programme office's list of possible duplicate pairs; always fresh (a merge elsewhere removes a pair). */
export function useDuplicatePairs(enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.duplicatePairs,
    queryFn: ({ pageParam }) => api.duplicatePairs(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    staleTime: 0,
  });
}

/** Merges a duplicate into the survivor: the survivor's page is stored, the pair leaves the list. */
export function useMergeParticipant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { survivorId: string; body: MergeRequest }) => api.mergeParticipant(input.survivorId, input.body),
    onSuccess: (detail) =>
      Promise.all([
        storeParticipant(client, detail),
        client.invalidateQueries({ queryKey: keys.duplicatePairs }),
        // the merged record's page now says where it went
        client.invalidateQueries({ queryKey: ['participants', 'detail'], predicate: (q) => q.queryKey[2] !== detail.id && q.queryKey[2] !== detail.code }),
      ]),
  });
}

// ---------------------------------------------------------------- priority rules of the by-name list

export function usePrioritySettings(programmeId: string | undefined) {
  return useQuery({
    queryKey: keys.prioritySettings(programmeId ?? ''),
    queryFn: () => api.prioritySettings(programmeId ?? ''),
    enabled: Boolean(programmeId),
    staleTime: 0,
  });
}

/** A new version of the rules: the list is re-sorted by the server, so every rank shown is refreshed. */
export function useSavePrioritySettings(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PrioritySettingsChange) => api.savePrioritySettings(programmeId, body),
    onSuccess: (settings) => {
      client.setQueryData(keys.prioritySettings(programmeId), settings);
      // A cached list in the old order must not flash up when the reader goes back to it.
      client.removeQueries({ queryKey: ['participants', 'list'], type: 'inactive' });
      return invalidateParticipants(client);
    },
  });
}

// ---------------------------------------------------------------- referral drafts

export function useReferralDrafts(enabled = true) {
  return useQuery({ queryKey: keys.referralDrafts, queryFn: () => api.referralDrafts(), enabled, staleTime: 0 });
}

export function useReferralDraft(id: string | undefined) {
  return useQuery({
    queryKey: keys.referralDraft(id ?? ''),
    queryFn: () => api.referralDraft(id ?? ''),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

/** Creates the draft, or replaces it when it has an id and version. */
export function useSaveReferralDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; data: Record<string, unknown> }) =>
      input.id && input.version !== undefined
        ? api.updateReferralDraft(input.id, input.version, input.data)
        : api.createReferralDraft(input.data),
    onSuccess: (draft) => {
      client.setQueryData(keys.referralDraft(draft.id), draft);
      return client.invalidateQueries({ queryKey: keys.referralDrafts, exact: true });
    },
  });
}

export function useDeleteReferralDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteReferralDraft(id),
    onSuccess: (_out, id) => {
      client.removeQueries({ queryKey: keys.referralDraft(id) });
      return client.invalidateQueries({ queryKey: keys.referralDrafts, exact: true });
    },
  });
}

// ---------------------------------------------------------------- care assessments

export function useAssessmentQueue(filters: QueueFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.assessmentQueue(filters),
    queryFn: ({ pageParam }) => api.assessmentQueue(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useRequestAssessment(participantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessmentRequest) => api.requestAssessment(participantId, body),
    onSuccess: () => invalidateParticipants(client),
  });
}

export function useAssignAssessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; assessorId?: string }) =>
      api.assignAssessment(input.id, { version: input.version, assessorId: input.assessorId }),
    onSuccess: () => invalidateParticipants(client),
  });
}

export function useDecideAssessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: AssessmentDecision }) => api.decideAssessment(input.id, input.body),
    onSuccess: () => invalidateParticipants(client),
  });
}

// ---------------------------------------------------------------- risk screening and suitability

export function useRecordRiskScreening(participantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRiskScreening) => api.recordRiskScreening(participantId, body),
    onSuccess: () => invalidateParticipants(client),
  });
}

export function useSuitabilityFrameworks(programmeId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: keys.suitabilityFrameworks(programmeId ?? ''),
    queryFn: () => api.suitabilityFrameworks(programmeId),
    enabled: enabled && Boolean(programmeId),
  });
}

export function useAssessSuitability(participantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSuitabilityAssessment) => api.assessSuitability(participantId, body),
    onSuccess: () =>
      Promise.all([invalidateParticipants(client), client.invalidateQueries({ queryKey: ['suitability-frameworks'] })]),
  });
}

// ---------------------------------------------------------------- CSV import

export function useCreateImport() {
  return useMutation({
    mutationFn: (input: { body: NewImport; onProgress?: ProgressListener }) => api.createImport(input.body, input.onProgress),
  });
}

export function useConfirmImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.confirmImport(id),
    onSuccess: () => invalidateParticipants(client),
  });
}
