import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Lists the SQL migrations in order of their number prefix. */
export function listMigrations(): { name: string; sql: string }[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8') }));
}

/**
 * Applies every migration not yet recorded in schema_migrations, each in its own transaction,
 * forward only. On PostgreSQL an advisory lock keeps two starting servers from racing.
 * Returns the names applied.
 */
export async function migrate(database: Database): Promise<string[]> {
  const applied: string[] = [];
  await database.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const runAll = async (run: (sql: string, params?: unknown[]) => Promise<unknown>) => {
    const done = new Set(
      (await database.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
    for (const m of listMigrations()) {
      if (done.has(m.name)) continue;
      await run('BEGIN');
      try {
        await run(m.sql);
        await run('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
        await run('COMMIT');
      } catch (err) {
        await run('ROLLBACK');
        throw new Error(`Migratie ${m.name} mislukt / migration failed: ${(err as Error).message}`);
      }
      applied.push(m.name);
    }
  };
  await database.withSession(async (run) => {
    if (database.kind === 'postgres') await run('SELECT pg_advisory_lock(727274)');
    try {
      await runAll(run);
    } finally {
      if (database.kind === 'postgres') await run('SELECT pg_advisory_unlock(727274)');
    }
  });
  return applied;
}
