// TanStack Query hooks over the typed client. Query keys are centralised in `keys`.

import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, isApiError } from './client';
import type {
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
