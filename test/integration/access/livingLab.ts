import type { Role } from '../../../src/shared/enums.js';
import { call } from '../../support/app.js';
import { buildLocation } from '../../support/builders.js';
import { ALL_ROLES, type AccessEnv, type Entry } from './entry.js';

/**
 * The Living Lab (issue 7): the business case (office in full, municipality and researcher the
 * aggregate), observations (office, care staff, corporations on their own locations) and the
 * bottleneck register (every professional reads and proposes, the office edits).
 */
export function livingLabEntries(env: AccessEnv): Record<string, Entry> {
  const business: Role[] = ['programme_office', 'municipality', 'researcher'];
  const observers: Role[] = ['programme_office', 'care_worker', 'care_manager', 'corporation'];
  const professionals: Role[] = ALL_ROLES.filter((r) => r !== 'privacy_officer');
  const bottleneck = async () => {
    const res = await call(env.t.app, env.sessions.office!, 'POST', '/api/v1/bottlenecks', {
      programmeId: env.r.programmeId, title: 'Te weinig eenkamerwoningen', description: 'Het aanbod van kleine woningen is te klein.', area: 'housing',
    });
    return res.json().id as string;
  };
  return {
    'GET /api/v1/programmes/:id/business-case': { roles: business, request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/business-case?date=2021-06-30` }) },
    'GET /api/v1/programmes/:id/business-case/settings': { roles: business, request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/business-case/settings` }) },
    'POST /api/v1/programmes/:id/business-case/settings': {
      roles: ['programme_office'],
      request: async () => ({
        url: `/api/v1/programmes/${env.r.programmeId}/business-case/settings`,
        body: { tariffs: [{ kind: 'shelter_night', amountCents: 11_000, source: 'Toegangstest', validFrom: '2021-01-01' }] },
      }),
    },
    'GET /api/v1/observations': { roles: observers, request: async () => ({ url: '/api/v1/observations' }) },
    // On a fresh location of corporation A: the corporation's own, visible to the office and care staff.
    'POST /api/v1/observations': {
      roles: observers,
      request: async () => ({
        url: '/api/v1/observations',
        body: { locationId: await buildLocation(env.t.database, env.r), theme: 'housing', factor: 'success', tags: ['toegang'], text: 'Goede oplevering.', observedOn: '2021-03-01' },
      }),
    },
    'GET /api/v1/bottlenecks': { roles: professionals, request: async () => ({ url: '/api/v1/bottlenecks' }) },
    'POST /api/v1/bottlenecks': {
      roles: professionals,
      request: async () => ({ url: '/api/v1/bottlenecks', body: { programmeId: env.r.programmeId, title: 'Inkomen bij omklap', description: 'Het inkomen is bij de omklap niet geregeld.', area: 'funding' } }),
    },
    'GET /api/v1/bottlenecks/:id': { roles: professionals, request: async () => ({ url: `/api/v1/bottlenecks/${await bottleneck()}` }) },
    'PATCH /api/v1/bottlenecks/:id': { roles: ['programme_office'], request: async () => ({ url: `/api/v1/bottlenecks/${await bottleneck()}`, body: { version: 1, status: 'in_progress' } }) },
  };
}
