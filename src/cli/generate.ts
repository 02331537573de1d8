import { loadConfig } from '../server/config.js';
import type { Database } from '../server/db/client.js';

const USAGE = 'Gebruik / usage: eerstethuis generate --regions N --participants N [--seed N] [--append]';

/** A one-line progress bar on stderr (redrawn in place on a terminal; otherwise a line per region and per 5 %). */
function progressBar() {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let lastRegion = 0;
  let lastShare = 0;
  return (p: { region: number; regions: number; participantsDone: number; participantsTotal: number; rows: number }) => {
    const share = p.participantsTotal ? p.participantsDone / p.participantsTotal : 0;
    const secs = ((performance.now() - started) / 1000).toFixed(0);
    const line = `regio ${p.region}/${p.regions}  deelnemers ${p.participantsDone}/${p.participantsTotal}  rijen ${p.rows}  ${secs} s`;
    if (tty) {
      const width = 30;
      const done = Math.round(share * width);
      process.stderr.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${(share * 100).toFixed(0).padStart(3)}%  ${line}   `);
    } else if (p.region !== lastRegion || share - lastShare >= 0.05) {
      lastRegion = p.region;
      lastShare = share;
      process.stderr.write(`${line}\n`);
    }
  };
}

function intOption(args: string[], name: string, fallback?: number): number | undefined {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const v = Number(args[at + 1]);
  return Number.isInteger(v) && v >= 0 ? v : NaN;
}

/** `eerstethuis generate`: parses the options, generates, prints the totals and the time taken. */
export async function generateCommand(args: string[], withDatabase: (fn: (db: Database) => Promise<void>) => Promise<void>): Promise<number> {
  const regions = intOption(args, '--regions');
  const participants = intOption(args, '--participants');
  const seed = intOption(args, '--seed', 1);
  if (!regions || !participants || seed === undefined || Number.isNaN(seed) || Number.isNaN(regions) || Number.isNaN(participants) || participants < regions * 20) {
    console.error(`${USAGE}\n(--regions ≥ 1, --participants ≥ 20 per regio / per region)`);
    return 2;
  }
  if (loadConfig().nodeEnv === 'production') {
    console.error('Synthetische data worden nooit in productie aangemaakt. / Synthetic data are never created in production.');
    return 1;
  }
  const [{ migrate }, { generateNational, GenerateRefused, GENERATE_PASSWORD, generatedEmail }] = await Promise.all([
    import('../server/db/migrate.js'),
    import('../server/db/generate/generate.js'),
  ]);
  let code = 0;
  await withDatabase(async (db) => {
    await migrate(db);
    try {
      const r = await generateNational(db, { regions, participants, seed, append: args.includes('--append'), onProgress: progressBar() });
      if (process.stderr.isTTY) process.stderr.write('\n');
      const counts = Object.entries(r.counts).map(([t, n]) => `  ${t.padEnd(28)} ${String(n).padStart(10)}`);
      console.log([
        `Synthetische data / synthetic data: ${r.regions.length} regio's, ${r.rows} rijen in ${(r.ms / 1000).toFixed(1)} s (seed ${seed})`,
        ...counts,
        `Controlegetal / checksum: ${r.checksum}`,
        `Inloggen / log in: ${generatedEmail(r.regions[0].code, 'office')} (en / and office@…, care1@…, corporation@…) — wachtwoord / password: ${GENERATE_PASSWORD}`,
      ].join('\n'));
    } catch (err) {
      if (err instanceof GenerateRefused) {
        console.error(err.message);
        code = 1;
        return;
      }
      throw err;
    }
  });
  return code;
}
