// In-app notifications (notifications.routes.ts), parked participants (offers.routes.ts: parkings)
// and the allocation office's CSV bookkeeping (allocation.routes.ts) — types, calls and TanStack
// Query hooks. Kept apart from matching.ts, like api/admin.ts.

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BASE, buildQuery, send } from './client';
import type { IsoDate, Me, Page, Role } from './types';

const enc = encodeURIComponent;

// ---------------------------------------------------------------- types

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  /** An app path such as /aanbiedingen/{id} or /uitvragen/{id}, or null. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
export interface NotificationList extends Page<AppNotification> {
  unread: number;
}

export interface Parking {
  id: string;
  participant: { id: string; code: string; name: string | null };
  parkedFrom: IsoDate;
  parkedUntil: IsoDate | null;
  reason: string;
  offerId: string | null;
  endedOn: IsoDate | null;
}
export interface EndParking {
  effectiveDate?: IsoDate;
  note?: string;
}

export interface StepImportReport {
  applied: number;
  skipped: number;
  rows: Array<{ line: number; offerId: string; step: string; event: string; result: 'applied' | 'skipped' }>;
}

// ---------------------------------------------------------------- access (the server decides; this only avoids offering what it would refuse)

const has = (me: Pick<Me, 'roles'>, roles: readonly Role[]) => me.roles.some((role) => roles.includes(role));

export const notificationsAccess = {
  /** Parked participants: the programme office (canOffer.parkings). */
  parkings: (me: Pick<Me, 'roles'>) => has(me, ['programme_office']),
  /** The CSV export of the allocation steps (canAllocation.export). */
  exportSteps: (me: Pick<Me, 'roles'>) => has(me, ['allocation_officer', 'programme_office']),
  /** Importing recorded steps: the allocation office only (canAllocation.import). */
  importSteps: (me: Pick<Me, 'roles'>) => has(me, ['allocation_officer']),
};

export const NOTIFICATIONS_PATH = '/meldingen';
export const PARKINGS_PATH = '/aanbiedingen/geparkeerd';
export const ALLOCATION_STEPS_PATH = '/toewijzing/stappen';
/** The export answers text/csv with Content-Disposition: attachment — a plain link downloads it. */
export const ALLOCATION_EXPORT_URL = `${BASE}/v1/allocation-steps/export`;

// ---------------------------------------------------------------- calls

export const notificationsApi = {
  notifications: (filters: { unread?: boolean }, cursor?: string | null, limit = 50) =>
    send<NotificationList>('GET', `/v1/notifications${buildQuery({ unread: filters.unread === undefined ? undefined : String(filters.unread), cursor, limit })}`),
  markRead: (ids?: string[]) => send<{ marked: number }>('POST', '/v1/notifications/reads', ids ? { ids } : {}),
  parkings: (cursor?: string | null, limit = 50) => send<Page<Parking>>('GET', `/v1/parkings${buildQuery({ cursor, limit })}`),
  endParking: (id: string, body: EndParking) => send<Parking>('POST', `/v1/parkings/${enc(id)}/ends`, body),
  importSteps: (csv: string) => send<StepImportReport>('POST', '/v1/allocation-steps/imports', { csv }),
};

// ---------------------------------------------------------------- hooks

export const notificationKeys = {
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
  parkings: ['parkings'] as const,
};

const POLL_MS = 60_000;

/**
 * The unread count for the header badge: polled every minute, but not while the tab is hidden
 * (TanStack Query skips interval refetches in the background; the check below makes that explicit)
 * and refetched when the tab comes back into focus.
 */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => notificationsApi.notifications({ unread: true }, null, 1),
    select: (data) => data.unread,
    enabled,
    refetchInterval: () => (typeof document !== 'undefined' && document.visibilityState === 'hidden' ? false : POLL_MS),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 30_000,
  });
}

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) => notificationsApi.notifications({}, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Marks the given notifications read (or, without ids, every unread one); refreshes badge and list. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => notificationsApi.markRead(ids),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useParkings(enabled = true) {
  return useInfiniteQuery({
    queryKey: notificationKeys.parkings,
    queryFn: ({ pageParam }) => notificationsApi.parkings(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useEndParking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EndParking }) => notificationsApi.endParking(id, body),
    onSuccess: () =>
      Promise.all(['parkings', 'ranking', 'participants', 'participant', 'offer'].map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
}

export function useImportSteps() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => notificationsApi.importSteps(csv),
    onSuccess: () =>
      Promise.all(['offers', 'offer', 'offer-dashboard', 'units', 'unit', 'notifications'].map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
}
