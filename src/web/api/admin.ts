// Administration, invitations, the demo mail viewer, the access log and access requests:
// types, calls and TanStack Query hooks (users.routes.ts, organisations.routes.ts,
// audit.routes.ts, privacy.routes.ts). Kept apart from client.ts / hooks.ts / types.ts.

import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { BASE, buildQuery, send } from './client';
import type { IsoDate, Organisation, OrganisationKind, Page, Role } from './types';

const enc = encodeURIComponent;

// ---------------------------------------------------------------- types

/** A user as an administrator sees them (GET /api/v1/users). */
export interface AdminUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisationId: string;
  organisation: string;
  active: boolean;
  totpEnabled: boolean;
  /** Set while the account is locked after failed logins. */
  lockedUntil: string | null;
  version: number;
}

export interface UserFilters {
  organisationId?: string;
}

/** PATCH /api/v1/users/{id}: the version read, and what changes. */
export interface UserPatch {
  version: number;
  roles?: Role[];
  active?: boolean;
  name?: string;
}

/** POST /api/v1/invitations; without organisationId the inviter's own organisation. */
export interface NewInvitation {
  email: string;
  name: string;
  roles: Role[];
  organisationId?: string;
}

export interface Invitation {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisationId: string;
  expiresAt: string;
}

/** A message in the outgoing mail (demo mail viewer). */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  kind: string;
  createdAt: string;
  sentAt: string | null;
}

export interface NewOrganisation {
  name: string;
  kind: OrganisationKind;
  municipalityId?: string | null;
}

export interface OrganisationPatch {
  name?: string;
  municipalityId?: string | null;
}

/** One line of the access log (NEN 7513). */
export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  user: { id: string; name: string } | null;
  organisation: { id: string; name: string } | null;
  /** One role, or several joined by commas. */
  role: string | null;
  onBehalfOf: string | null;
  participants: Array<{ id: string; code: string | null }>;
  action: string;
  resourceType: string;
  resourceId: string | null;
  address: string | null;
  result: string;
}

export interface AuditFilters {
  participantCode?: string;
  userId?: string;
  from?: IsoDate;
  to?: IsoDate;
}

// ---------------------------------------------------------------- calls

export const adminApi = {
  users: (filters: UserFilters, cursor?: string | null, limit = 50) =>
    send<Page<AdminUser>>('GET', `/v1/users${buildQuery({ ...filters, cursor, limit })}`),
  updateUser: (id: string, body: UserPatch) => send<AdminUser>('PATCH', `/v1/users/${enc(id)}`, body),
  invite: (body: NewInvitation) => send<Invitation>('POST', '/v1/invitations', body),
  /** Public: no session needed. */
  acceptInvitation: (token: string, password: string) =>
    send<{ email: string }>('POST', `/v1/invitations/${enc(token)}/acceptances`, { password }),
  outbox: (cursor?: string | null, limit = 20) =>
    send<Page<OutboxMessage>>('GET', `/v1/outbox-messages${buildQuery({ cursor, limit })}`),

  createOrganisation: (body: NewOrganisation) => send<Organisation>('POST', '/v1/organisations', body),
  updateOrganisation: (id: string, body: OrganisationPatch) =>
    send<Organisation>('PATCH', `/v1/organisations/${enc(id)}`, body),

  auditEvents: (filters: AuditFilters, cursor?: string | null, limit = 50) =>
    send<Page<AuditEvent>>('GET', `/v1/audit-events${buildQuery({ ...filters, cursor, limit })}`),
  /** Address of the CSV export with the same filters (a plain link: the session cookie goes along). */
  auditExportUrl: (filters: AuditFilters) => `${BASE}/v1/audit-events/export${buildQuery({ ...filters })}`,
  /** Everything about one participant (AVG art. 15), by code or id; the export is logged. */
  participantDataExport: (idOrCode: string) =>
    send<Record<string, unknown>>('GET', `/v1/participants/${enc(idOrCode)}/data-export`),
};

// ---------------------------------------------------------------- hooks

export const adminKeys = {
  users: (filters: UserFilters) => ['admin-users', filters] as const,
  outbox: ['outbox'] as const,
  audit: (filters: AuditFilters) => ['audit-events', filters] as const,
};

export function useUsers(filters: UserFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: adminKeys.users(filters),
    queryFn: ({ pageParam }) => adminApi.users(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserPatch }) => adminApi.updateUser(id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-users'] }),
  });
}

export function useInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewInvitation) => adminApi.invite(body),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.outbox }),
  });
}

export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationKey: ['invitation-acceptance'],
    mutationFn: (password: string) => adminApi.acceptInvitation(token, password),
  });
}

export function useOutbox() {
  return useInfiniteQuery({
    queryKey: adminKeys.outbox,
    queryFn: ({ pageParam }) => adminApi.outbox(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
}

/** Organisation names appear in many lists: refresh them all after a change. */
function invalidateOrganisations(client: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['organisations'] }),
    client.invalidateQueries({ queryKey: ['admin-users'] }),
    client.invalidateQueries({ queryKey: ['counter'] }),
  ]);
}

export function useCreateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOrganisation) => adminApi.createOrganisation(body),
    onSuccess: () => invalidateOrganisations(client),
  });
}

export function useUpdateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: OrganisationPatch }) => adminApi.updateOrganisation(id, body),
    onSuccess: () => invalidateOrganisations(client),
  });
}

/** The access log; every page read is itself logged, so it only runs for settled filters. */
export function useAuditEvents(filters: AuditFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(filters),
    queryFn: ({ pageParam }) => adminApi.auditEvents(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useParticipantDataExport() {
  return useMutation({ mutationFn: (code: string) => adminApi.participantDataExport(code) });
}
