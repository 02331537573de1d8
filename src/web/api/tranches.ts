// Tranches, the year-end rollover, contingents and due work (tranches.routes.ts,
// dueWork.routes.ts): types, calls and TanStack Query hooks. Kept apart like api/notifications.ts.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildQuery, send } from './client';
import type { IsoDate, Me, Role, UnitStatus } from './types';

const enc = encodeURIComponent;

// ---------------------------------------------------------------- types

export interface UsagePoint {
  date: IsoDate;
  capacity: number;
  used: number;
  units: number;
}

export interface TrancheUsage {
  trancheId: string;
  number: number;
  name: string;
  providerId: string | null;
  provider: string | null;
  deadline: IsoDate | null;
  originalCapacity: number;
  current: UsagePoint & { free: number };
  series: UsagePoint[];
}

interface TrancheRef {
  id: string;
  number: number;
  name: string;
}

export interface RolloverPreview {
  fromTranche: TrancheRef;
  toTranche: TrancheRef;
  cutoffDate: IsoDate;
  effectiveDate: IsoDate;
  losingProvider: { id: string; name: string } | null;
  capacityAtCutoff: number;
  usedCount: number;
  places: number;
  unitCount: number;
  unassignedPlaces: number;
  units: { id: string; label: string; location: string | null; statusAtCutoff: UnitStatus | null; status: UnitStatus }[];
  fromCapacity: { before: number; after: number };
  toCapacity: { before: number; after: number };
  previewHash: string;
  appliedRolloverId: string | null;
}

export interface Rollover {
  id: string;
  programmeId: string;
  fromTranche: TrancheRef;
  toTranche: TrancheRef;
  cutoffDate: IsoDate;
  places: number;
  unitIds: string[];
  losingProvider: string | null;
  confirmedBy: string | null;
  confirmedAt: string;
}

export interface Contingent {
  id: string;
  programmeId: string;
  providerId: string;
  provider: string;
  year: number;
  homes: number;
  intakeTargetPercent: number;
  tenanciesStarted: number;
  intakeHomes: number;
  sharePercent: number | null;
  targetHomes: number;
  gapHomes: number;
  onTrack: boolean;
  version: number;
  abilities: { edit: boolean };
}

export interface NewContingent {
  providerId: string;
  year: number;
  homes: number;
  intakeTargetPercent?: number;
}

export interface DueItem {
  kind: 'guidance_review' | 'incident_open' | 'tranche_deadline';
  subjectId: string;
  dueOn: IsoDate;
  overdue: boolean;
  title: { nl: string; en: string };
  body: { nl: string; en: string };
  link: string | null;
}

export interface DueWorkSettings {
  programmeId: string;
  incidentAlertDays: number;
  guidanceReviewMonths: number;
  trancheWarningDays: number;
}

interface List<T> {
  items: T[];
  nextCursor: string | null;
}

// ---------------------------------------------------------------- who may (mirrors tranches.policy.ts)

const has = (me: Pick<Me, 'roles'>, roles: Role[]) => me.roles.some((r) => roles.includes(r));

export const TRANCHES_PATH = '/tranches';
export const DUE_WORK_PATH = '/te-doen';

export const tranchesAccess = {
  read: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_manager']),
  rollOver: (me: Pick<Me, 'roles'>) => has(me, ['programme_office']),
  manageContingents: (me: Pick<Me, 'roles'>) => has(me, ['programme_office']),
  dueWork: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_worker', 'care_manager']),
  dueWorkSettings: (me: Pick<Me, 'roles'>) => has(me, ['programme_office']),
};

// ---------------------------------------------------------------- hooks

const keys = {
  usage: (programmeId: string) => ['tranches', 'usage', programmeId] as const,
  preview: (trancheId: string, cutoff: string) => ['tranches', 'preview', trancheId, cutoff] as const,
  rollovers: (programmeId: string) => ['tranches', 'rollovers', programmeId] as const,
  contingents: (programmeId: string) => ['tranches', 'contingents', programmeId] as const,
  dueWork: ['dueWork'] as const,
  settings: (programmeId: string) => ['dueWork', 'settings', programmeId] as const,
};

export function useTrancheUsage(programmeId: string) {
  return useQuery({
    queryKey: keys.usage(programmeId),
    queryFn: () => send<List<TrancheUsage>>('GET', `/v1/programmes/${enc(programmeId)}/tranche-usage`),
  });
}

export function useRolloverPreview(trancheId: string | null, cutoffDate: string) {
  return useQuery({
    queryKey: keys.preview(trancheId ?? '', cutoffDate),
    queryFn: () => send<RolloverPreview>('GET', `/v1/tranches/${enc(trancheId ?? '')}/rollover-preview${buildQuery({ cutoffDate })}`),
    enabled: Boolean(trancheId) && /^\d{4}-\d{2}-\d{2}$/.test(cutoffDate),
    retry: false,
  });
}

export function useConfirmRollover(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { trancheId: string; cutoffDate: string; previewHash: string }) =>
      send<Rollover>('POST', `/v1/tranches/${enc(v.trancheId)}/rollovers`, { cutoffDate: v.cutoffDate, previewHash: v.previewHash }),
    // Also after a refusal: the preview may be stale and must be shown afresh.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['tranches'] });
      void client.invalidateQueries({ queryKey: keys.rollovers(programmeId) });
    },
  });
}

export function useRollovers(programmeId: string) {
  return useQuery({
    queryKey: keys.rollovers(programmeId),
    queryFn: () => send<List<Rollover>>('GET', `/v1/programmes/${enc(programmeId)}/tranche-rollovers${buildQuery({ limit: 200 })}`),
  });
}

export function useContingents(programmeId: string) {
  return useQuery({
    queryKey: keys.contingents(programmeId),
    queryFn: () => send<List<Contingent>>('GET', `/v1/programmes/${enc(programmeId)}/contingents${buildQuery({ limit: 200 })}`),
  });
}

export function useSaveContingent(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string | null; version?: number; body: NewContingent }) =>
      v.id
        ? send<Contingent>('PATCH', `/v1/contingents/${enc(v.id)}`, { version: v.version, homes: v.body.homes, intakeTargetPercent: v.body.intakeTargetPercent })
        : send<Contingent>('POST', `/v1/programmes/${enc(programmeId)}/contingents`, v.body),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.contingents(programmeId) }),
  });
}

export function useDueWork(enabled = true) {
  return useQuery({
    queryKey: keys.dueWork,
    queryFn: () => send<List<DueItem>>('GET', `/v1/due-work${buildQuery({ limit: 200 })}`),
    enabled,
  });
}

export function useDueWorkSettings(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.settings(programmeId),
    queryFn: () => send<DueWorkSettings>('GET', `/v1/programmes/${enc(programmeId)}/due-work-settings`),
    enabled,
  });
}

export function useSaveDueWorkSettings(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Omit<DueWorkSettings, 'programmeId'>>) =>
      send<DueWorkSettings>('PATCH', `/v1/programmes/${enc(programmeId)}/due-work-settings`, body),
    onSuccess: (data) => {
      client.setQueryData(keys.settings(programmeId), data);
      void client.invalidateQueries({ queryKey: keys.dueWork });
    },
  });
}
