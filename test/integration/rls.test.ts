import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.js';
import { buildLocation, buildRegion, type BuiltRegion } from '../support/builders.js';
import { inContext, rows, type AccessContext } from '../../src/server/http/context.js';

/** The database's own message: Drizzle wraps it as the cause of a "Failed query" error. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return e.cause?.message ?? e.message;
  }
  return 'not refused';
}

let t: TestApp;
let a: BuiltRegion;
let b: BuiltRegion;
let unitA: string;

const ctxFor = (r: BuiltRegion, org: string, roles: AccessContext['roles'], municipalityId: string | null = null): AccessContext => ({
  userId: crypto.randomUUID(),
  organisationId: r.orgs[org],
  organisationKind: 'x',
  municipalityId,
  regionId: r.regionId,
  roles,
  sessionId: 'test',
  address: '127.0.0.1',
});

beforeAll(async () => {
  t = await createTestApp();
  a = await buildRegion(t.database);
  b = await buildRegion(t.database);
  const loc = await buildLocation(t.database, a, { corporation: a.orgs.corporationA });
  unitA = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO units (region_id, id, programme_id, location_id, municipality_id, label, form, status, status_since)
     VALUES ($1, $2, $3, $4, $5, 'RLS-woning', 'flex', 'location_found', '2021-01-01')`,
    [a.regionId, unitA, a.programmeId, loc, a.municipalities.a],
  );
});
afterAll(() => t.close());

describe('row-level security under the policies', () => {
  it('runs request transactions as the app role, which is neither owner nor superuser', async () => {
    const who = await inContext(t.database, ctxFor(a, 'office', ['programme_office']), (tx) =>
      rows<{ role: string; superuser: boolean }>(tx, sql`SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`),
    );
    expect(who[0]).toEqual({ role: 'eerstethuis_app', superuser: false });
  });

  it('shows no rows without an access context', async () => {
    const n = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw('SET LOCAL ROLE eerstethuis_app'));
      return rows<{ units: number; orgs: number; users: number }>(
        tx,
        sql`SELECT (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM organisations) AS orgs, (SELECT count(*)::int FROM users) AS users`,
      );
    });
    expect(n[0]).toEqual({ units: 0, orgs: 0, users: 0 });
  });

  it("reads none of another region's rows and cannot insert into it", async () => {
    const ctx = ctxFor(b, 'office', ['programme_office']);
    const seen = await inContext(t.database, ctx, (tx) => rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM units WHERE region_id = ${a.regionId}`));
    expect(seen[0].n).toBe(0);
    const insert = inContext(t.database, ctx, (tx) =>
      tx.execute(sql`INSERT INTO organisations (region_id, id, name, kind) VALUES (${a.regionId}, ${crypto.randomUUID()}, 'Indringer', 'care_provider')`),
    );
    expect(await refusal(insert)).toMatch(/row-level security/);
    const orgs = await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM organisations WHERE name = 'Indringer'");
    expect(orgs[0].n).toBe(0);
  });

  it("hides another corporation's units and locations, and refuses to change them", async () => {
    const other = ctxFor(a, 'corporationB', ['corporation']);
    const own = ctxFor(a, 'corporationA', ['corporation']);
    const count = (ctx: AccessContext) =>
      inContext(t.database, ctx, (tx) => rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM units WHERE id = ${unitA}`));
    expect((await count(other))[0].n).toBe(0);
    expect((await count(own))[0].n).toBe(1);
    const updated = await inContext(t.database, other, (tx) => rows<{ id: string }>(tx, sql`UPDATE units SET label = 'gekaapt' WHERE id = ${unitA} RETURNING id`));
    expect(updated).toHaveLength(0);
  });

  it('lets a municipality see the units in its own municipality only', async () => {
    const mine = ctxFor(a, 'municipalityA', ['municipality'], a.municipalities.a);
    const elsewhere = ctxFor(a, 'municipalityA', ['municipality'], a.municipalities.b);
    const count = (ctx: AccessContext) =>
      inContext(t.database, ctx, (tx) => rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM units WHERE id = ${unitA}`));
    expect((await count(mine))[0].n).toBe(1);
    expect((await count(elsewhere))[0].n).toBe(0);
  });

  it('keeps the audit trail append-only for the app role', async () => {
    const ctx = ctxFor(a, 'office', ['programme_office']);
    expect(await refusal(inContext(t.database, ctx, (tx) => tx.execute(sql`UPDATE audit_events SET action = 'x'`)))).toMatch(/permission denied/);
    expect(await refusal(inContext(t.database, ctx, (tx) => tx.execute(sql`DELETE FROM audit_events`)))).toMatch(/permission denied/);
    expect(await refusal(inContext(t.database, ctx, (tx) => tx.execute(sql`SELECT * FROM sessions`)))).toMatch(/permission denied/);
  });

  it('has row-level security on every table that carries region_id', async () => {
    const unprotected = await t.database.query<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c
         JOIN pg_class k ON k.relname = c.table_name AND k.relkind = 'r'
         JOIN pg_namespace n ON n.oid = k.relnamespace AND n.nspname = 'public'
        WHERE c.table_schema = 'public' AND c.column_name = 'region_id' AND NOT k.relrowsecurity
          AND c.table_name NOT IN ('sessions')
        ORDER BY 1`,
    );
    expect(unprotected.map((r) => r.table_name)).toEqual([]);
  });
});
