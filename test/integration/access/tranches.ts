import crypto from 'node:crypto';
import { call } from '../../support/app.js';
import type { AccessEnv, Entry } from './entry.js';
import type { Role } from '../../../src/shared/enums.js';

const READERS: Role[] = ['programme_office', 'care_manager'];

/** Access rows of the tranches and due-work routes (issue 6 parts 5 and 6). */
export function tranchesEntries(env: AccessEnv): Record<string, Entry> {
  const db = () => env.t.database;
  /** A fresh pair of tranches (n, n+1) with one unused place, and the office's preview of rolling the first over. */
  async function freshRollover(): Promise<{ url: string; body: unknown }> {
    const r = env.r;
    const n = 100 + crypto.randomInt(1_000_000) * 2;
    const [from, to] = [crypto.randomUUID(), crypto.randomUUID()];
    await db().query(
      `INSERT INTO tranches (region_id, id, programme_id, number, name, capacity, provider_id, deadline)
       VALUES ($1, $2, $3, $4, 'Toegang A', 1, $5, '2021-12-31'), ($1, $6, $3, $4 + 1, 'Toegang B', 1, NULL, NULL)`,
      [r.regionId, from, r.programmeId, n, r.orgs.providerA, to],
    );
    const p = await call(env.t.app, env.sessions.office!, 'GET', `/api/v1/tranches/${from}/rollover-preview?cutoffDate=2021-12-31`);
    return { url: `/api/v1/tranches/${from}/rollovers`, body: { cutoffDate: '2021-12-31', previewHash: p.json().previewHash } };
  }
  /** A fresh care provider, so each contingent is the first of its provider and year. */
  async function freshProvider(): Promise<string> {
    const id = crypto.randomUUID();
    await db().query("INSERT INTO organisations (region_id, id, name, kind) VALUES ($1, $2, $3, 'care_provider')", [env.r.regionId, id, `Aanbieder ${id.slice(0, 8)}`]);
    return id;
  }
  async function freshContingent(): Promise<string> {
    const id = crypto.randomUUID();
    await db().query(
      'INSERT INTO provider_contingents (region_id, id, programme_id, provider_id, year, homes) VALUES ($1, $2, $3, $4, 2021, 10)',
      [env.r.regionId, id, env.r.programmeId, await freshProvider()],
    );
    return id;
  }
  return {
    'GET /api/v1/programmes/:id/tranche-usage': { roles: READERS, request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/tranche-usage?from=2021-01-01&to=2021-03-31` }) },
    'GET /api/v1/tranches/:id/rollover-preview': { roles: READERS, request: async () => ({ url: `/api/v1/tranches/${env.r.tranches.first}/rollover-preview?cutoffDate=2021-12-31` }) },
    'POST /api/v1/tranches/:id/rollovers': { roles: ['programme_office'], request: freshRollover },
    'GET /api/v1/programmes/:id/tranche-rollovers': { roles: READERS, request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/tranche-rollovers` }) },
    'GET /api/v1/programmes/:id/contingents': { roles: READERS, request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/contingents` }) },
    'POST /api/v1/programmes/:id/contingents': {
      roles: ['programme_office'],
      request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/contingents`, body: { providerId: await freshProvider(), year: 2021, homes: 10 } }),
    },
    'PATCH /api/v1/contingents/:id': { roles: ['programme_office'], request: async () => ({ url: `/api/v1/contingents/${await freshContingent()}`, body: { version: 1, homes: 12 } }) },
    'GET /api/v1/due-work': { roles: ['programme_office', 'care_worker', 'care_manager'], request: async () => ({ url: '/api/v1/due-work' }) },
    'GET /api/v1/programmes/:id/due-work-settings': { roles: ['programme_office'], request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/due-work-settings` }) },
    'PATCH /api/v1/programmes/:id/due-work-settings': {
      roles: ['programme_office'],
      request: async () => ({ url: `/api/v1/programmes/${env.r.programmeId}/due-work-settings`, body: { incidentAlertDays: 14 } }),
    },
  };
}
