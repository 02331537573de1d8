import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client.js';
import { migrate } from '../../src/server/db/migrate.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/**
 * A real app on a real database: an in-memory PGlite for the api-pglite project, the run's
 * PostgreSQL database for api-postgres. Call once per test file (beforeAll).
 */
export async function createTestApp(opts: { demoMode?: boolean } = {}): Promise<TestApp> {
  const kind = process.env.TEST_DB ?? 'pglite';
  const database = kind === 'postgres' ? await openPostgres(inject('postgresUrl'), 4) : await openPglite();
  if (kind !== 'postgres') await migrate(database);
  // Demo mode only changes whether demo accounts may skip the second factor.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: opts.demoMode ? 'true' : 'false' });
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A logged-in client: cookie plus CSRF token, like the browser has after login. */
export interface Session {
  cookie: string;
  csrf: string;
}

export async function loginAs(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'eh_session');
  return { cookie: `eh_session=${cookie!.value}`, csrf: res.json().csrfToken };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Sends a request as a session (or anonymously with `null`), with the CSRF header on writes. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}
