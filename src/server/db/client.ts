import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';

// Make node-postgres answer like PGlite: dates as ISO strings, bigint counts as numbers
// (every bigint we store — money in cents, sequences — stays far below 2^53).
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or an open transaction: services accept either. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Runs raw SQL with parameters; used by migrations, the counter and tests. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `fn` on one dedicated connection. `run(sql)` without params may hold several
   * statements (migrations); with params it is a single statement.
   */
  withSession<T>(fn: (run: (sql: string, params?: unknown[]) => Promise<unknown[]>) => Promise<T>): Promise<T>;
  /** PGlite only: the whole data folder as a gzip'd tarball (a template that tests start from). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {}

/**
 * Takes an exclusive lock file in the data folder. PGlite does not lock its folder and two
 * processes writing one folder corrupt it, so a second process must refuse to start.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'eerstethuis.lock');
  const tryTake = (): boolean => {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      return false;
    }
  };
  if (!tryTake()) {
    const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new DataDirLockedError(
        `De datamap ${dataDir} is in gebruik door proces ${holder}; stop dat proces eerst of kies een andere DATA_DIR.\n` +
          `The data folder ${dataDir} is in use by process ${holder}; stop it first or choose another DATA_DIR.`,
      );
    }
    // A lock left by a process that died (SIGKILL, power cut): take it over.
    fs.rmSync(lockPath, { force: true });
    if (!tryTake()) throw new DataDirLockedError(`Kon ${lockPath} niet vergrendelen / could not lock ${lockPath}`);
  }
  return () => {
    try {
      if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.rmSync(lockPath, { force: true });
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Opens the embedded database; `dataDir` undefined means in memory (tests). */
export async function openPglite(dataDir?: string, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  // Dates stay ISO strings ('YYYY-MM-DD') on both drivers: a calendar date has no time zone.
  const parsers = { 1082: (v: string) => v };
  const client = dataDir
    ? new PGlite(path.join(dataDir, 'pglite'), { parsers, ...opts })
    : new PGlite({ parsers, ...opts });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async query<T>(sql: string, params: unknown[] = []) {
      const res = await client.query<T>(sql, params);
      return res.rows;
    },
    async withSession(fn) {
      return fn(async (sql, params) => {
        if (params) return (await client.query(sql, params)).rows;
        const results = await client.exec(sql);
        return results.at(-1)?.rows ?? [];
      });
    },
    async dumpDataDir() {
      return client.dumpDataDir('gzip');
    },
    async close() {
      await client.close();
    },
  };
}

/** Opens a PostgreSQL pool for DATABASE_URL. */
export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  const client = await pool.connect();
  client.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async query<T>(sql: string, params: unknown[] = []) {
      const res = await pool.query(sql, params);
      return res.rows as T[];
    },
    async withSession(fn) {
      const conn = await pool.connect();
      try {
        return await fn(async (sql, params) => {
          const res = await conn.query(sql, params);
          const last = Array.isArray(res) ? res.at(-1) : res;
          return (last?.rows ?? []) as unknown[];
        });
      } finally {
        conn.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
