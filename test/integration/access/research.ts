import type { AccessEnv, Entry } from './entry.js';

/** The research export: only researchers make one; researchers, the privacy officer and the office see that they were made. */
export function researchEntries(env: AccessEnv): Record<string, Entry> {
  return {
    'POST /api/v1/programmes/:id/research-exports': {
      roles: ['researcher'],
      request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/research-exports`, body: { format: 'json' } }),
    },
    'GET /api/v1/research-exports': {
      roles: ['researcher', 'privacy_officer', 'programme_office'],
      request: async () => ({ url: '/api/v1/research-exports' }),
    },
  };
}
