import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { kitFor, type Kit } from '../../../../test/support/participants.js';
import { offersOnOneHomeFor } from '../../../../test/support/offers.js';

/**
 * PostgreSQL only (`*.pg.test.ts` runs in the api-postgres project alone): two real connections
 * race, which PGlite's single connection cannot do. No service code and no row lock: only the
 * partial unique index of migration 0020 stands in the way.
 */
let t: TestApp;
let k: Kit;
beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
});
afterAll(() => t.close());
const offersOnOneHome = (n: number) => offersOnOneHomeFor(k, n);

describe('no double allocation, enforced by the database', () => {
  it('the database itself refuses a second active offer: two transactions on PostgreSQL', async () => {
    const { unitId, ids } = await offersOnOneHome(2);
    const url = inject('postgresUrl');
    const a = new pg.Client({ connectionString: url });
    const b = new pg.Client({ connectionString: url });
    await a.connect();
    await b.connect();
    try {
      // Plain SQL, no service code and no row lock: only the partial unique index stands in the way.
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query(`UPDATE offers SET step = 'contract' WHERE id = $1`, [ids[0]]);
      // b's update waits for a's uncommitted index entry, then fails once a commits.
      const second = b.query(`UPDATE offers SET step = 'contract' WHERE id = $1`, [ids[1]]).then(
        () => 'updated',
        (err: { code?: string; constraint?: string }) => `${err.code}:${err.constraint}`,
      );
      await new Promise((r) => setTimeout(r, 200));
      await a.query('COMMIT');
      expect(await second).toBe('23505:offers_active_unit_key');
      await b.query('ROLLBACK');
    } finally {
      await a.end();
      await b.end();
    }
    const [active] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM offers WHERE unit_id = $1 AND step = 'contract'`, [unitId]);
    expect(active.n).toBe(1);
  });

});
