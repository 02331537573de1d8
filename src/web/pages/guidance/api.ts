// Guidance: episodes, intensity history, the plan, contacts, the scale-down to the neighbourhood
// team, support items and the caseload — types, calls and TanStack Query hooks (guidance.routes.ts).

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildQuery, send } from '../../api/client';
import type {
  ContactKind,
  GoalStatus,
  GuidanceEndReason,
  GuidanceLevel,
  LifeDomain,
  SupportKind,
  SupportStatus,
} from '../../../shared/enums';
import type { IsoDate, Page } from '../../api/types';

export type { ContactKind, GoalStatus, GuidanceEndReason, GuidanceLevel, LifeDomain, SupportKind, SupportStatus };
export {
  CONTACT_KINDS,
  GOAL_STATUSES,
  GUIDANCE_END_REASONS,
  GUIDANCE_LEVELS,
  LIFE_DOMAINS,
  SUPPORT_KINDS,
  SUPPORT_STATUSES,
} from '../../../shared/enums';

const enc = encodeURIComponent;

export interface Intensity {
  id: string;
  effectiveDate: IsoDate;
  hoursPerWeek: number;
  level: GuidanceLevel;
}
export interface Goal {
  id: string;
  episodeId: string;
  domain: LifeDomain;
  description: string;
  targetDate: IsoDate | null;
  status: GoalStatus;
  statusOn: IsoDate | null;
  version: number;
}
export interface Contact {
  id: string;
  episodeId: string;
  contactDate: IsoDate;
  kind: ContactKind;
  minutes: number;
  note: string | null;
  noteHidden: boolean;
  recordedBy: string | null;
}
export interface Handover {
  id: string;
  fromEpisodeId: string;
  toEpisodeId: string;
  team: { id: string; name: string };
  handoverDate: IsoDate;
  handedOver: string;
}
export interface Episode {
  id: string;
  participantId: string;
  organisation: { id: string; name: string; kind: string };
  tenancyId: string | null;
  startDate: IsoDate;
  hoursPerWeek: number;
  level: GuidanceLevel;
  reviewDueOn: IsoDate | null;
  reviewOverdue: boolean;
  endDate: IsoDate | null;
  endReason: GuidanceEndReason | null;
  endNote: string | null;
  previousEpisodeId: string | null;
  version: number;
  intensities: Intensity[];
  goals: Goal[];
  contacts: Contact[];
  contactCount: number;
  contactMinutes: number;
  handover: Handover | null;
  abilities: { edit: boolean; handOver: boolean; end: boolean; readNotes: boolean };
}
export interface SupportItem {
  id: string;
  kind: SupportKind;
  organisationName: string | null;
  startDate: IsoDate;
  endDate: IsoDate | null;
  status: SupportStatus;
  note: string | null;
  version: number;
}
export interface Home {
  unitId: string;
  label: string;
  location: string | null;
  district: string | null;
  municipalityId: string | null;
  municipality: string | null;
  tenancyId: string | null;
}
export interface GuidanceOverview {
  participant: { id: string; code: string; name: string | null; phase: string };
  home: Home | null;
  episodes: Episode[];
  supportItems: SupportItem[];
  abilities: { start: boolean; support: boolean };
}
export interface Team {
  id: string;
  name: string;
  district: string | null;
  municipalityId: string | null;
  municipality: string | null;
}
export interface HandoverResult {
  handover: Handover;
  episode: Episode;
  matchedOn: 'district' | 'municipality';
  message: { nl: string; en: string };
}
export interface CaseloadItem {
  participant: { id: string; code: string; name: string | null };
  episodeId: string;
  startDate: IsoDate;
  hoursPerWeek: number;
  level: GuidanceLevel;
  reviewDueOn: IsoDate | null;
  reviewOverdue: boolean;
  lastContactOn: IsoDate | null;
  openGoals: number;
  leaseHolder: 'provider' | 'tenant' | null;
}
export interface Caseload extends Page<CaseloadItem> {
  organisation: { id: string; name: string; kind: string };
  totals: { participants: number; hoursPerWeek: number; overdueReviews: number };
}

