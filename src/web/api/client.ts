// A small typed fetch client for the eerstethuis API.
// - same-origin cookies (the session cookie is httpOnly)
// - X-CSRF-Token on every write, taken from the last `me` / login answer
// - problem+json answers become an ApiError

import type {
  Assessment,
  AssessmentDecision,
  AssessmentRequest,
  CounterHistory,
  DuplicateCheck,
  DuplicateMatch,
  DuplicatePair,
  MergeRequest,
  PrioritySettings,
  PrioritySettingsChange,
  Flow,
  ImportReport,
  NewImport,
  NewParticipant,
  NewRiskScreening,
  NewSuitabilityAssessment,
  ParticipantDetail,
  ParticipantFilters,
  ParticipantListItem,
  ParticipantPatch,
  PhaseChange,
  QueueFilters,
  QueueItem,
  ReferralAnswers,
  ReferralDraft,
  RiskScreening,
  SuitabilityAssessment,
  SuitabilityFramework,
  Counter,
  Health,
  LocationDetail,
  Location,
  LocationFilters,
  LocationPatch,
  LoginRequest,
  Me,
  Municipality,
  NewLocation,
  NewPledge,
  NewUnit,
  Organisation,
  OrganisationKind,
  Page,
  Pledge,
  Problem,
  ProblemFieldError,
  Programme,
  ProgrammeDetail,
  SessionInfo,
  StatusChange,
  TotpConfirmed,
  TotpEnrolment,
  Tranche,
  Unit,
  UnitDetail,
  UnitFilters,
  UnitPatch,
} from './types';

export const BASE = '/api';

let csrfToken: string | null = null;

/** Remember the CSRF token handed out by GET /me or POST /session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  get fieldErrors(): ProblemFieldError[] {
    return this.problem.errors ?? [];
  }
}

/** A network failure (server unreachable) is reported as status 0. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | undefined | null;

export function buildQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toProblem(status: number, body: unknown): Problem {
  if (isObject(body)) {
    const errors = Array.isArray(body.errors)
      ? body.errors.filter(isObject).map(
          (e): ProblemFieldError => ({
            path:
              typeof e.path === 'string' || Array.isArray(e.path)
                ? (e.path as string | Array<string | number>)
                : '',
            message: typeof e.message === 'string' ? e.message : '',
            messageEn: typeof e.messageEn === 'string' ? e.messageEn : undefined,
          }),
        )
      : undefined;
    const str = (key: string): string | undefined =>
      typeof body[key] === 'string' ? (body[key] as string) : undefined;
    return {
      type: str('type'),
      title: str('title'),
      titleEn: str('titleEn'),
      status: typeof body.status === 'number' ? body.status : status,
      detail: str('detail'),
      detailEn: str('detailEn'),
      code: str('code'),
      errors,
    };
  }
  return { status };
}

/** One JSON request to the API (exported for feature modules such as api/admin.ts). */
export async function send<T>(method: Method, path: string, body?: unknown, retried = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'network_error' });
  }

  if (response.status === 204) return undefined as T;

  const contentType = response.headers.get('content-type') ?? '';
  const parsed: unknown = contentType.includes('json') ? await response.json().catch(() => null) : null;

  if (!response.ok) {
    const problem = toProblem(response.status, parsed);
    // A stale CSRF token (e.g. after the session was renewed): fetch a fresh one and retry once.
    if (
      response.status === 403 &&
      method !== 'GET' &&
      !retried &&
      (problem.code ?? '').toLowerCase().includes('csrf')
    ) {
      const me = await send<Me>('GET', '/v1/me', undefined, true).catch(() => null);
      if (me) {
        setCsrfToken(me.csrfToken);
        return send<T>(method, path, body, true);
      }
    }
    throw new ApiError(response.status, problem);
  }
  return parsed as T;
}

