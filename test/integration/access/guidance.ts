import type { Role } from '../../../src/shared/enums.js';
import { call } from '../../support/app.js';
import { buildTeam, housedDirect, startGuidance } from '../../support/guidance.js';
import type { AccessEnv, Entry } from './entry.js';

/** Guidance (issue 6): the office and the guiding provider's care staff; every record is provider A's. */
export function guidanceEntries(env: AccessEnv): Record<string, Entry> {
  const roles: Role[] = ['programme_office', 'care_worker', 'care_manager'];
  const housed = () => housedDirect(env.kit());
  const episode = async () => {
    const p = await housed();
    const e = await startGuidance(env.kit(), p.id, {}, 'careManager');
    return { p, e };
  };
  const goal = async () => {
    const { e } = await episode();
    const res = await call(env.t.app, env.sessions.careManager!, 'POST', `/api/v1/guidance-episodes/${e.id}/goals`, { domain: 'housing', description: 'Huur op tijd betalen' });
    return res.json().id as string;
  };
  const support = async () => {
    const p = await housed();
    const res = await call(env.t.app, env.sessions.careManager!, 'POST', `/api/v1/participants/${p.id}/support-items`, { kind: 'debt_assistance', startDate: '2021-02-01' });
    return res.json().id as string;
  };
  return {
    'GET /api/v1/participants/:id/guidance': { roles, request: async () => ({ url: `/api/v1/participants/${(await episode()).p.id}/guidance` }) },
    'POST /api/v1/participants/:id/guidance-episodes': {
      roles,
      request: async () => ({ url: `/api/v1/participants/${(await housed()).id}/guidance-episodes`, body: { startDate: '2021-01-10', hoursPerWeek: 6, level: 'intensive' } }),
    },
    'PATCH /api/v1/guidance-episodes/:id': {
      roles,
      request: async () => {
        const { e } = await episode();
        return { url: `/api/v1/guidance-episodes/${e.id}`, body: { version: e.version, hoursPerWeek: 4, level: 'regular', effectiveDate: '2021-03-01' } };
      },
    },
    'POST /api/v1/guidance-episodes/:id/endings': {
      roles,
      request: async () => {
        const { e } = await episode();
        return { url: `/api/v1/guidance-episodes/${e.id}/endings`, body: { version: e.version, endDate: '2021-06-01', reason: 'goals_met' } };
      },
    },
    'POST /api/v1/guidance-episodes/:id/handovers': {
      roles,
      request: async () => {
        const { e } = await episode();
        const team = await buildTeam(env.t, env.r);
        return { url: `/api/v1/guidance-episodes/${e.id}/handovers`, body: { version: e.version, teamId: team.id, handoverDate: '2021-06-01', handedOver: 'Budgetplan' } };
      },
    },
    'POST /api/v1/guidance-episodes/:id/goals': {
      roles,
      request: async () => ({ url: `/api/v1/guidance-episodes/${(await episode()).e.id}/goals`, body: { domain: 'finances', description: 'Schulden in beeld' } }),
    },
    'PATCH /api/v1/guidance-goals/:id': { roles, request: async () => ({ url: `/api/v1/guidance-goals/${await goal()}`, body: { version: 1, status: 'achieved' } }) },
    'POST /api/v1/guidance-episodes/:id/contacts': {
      roles,
      request: async () => ({ url: `/api/v1/guidance-episodes/${(await episode()).e.id}/contacts`, body: { contactDate: '2021-02-01', kind: 'home_visit', minutes: 45 } }),
    },
    'GET /api/v1/guidance-episodes/:id/contacts': { roles, request: async () => ({ url: `/api/v1/guidance-episodes/${(await episode()).e.id}/contacts` }) },
    'POST /api/v1/participants/:id/support-items': {
      roles,
      request: async () => ({ url: `/api/v1/participants/${(await housed()).id}/support-items`, body: { kind: 'daytime_activities', startDate: '2021-02-01' } }),
    },
    'PATCH /api/v1/support-items/:id': { roles, request: async () => ({ url: `/api/v1/support-items/${await support()}`, body: { version: 1, status: 'completed', endDate: '2021-06-01' } }) },
    'GET /api/v1/neighbourhood-teams': { roles, request: async () => ({ url: '/api/v1/neighbourhood-teams' }) },
    'GET /api/v1/caseload': { roles, request: async () => ({ url: '/api/v1/caseload' }) },
  };
}
