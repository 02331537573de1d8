import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.js';
import type { Role } from '../../shared/enums.js';

/** Who is acting: the user, the organisation they act for, their roles and region. */
export interface AccessContext {
  userId: string;
  organisationId: string;
  organisationKind: string;
  /** The municipality of the user's organisation (a municipality sees its own units). */
  municipalityId: string | null;
  regionId: string;
  roles: Role[];
  sessionId: string;
  address: string;
}

/** The context of an anonymous request to a public route (the counter is public aggregate data). */
export const PUBLIC_CONTEXT = null;

/** The role request transactions run as: not the owner, not a superuser, so RLS applies. */
export const APP_ROLE = 'eerstethuis_app';

/**
 * Runs `fn` in one transaction that carries the access context as transaction-local settings
 * (`set_config(..., true)`) and, for a logged-in user, runs as the app role so PostgreSQL's
 * row-level security scopes every query (migration 0011). Public routes (ctx null) answer only
 * aggregates and run as the connecting user. Everything `fn` writes commits together or not at all.
 */
export async function inContext<T>(
  database: Database,
  ctx: AccessContext | null,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('app.user_id', ${ctx?.userId ?? ''}, true),
                 set_config('app.organisation_id', ${ctx?.organisationId ?? ''}, true),
                 set_config('app.region_id', ${ctx?.regionId ?? ''}, true),
                 set_config('app.roles', ${ctx ? ctx.roles.join(',') : ''}, true),
                 set_config('app.municipality_id', ${ctx?.municipalityId ?? ''}, true)`,
    );
    if (ctx) await tx.execute(sql.raw(`SET LOCAL ROLE ${APP_ROLE}`));
    return fn(tx);
  });
}

/** Rows of a raw SQL query run on a transaction (both drivers answer with `.rows`). */
export async function rows<T>(tx: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await tx.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/**
 * A text[] parameter. Drizzle expands a JS array inside sql`` into a list of parameters, which
 * is right for IN (…) but not for an array column, so arrays travel as one array literal.
 */
export function textArray(values: readonly string[]) {
  const literal = `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
  return sql`${literal}::text[]`;
}
