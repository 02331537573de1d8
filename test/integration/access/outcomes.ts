import type { Role } from '../../../src/shared/enums.js';
import { call } from '../../support/app.js';
import { housed } from '../../support/outcomes.js';
import type { AccessEnv, Entry } from './entry.js';

const MEASURERS: Role[] = ['programme_office', 'care_worker', 'care_manager'];
const AGGREGATES: Role[] = ['programme_office', 'municipality'];

/** Access rows of measurements and outcomes (issue 7). */
export function outcomesEntries(env: AccessEnv): Record<string, Entry> {
  /** Housed by provider A (tenancy), referred by the referral team: care staff of A guide them. */
  const guided = async () => (await housed(env.kit(), { start: '2021-01-01' })).id;
  return {
    'POST /api/v1/participants/:id/measurements': {
      roles: MEASURERS,
      request: async () => ({
        url: `/api/v1/participants/${await guided()}/measurements`,
        body: { measuredOn: '2021-01-05', moment: 'intake', scores: { housing: 4 }, housingStatus: 'housed_programme' },
      }),
    },
    'GET /api/v1/participants/:id/measurements': {
      roles: MEASURERS,
      request: async () => ({ url: `/api/v1/participants/${await guided()}/measurements` }),
    },
    'GET /api/v1/measurements/schedule': { roles: MEASURERS, request: async () => ({ url: '/api/v1/measurements/schedule' }) },
    'GET /api/v1/programmes/:id/measurements/trajectories': {
      roles: AGGREGATES,
      request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/measurements/trajectories?groupBy=provider` }),
    },
    'GET /api/v1/programmes/:id/outcomes': {
      roles: AGGREGATES,
      request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/outcomes?groupBy=municipality` }),
    },
    'GET /api/v1/programmes/:id/recovery-definitions': {
      roles: ['programme_office'],
      request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/recovery-definitions` }),
    },
    'POST /api/v1/programmes/:id/recovery-definitions': {
      roles: ['programme_office'],
      request: async () => {
        const list = (await call(env.t.app, env.sessions.office!, 'GET', `/api/v1/programmes/${env.r.programmeId}/recovery-definitions`)).json();
        return { url: `/api/v1/programmes/${env.r.programmeId}/recovery-definitions`, body: { baseVersion: list.items?.[0]?.version ?? 0 } };
      },
    },
  };
}
