// Tenancies (tenancies.routes.ts): types, calls, hooks and who may see the pages. The server
// decides every request (tenancies.policy.ts); this only avoids offering what it would refuse.

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildQuery, send } from '../../api/client';
import type { IsoDate, Me, Page, Role } from '../../api/types';

const enc = encodeURIComponent;
type Text = { nl: string; en: string };

export const LEASE_HOLDERS = ['provider', 'tenant'] as const;
export type LeaseHolder = (typeof LEASE_HOLDERS)[number];
export const TENANCY_END_REASONS = [
  'moved_on', 'moved_within_programme', 'evicted', 'returned_to_shelter', 'admitted_to_care', 'detention', 'deceased', 'left_without_notice', 'other',
] as const;
export type TenancyEndReason = (typeof TENANCY_END_REASONS)[number];
export const UNIT_OUTCOMES = ['available', 'withdrawn'] as const;
export type UnitOutcome = (typeof UNIT_OUTCOMES)[number];
export type LeaseFlipKind = 'rent_paid_on_time' | 'no_open_nuisance' | 'goals_met' | 'corporation_agrees' | 'tenant_agrees' | 'custom';

export interface Tenancy {
  id: string;
  programmeId: string;
  leaseHolder: LeaseHolder;
  status: 'current' | 'ended';
  startDate: IsoDate;
  movedInOn: IsoDate | null;
  flippedOn: IsoDate | null;
  endDate: IsoDate | null;
  endReason: TenancyEndReason | null;
  rentCents: number | null;
  addressProtected: boolean;
  unit: { id: string | null; label: string | null; location: string | null; municipality: string | null };
  participant: { id: string | null; code: string | null; name: string | null; householdSize: number | null; phone?: string | null; email?: string | null; sharedWithConsent?: boolean };
  corporation: { id: string; name: string } | null;
  provider: { id: string; name: string } | null;
  offerId: string | null;
  nextTenancyId: string | null;
  version: number;
}

export interface Check {
  id: string;
  met: boolean;
  checkedOn: IsoDate;
  evidence: string | null;
  organisation: string | null;
  recordedAt: string;
}

export interface ChecklistItem {
  id: string;
  kind: LeaseFlipKind;
  labelNl: string;
  labelEn: string;
  months: number | null;
  computed: boolean;
  status: 'met' | 'not_met' | 'open';
  latest: Check | null;
  history: Check[];
  openIncidents?: number;
  earliestMetOn?: IsoDate | null;
  canRecord: boolean;
}

export interface TenancyDetail extends Tenancy {
  household: { adults: number; children: number } | null;
  endNote: string | null;
  leases: { id: string; leaseHolder: LeaseHolder; holder: string | null; startDate: IsoDate; endDate: IsoDate | null; rentCents: number | null }[];
  checklist: { items: ChecklistItem[]; complete: boolean; corporationConsent: boolean; missing: Text[] };
  events: { id: string; kind: string; effectiveDate: IsoDate; text: Text; recordedAt: string }[];
  timeline: { kind: string; date: IsoDate | null; text: Text; done: boolean }[];
  abilities: { moveIn: boolean; end: boolean; flip: boolean; recordChecks: boolean; setRent: boolean };
}

export interface TenancyFilters {
  programmeId?: string;
  status?: 'current' | 'ended';
  leaseHolder?: LeaseHolder;
  participantId?: string;
  unitId?: string;
}

export interface EndBody {
  endDate: IsoDate;
  reason: TenancyEndReason;
  note?: string;
  unitOutcome: UnitOutcome;
  nextUnitId?: string;
  version: number;
}

const has = (me: Pick<Me, 'roles'>, roles: readonly Role[]) => me.roles.some((role) => roles.includes(role));
export const tenanciesAccess = {
  /** The tenancy pages (canTenancy.use). */
  use: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_worker', 'care_manager', 'corporation']),
};

export const TENANCIES_PATH = '/huurcontracten';
export const tenancyPath = (id: string) => `${TENANCIES_PATH}/${enc(id)}`;

export const tenanciesApi = {
  list: (f: TenancyFilters, cursor?: string | null, limit = 50) => send<Page<Tenancy>>('GET', `/v1/tenancies${buildQuery({ ...f, cursor, limit })}`),
  get: (id: string) => send<TenancyDetail>('GET', `/v1/tenancies/${enc(id)}`),
  moveIn: (id: string, body: { date: IsoDate; version?: number }) => send<TenancyDetail>('POST', `/v1/tenancies/${enc(id)}/move-ins`, body),
  end: (id: string, body: EndBody) => send<TenancyDetail>('POST', `/v1/tenancies/${enc(id)}/endings`, body),
  check: (id: string, body: { criterionId: string; met: boolean; checkedOn: IsoDate; evidence?: string }) =>
    send<TenancyDetail>('POST', `/v1/tenancies/${enc(id)}/lease-flip-checks`, body),
  flip: (id: string, body: { date: IsoDate; version: number }) => send<TenancyDetail>('POST', `/v1/tenancies/${enc(id)}/lease-flips`, body),
  rent: (id: string, body: { rentCents: number; effectiveDate: IsoDate; version: number }) => send<TenancyDetail>('POST', `/v1/tenancies/${enc(id)}/rents`, body),
};

export function useTenancies(filters: TenancyFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['tenancies', 'list', filters],
    queryFn: ({ pageParam }) => tenanciesApi.list(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useTenancy(id: string | undefined) {
  return useQuery({ queryKey: ['tenancies', 'detail', id ?? ''], queryFn: () => tenanciesApi.get(id ?? ''), enabled: Boolean(id) });
}

/** A write on a tenancy: the answer is the new detail; lists, units and participants are refreshed too. */
export function useTenancyAction<B>(id: string, fn: (id: string, body: B) => Promise<TenancyDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => fn(id, body),
    onSuccess: (detail) => {
      client.setQueryData(['tenancies', 'detail', id], detail);
      void client.invalidateQueries({ queryKey: ['tenancies', 'list'] });
      void client.invalidateQueries({ queryKey: ['units'] });
      void client.invalidateQueries({ queryKey: ['participants'] });
    },
  });
}