/** Follow nextCursor until the end (for small reference lists such as organisations). */
async function fetchAll<T>(path: string, params: Record<string, QueryValue> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page: Page<T> = await send<Page<T>>('GET', `${path}${buildQuery({ ...params, limit: 200, cursor })}`);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/** Upload or download progress: bytes done of total (total 0 when unknown). */
export type ProgressListener = (loaded: number, total: number) => void;

/**
 * A JSON write through XMLHttpRequest, for large bodies whose upload progress the user should
 * see (fetch reports no upload progress). Same CSRF, cookies and problem+json handling as `send`.
 */
function sendWithProgress<T>(method: 'POST' | 'PUT', path: string, body: unknown, onProgress?: ProgressListener, retried = false): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, `${BASE}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Content-Type', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => onProgress?.(event.loaded, event.lengthComputable ? event.total : 0);
    xhr.onerror = () => reject(new ApiError(0, { code: 'network_error' }));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed as T);
        return;
      }
      const problem = toProblem(xhr.status, parsed);
      if (xhr.status === 403 && !retried && (problem.code ?? '').toLowerCase().includes('csrf')) {
        send<Me>('GET', '/v1/me', undefined, true)
          .then((me) => {
            setCsrfToken(me.csrfToken);
            return sendWithProgress<T>(method, path, body, onProgress, true);
          })
          .then(resolve, () => reject(new ApiError(xhr.status, problem)));
        return;
      }
      reject(new ApiError(xhr.status, problem));
    };
    xhr.send(JSON.stringify(body));
  });
}

const enc = encodeURIComponent;

export const api = {
  health: () => send<Health>('GET', '/health'),

  // session
  me: async (): Promise<Me> => {
    const me = await send<Me>('GET', '/v1/me');
    setCsrfToken(me.csrfToken);
    return me;
  },
  login: async (body: LoginRequest): Promise<Me> => {
    const me = await send<Me>('POST', '/v1/session', body);
    setCsrfToken(me.csrfToken);
    return me;
  },
  logout: async (): Promise<void> => {
    await send<void>('DELETE', '/v1/session');
    setCsrfToken(null);
  },

  // second factor and sessions
  startTotpEnrolment: () => send<TotpEnrolment>('POST', '/v1/me/totp-enrolments'),
  /** Activates the second factor; the server rotates the session cookie and hands out a new CSRF token. */
  confirmTotpEnrolment: async (code: string): Promise<TotpConfirmed> => {
    const out = await send<TotpConfirmed>('POST', '/v1/me/totp-enrolments/confirmations', { code });
    setCsrfToken(out.csrfToken);
    return out;
  },
  sessions: () => send<Page<SessionInfo>>('GET', '/v1/sessions'),
  endSession: (id: string) => send<void>('DELETE', `/v1/sessions/${encodeURIComponent(id)}`),
  /** Ends every session of the user, this one included. */
  endAllSessions: async (): Promise<void> => {
    await send<void>('DELETE', '/v1/sessions');
    setCsrfToken(null);
  },

  // programmes
  programmes: () => fetchAll<Programme>('/v1/programmes'),
  programme: (id: string) => send<ProgrammeDetail>('GET', `/v1/programmes/${encodeURIComponent(id)}`),
  counter: (programmeId: string, date?: string) =>
    send<Counter>('GET', `/v1/programmes/${encodeURIComponent(programmeId)}/counter${buildQuery({ date })}`),
  counterHistory: (programmeId: string, range: { from?: string; to?: string } = {}) =>
    send<CounterHistory>(
      'GET',
      `/v1/programmes/${encodeURIComponent(programmeId)}/counter/history${buildQuery(range)}`,
    ),
  pledges: (programmeId: string) => fetchAll<Pledge>(`/v1/programmes/${encodeURIComponent(programmeId)}/pledges`),
  createPledge: (programmeId: string, body: NewPledge) =>
    send<Pledge>('POST', `/v1/programmes/${encodeURIComponent(programmeId)}/pledges`, body),
  tranches: (programmeId: string) => fetchAll<Tranche>(`/v1/programmes/${encodeURIComponent(programmeId)}/tranches`),

  // reference data
  municipalities: () => fetchAll<Municipality>('/v1/municipalities'),
  organisations: (kind?: OrganisationKind) => fetchAll<Organisation>('/v1/organisations', { kind }),

  // locations
  locations: (filters: LocationFilters, cursor?: string | null, limit = 50) =>
    send<Page<Location>>('GET', `/v1/locations${buildQuery({ ...filters, cursor, limit })}`),
  allLocations: (filters: LocationFilters) => fetchAll<Location>('/v1/locations', { ...filters }),
  location: (id: string) => send<LocationDetail>('GET', `/v1/locations/${encodeURIComponent(id)}`),
  createLocation: (body: NewLocation) => send<Location>('POST', '/v1/locations', body),
  updateLocation: (id: string, body: LocationPatch) =>
    send<Location>('PATCH', `/v1/locations/${encodeURIComponent(id)}`, body),

  // units
  units: (filters: UnitFilters, cursor?: string | null, limit = 50) =>
    send<Page<Unit>>('GET', `/v1/units${buildQuery({ ...filters, cursor, limit })}`),
  unit: (id: string) => send<UnitDetail>('GET', `/v1/units/${encodeURIComponent(id)}`),
  createUnit: (body: NewUnit) => send<Unit>('POST', '/v1/units', body),
  updateUnit: (id: string, body: UnitPatch) => send<Unit>('PATCH', `/v1/units/${encodeURIComponent(id)}`, body),
  changeUnitStatus: (id: string, body: StatusChange) =>
    send<Unit>('POST', `/v1/units/${encodeURIComponent(id)}/status-changes`, body),

  allUnits: (filters: UnitFilters) => fetchAll<Unit>('/v1/units', { ...filters }),

  // participants: the by-name list, the record, phases
  participants: (filters: ParticipantFilters, cursor?: string | null, limit = 50) =>
    send<Page<ParticipantListItem>>('GET', `/v1/participants${buildQuery({ ...filters, cursor, limit })}`),
  participantFlow: (range: { programmeId?: string; from?: string; to?: string }) =>
    send<Flow>('GET', `/v1/participants/flow${buildQuery(range)}`),
  participant: (id: string) => send<ParticipantDetail>('GET', `/v1/participants/${enc(id)}`),
  createParticipant: (body: NewParticipant) => send<ParticipantDetail>('POST', '/v1/participants', body),
  updateParticipant: (id: string, body: ParticipantPatch) =>
    send<ParticipantDetail>('PATCH', `/v1/participants/${enc(id)}`, body),
  changePhase: (id: string, body: PhaseChange) =>
    send<ParticipantDetail>('POST', `/v1/participants/${enc(id)}/phase-changes`, body),
  reReferParticipant: (id: string, body: ReferralAnswers) =>
    send<ParticipantDetail>('POST', `/v1/participants/${enc(id)}/referrals`, body),
  consult: (id: string, body: { organisationId: string; note?: string }) =>
    send<ParticipantDetail>('POST', `/v1/participants/${enc(id)}/consultations`, body),
  duplicateCheck: (body: DuplicateCheck) =>
    send<{ matches: DuplicateMatch[] }>('POST', '/v1/participants/duplicate-checks', body),

  // possible duplicates (programme office) and merging them
  duplicatePairs: (cursor?: string | null, limit = 50) =>
    send<Page<DuplicatePair>>('GET', `/v1/participants/duplicates${buildQuery({ cursor, limit })}`),
  /** Merges `body.duplicateId` into the survivor; answers with the survivor's page. */
  mergeParticipant: (survivorId: string, body: MergeRequest) =>
    send<ParticipantDetail>('POST', `/v1/participants/${enc(survivorId)}/merges`, body),

  // the priority rules of the by-name list, per programme (versioned)
  prioritySettings: (programmeId: string) =>
    send<PrioritySettings>('GET', `/v1/programmes/${enc(programmeId)}/priority-settings`),
  savePrioritySettings: (programmeId: string, body: PrioritySettingsChange) =>
    send<PrioritySettings>('POST', `/v1/programmes/${enc(programmeId)}/priority-settings`, body),

  // referral drafts (private to their author)
  referralDrafts: () => send<Page<ReferralDraft>>('GET', '/v1/referral-drafts'),
  referralDraft: (id: string) => send<ReferralDraft>('GET', `/v1/referral-drafts/${enc(id)}`),
  createReferralDraft: (data: Record<string, unknown>) => send<ReferralDraft>('POST', '/v1/referral-drafts', { data }),
  updateReferralDraft: (id: string, version: number, data: Record<string, unknown>) =>
    send<ReferralDraft>('PUT', `/v1/referral-drafts/${enc(id)}`, { version, data }),
  deleteReferralDraft: (id: string) => send<void>('DELETE', `/v1/referral-drafts/${enc(id)}`),

  // care assessments
  requestAssessment: (participantId: string, body: AssessmentRequest) =>
    send<Assessment>('POST', `/v1/participants/${enc(participantId)}/assessments`, body),
  assessmentQueue: (filters: QueueFilters, cursor?: string | null, limit = 50) =>
    send<Page<QueueItem>>('GET', `/v1/assessments/queue${buildQuery({ ...filters, cursor, limit })}`),
  assignAssessment: (id: string, body: { version: number; assessorId?: string }) =>
    send<Assessment>('POST', `/v1/assessments/${enc(id)}/assignments`, body),
  decideAssessment: (id: string, body: AssessmentDecision) =>
    send<Assessment>('POST', `/v1/assessments/${enc(id)}/decisions`, body),

  // risk screening and suitability
  recordRiskScreening: (participantId: string, body: NewRiskScreening) =>
    send<RiskScreening>('POST', `/v1/participants/${enc(participantId)}/risk-screenings`, body),
  suitabilityFrameworks: (programmeId?: string) =>
    send<Page<SuitabilityFramework>>('GET', `/v1/suitability-frameworks${buildQuery({ programmeId })}`),
  assessSuitability: (participantId: string, body: NewSuitabilityAssessment) =>
    send<SuitabilityAssessment>('POST', `/v1/participants/${enc(participantId)}/suitability-assessments`, body),

  // CSV import: validate (nothing imported), then confirm the valid rows
  /** Address of the template (a plain link: the session cookie goes along). */
  importTemplateUrl: `${BASE}/v1/imports/template.csv`,
  createImport: (body: NewImport, onProgress?: ProgressListener) =>
    sendWithProgress<ImportReport>('POST', '/v1/imports', body, onProgress),
  confirmImport: (id: string) => send<ImportReport>('POST', `/v1/imports/${enc(id)}/confirmations`, {}),
};
