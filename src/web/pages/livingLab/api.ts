// The Living Lab's business case, observations and bottleneck register: types, calls and
// TanStack Query hooks (businessCase.routes.ts, observations.routes.ts, bottlenecks.routes.ts).

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildQuery, send } from '../../api/client';
import type { IsoDate, Me, Page, Role } from '../../api/types';
import type {
  AssumptionKey,
  AssumptionUnit,
  BottleneckArea,
  BottleneckStatus,
  ObservationFactor,
  ObservationTheme,
  TariffKind,
} from '../../../shared/livingLab';

export type { AssumptionKey, AssumptionUnit, BottleneckArea, BottleneckStatus, ObservationFactor, ObservationTheme, TariffKind };
export { ASSUMPTION_KEYS, ASSUMPTION_UNITS, BOTTLENECK_AREAS, BOTTLENECK_STATUSES, OBSERVATION_FACTORS, OBSERVATION_THEMES, TARIFF_KINDS } from '../../../shared/livingLab';

const enc = encodeURIComponent;
type Ref = { id: string; name: string };

// —— Access (the server decides; this only avoids offering what would be refused) ——
const has = (me: Pick<Me, 'roles'>, roles: readonly Role[]) => me.roles.some((role) => roles.includes(role));
export const livingLabAccess = {
  businessCase: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'municipality', 'researcher']),
  editSettings: (me: Pick<Me, 'roles'>) => has(me, ['programme_office']),
  observations: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_worker', 'care_manager', 'corporation']),
  aboutParticipants: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_worker', 'care_manager']),
  bottlenecks: (me: Pick<Me, 'roles'>) => me.roles.some((role) => role !== 'privacy_officer'),
};

export const BUSINESS_CASE_PATH = '/businesscase';
export const OBSERVATIONS_PATH = '/observaties';
export const BOTTLENECKS_PATH = '/knelpunten';

// —— Business case ——
export interface HousingFirstCost {
  guidanceHours: number;
  guidanceCents: number;
  neighbourhoodTeamHours: number;
  neighbourhoodTeamCents: number;
  oneOffCents: number;
  rentArrearsCents: number;
  totalCents: number;
}
export interface CounterfactualCost {
  shelterNights: number;
  shelterCents: number;
  shelteredHousingDays: number;
  shelteredHousingCents: number;
  totalCents: number;
}
export type Verdict = 'positive' | 'negative' | 'unknown';
export interface SensitivityRow {
  kind: 'tariff' | 'assumption';
  key: TariffKind | AssumptionKey;
  base: number;
  low: number;
  high: number;
  savingsAtLowCents: number;
  savingsAtHighCents: number;
  verdictAtLow: Verdict;
  verdictAtHigh: Verdict;
  changesVerdict: boolean;
  threshold: number | null;
}
export interface BusinessCase {
  programmeId: string;
  date: IsoDate;
  view: 'full' | 'aggregate';
  missing: string[];
  suppressed: boolean;
  participants: number;
  settings: {
    tariffs: { kind: TariffKind; amountCents: number; source: string; validFrom: IsoDate }[];
    assumptions: { key: AssumptionKey; value: number; unit: AssumptionUnit; source: string; validFrom: IsoDate }[];
  };
  totals: { participantYears: number; housingFirst: HousingFirstCost; counterfactual: CounterfactualCost; savingsCents: number; verdict: Verdict } | null;
  perParticipantPerYear: { housingFirstCents: number; counterfactualCents: number; savingsCents: number } | null;
  monthly: { month: string; date: IsoDate; housingFirstCents: number; counterfactualCents: number; savingsCents: number }[];
  breakEvenMonth: string | null;
  sensitivity: SensitivityRow[];
  lines: { participantId: string; code: string; housedOn: IsoDate; days: number; housingFirst: HousingFirstCost; counterfactual: CounterfactualCost; savingsCents: number }[];
}
interface Version {
  id: string;
  source: string;
  validFrom: IsoDate;
  createdAt: string;
  createdBy: Ref | null;
}
export type TariffVersion = Version & { amountCents: number };
export type AssumptionVersion = Version & { value: number };
export interface BusinessCaseSettings {
  programmeId: string;
  date: IsoDate;
  tariffs: { kind: TariffKind; current: TariffVersion | null; history: TariffVersion[] }[];
  assumptions: { key: AssumptionKey; unit: AssumptionUnit; current: AssumptionVersion | null; history: AssumptionVersion[] }[];
  abilities: { edit: boolean };
}
export interface SettingsChange {
  tariffs?: { kind: TariffKind; amountCents: number; source: string; validFrom: IsoDate }[];
  assumptions?: { key: AssumptionKey; value: number; source: string; validFrom: IsoDate }[];
}