export interface NewEpisode {
  organisationId?: string;
  startDate: IsoDate;
  hoursPerWeek: number;
  level: GuidanceLevel;
}
export interface EpisodePatch {
  version: number;
  hoursPerWeek?: number;
  level?: GuidanceLevel;
  effectiveDate?: IsoDate;
  reviewDueOn?: IsoDate;
}
export interface NewContact {
  contactDate: IsoDate;
  kind: ContactKind;
  minutes: number;
  note?: string;
}
export interface NewHandover {
  version: number;
  teamId: string;
  handoverDate: IsoDate;
  handedOver: string;
  hoursPerWeek?: number;
}
export interface Ending {
  version: number;
  endDate: IsoDate;
  reason: Exclude<GuidanceEndReason, 'handed_over'>;
  note?: string;
}
export interface NewSupport {
  kind: SupportKind;
  organisationName?: string;
  startDate: IsoDate;
  status?: SupportStatus;
  note?: string;
}

export const guidanceApi = {
  overview: (participant: string) => send<GuidanceOverview>('GET', `/v1/participants/${enc(participant)}/guidance`),
  start: (participant: string, body: NewEpisode) => send<Episode>('POST', `/v1/participants/${enc(participant)}/guidance-episodes`, body),
  update: (id: string, body: EpisodePatch) => send<Episode>('PATCH', `/v1/guidance-episodes/${enc(id)}`, body),
  end: (id: string, body: Ending) => send<Episode>('POST', `/v1/guidance-episodes/${enc(id)}/endings`, body),
  handOver: (id: string, body: NewHandover) => send<HandoverResult>('POST', `/v1/guidance-episodes/${enc(id)}/handovers`, body),
  addGoal: (id: string, body: { domain: LifeDomain; description: string; targetDate?: IsoDate }) =>
    send<Goal>('POST', `/v1/guidance-episodes/${enc(id)}/goals`, body),
  updateGoal: (id: string, body: { version: number; status?: GoalStatus }) => send<Goal>('PATCH', `/v1/guidance-goals/${enc(id)}`, body),
  addContact: (id: string, body: NewContact) => send<Contact>('POST', `/v1/guidance-episodes/${enc(id)}/contacts`, body),
  contacts: (id: string, cursor?: string | null, limit = 20) =>
    send<Page<Contact>>('GET', `/v1/guidance-episodes/${enc(id)}/contacts${buildQuery({ cursor, limit })}`),
  addSupport: (participant: string, body: NewSupport) => send<SupportItem>('POST', `/v1/participants/${enc(participant)}/support-items`, body),
  updateSupport: (id: string, body: { version: number; status?: SupportStatus; endDate?: IsoDate | null }) =>
    send<SupportItem>('PATCH', `/v1/support-items/${enc(id)}`, body),
  teams: (filters: { district?: string; municipalityId?: string }) => send<Page<Team>>('GET', `/v1/neighbourhood-teams${buildQuery(filters)}`),
  caseload: (filters: { organisationId?: string; sort?: 'review' | 'code' }, cursor?: string | null, limit = 100) =>
    send<Caseload>('GET', `/v1/caseload${buildQuery({ ...filters, cursor, limit })}`),
};

const key = (participant: string) => ['guidance', participant];

export function useGuidance(participant: string | undefined) {
  return useQuery({ queryKey: key(participant ?? ''), queryFn: () => guidanceApi.overview(participant!), enabled: Boolean(participant) });
}

/** A write on a participant's guidance: afterwards the overview and the caseload reload. */
export function useGuidanceMutation<V, R>(participant: string, fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: key(participant) }),
        client.invalidateQueries({ queryKey: ['guidance-contacts'] }),
        client.invalidateQueries({ queryKey: ['caseload'] }),
      ]),
  });
}

export function useContacts(episodeId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['guidance-contacts', episodeId],
    queryFn: ({ pageParam }) => guidanceApi.contacts(episodeId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

export function useTeams(filters: { district?: string; municipalityId?: string }, enabled = true) {
  return useQuery({ queryKey: ['neighbourhood-teams', filters], queryFn: () => guidanceApi.teams(filters), enabled });
}

export function useCaseload(filters: { organisationId?: string; sort?: 'review' | 'code' }) {
  return useInfiniteQuery({
    queryKey: ['caseload', filters],
    queryFn: ({ pageParam }) => guidanceApi.caseload(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
