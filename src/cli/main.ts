import { loadConfig, ConfigError } from '../server/config.js';
import type { Database } from '../server/db/client.js';
import { assignCommand } from './assign.js';

// The server's modules (Fastify, the database drivers) are loaded only by the commands that use
// them, so a pure command such as `assign` starts quickly and never opens a database.
const serverMain = () => import('../server/main.js');
const dbMigrate = () => import('../server/db/migrate.js');

const HELP = `eerstethuis — Housing First-platform

Gebruik / usage:
  eerstethuis serve          start de server (UI en API) / start the server
  eerstethuis migrate        voer databasemigraties uit / run database migrations
  eerstethuis seed --demo    maak de demoregio aan / create the demo region
  eerstethuis purge [--dry-run]  verwijder persoonsgegevens na de bewaartermijn / remove personal data past retention
  eerstethuis audit verify   controleer de hashketen van het auditlogboek / verify the audit chain
  eerstethuis snapshots take [--date JJJJ-MM-DD]  maandelijkse momentopname van de voortgangsrapportage
  eerstethuis offers tick [--date JJJJ-MM-DD]  dagelijkse ronde: herinneringen, escalaties, verlopen
                             aanbiedingen en uitvragen / daily run of offer and call deadlines
  eerstethuis due-work tick [--date JJJJ-MM-DD]  meldingen over te doen werk: evaluaties, open
                             meldingen, tranchedeadlines / notify due work
  eerstethuis outbox send    verstuur de uitgaande post via SMTP_URL (MAIL_FROM) / send queued mail
  eerstethuis backup FILE    schrijf een volledige back-up (gzip) / write a full backup
  eerstethuis restore FILE [--force]  zet een back-up terug in een lege database (--force:
                             overschrijf een gevulde) / restore a backup into an empty database
  eerstethuis generate --regions N --participants N [--seed N] [--append]
                             bouw een synthetische landelijke dataset / build a synthetic
                             national data set (docs/scaling.md)
  eerstethuis assign FILE    los een toewijzingsprobleem op (OR-Library-formaat) en druk
                             de optimale kosten en de toewijzing af / solve an assignment
                             problem (OR-Library format), print its optimal cost and pairs
  eerstethuis help           deze tekst / this text

Omgeving / environment: PORT, DATA_DIR, DATABASE_URL, NODE_ENV, SMTP_URL, MAIL_FROM (zie README).`;

