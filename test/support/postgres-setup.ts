import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/server/db/client.js';
import { migrate } from '../../src/server/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * Creates a fresh PostgreSQL database for this test run, migrates it once, and drops it after.
 * Tests isolate themselves by building their own region (tenant) in it.
 */
export default async function setup(project: TestProject) {
  const admin = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `eerstethuis_test_${Date.now()}_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is niet bereikbaar op ${admin} (${(err as Error).message}). Start PostgreSQL of zet TEST_POSTGRES_URL. / PostgreSQL is not reachable.`,
    );
  }
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 2);
  await migrate(database);
  await database.close();
  project.provide('postgresUrl', url.toString());
  return async () => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}
