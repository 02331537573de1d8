import { loadConfig, ConfigError } from '../server/config.js';
import { openDatabase, serve } from '../server/main.js';
import { migrate } from '../server/db/migrate.js';
import { seedDemo } from '../server/db/seed/demo.js';
import { DataDirLockedError } from '../server/db/client.js';

const HELP = `eerstethuis — Housing First-platform

Gebruik / usage:
  eerstethuis serve          start de server (UI en API) / start the server
  eerstethuis migrate        voer databasemigraties uit / run database migrations
  eerstethuis seed --demo    maak de demoregio aan / create the demo region
  eerstethuis help           deze tekst / this text

Omgeving / environment: PORT, DATA_DIR, DATABASE_URL, NODE_ENV (zie README).`;

async function withDatabase(fn: (db: Awaited<ReturnType<typeof openDatabase>>['database']) => Promise<void>) {
  const config = loadConfig();
  const { database, release } = await openDatabase(config);
  try {
    await fn(database);
  } finally {
    await database.close();
    release();
  }
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
    case undefined:
      await serve();
      return;
    case 'migrate':
      await withDatabase(async (db) => {
        const applied = await migrate(db);
        console.log(applied.length ? `Toegepast / applied: ${applied.join(', ')}` : 'Niets te doen / nothing to do');
      });
      return;
    case 'seed': {
      if (!rest.includes('--demo')) {
        console.error('Gebruik / usage: eerstethuis seed --demo');
        process.exit(2);
      }
      if (loadConfig().nodeEnv === 'production') {
        console.error('De demoregio wordt nooit in productie aangemaakt. / The demo region is never created in production.');
        process.exit(1);
      }
      await withDatabase(async (db) => {
        await migrate(db);
        const r = await seedDemo(db);
        console.log(r.units ? `Demoregio aangemaakt: ${r.units} woningen, ${r.users} accounts` : 'Demoregio bestond al / demo region already present');
      });
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return;
    default:
      console.error(`Onbekend commando / unknown command: ${command}\n\n${HELP}`);
      process.exit(2);
  }
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
});
