import type { Database } from '../client.js';
import { hashPassword } from '../../domain/session/session.service.js';
import { BulkWriter, type Table } from './bulk.js';

type Run = (sql: string, params?: unknown[]) => Promise<unknown[]>;
import { REGION_CENTRES } from './names.js';
import { GENERATE_PASSWORD, writeRegion } from './region.js';

export { GENERATE_PASSWORD, generatedEmail } from './region.js';

export interface GenerateOptions {
  regions: number;
  /** Participants over all regions together. */
  participants: number;
  seed?: number;
  /** Add the regions to a database that already holds data (after the synthetic regions in it). */
  append?: boolean;
  /** Rows per INSERT statement. */
  batchSize?: number;
  onProgress?: (p: GenerateProgress) => void;
}

export interface GenerateProgress {
  region: number;
  regions: number;
  participantsDone: number;
  participantsTotal: number;
  rows: number;
}

export interface GenerateResult {
  regions: { code: string; participants: number }[];
  counts: Partial<Record<Table, number>>;
  rows: number;
  checksum: string;
  ms: number;
}

/** The database already holds data and --append was not given. */
export class GenerateRefused extends Error {}

/**
 * How the participants are spread over the regions: like the Dutch regions, a few big ones and a
 * long tail (Zipf-like weights 1/rank^0.7: with 40 regions the biggest holds about 14 %, the
 * smallest about 1 %). At least 20 per region.
 */
export function regionSizes(regions: number, participants: number): number[] {
  const w = Array.from({ length: regions }, (_, i) => 1 / (i + 1) ** 0.7);
  const total = w.reduce((a, b) => a + b, 0);
  const sizes = w.map((x) => Math.max(20, Math.floor((participants * x) / total)));
  // Hand the rounding remainder to the biggest regions so the total is exact (when it can be).
  let rest = participants - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % regions, rest--) sizes[i] += 1;
  return sizes;
}

/**
 * Builds a synthetic national data set straight into the database (docs/scaling.md): `regions`
 * regions with `participants` participants between them, everything derived from `seed`.
 * All or nothing: one transaction. Refuses a database that already holds a region unless
 * `append` (then the new regions are numbered after the synthetic regions already there).
 */
export async function generateNational(database: Database, opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const seed = opts.seed ?? 1;
  const [{ n: existing }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
  if (existing > 0 && !opts.append) {
    throw new GenerateRefused(
      `De database bevat al ${existing} regio('s); gebruik --append om synthetische regio's toe te voegen, of een lege database.\n` +
        `The database already holds ${existing} region(s); use --append to add synthetic regions, or an empty database.`,
    );
  }
  const [{ n: offset }] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM regions WHERE code LIKE 'GEN-%'`);
  const passwordHash = await hashPassword(GENERATE_PASSWORD);
  let result: Omit<GenerateResult, 'ms'> | null = null;
  await database.withSession(async (run) => {
    await run('BEGIN');
    try {
      result = await build(run, opts, seed, offset, passwordHash);
      await run('COMMIT');
    } catch (err) {
      await run('ROLLBACK');
      throw err;
    }
  });
  // Fresh statistics, so the first queries on the new data get sensible plans.
  await database.query('ANALYZE');
  return { ...(result as unknown as Omit<GenerateResult, 'ms'>), ms: performance.now() - started };
}

/**
 * The checksum `generateNational` would report for these options on an empty database, computed
 * without writing anything: a cheap way to check that the same seed gives the same data.
 */
export async function generateChecksum(opts: Omit<GenerateOptions, 'append' | 'onProgress'>): Promise<string> {
  const r = await build(async () => [], opts, opts.seed ?? 1, 0, 'not-hashed');
  return r.checksum;
}

async function build(run: Run, opts: GenerateOptions, seed: number, offset: number, passwordHash: string): Promise<Omit<GenerateResult, 'ms'>> {
  const sizes = regionSizes(opts.regions, opts.participants);
  const progress: GenerateProgress = { region: 0, regions: opts.regions, participantsDone: 0, participantsTotal: sizes.reduce((a, b) => a + b, 0), rows: 0 };
  const report = () => opts.onProgress?.({ ...progress });
  const out: GenerateResult['regions'] = [];
  const w = new BulkWriter(run, opts.batchSize ?? 4000, (rows) => {
    progress.rows += rows;
    report();
  });
  for (let i = 0; i < opts.regions; i++) {
    const index = offset + i;
    const code = `GEN-${String(index + 1).padStart(2, '0')}`;
    const centre = REGION_CENTRES[index % REGION_CENTRES.length];
    const name = index < REGION_CENTRES.length ? `Regio ${centre} (synthetisch)` : `Regio ${centre} ${Math.floor(index / REGION_CENTRES.length) + 1} (synthetisch)`;
    progress.region = i + 1;
    report();
    await writeRegion(w, { seed, index, code, name, participants: sizes[i], passwordHash }, (n) => {
      progress.participantsDone += n;
      report();
    });
    out.push({ code, participants: sizes[i] });
  }
  await w.flush();
  return { regions: out, counts: Object.fromEntries(w.counts), rows: w.total(), checksum: w.checksum() };
}
