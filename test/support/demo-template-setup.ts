import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../../src/server/db/client.js';
import { migrate } from '../../src/server/db/migrate.js';
import { seedDemo } from '../../src/server/db/seed/demo.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A gzip'd PGlite data folder holding the migrated demo region (see startDemoServer). */
    demoTemplate: string;
  }
}

/**
 * Global setup of the browser journeys: migrates and seeds the demo region once and keeps the
 * data folder as a tarball, so each journey starts its server from a copy in seconds instead of
 * seeding the whole region again.
 */
export default async function setup(project: TestProject) {
  const database = await openPglite();
  await migrate(database);
  await seedDemo(database);
  const blob = await database.dumpDataDir!();
  await database.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eh-demo-')), 'demo.tar.gz');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('demoTemplate', file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