export function useBusinessCase(programmeId: string | undefined, date: string, enabled = true) {
  return useQuery({
    queryKey: ['business-case', programmeId, date],
    queryFn: () => send<BusinessCase>('GET', `/v1/programmes/${enc(programmeId!)}/business-case${buildQuery({ date })}`),
    enabled: enabled && !!programmeId,
  });
}
export function useBusinessCaseSettings(programmeId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['business-case-settings', programmeId],
    queryFn: () => send<BusinessCaseSettings>('GET', `/v1/programmes/${enc(programmeId!)}/business-case/settings`),
    enabled: enabled && !!programmeId,
  });
}
export function useSaveSettings(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsChange) => send<BusinessCaseSettings>('POST', `/v1/programmes/${enc(programmeId)}/business-case/settings`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['business-case-settings', programmeId] });
      void client.invalidateQueries({ queryKey: ['business-case', programmeId] });
    },
  });
}

// —— Observations ——
export interface Observation {
  id: string;
  programmeId: string;
  participant: { id: string; code: string } | null;
  location: Ref | null;
  theme: ObservationTheme;
  factor: ObservationFactor;
  tags: string[];
  text: string;
  observedOn: IsoDate;
  organisation: Ref;
  author: Ref | null;
  createdAt: string;
}
export interface ObservationFilters {
  programmeId?: string;
  theme?: string;
  factor?: string;
  tag?: string;
  participantId?: string;
  locationId?: string;
}
export interface NewObservation {
  participantId?: string;
  locationId?: string;
  theme: ObservationTheme;
  factor: ObservationFactor;
  tags: string[];
  text: string;
  observedOn: IsoDate;
}

export function useObservations(filters: ObservationFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['observations', filters],
    queryFn: ({ pageParam }) => send<Page<Observation>>('GET', `/v1/observations${buildQuery({ ...filters, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}
export function useCreateObservation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewObservation) => send<Observation>('POST', '/v1/observations', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['observations'] }),
  });
}

// —— Bottlenecks ——
export interface Bottleneck {
  id: string;
  programmeId: string;
  title: string;
  description: string;
  area: BottleneckArea;
  owner: { organisation: Ref | null; name: string | null };
  status: BottleneckStatus;
  solution: string | null;
  solvedOn: IsoDate | null;
  proposedBy: Ref | null;
  proposedByOrganisation: Ref | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  abilities: { edit: boolean };
  allowedStatuses: BottleneckStatus[];
}
export interface BottleneckDetail extends Bottleneck {
  history: {
    id: string;
    kind: 'proposed' | 'status_changed' | 'edited';
    statusBefore: BottleneckStatus | null;
    statusAfter: BottleneckStatus;
    changes: Record<string, { from: unknown; to: unknown }>;
    note: string | null;
    recordedBy: Ref | null;
    recordedByOrganisation: Ref | null;
    recordedAt: string;
  }[];
}
export interface NewBottleneck {
  programmeId: string;
  title: string;
  description: string;
  area: BottleneckArea;
  ownerOrganisationId?: string;
  ownerName?: string;
}
export interface BottleneckPatch {
  version: number;
  status?: BottleneckStatus;
  solution?: string | null;
  solvedOn?: IsoDate | null;
  ownerOrganisationId?: string | null;
  ownerName?: string | null;
  note?: string;
}

export function useBottlenecks(filters: { programmeId?: string; status?: string; area?: string }, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['bottlenecks', filters],
    queryFn: ({ pageParam }) => send<Page<Bottleneck>>('GET', `/v1/bottlenecks${buildQuery({ ...filters, limit: 200, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}
export function useBottleneck(id: string | null) {
  return useQuery({ queryKey: ['bottleneck', id], queryFn: () => send<BottleneckDetail>('GET', `/v1/bottlenecks/${enc(id!)}`), enabled: !!id });
}
export function useProposeBottleneck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewBottleneck) => send<BottleneckDetail>('POST', '/v1/bottlenecks', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['bottlenecks'] }),
  });
}
export function useUpdateBottleneck(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BottleneckPatch) => send<BottleneckDetail>('PATCH', `/v1/bottlenecks/${enc(id)}`, body),
    onSuccess: (data) => {
      client.setQueryData(['bottleneck', id], data);
      void client.invalidateQueries({ queryKey: ['bottlenecks'] });
    },
  });
}
