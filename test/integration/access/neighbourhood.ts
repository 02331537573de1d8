import crypto from 'node:crypto';
import type { Role } from '../../../src/shared/enums.js';
import { buildLocation } from '../../support/builders.js';
import type { AccessEnv, Entry } from './entry.js';

/** Who reads a building's neighbourhood (the municipality its figures only) and who works with it. */
const READERS: Role[] = ['programme_office', 'care_worker', 'care_manager', 'corporation', 'municipality'];
const WRITERS: Role[] = ['programme_office', 'care_worker', 'care_manager', 'corporation'];

/** The neighbourhood's routes (issue 6, part 4). Fresh locations belong to corporation A, provider A and municipality A. */
export function neighbourhoodEntries(env: AccessEnv): Record<string, Entry> {
  const location = () => buildLocation(env.t.database, env.r);
  async function incident(): Promise<string> {
    const id = crypto.randomUUID();
    await env.t.database.query(
      `INSERT INTO incidents (region_id, id, location_id, occurred_on, source, severity, description) VALUES ($1, $2, $3, '2021-06-01', 'neighbour', 'low', 'Geluidsoverlast.')`,
      [env.r.regionId, id, await location()],
    );
    return id;
  }
  return {
    'GET /api/v1/locations/:id/neighbourhood': { roles: READERS, request: async () => ({ url: `/api/v1/locations/${await location()}/neighbourhood` }) },
    'PUT /api/v1/locations/:id/mix': {
      roles: ['programme_office', 'corporation'],
      request: async () => ({ url: `/api/v1/locations/${await location()}/mix`, body: { regularHomes: 5, version: 1 } }),
    },
    'GET /api/v1/locations/:id/neighbourhood-meetings': { roles: READERS, request: async () => ({ url: `/api/v1/locations/${await location()}/neighbourhood-meetings` }) },
    'POST /api/v1/locations/:id/neighbourhood-meetings': {
      roles: WRITERS,
      request: async () => ({ url: `/api/v1/locations/${await location()}/neighbourhood-meetings`, body: { heldOn: '2021-05-01', notes: 'Buurtavond.' } }),
    },
    'GET /api/v1/incidents': { roles: READERS, request: async () => ({ url: '/api/v1/incidents' }) },
    'POST /api/v1/incidents': {
      roles: WRITERS,
      request: async () => ({
        url: '/api/v1/incidents',
        body: { locationId: await location(), occurredOn: '2021-06-01', source: 'neighbour', severity: 'low', description: 'Geluidsoverlast.' },
      }),
    },
    'PATCH /api/v1/incidents/:id': { roles: WRITERS, request: async () => ({ url: `/api/v1/incidents/${await incident()}`, body: { version: 1, severity: 'medium' } }) },
    'POST /api/v1/incidents/:id/closures': {
      roles: WRITERS,
      request: async () => ({ url: `/api/v1/incidents/${await incident()}/closures`, body: { closedOn: '2021-06-10', followUp: 'Afgehandeld.' } }),
    },
  };
}
