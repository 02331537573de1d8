// The neighbourhood of a building (neighbourhood.routes.ts): the overview, the mix, meetings and
// incidents — types, calls and TanStack Query hooks. Kept apart like api/notifications.ts.

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildQuery, send } from './client';
import type { IsoDate, Me, Page, Role, UnitStatus } from './types';

const enc = encodeURIComponent;

// ---------------------------------------------------------------- types

export const INCIDENT_SOURCES = ['neighbour', 'corporation', 'provider', 'police', 'tenant', 'municipality', 'other'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export type NeighbourhoodSignal = 'calm' | 'attention' | 'concern';

export interface Meeting {
  id: string;
  locationId: string;
  heldOn: IsoDate;
  attendees: number | null;
  notes: string;
  recordedAt: string;
}
export interface NewMeeting {
  heldOn: IsoDate;
  attendees?: number | null;
  notes: string;
}

export interface Incident {
  id: string;
  locationId: string;
  location: string;
  occurredOn: IsoDate;
  source: IncidentSource;
  severity: IncidentSeverity;
  /** False for a municipality: no description, follow-up or tenancy link. */
  details: boolean;
  description: string | null;
  followUp: string | null;
  tenancy: { id: string; unitLabel: string } | null;
  closedOn: IsoDate | null;
  open: boolean;
  ageDays: number;
  overdue: boolean;
  version: number;
  abilities: { edit: boolean; close: boolean };
}
export interface IncidentFilters {
  locationId?: string;
  open?: boolean;
  severity?: IncidentSeverity;
}
export interface NewIncident {
  locationId: string;
  tenancyId?: string | null;
  occurredOn: IsoDate;
  source: IncidentSource;
  severity: IncidentSeverity;
  description: string;
  followUp?: string | null;
}
export interface IncidentPatch {
  version: number;
  severity?: IncidentSeverity;
  followUp?: string | null;
}
export interface IncidentClosure {
  closedOn: IsoDate;
  followUp: string;
  version?: number;
}

export interface NeighbourhoodOverview {
  location: { id: string; name: string; form: string; municipality: string; district: string | null; corporation: string | null; provider: string | null; version: number };
  on: IsoDate;
  mixed: boolean;
  mix: { programmePlaces: number; regularHomes: number | null; total: number };
  unitsByStatus: Record<UnitStatus, number>;
  tenancies: { current: number; providerHeld: number; tenantHeld: number; flipped: number; ended: number };
  incidentsByMonth: { month: string; low: number; medium: number; high: number; total: number }[];
  alertDays: number;
  openIncidents: { id: string; occurredOn: IsoDate; source: IncidentSource; severity: IncidentSeverity; ageDays: number; overdue: boolean }[];
  openCount: number;
  overdueCount: number;
  lastMeetings: Meeting[];
  signal: NeighbourhoodSignal;
  abilities: { setMix: boolean; recordIncident: boolean; recordMeeting: boolean; incidentDetails: boolean };
}

// ---------------------------------------------------------------- access (the server decides; this only avoids offering what it would refuse)

const has = (me: Pick<Me, 'roles'>, roles: readonly Role[]) => me.roles.some((role) => roles.includes(role));
export const neighbourhoodAccess = {
  /** The incidents overview (canNeighbourhood.readAny). */
  incidents: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_worker', 'care_manager', 'corporation', 'municipality']),
};

export const INCIDENTS_PATH = '/overlast';

// ---------------------------------------------------------------- calls

export const neighbourhoodApi = {
  overview: (locationId: string) => send<NeighbourhoodOverview>('GET', `/v1/locations/${enc(locationId)}/neighbourhood`),
  setMix: (locationId: string, body: { regularHomes: number | null; version: number }) =>
    send<NeighbourhoodOverview>('PUT', `/v1/locations/${enc(locationId)}/mix`, body),
  meetings: (locationId: string, cursor?: string | null, limit = 20) =>
    send<Page<Meeting>>('GET', `/v1/locations/${enc(locationId)}/neighbourhood-meetings${buildQuery({ cursor, limit })}`),
  createMeeting: (locationId: string, body: NewMeeting) => send<Meeting>('POST', `/v1/locations/${enc(locationId)}/neighbourhood-meetings`, body),
  incidents: (filters: IncidentFilters, cursor?: string | null, limit = 50) =>
    send<Page<Incident>>(
      'GET',
      `/v1/incidents${buildQuery({
        locationId: filters.locationId,
        open: filters.open === undefined ? undefined : String(filters.open),
        severity: filters.severity,
        cursor,
        limit,
      })}`,
    ),
  createIncident: (body: NewIncident) => send<Incident>('POST', '/v1/incidents', body),
  patchIncident: (id: string, body: IncidentPatch) => send<Incident>('PATCH', `/v1/incidents/${enc(id)}`, body),
  closeIncident: (id: string, body: IncidentClosure) => send<Incident>('POST', `/v1/incidents/${enc(id)}/closures`, body),
};

// ---------------------------------------------------------------- hooks

export const neighbourhoodKeys = {
  overview: (locationId: string) => ['neighbourhood', 'overview', locationId] as const,
  meetings: (locationId: string) => ['neighbourhood', 'meetings', locationId] as const,
  incidents: (filters: IncidentFilters) => ['neighbourhood', 'incidents', filters] as const,
};

export function useNeighbourhood(locationId: string | undefined) {
  return useQuery({
    queryKey: neighbourhoodKeys.overview(locationId ?? ''),
    queryFn: () => neighbourhoodApi.overview(locationId ?? ''),
    enabled: Boolean(locationId),
  });
}

export function useMeetings(locationId: string) {
  return useInfiniteQuery({
    queryKey: neighbourhoodKeys.meetings(locationId),
    queryFn: ({ pageParam }) => neighbourhoodApi.meetings(locationId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useIncidents(filters: IncidentFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: neighbourhoodKeys.incidents(filters),
    queryFn: ({ pageParam }) => neighbourhoodApi.incidents(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Every write refreshes the neighbourhood figures, lists and the location (its version). */
function useRefresh() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: ['neighbourhood'] }), client.invalidateQueries({ queryKey: ['locations'] })]);
}

export function useSetMix(locationId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: { regularHomes: number | null; version: number }) => neighbourhoodApi.setMix(locationId, body), onSuccess: refresh });
}
export function useCreateMeeting(locationId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: NewMeeting) => neighbourhoodApi.createMeeting(locationId, body), onSuccess: refresh });
}
export function useCreateIncident() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: NewIncident) => neighbourhoodApi.createIncident(body), onSuccess: refresh });
}
export function usePatchIncident() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: IncidentPatch }) => neighbourhoodApi.patchIncident(id, body), onSuccess: refresh });
}
export function useCloseIncident() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: IncidentClosure }) => neighbourhoodApi.closeIncident(id, body), onSuccess: refresh });
}
