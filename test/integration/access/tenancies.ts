import crypto from 'node:crypto';
import type { Role } from '../../../src/shared/enums.js';
import { call } from '../../support/app.js';
import { availableUnits, readyCandidate } from '../../support/offers.js';
import { DEFAULT_CRITERIA } from '../../../src/server/domain/tenancies/tenancies.rules.js';
import type { AccessEnv, Entry } from './entry.js';

const TENANCY_ROLES: Role[] = ['programme_office', 'care_worker', 'care_manager', 'corporation'];

/** Tenancies (issue 6): the office records one on a home of corporation A guided by provider A, so every tenancy role sees it. */
export function tenanciesEntries(env: AccessEnv): Record<string, Entry> {
  const office = () => env.sessions.office!;

  async function criteria(): Promise<{ id: string; kind: string }[]> {
    const url = `/api/v1/programmes/${env.r.programmeId}/lease-flip-criteria`;
    const list = (await call(env.t.app, office(), 'GET', url)).json().items as { id: string; kind: string }[];
    if (list.length) return list;
    return (await call(env.t.app, office(), 'PUT', url, { items: DEFAULT_CRITERIA })).json().items;
  }

  /** A fresh tenancy (provider lease, started 2021-02-01), moved in on 2021-02-05 unless asked otherwise; returns id and version. */
  async function tenancy(moveIn = true): Promise<{ id: string; version: number }> {
    const { unitIds } = await availableUnits(env.kit(), 1);
    const p = await readyCandidate(env.kit());
    const made = (await call(env.t.app, office(), 'POST', '/api/v1/tenancies', { unitId: unitIds[0], participantId: p.id, startDate: '2021-02-01', rentCents: 60000 })).json();
    if (!moveIn) return { id: made.id, version: made.version };
    const moved = (await call(env.t.app, office(), 'POST', `/api/v1/tenancies/${made.id}/move-ins`, { date: '2021-02-05' })).json();
    return { id: moved.id, version: moved.version };
  }

  /** A tenancy whose checklist is complete (checks written directly, the corporation's consent among them). */
  async function readyToFlip(): Promise<{ id: string; version: number }> {
    const list = await criteria();
    const x = await tenancy();
    for (const c of list.filter((c) => c.kind !== 'no_open_nuisance')) {
      await env.t.database.query(
        `INSERT INTO lease_flip_checks (region_id, id, tenancy_id, criterion_id, met, checked_on, evidence) VALUES ($1, $2, $3, $4, true, '2022-03-01', 'Toegang')`,
        [env.r.regionId, crypto.randomUUID(), x.id, c.id],
      );
    }
    return x;
  }

  return {
    'GET /api/v1/tenancies': { roles: TENANCY_ROLES, request: async () => ({ url: '/api/v1/tenancies' }) },
    'POST /api/v1/tenancies': {
      roles: ['programme_office'],
      request: async () => ({
        url: '/api/v1/tenancies',
        body: { unitId: (await availableUnits(env.kit(), 1)).unitIds[0], participantId: (await readyCandidate(env.kit())).id, startDate: '2021-02-01' },
      }),
    },
    'GET /api/v1/tenancies/:id': { roles: TENANCY_ROLES, request: async () => ({ url: `/api/v1/tenancies/${(await tenancy(false)).id}` }) },
    'POST /api/v1/tenancies/:id/move-ins': {
      roles: ['programme_office', 'care_worker', 'care_manager'],
      request: async () => ({ url: `/api/v1/tenancies/${(await tenancy(false)).id}/move-ins`, body: { date: '2021-02-05' } }),
    },
    'POST /api/v1/tenancies/:id/endings': {
      roles: ['programme_office', 'care_manager'],
      request: async () => {
        const x = await tenancy();
        return { url: `/api/v1/tenancies/${x.id}/endings`, body: { endDate: '2021-09-30', reason: 'moved_on', unitOutcome: 'available', version: x.version } };
      },
    },
    'POST /api/v1/tenancies/:id/rents': {
      roles: ['programme_office', 'care_manager', 'corporation'],
      request: async () => {
        const x = await tenancy(false);
        return { url: `/api/v1/tenancies/${x.id}/rents`, body: { rentCents: 62500, effectiveDate: '2021-07-01', version: x.version } };
      },
    },
    // Rent paid on time is the one item the office, the provider and the landlord all record.
    'POST /api/v1/tenancies/:id/lease-flip-checks': {
      roles: TENANCY_ROLES,
      request: async () => {
        const rent = (await criteria()).find((c) => c.kind === 'rent_paid_on_time')!;
        return { url: `/api/v1/tenancies/${(await tenancy()).id}/lease-flip-checks`, body: { criterionId: rent.id, met: false, checkedOn: '2021-06-01', evidence: 'Achterstand.' } };
      },
    },
    'POST /api/v1/tenancies/:id/lease-flips': {
      roles: ['programme_office', 'care_manager', 'corporation'],
      request: async () => {
        const x = await readyToFlip();
        return { url: `/api/v1/tenancies/${x.id}/lease-flips`, body: { date: '2022-04-01', version: x.version } };
      },
    },
    'GET /api/v1/programmes/:id/lease-flip-criteria': { roles: TENANCY_ROLES, request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/lease-flip-criteria` }) },
    'PUT /api/v1/programmes/:id/lease-flip-criteria': {
      roles: ['programme_office'],
      request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/lease-flip-criteria`, body: { items: DEFAULT_CRITERIA } }),
    },
    'GET /api/v1/programmes/:id/tenancy-figures': { roles: ['programme_office'], request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/tenancy-figures` }) },
  };
}
