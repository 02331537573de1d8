import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client.js';
import { migrate } from '../../src/server/db/migrate.js';
import { buildRegion, TEST_PASSWORD, type BuiltRegion } from '../support/builders.js';
import { referralBody } from '../support/participants.js';
import { freshPostgresDatabase, onPostgres } from './support.js';

// Crash safety: the real server (`eerstethuis serve`) as a child process, a writer creating
// units and participants through the API as fast as it can, SIGKILL at a random moment, a
// restart on the same data. Every write answered 2xx must be there, nothing half-written may be
// (a unit without its first status event, a participant without referral or phase event), the
// audit chain must verify. PGlite in a temporary DATA_DIR (api-pglite), a fresh PostgreSQL
// database (api-postgres). CRASH_SEED picks the moments, CRASH_ROUNDS the number of kills,
// CRASH_WRITE_MS how long the writer runs at most (after its first acknowledged writes) before the kill.

const SEED = Number(process.env.CRASH_SEED ?? 7513);
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 1);
const WRITE_MS = Number(process.env.CRASH_WRITE_MS ?? 2500);
const WRITERS = 4;
const BIN = path.resolve('bin/eerstethuis.mjs');

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const c of cleanups.reverse()) await c();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, TEST_DB: '', NODE_ENV: 'test', LOG_LEVEL: 'warn', DEMO_SEED: 'false', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  for (let i = 0; ; i++) {
    if (out.includes('http://localhost')) break;
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (i > 1200) throw new Error(`server never listened: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, exited, base: `http://127.0.0.1:${port}`, output: () => out };
}

interface Client {
  base: string;
  cookie: string;
  csrf: string;
}

async function login(base: string, email: string): Promise<Client> {
  const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('eh_session='))!.split(';')[0];
  return { base, cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

const post = (c: Client, url: string, body: unknown) =>
  fetch(`${c.base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: c.cookie, 'x-csrf-token': c.csrf }, body: JSON.stringify(body) });

interface Acknowledged {
  units: Map<string, string>;
  participants: Map<string, string>;
}

/** Writers that create records until the server dies; every 2xx answer is remembered. */
function write(c: Client, r: BuiltRegion, ack: Acknowledged, tag: string) {
  let stop = false;
  let n = 0;
  const one = async (w: number) => {
    while (!stop) {
      const i = n++;
      try {
        if (i % 2 === 0) {
          const label = `Crash ${tag} ${i}`;
          const res = await post(c, '/api/v1/units', { programmeId: r.programmeId, municipalityId: r.municipalities.a, label, form: 'existing_stock', status: 'pledged', effectiveDate: '2021-01-01' });
          if (res.ok) ack.units.set(((await res.json()) as { id: string }).id, label);
          else throw new Error(`unit write answered ${res.status}: ${await res.text()}`);
        } else {
          const body = referralBody(r);
          const res = await post(c, '/api/v1/participants', body);
          if (res.ok) ack.participants.set(((await res.json()) as { id: string }).id, body.familyName);
          else throw new Error(`participant write answered ${res.status}: ${await res.text()}`);
        }
      } catch (err) {
        // The server went away mid-request: that write was never acknowledged.
        if ((err as Error).message.includes(' answered ')) throw err;
        if (stop || (err as Error).message.startsWith('fetch failed') || (err as { cause?: { code?: string } }).cause?.code) return;
        throw err;
      }
      void w;
    }
  };
  const done = Promise.all(Array.from({ length: WRITERS }, (_, w) => one(w)));
  return {
    done,
    stop() {
      stop = true;
    },
  };
}

async function check(database: Database, r: BuiltRegion, ack: Acknowledged) {
  const units = await database.query<{ id: string; label: string }>('SELECT id, label FROM units WHERE region_id = $1', [r.regionId]);
  const byId = new Map(units.map((u) => [u.id, u.label]));
  const lostUnits = [...ack.units].filter(([id, label]) => byId.get(id) !== label);
  const ps = await database.query<{ id: string; family_name: string }>('SELECT id, family_name FROM participants WHERE region_id = $1', [r.regionId]);
  const pById = new Map(ps.map((p) => [p.id, p.family_name]));
  const lostParticipants = [...ack.participants].filter(([id, name]) => pById.get(id) !== name);
  expect({ lostUnits, lostParticipants }).toEqual({ lostUnits: [], lostParticipants: [] });
  // Nothing half-written: each record's parts were written in the same transaction.
  const [half] = await database.query<{ units: number; participants: number; referrals: number }>(
    `SELECT (SELECT count(*)::int FROM units u WHERE u.region_id = $1 AND NOT EXISTS (SELECT 1 FROM unit_status_events e WHERE e.unit_id = u.id)) AS units,
            (SELECT count(*)::int FROM participants p WHERE p.region_id = $1 AND NOT EXISTS (SELECT 1 FROM participant_phase_events e WHERE e.participant_id = p.id)) AS participants,
            (SELECT count(*)::int FROM participants p WHERE p.region_id = $1 AND NOT EXISTS (SELECT 1 FROM referrals f WHERE f.participant_id = p.id)) AS referrals`,
    [r.regionId],
  );
  expect(half).toEqual({ units: 0, participants: 0, referrals: 0 });
  return { units: units.length, participants: ps.length };
}

describe('a server killed while writing', () => {
  it(`keeps every acknowledged write and nothing half-written (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, async () => {
    let env: Record<string, string>;
    let open: () => Promise<Database>;
    if (onPostgres) {
      const db = await freshPostgresDatabase('crash');
      cleanups.push(db.drop);
      env = { DATABASE_URL: db.url };
      open = () => openPostgres(db.url, 2);
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eh-crash-'));
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      env = { DATA_DIR: dir, DATABASE_URL: '' };
      open = () => openPglite(dir);
    }
    let database = await open();
    await migrate(database);
    const r = await buildRegion(database);
    await database.close();

    const delays = fc.sample(fc.integer({ min: 0, max: WRITE_MS }), { seed: SEED, numRuns: ROUNDS });
    const ack: Acknowledged = { units: new Map(), participants: new Map() };
    for (const [round, delay] of delays.entries()) {
      const server = await startServer(env);
      const c = await login(server.base, r.emails.office);
      const writer = write(c, r, ack, String(round));
      // The moment counts from the first acknowledged writes, so a slow machine still kills mid-stream.
      const [u0, p0] = [ack.units.size, ack.participants.size];
      for (let i = 0; i < 1200 && (ack.units.size < u0 + 2 || ack.participants.size < p0 + 2); i++) await new Promise((res) => setTimeout(res, 50));
      await new Promise((res) => setTimeout(res, delay));
      const before = ack.units.size + ack.participants.size;
      console.log(`crash round ${round}: SIGKILL ${delay} ms after the first acknowledged writes (seed ${SEED}), ${before} writes acknowledged so far`);
      server.child.kill('SIGKILL');
      await server.exited;
      writer.stop();
      await writer.done;
    }
    expect(ack.units.size + ack.participants.size).toBeGreaterThan(0);

    // The restarted server takes over the dead one's lock, starts and keeps answering.
    const again = await startServer(env);
    const c = await login(again.base, r.emails.office);
    const res = await post(c, '/api/v1/units', { programmeId: r.programmeId, municipalityId: r.municipalities.a, label: 'Na de crash', form: 'existing_stock', status: 'pledged', effectiveDate: '2021-01-01' });
    expect(res.status).toBe(201);
    ack.units.set(((await res.json()) as { id: string }).id, 'Na de crash');
    again.child.kill('SIGTERM');
    await again.exited;

    database = await open();
    try {
      const found = await check(database, r, ack);
      console.log(`crash: ${ack.units.size} units and ${ack.participants.size} participants acknowledged, ${found.units} and ${found.participants} present`);
    } finally {
      await database.close();
    }
    const verify = spawnSync(process.execPath, [BIN, 'audit', 'verify'], { env: { ...process.env, TEST_DB: '', ...env }, encoding: 'utf8' });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/audit chain intact/);
  }, 600_000);
});
