import type { AccessEnv, Entry } from './entry.js';

/** The progress report and its snapshots: the programme office's. */
export function reportsEntries(env: AccessEnv): Record<string, Entry> {
  return {
    'GET /api/v1/programmes/:id/reports/progress': {
      roles: ['programme_office'],
      request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/reports/progress?date=2021-06-30` }),
    },
    'GET /api/v1/programmes/:id/snapshots': {
      roles: ['programme_office'],
      request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/snapshots` }),
    },
    'POST /api/v1/programmes/:id/snapshots': {
      roles: ['programme_office'],
      request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/snapshots`, body: { month: '2021-06' } }),
    },
  };
}
