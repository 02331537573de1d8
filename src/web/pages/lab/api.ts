// The Living Lab overview, the progress report with its snapshots and the research export:
// types, calls and TanStack Query hooks (livingLab.routes.ts, reports.routes.ts, research.routes.ts).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, BASE, buildQuery, isApiError, send } from '../../api/client';
import type { IsoDate, Me, Role } from '../../api/types';
import type { BottleneckArea, BottleneckStatus, ObservationFactor, ObservationTheme } from '../../../shared/livingLab';

export const LIVING_LAB_PATH = '/livinglab';
export const REPORTS_PATH = '/rapportage';
export const RESEARCH_PATH = '/onderzoek';

// —— Access (the server decides; this only avoids offering what would be refused) ——
const has = (me: Pick<Me, 'roles'>, roles: readonly Role[]) => me.roles.some((role) => roles.includes(role));
export const labAccess = {
  overview: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'municipality', 'researcher']),
  reports: (me: Pick<Me, 'roles'>) => has(me, ['programme_office']),
  researchExport: (me: Pick<Me, 'roles'>) => has(me, ['researcher']),
  researchList: (me: Pick<Me, 'roles'>) => has(me, ['researcher', 'privacy_officer', 'programme_office']),
  /** The participants list behind the participants condition (participants.policy.ts). */
  participants: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_worker', 'care_manager', 'assessor', 'referrer']),
  outcomes: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'municipality']),
  observations: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_worker', 'care_manager', 'corporation']),
};

// —— The Living Lab overview ——
export type Verdict = 'met' | 'not_met' | 'unknown';
export interface LivingLab {
  programmeId: string;
  date: IsoDate;
  view: 'full' | 'aggregate';
  minCell: number;
  participants: {
    value: number | null;
    goal: number;
    goalSource: 'programme_target';
    suppressed: boolean;
    verdict: Verdict;
    trend: { resolution: 'month'; source: 'computed'; points: { date: IsoDate; value: number | null }[] };
  };
  recovery: {
    rate: number | null;
    goal: number;
    numerator: number | null;
    denominator: number | null;
    n: number | null;
    suppressed: boolean;
    verdictMinN: number;
    verdict: Verdict;
    definition: { version: number; minHousedMonths: number; requireNoReturn: boolean; requireNoDomainAtOne: boolean; goalPercent: number };
    trend: { resolution: 'quarter'; maxComputed: number; points: { date: IsoDate; rate: number | null; n: number | null; source: 'snapshot' | 'computed' }[] };
  };
  businessCase: {
    outcome: 'positive' | 'negative' | 'unknown';
    verdict: Verdict;
    n: number | null;
    suppressed: boolean;
    missing: string[];
    savingsCents: number | null;
    housingFirstCents: number | null;
    counterfactualCents: number | null;
    perParticipantPerYear: { housingFirstCents: number; counterfactualCents: number; savingsCents: number } | null;
    breakEvenMonth: string | null;
    trend: { resolution: 'quarter'; source: 'computed'; points: { date: IsoDate; savingsCents: number | null }[] };
  };
  factors: {
    available: boolean;
    themes: {
      theme: ObservationTheme;
      success: number;
      failure: number;
      tags: { factor: ObservationFactor; tag: string; n: number }[];
      latest: { factor: ObservationFactor; tags: string[]; month: string; about: 'participant' | 'location' }[];
    }[];
  };
  bottlenecks: {
    counts: Record<BottleneckStatus, number>;
    open: { id: string; title: string; area: BottleneckArea; status: BottleneckStatus; ownerOrganisation: string | null; ownerName: string | null; since: IsoDate }[];
    openTotal: number;
  };
}

