import type { IncidentSeverity, NeighbourhoodSignal } from './neighbourhood.schema.js';

export interface OpenIncident {
  severity: IncidentSeverity;
  /** Days the incident has been open on the reference day. */
  ageDays: number;
}

/**
 * How a building is doing, from its open incidents (closed ones are history, not a signal):
 *
 * - `concern`: an open high-severity incident older than the alert days, or two or more open
 *   high-severity incidents;
 * - `attention`: any open high-severity incident, any open incident older than the alert days,
 *   or three or more open incidents;
 * - `calm`: otherwise.
 *
 * "Older than" means strictly more than `alertDays` days (the programme's incident_alert_days,
 * 14 by default), the same threshold the due-work notification uses.
 */
export function neighbourhoodSignal(open: readonly OpenIncident[], alertDays: number): NeighbourhoodSignal {
  const high = open.filter((i) => i.severity === 'high');
  const overdue = open.filter((i) => i.ageDays > alertDays);
  if (high.some((i) => i.ageDays > alertDays) || high.length >= 2) return 'concern';
  if (high.length > 0 || overdue.length > 0 || open.length >= 3) return 'attention';
  return 'calm';
}

/** Whole days from `from` to `to` (ISO dates), never negative. */
export function daysBetween(from: string, to: string): number {
  const d = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, d);
}

/** The twelve months ending with the month of `on`, oldest first, as 'YYYY-MM'. */
export function lastTwelveMonths(on: string): string[] {
  const y = Number(on.slice(0, 4));
  const m = Number(on.slice(5, 7));
  const out: string[] = [];
  for (let k = 11; k >= 0; k--) {
    const total = y * 12 + (m - 1) - k;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}
