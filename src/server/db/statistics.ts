import type { Database } from './client.js';

/**
 * Keeps the planner's statistics fresh. PGlite has no autovacuum at all, and a PostgreSQL server
 * may run with autovacuum off (this machine's does): without statistics the planner takes a
 * grown table for an empty one and picks nested loops that turn a 1 ms query into seconds. So
 * after every `every` acknowledged writes the app runs ANALYZE once, in the background, never
 * two at a time. With autovacuum on this is a cheap extra.
 */
export function statisticsKeeper(database: Database, every = 250): { noteWrite(): void; idle(): Promise<void> } {
  let writes = 0;
  let running: Promise<void> | null = null;
  return {
    noteWrite() {
      writes += 1;
      if (writes < every || running) return;
      writes = 0;
      running = database
        .query('ANALYZE')
        .then(() => undefined, () => undefined) // statistics are an optimisation: a failed run changes nothing
        .finally(() => {
          running = null;
        });
    },
    /** Resolves when no ANALYZE runs (the app waits for it before closing the database). */
    async idle() {
      await running;
    },
  };
}