export function useLivingLab(programmeId: string | undefined, date: IsoDate, enabled: boolean) {
  return useQuery({
    queryKey: ['living-lab', programmeId, date],
    queryFn: () => send<LivingLab>('GET', `/v1/programmes/${encodeURIComponent(programmeId!)}/living-lab${buildQuery({ date })}`),
    enabled: enabled && !!programmeId && /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
}

// —— The progress report ——
export interface ReportSection {
  key: string;
  title: { nl: string; en: string };
  note?: { nl: string; en: string };
  rows: { key: string; label: { nl: string; en: string }; value: number | string | null; n?: number | null; suppressed?: boolean }[];
}
export interface ProgressReport {
  programme: { id: string; name: string; target: number; periodStart: IsoDate; periodEnd: IsoDate };
  date: IsoDate;
  generatedAt: string;
  sections: ReportSection[];
}

const reportPath = (programmeId: string) => `/v1/programmes/${encodeURIComponent(programmeId)}/reports/progress`;

export function useProgressReport(programmeId: string | undefined, date: IsoDate, enabled: boolean) {
  return useQuery({
    queryKey: ['progress-report', programmeId, date],
    queryFn: () => send<ProgressReport>('GET', `${reportPath(programmeId!)}${buildQuery({ date })}`),
    enabled: enabled && !!programmeId && /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
}

export interface Snapshot {
  month: string;
  asOf: IsoDate;
  takenAt: string;
  figures: Record<string, number | string | null>;
}

export function useSnapshots(programmeId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['snapshots', programmeId],
    queryFn: () => send<{ items: Snapshot[] }>('GET', `/v1/programmes/${encodeURIComponent(programmeId!)}/snapshots`),
    enabled: enabled && !!programmeId,
  });
}

export function useTakeSnapshot(programmeId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => send<{ month: string; asOf: IsoDate; created: boolean }>('POST', `/v1/programmes/${encodeURIComponent(programmeId!)}/snapshots`, {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['snapshots', programmeId] }),
  });
}

// —— Files ——

/** The file name the server proposes (Content-Disposition), else the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

/**
 * Fetches a file from the API with the given Accept header (and, for a write, the CSRF token and
 * a JSON body). A refusal comes back as problem+json and is thrown as an ApiError like any call.
 */
export async function fetchFile(
  path: string,
  accept: string,
  fallbackName: string,
  write?: { csrfToken: string; body: unknown },
): Promise<{ blob: Blob; filename: string; type: string }> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method: write ? 'POST' : 'GET',
      credentials: 'same-origin',
      headers: {
        Accept: `${accept}, application/problem+json`,
        ...(write ? { 'Content-Type': 'application/json', 'X-CSRF-Token': write.csrfToken } : {}),
      },
      body: write ? JSON.stringify(write.body) : undefined,
    });
  } catch {
    throw new ApiError(0, { code: 'network_error' });
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const p = (body ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
    throw new ApiError(response.status, {
      status: response.status,
      title: str('title'),
      titleEn: str('titleEn'),
      detail: str('detail'),
      detailEn: str('detailEn'),
      code: str('code'),
    });
  }
  return { blob: await response.blob(), filename: fileNameOf(response, fallbackName), type: response.headers.get('content-type') ?? '' };
}

/** Offers a blob as a file download (the page's CSP allows blob: navigation for downloads). */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // give the browser a moment to start the download before the address goes
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the progress report as PDF or CSV. */
export function useDownloadReport(programmeId: string | undefined) {
  return useMutation({
    mutationFn: async ({ date, lang, format }: { date: IsoDate; lang: 'nl' | 'en'; format: 'pdf' | 'csv' }) => {
      const accept = format === 'pdf' ? 'application/pdf' : 'text/csv';
      const file = await fetchFile(`${reportPath(programmeId!)}${buildQuery({ date, lang })}`, accept, `voortgang-${date}.${format}`);
      saveBlob(file.blob, file.filename);
      return file;
    },
  });
}

// —— The research export ——
export interface ResearchExportItem {
  id: string;
  programmeId: string;
  by: string | null;
  organisation: string | null;
  format: 'csv' | 'json';
  dateMode: 'shift' | 'month';
  participants: number;
  counts: Record<string, number>;
  generalised: number;
  createdAt: string;
}

export function useResearchExports(enabled: boolean) {
  return useQuery({
    queryKey: ['research-exports'],
    queryFn: () => send<{ items: ResearchExportItem[] }>('GET', '/v1/research-exports'),
    enabled,
  });
}

/** Makes a research export and saves it: CSV as the server's zip, JSON as a file of the answer. */
export function useResearchExport(programmeId: string | undefined, csrfToken: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ format, dateMode }: { format: 'csv' | 'json'; dateMode: 'shift' | 'month' }) => {
      const path = `/v1/programmes/${encodeURIComponent(programmeId!)}/research-exports`;
      const day = new Date().toISOString().slice(0, 10);
      const accept = format === 'csv' ? 'application/zip' : 'application/json';
      const file = await fetchFile(path, accept, `onderzoeksexport-${day}.${format === 'csv' ? 'zip' : 'json'}`, { csrfToken, body: { format, dateMode } });
      saveBlob(file.blob, file.filename);
      return file;
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: ['research-exports'] }),
  });
}

export { isApiError };
