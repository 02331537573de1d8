import type { AccessEnv, Entry } from './entry.js';

/** The Living Lab overview: the office, municipalities and researchers (aggregates). */
export function livingLabOverviewEntries(env: AccessEnv): Record<string, Entry> {
  return {
    'GET /api/v1/programmes/:id/living-lab': {
      roles: ['programme_office', 'municipality', 'researcher'],
      request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/living-lab?date=2021-06-30` }),
    },
  };
}
