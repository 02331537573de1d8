import type { FastifyInstance } from 'fastify';
import { loadConfig, ConfigError, type Config } from './config.js';
import { lockDataDir, openPglite, openPostgres, DataDirLockedError, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { seedDemo } from './db/seed/demo.js';
import { buildApp } from './app.js';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR (locked). */
export async function openDatabase(config: Config): Promise<{ database: Database; release: () => void }> {
  if (config.databaseUrl) return { database: await openPostgres(config.databaseUrl), release: () => undefined };
  const release = lockDataDir(config.dataDir);
  try {
    return { database: await openPglite(config.dataDir), release };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * The process entry: config → database → migrations → demo seed (first start) → listen.
 * Exits with code 1 and a clear message on invalid config or a locked data folder.
 */
export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<FastifyInstance> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  let opened: Awaited<ReturnType<typeof openDatabase>>;
  try {
    opened = await openDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const { database, release } = opened;
  const applied = await migrate(database);
  if (applied.length) console.log(`Migraties toegepast / migrations applied: ${applied.join(', ')}`);
  if (config.demoSeed) {
    const seeded = await seedDemo(database);
    if (seeded.units) console.log(`Demoregio aangemaakt / demo region seeded: ${seeded.units} woningen, ${seeded.users} accounts`);
  }
  const app = await buildApp({ config, database });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  console.log(`Eerst een Thuis draait op / runs at http://localhost:${config.port} (${where})`);
  return app;
}
