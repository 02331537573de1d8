import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client.js';
import { migrate } from '../../src/server/db/migrate.js';
import { seedDemo } from '../../src/server/db/seed/demo.js';
import { backupDatabase, restoreDatabase, BackupError } from '../../src/server/db/backup.js';
import { differences, freshPostgresDatabase, onPostgres, sequencePositions, tableFingerprints } from './support.js';

// Backup and restore round trips: every table (row count and an order-independent checksum of
// all rows) and every sequence must come back exactly. PGlite → PGlite through the real CLI;
// PostgreSQL → PostgreSQL and PGlite → PostgreSQL in the api-postgres project.

const BIN = path.resolve('bin/eerstethuis.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eh-backup-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The demo region plus a merged participant, so a self-referencing row is in the backup too. */
async function fill(database: Database) {
  await migrate(database);
  await seedDemo(database);
  const ps = await database.query<{ id: string }>('SELECT id FROM participants ORDER BY id LIMIT 2');
  // The row pointing at the other sorts before it by id: a restore in file order needs the second pass.
  await database.query('UPDATE participants SET merged_into_id = $2 WHERE id = $1', [ps[0].id, ps[1].id]);
}

async function expectSame(source: Database, target: Database) {
  const [a, b] = [await tableFingerprints(source), await tableFingerprints(target)];
  expect(differences(a, b)).toEqual([]);
  expect(Object.values(a).reduce((n, t) => n + t.rows, 0)).toBeGreaterThan(1000);
  expect(await sequencePositions(target)).toEqual(await sequencePositions(source));
}

const cli = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });

// Each database's round trips run in its own project (PGlite in api-pglite, PostgreSQL in api-postgres).
if (!onPostgres) describe('backup and restore on PGlite', () => {
  it('round-trips a data folder through `eerstethuis backup` and `restore`, and guards a filled database', async () => {
    const from = path.join(tmp, 'from');
    const to = path.join(tmp, 'to');
    fs.mkdirSync(from);
    const source = await openPglite(from);
    await fill(source);
    await source.close();

    const file = path.join(tmp, 'demo.backup.gz');
    const b = cli(['backup', file], from);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/backup written/);
    const r = cli(['restore', file], to);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/restored/);

    const [s, t] = [await openPglite(from), await openPglite(to)];
    await expectSame(s, t);
    await t.close();

    // A filled database is refused (--force is tested below, on a small database).
    const again = cli(['restore', file], to);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/niet leeg/);
    expect(again.stderr).toMatch(/not empty/);
    await s.close();
  }, 600_000);

  it('refuses a backup of another schema version, a truncated file and a file that is no backup, changing nothing', async () => {
    const source = await openPglite();
    await migrate(source);
    await source.query(`INSERT INTO regions (id, code, name) VALUES ('11111111-1111-4111-a111-111111111111', 'R1', 'Regio')`);
    const file = path.join(tmp, 'small.backup.gz');
    await backupDatabase(source, file);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');

    const rewrite = (name: string, edit: (ls: string[]) => string[]) => {
      const f = path.join(tmp, name);
      fs.writeFileSync(f, zlib.gzipSync(edit([...lines]).join('\n')));
      return f;
    };
    const otherVersion = rewrite('other.gz', (ls) => [ls[0].replace('"migrations":[', '"migrations":["9999_future.sql",'), ...ls.slice(1)]);
    const truncated = rewrite('truncated.gz', (ls) => ls.filter((l) => !l.startsWith('#end')));
    const notOurs = rewrite('other-format.gz', () => ['hello']);

    const target = await openPglite();
    await expect(restoreDatabase(target, otherVersion)).rejects.toThrow(/andere schemaversie[\s\S]*9999_future/);
    await expect(restoreDatabase(target, truncated)).rejects.toThrow(/onvolledig/);
    await expect(restoreDatabase(target, notOurs)).rejects.toBeInstanceOf(BackupError);
    // The truncated restore ran in one transaction: nothing of it stayed.
    expect(Object.values(await tableFingerprints(target)).every((t) => t.rows === 0)).toBe(true);

    await restoreDatabase(target, file);
    await expectSameSmall(source, target);
    // A filled database is replaced with --force.
    await target.query(`INSERT INTO regions (id, code, name) VALUES ('22222222-2222-4222-a222-222222222222', 'R2', 'Andere regio')`);
    await expect(restoreDatabase(target, file)).rejects.toThrow(/niet leeg[\s\S]*not empty/);
    await restoreDatabase(target, file, { force: true });
    await expectSameSmall(source, target);
    await Promise.all([source.close(), target.close()]);
  }, 600_000);
});

async function expectSameSmall(source: Database, target: Database) {
  expect(differences(await tableFingerprints(source), await tableFingerprints(target))).toEqual([]);
}

if (onPostgres) describe('backup and restore on PostgreSQL', () => {
  async function freshPg(label: string) {
    const db = await freshPostgresDatabase(label);
    const database = await openPostgres(db.url, 2);
    cleanups.push(async () => {
      await database.close();
      await db.drop();
    });
    return database;
  }

  it('round-trips PostgreSQL → PostgreSQL', async () => {
    const source = await freshPg('bk_src');
    await fill(source);
    const file = path.join(tmp, 'pg.backup.gz');
    await backupDatabase(source, file);
    const target = await freshPg('bk_dst');
    await restoreDatabase(target, file);
    await expectSame(source, target);
    await expect(restoreDatabase(target, file)).rejects.toThrow(/niet leeg/);
  }, 600_000);

  it('moves a PGlite database to PostgreSQL', async () => {
    const source = await openPglite();
    cleanups.push(() => source.close());
    await fill(source);
    const file = path.join(tmp, 'pglite-to-pg.backup.gz');
    await backupDatabase(source, file);
    const target = await freshPg('bk_move');
    await restoreDatabase(target, file);
    await expectSame(source, target);
  }, 600_000);
});
