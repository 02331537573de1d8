import crypto from 'node:crypto';

/** How dates leave in a research export: shifted per person (intervals kept) or coarsened to months. */
export type DateMode = 'shift' | 'month';

/** A fresh key for one export: it never leaves the process and is never stored, so two exports cannot be linked. */
export const newExportKey = (): Buffer => crypto.randomBytes(32);

/** The pseudonym of a record id under an export's key: HMAC-SHA-256, 16 hex characters. */
export function pseudonym(key: Buffer, id: string): string {
  return `R${crypto.createHmac('sha256', key).update(`id:${id}`).digest('hex').slice(0, 16)}`;
}

/**
 * The per-person date shift in days, between −182 and +182 and never 0, derived from the key:
 * every date of one person moves by the same amount, so durations stay exact while calendar
 * dates no longer point at a person.
 */
export function shiftDays(key: Buffer, participantId: string): number {
  const n = crypto.createHmac('sha256', key).update(`shift:${participantId}`).digest().readUInt32BE(0);
  const d = (n % 364) - 182; // −182 … +181
  return d >= 0 ? d + 1 : d; // skip 0: −182 … −1, 1 … 182
}

/** A date as it leaves the export: shifted by `shift` days, or as `YYYY-MM`; null stays null. */
export function exportDate(date: string | null, mode: DateMode, shift: number): string | null {
  if (!date) return null;
  if (mode === 'month') return date.slice(0, 7);
  const t = Date.parse(`${date}T00:00:00Z`) + shift * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Small-cell protection (k-anonymity over the quasi-identifiers): rows whose combination of
 * quasi-identifiers is shared by fewer than `k` people are generalised step by step — the
 * columns in `steps` are replaced by '*' in order, regrouping after each step — until every
 * combination holds at least `k` rows or nothing is left to generalise. Returns the rows (new
 * objects) and how many rows had at least one value generalised.
 */
export function generaliseSmallCells<T extends Record<string, string | number | null>>(
  input: readonly T[],
  quasi: readonly (keyof T & string)[],
  steps: readonly (keyof T & string)[][],
  k = 5,
): { rows: T[]; generalised: number } {
  const out = input.map((r) => ({ ...r }));
  const touched = new Set<number>();
  const keyOf = (r: T) => quasi.map((q) => String(r[q])).join('\u0001');
  for (const step of [[] as (keyof T & string)[], ...steps]) {
    if (step.length) {
      const counts = new Map<string, number>();
      for (const r of out) counts.set(keyOf(r), (counts.get(keyOf(r)) ?? 0) + 1);
      out.forEach((r, i) => {
        if ((counts.get(keyOf(r)) ?? 0) >= k) return;
        for (const col of step) (r as Record<string, string | number | null>)[col] = '*';
        touched.add(i);
      });
    }
  }
  return { rows: out, generalised: touched.size };
}

/** True when every combination of the quasi-identifiers holds at least `k` rows. */
export function isKAnonymous<T extends Record<string, string | number | null>>(rows: readonly T[], quasi: readonly (keyof T & string)[], k = 5): boolean {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = quasi.map((q) => String(r[q])).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()].every((n) => n >= k);
}
