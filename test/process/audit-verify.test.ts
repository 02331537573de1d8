import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../../src/server/db/client.js';
import { migrate } from '../../src/server/db/migrate.js';
import { recordAudit, verifyAudit } from '../../src/server/domain/audit/audit.service.js';

const BIN = path.resolve('bin/eerstethuis.mjs');
const REGION = '11111111-1111-4111-a111-111111111111';

/** A data folder with a region and a few audit rows, written through the real append path. */
async function folderWithAudit(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eh-audit-'));
  const db = await openPglite(dir);
  await migrate(db);
  for (let i = 0; i < 5; i++) {
    await db.db.transaction((tx) =>
      recordAudit(tx, { regionId: REGION, userId: null, address: '127.0.0.1' }, { action: 'read', resourceType: 'participant', resourceId: `p${i}`, details: { b: 2, a: [1, { z: 1, y: 2 }] } }),
    );
  }
  expect((await verifyAudit(db)).broken).toEqual([]);
  await db.close();
  return dir;
}

const verify = (dir: string) =>
  spawnSync(process.execPath, [BIN, 'audit', 'verify'], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8' });

describe('eerstethuis audit verify', () => {
  it('reports an intact chain, then detects an altered, a removed and a truncated row', async () => {
    const dir = await folderWithAudit();
    const ok = verify(dir);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/in orde: 5 rijen/);

    const db = await openPglite(dir);
    await db.query("UPDATE audit_events SET action = 'export' WHERE seq = 2");
    await db.close();
    const altered = verify(dir);
    expect(altered.status).toBe(1);
    expect(altered.stderr).toMatch(/rij 2: inhoud gewijzigd/);

    const db2 = await openPglite(dir);
    await db2.query("UPDATE audit_events SET action = 'read' WHERE seq = 2");
    await db2.query('DELETE FROM audit_events WHERE seq = 3');
    await db2.close();
    const removed = verify(dir);
    expect(removed.status).toBe(1);
    expect(removed.stderr).toMatch(/rij 4: rij 3 ontbreekt/);

    const db3 = await openPglite(dir);
    await db3.query('DELETE FROM audit_events WHERE seq >= 3');
    await db3.close();
    const truncated = verify(dir);
    expect(truncated.status).toBe(1);
    expect(truncated.stderr).toMatch(/einde van de keten ontbreekt/);
  }, 60_000);
});