async function withDatabase(fn: (db: Database) => Promise<void>) {
  const config = loadConfig();
  const { openDatabase } = await serverMain();
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
      await (await serverMain()).serve();
      return;
    case 'migrate':
      await withDatabase(async (db) => {
        const { migrate } = await dbMigrate();
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
        const [{ migrate }, { seedDemo }] = await Promise.all([dbMigrate(), import('../server/db/seed/demo.js')]);
        await migrate(db);
        const r = await seedDemo(db);
        console.log(r.units ? `Demoregio aangemaakt: ${r.units} woningen, ${r.users} accounts` : 'Demoregio bestond al / demo region already present');
      });
      return;
    }
    case 'purge': {
      const dryRun = rest.includes('--dry-run');
      await withDatabase(async (db) => {
        const { purgeExpired } = await import('../server/domain/privacy/privacy.service.js');
        const r = await purgeExpired(db, { dryRun });
        const verb = dryRun ? 'Zou verwijderen / would remove' : 'Verwijderd / removed';
        console.log(`${verb}: persoonsgegevens van ${r.participants.length} afgesloten dossiers, ${r.importRows} importregels, ${r.drafts} concepten`);
        for (const p of r.participants) console.log(`  ${p.code}`);
      });
      return;
    }
    case 'audit': {
      if (rest[0] !== 'verify') {
        console.error('Gebruik / usage: eerstethuis audit verify');
        process.exit(2);
      }
      let broken = 0;
      await withDatabase(async (db) => {
        const { verifyAudit } = await import('../server/domain/audit/audit.service.js');
        const result = await verifyAudit(db);
        for (const b of result.broken) console.error(`regio ${b.regionId}, rij ${b.seq}: ${b.reason}`);
        broken = result.broken.length;
        console.log(
          broken
            ? `Auditketen VERBROKEN: ${broken} fout(en) in ${result.rows} rijen / audit chain BROKEN`
            : `Auditketen in orde: ${result.rows} rijen in ${result.regions} regio's / audit chain intact`,
        );
      });
      if (broken) process.exit(1);
      return;
    }
    case 'offers': {
      // `eerstethuis offers tick [--date YYYY-MM-DD]`: the daily run a scheduler (cron) starts —
      // reminders, escalations and expiry of offers, reminders and closing of broad calls.
      const dateAt = rest.indexOf('--date');
      const on = dateAt >= 0 ? rest[dateAt + 1] : undefined;
      if (rest[0] !== 'tick' || (dateAt >= 0 && !/^\d{4}-\d{2}-\d{2}$/.test(on ?? ''))) {
        console.error('Gebruik / usage: eerstethuis offers tick [--date JJJJ-MM-DD]');
        process.exit(2);
      }
      await withDatabase(async (db) => {
        const { tick } = await import('../server/domain/offers/offers.tick.js');
        const r = await tick(db, { on });
        console.log(
          `${r.date}: ${r.reminded} herinnering(en), ${r.escalated} escalatie(s), ${r.expired} verlopen aanbieding(en); ` +
            `uitvragen: ${r.calls.reminded} herinnering(en), ${r.calls.closed} gesloten / reminders, escalations, expired; calls reminded, closed`,
        );
      });
      return;
    }
    case 'snapshots': {
      // `eerstethuis snapshots take [--date YYYY-MM-DD]`: the monthly run — records last month's
      // progress report of every programme as it is known now (a month recorded before stays).
      const dateAt = rest.indexOf('--date');
      const on = dateAt >= 0 ? rest[dateAt + 1] : undefined;
      if (rest[0] !== 'take' || (dateAt >= 0 && !/^\d{4}-\d{2}-\d{2}$/.test(on ?? ''))) {
        console.error('Gebruik / usage: eerstethuis snapshots take [--date JJJJ-MM-DD]');
        process.exit(2);
      }
      await withDatabase(async (db) => {
        const { snapshotAll } = await import('../server/domain/reports/reports.snapshots.js');
        const { today } = await import('../shared/dates.js');
        const r = await snapshotAll(db, on ?? today());
        console.log(`Momentopnamen / snapshots: ${r.created} nieuw / new, ${r.programmes} programma('s) / programme(s)`);
      });
      return;
    }
    case 'due-work': {
      // `eerstethuis due-work tick [--date YYYY-MM-DD]`: the daily due-work scan (cron), each
      // alert once per subject and due date.
      const dateAt = rest.indexOf('--date');
      const on = dateAt >= 0 ? rest[dateAt + 1] : undefined;
      if (rest[0] !== 'tick' || (dateAt >= 0 && !/^\d{4}-\d{2}-\d{2}$/.test(on ?? ''))) {
        console.error('Gebruik / usage: eerstethuis due-work tick [--date JJJJ-MM-DD]');
        process.exit(2);
      }
      await withDatabase(async (db) => {
        const [{ runDueWork }, { today }] = await Promise.all([import('../server/domain/dueWork/dueWork.service.js'), import('../shared/dates.js')]);
        const r = await runDueWork(db, on ?? today());
        console.log(
          `${r.date}: ${r.guidanceReviews} evaluatie(s), ${r.incidents} open melding(en), ${r.trancheDeadlines} tranchedeadline(s) gemeld / ` +
            'guidance reviews, open incidents, tranche deadlines notified',
        );
      });
      return;
    }
    case 'outbox': {
      // `eerstethuis outbox send`: hands the unsent outbox to SMTP_URL (from MAIL_FROM), e.g. every
      // minute from a scheduler. Without SMTP_URL the mail stays in the outbox (the demo mail viewer).
      const smtpUrl = process.env.SMTP_URL;
      if (rest[0] !== 'send' || !smtpUrl) {
        console.error('Gebruik / usage: SMTP_URL=smtp(s)://… [MAIL_FROM=…] eerstethuis outbox send');
        process.exit(2);
      }
      await withDatabase(async (db) => {
        const { sendOutbox } = await import('../server/domain/notifications/notifications.smtp.js');
        const r = await sendOutbox(db, smtpUrl, process.env.MAIL_FROM ?? 'noreply@eerstethuis.nl');
        console.log(`Verstuurd / sent: ${r.sent}; nog in de wachtrij / still queued: ${r.pending}`);
      });
      return;
    }
    case 'backup':
    case 'restore': {
      // `eerstethuis backup FILE` / `eerstethuis restore FILE [--force]`: see src/server/db/backup.ts
      // and docs/operations.md.
      const file = rest.find((a) => !a.startsWith('--'));
      if (!file) {
        console.error(`Gebruik / usage: eerstethuis ${command} FILE${command === 'restore' ? ' [--force]' : ''}`);
        process.exit(2);
      }
      const { backupDatabase, restoreDatabase, BackupError } = await import('../server/db/backup.js');
      const progress = (name: string, rows: number) => process.stderr.write(`  ${name}: ${rows}\n`);
      try {
        await withDatabase(async (db) => {
          if (command === 'backup') {
            const r = await backupDatabase(db, file, { onTable: progress });
            console.log(`Back-up geschreven / backup written: ${file} (${r.tables} tabellen, ${r.rows} rijen)`);
          } else {
            const r = await restoreDatabase(db, file, { force: rest.includes('--force'), onTable: progress });
            console.log(`Teruggezet / restored: ${r.tables} tabellen, ${r.rows} rijen uit een back-up van ${r.header.createdAt} (${r.header.source})`);
          }
        });
      } catch (err) {
        if (err instanceof BackupError) {
          console.error(err.message);
          process.exit(1);
        }
        throw err;
      }
      return;
    }
    case 'generate': {
      // `eerstethuis generate --regions 40 --participants 200000 [--seed 1] [--append]`: see
      // src/server/db/generate/ and docs/scaling.md. A load-test data set, never for production.
      const { generateCommand } = await import('./generate.js');
      const code = await generateCommand(rest, withDatabase);
      if (code !== 0) process.exit(code);
      return;
    }
    case 'assign': {
      const code = assignCommand(rest);
      if (code !== 0) process.exit(code);
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

main(process.argv.slice(2)).catch(async (err) => {
  // Only a command that opened the database can fail with DataDirLockedError; importing the
  // class here, on the error path, keeps the database modules out of the other commands.
  const { DataDirLockedError } = await import('../server/db/client.js');
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
});
