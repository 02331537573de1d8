import crypto from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/server/db/client.js';
import { tableFingerprints, type TableFingerprint } from '../../src/server/db/backup.js';

/** Whether this run is the api-postgres project (TEST_DB=postgres) or the PGlite one. */
export const onPostgres = process.env.TEST_DB === 'postgres';

const adminUrl = () => process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A database of its own on the test PostgreSQL server, for tests that need an empty database or
 * a quiet one (the run's shared database is written by other test files at the same time).
 */
export async function freshPostgresDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `eerstethuis_${label}_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Every sequence's position, to prove a restored database hands out the same next numbers. */
export async function sequencePositions(database: Database): Promise<Record<string, string>> {
  const names = await database.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of names) {
    const [s] = await database.query<{ v: string }>(`SELECT last_value::text || ':' || is_called::text AS v FROM "${name}"`);
    out[name] = s.v;
  }
  return out;
}

/** Tables whose differences between two fingerprints are listed, for a readable failure. */
export function differences(a: Record<string, TableFingerprint>, b: Record<string, TableFingerprint>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((n) => a[n]?.rows !== b[n]?.rows || a[n]?.checksum !== b[n]?.checksum).map((n) => `${n}: ${a[n]?.rows} → ${b[n]?.rows}`);
}

export { tableFingerprints };
