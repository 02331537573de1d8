// Measurements and outcomes: types, calls and TanStack Query hooks (measurements.routes.ts, outcomes.routes.ts).

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildQuery, send } from '../../api/client';
import type { IsoDate, Me, Page, Role } from '../../api/types';
import type { MeasurementHousingStatus, OutcomeGroup, ZrmDomain, ZrmMoment } from '../../../shared/enums';

export { MEASUREMENT_HOUSING_STATUSES, OUTCOME_GROUPS, ZRM_DOMAINS, ZRM_MOMENTS } from '../../../shared/enums';
export type { MeasurementHousingStatus, OutcomeGroup, ZrmDomain, ZrmMoment };

const enc = encodeURIComponent;
const has = (me: Pick<Me, 'roles'>, roles: readonly Role[]) => me.roles.some((role) => roles.includes(role));

/** What the pages offer, by role; the server decides (outcomes.policy.ts, measurements.policy.ts). */
export const outcomesAccess = {
  figures: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'municipality']),
  measure: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_worker', 'care_manager']),
  office: (me: Pick<Me, 'roles'>) => has(me, ['programme_office']),
};
export const OUTCOMES_PATH = '/uitkomsten';
export const SCHEDULE_PATH = '/metingen';
export const zrmPath = (idOrCode: string) => `/deelnemers/${enc(idOrCode)}/zrm`;

export type Scores = Record<ZrmDomain, number | null>;
export interface Measurement {
  id: string;
  participant: { id: string; code: string };
  measuredOn: IsoDate;
  moment: ZrmMoment;
  scores: Scores;
  housingStatus: MeasurementHousingStatus;
  qualityOfLife: number | null;
  organisation: { id: string; name: string };
  measuredBy: string | null;
  recordedAt: string;
}
export type MomentStatus = 'done' | 'due' | 'overdue' | 'upcoming' | 'not_due';
export interface MeasurementList extends Page<Measurement> {
  housingStart: IsoDate | null;
  schedule: { moment: ZrmMoment; dueOn: IsoDate; status: MomentStatus; measurementId: string | null }[];
}
export interface NewMeasurement {
  measuredOn: IsoDate;
  moment: ZrmMoment;
  scores: Partial<Scores>;
  housingStatus: MeasurementHousingStatus;
  qualityOfLife?: number | null;
}
export interface ScheduleItem {
  participant: { id: string; code: string };
  provider: { id: string; name: string } | null;
  moment: ZrmMoment;
  housingStart: IsoDate;
  dueOn: IsoDate;
  status: 'due' | 'overdue';
  daysOverdue: number;
}

type N = number | null;
export interface OutcomeFigures {
  key: string;
  label: string;
  n: N;
  suppressed: boolean;
  retention: {
    n: N;
    events: N;
    curve: { time: number; survival: number; lower: number; upper: number; atRisk: number; events: N }[];
    at: { months: number; days: number; survival: N; standardError: N; lower: N; upper: N; atRisk: N; reached: boolean }[];
    suppressed: boolean;
  };
  returns: {
    n: N;
    bands: { '0-180': N; '181-365': N; '366-730': N } | null;
    total: N;
    within: { months: number; days: number; followed: number; returns: N; rate: N }[];
    suppressed: boolean;
  };
  recovery: { n: N; numerator: N; denominator: N; rate: N; goal: number; meetsGoal: boolean | null; excluded: N; returned: N; domainAtOne: N; withoutMeasurement: N; suppressed: boolean };
  leaseFlips: { n: N; count: N; medianDays: N; suppressed: boolean };
  scaleDowns: { n: N; count: N; medianDays: N; suppressed: boolean };
  referralToKeys: { n: N; medianDays: N; suppressed: boolean };
}
export interface Outcomes {
  programmeId: string;
  date: IsoDate;
  groupBy: OutcomeGroup | null;
  suppressed: boolean;
  minCell: number;
  definition: { version: number; minHousedMonths: number; requireNoReturn: boolean; requireNoDomainAtOne: boolean; goalPercent: number };
  returnsWindow: { from: IsoDate; to: IsoDate };
  overall: OutcomeFigures;
  groups: OutcomeFigures[];
}

export function useOutcomes(programmeId: string, groupBy: OutcomeGroup | '', date: string) {
  return useQuery({
    queryKey: ['outcomes', programmeId, groupBy, date],
    queryFn: () => send<Outcomes>('GET', `/api/v1/programmes/${enc(programmeId)}/outcomes${buildQuery({ groupBy, date })}`),
  });
}

export function useMeasurements(participantId: string) {
  return useQuery({
    queryKey: ['measurements', participantId],
    queryFn: () => send<MeasurementList>('GET', `/api/v1/participants/${enc(participantId)}/measurements`),
  });
}

export function useRecordMeasurement(participantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMeasurement) => send<Measurement>('POST', `/api/v1/participants/${enc(participantId)}/measurements`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['measurements', participantId] }),
  });
}

export function useSchedule(organisationId: string, status: 'due' | 'overdue') {
  return useInfiniteQuery({
    queryKey: ['measurement-schedule', organisationId, status],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      send<Page<ScheduleItem>>('GET', `/api/v1/measurements/schedule${buildQuery({ organisationId, status, cursor: pageParam, limit: 50 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
