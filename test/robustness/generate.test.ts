import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client.js';
import { freshPostgresDatabase, onPostgres } from './support.js';
import { migrate } from '../../src/server/db/migrate.js';
import {
  GENERATE_PASSWORD,
  GenerateRefused,
  generateChecksum,
  generateNational,
  generatedEmail,
  type GenerateResult,
} from '../../src/server/db/generate/generate.js';
import { DEFAULT_PRIORITY, priorityKey } from '../../src/server/domain/waitingList/waitingList.priority.js';
import { PARTICIPANT_PHASES, UNIT_STATUSES, type CurrentPlace, type ParticipantPhase, type TargetGroup } from '../../src/shared/enums.js';

// The synthetic national data set (`eerstethuis generate`) at CI size: 2 regions, 600
// participants, in a fresh in-memory PGlite — or, in the api-postgres project, in a PostgreSQL
// database of its own (the run's shared database holds data, which the generator refuses).
const OPTS = { regions: 2, participants: 600, seed: 7 };

describe('eerstethuis generate (synthetic national data)', () => {
  let db: Database;
  let dropDatabase: (() => Promise<void>) | undefined;
  let result: GenerateResult;
  const q = <T,>(sql: string, params: unknown[] = []) => db.query<T>(sql, params);

  beforeAll(async () => {
    if (onPostgres) {
      const fresh = await freshPostgresDatabase('generate');
      dropDatabase = fresh.drop;
      db = await openPostgres(fresh.url, 4);
    } else db = await openPglite();
    await migrate(db);
    result = await generateNational(db, OPTS);
  });
  afterAll(async () => {
    await db?.close();
    await dropDatabase?.();
  });

  it('writes the regions with their participants, split unevenly', async () => {
    expect(result.regions.map((r) => r.code)).toEqual(['GEN-01', 'GEN-02']);
    expect(result.regions[0].participants + result.regions[1].participants).toBe(600);
    expect(result.regions[0].participants).toBeGreaterThan(result.regions[1].participants);
    const [{ n }] = await q<{ n: number }>('SELECT count(*)::int AS n FROM participants');
    expect(n).toBe(600);
    expect(result.counts.participants).toBe(600);
  });

  it('has people in every phase and homes in every status', async () => {
    const phases = await q<{ phase: string; n: number }>('SELECT phase, count(*)::int AS n FROM participants GROUP BY phase');
    expect(phases.map((p) => p.phase).sort()).toEqual([...PARTICIPANT_PHASES].sort());
    const statuses = await q<{ status: string }>('SELECT DISTINCT status FROM units');
    expect(statuses.map((s) => s.status).sort()).toEqual([...UNIT_STATUSES].sort());
  });

  it("keeps each participant's phase equal to the last phase event, and each unit's status to its last event", async () => {
    const [p] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM participants p
         LEFT JOIN LATERAL (SELECT e.phase, e.effective_date FROM participant_phase_events e
                             WHERE e.participant_id = p.id ORDER BY e.effective_date DESC, e.seq DESC LIMIT 1) l ON true
        WHERE l.phase IS DISTINCT FROM p.phase OR l.effective_date IS DISTINCT FROM p.phase_since`,
    );
    expect(p.n).toBe(0);
    const [u] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM units u
         LEFT JOIN LATERAL (SELECT e.status, e.effective_date FROM unit_status_events e
                             WHERE e.unit_id = u.id ORDER BY e.effective_date DESC, e.seq DESC LIMIT 1) l ON true
        WHERE l.status IS DISTINCT FROM u.status OR l.effective_date IS DISTINCT FROM u.status_since`,
    );
    expect(u.n).toBe(0);
  });

  it('puts exactly one housed participant with a current placement and tenancy in every occupied unit', async () => {
    const rows = await q<{ status: string; placements: number; tenancies: number; phases: string[] }>(
      `SELECT u.status,
              (SELECT count(*)::int FROM participant_placements pl WHERE pl.unit_id = u.id AND pl.end_date IS NULL) AS placements,
              (SELECT count(*)::int FROM tenancies t WHERE t.unit_id = u.id AND t.end_date IS NULL) AS tenancies,
              ARRAY(SELECT p.phase FROM participant_placements pl JOIN participants p ON p.id = pl.participant_id
                     WHERE pl.unit_id = u.id AND pl.end_date IS NULL) AS phases
         FROM units u`,
    );
    for (const r of rows) {
      if (r.status === 'occupied') expect(r).toMatchObject({ placements: 1, tenancies: 1, phases: ['housed'] });
      else expect(r).toMatchObject({ placements: 0, tenancies: 0 });
    }
    const [homeless] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM participants p WHERE p.phase = 'housed'
          AND NOT EXISTS (SELECT 1 FROM tenancies t JOIN units u ON u.id = t.unit_id
                           WHERE t.participant_id = p.id AND t.end_date IS NULL AND u.status = 'occupied')`,
    );
    expect(homeless.n).toBe(0);
  });

  it("computes every priority key with the project's own function", async () => {
    const rows = await q<{ code: string; phase: ParticipantPhase; waiting: string | null; referred: string; target_group: TargetGroup; current_place: CurrentPlace; priority_key: string }>(
      `SELECT code, phase, waiting_list_registered_on AS waiting, first_referred_on AS referred, target_group, current_place, priority_key FROM participants`,
    );
    for (const r of rows) {
      const key = priorityKey(DEFAULT_PRIORITY, {
        code: r.code, phase: r.phase, waitingListRegisteredOn: r.waiting, firstReferredOn: r.referred, targetGroup: r.target_group, currentPlace: r.current_place,
      });
      expect(r.priority_key).toBe(key);
    }
  });

  it('writes living in the home: tenancies, guidance, ZRM measurements, offers, incidents', async () => {
    for (const t of ['tenancy_leases', 'tenancy_events', 'guidance_episodes', 'guidance_contacts', 'zrm_measurements', 'offers', 'incidents'] as const) {
      expect(result.counts[t] ?? 0, t).toBeGreaterThan(0);
    }
  });

  it('gives the same checksum for the same seed, another for another seed', async () => {
    expect(await generateChecksum(OPTS)).toBe(result.checksum);
    expect(await generateChecksum({ ...OPTS, seed: 8 })).not.toBe(result.checksum);
  });

  it('refuses a database that already holds data, unless --append', async () => {
    await expect(generateNational(db, OPTS)).rejects.toBeInstanceOf(GenerateRefused);
  });

  it("lets the programme office of a generated region log in and read the by-name list", async () => {
    const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'false' }), database: db });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: generatedEmail('GEN-02', 'office'), password: GENERATE_PASSWORD } });
      expect(login.statusCode).toBe(200);
      const cookie = `eh_session=${login.cookies.find((c) => c.name === 'eh_session')!.value}`;
      const list = await app.inject({ method: 'GET', url: '/api/v1/participants', headers: { cookie } });
      expect(list.statusCode).toBe(200);
      expect(list.json().items.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
