import type { UnitStatus } from '../../../shared/enums.js';

/**
 * Pure tranche arithmetic (docs/tranches.md): capacity on a date, which tranche a home belonged
 * to on a date, whether it was used, and what a year-end rollover would move. The service loads
 * the rows; everything here is recomputable for any past date from the events.
 */

/** Statuses in which a home's place is used: someone was offered it or lives there. */
export const USED_STATUSES: readonly UnitStatus[] = ['allocated', 'occupied'];

export interface TrancheFacts {
  id: string;
  number: number;
  /** The original (contracted) capacity; every later change is a capacity event. */
  capacity: number;
}

export interface CapacityEvent {
  trancheId: string;
  effectiveDate: string;
  delta: number;
}

export interface UnitFacts {
  id: string;
  /** The tranche now (after every confirmed rollover). */
  trancheId: string | null;
  status: UnitStatus;
}

export interface StatusEvent {
  unitId: string;
  status: UnitStatus;
  effectiveDate: string;
  seq: number;
}

export interface RolloverFacts {
  fromTrancheId: string;
  toTrancheId: string;
  cutoffDate: string;
  unitIds: readonly string[];
}

/** The day after `iso`: a rollover at the 31 December cutoff takes effect on 1 January. */
export const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Capacity of a tranche on a date: the original capacity plus the changes effective by then. */
export function capacityOn(t: TrancheFacts, events: readonly CapacityEvent[], date: string): number {
  let c = t.capacity;
  for (const e of events) if (e.trancheId === t.id && e.effectiveDate <= date) c += e.delta;
  return c;
}

/**
 * The tranche a home belonged to on a date. Its current tranche, walked back through the
 * confirmed rollovers that moved it (latest first): on or before a rollover's cutoff it was still
 * in the tranche it left.
 */
export function trancheOn(unit: UnitFacts, rollovers: readonly RolloverFacts[], date: string): string | null {
  let t = unit.trancheId;
  const latestFirst = [...rollovers].sort((a, b) => b.cutoffDate.localeCompare(a.cutoffDate));
  for (const r of latestFirst) {
    if (date <= r.cutoffDate && t === r.toTrancheId && r.unitIds.includes(unit.id)) t = r.fromTrancheId;
  }
  return t;
}

/** Events per unit in order (date, then recording order). */
export function eventsByUnit(events: readonly StatusEvent[]): Map<string, StatusEvent[]> {
  const m = new Map<string, StatusEvent[]>();
  for (const e of [...events].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.seq - b.seq)) {
    const list = m.get(e.unitId);
    if (list) list.push(e);
    else m.set(e.unitId, [e]);
  }
  return m;
}

/** A home's status on a date (null: it did not exist yet). */
export function statusOn(events: readonly StatusEvent[] | undefined, date: string): UnitStatus | null {
  let s: UnitStatus | null = null;
  for (const e of events ?? []) {
    if (e.effectiveDate > date) break;
    s = e.status;
  }
  return s;
}

/** Whether a home was ever allocated or occupied on or before a date. */
export function usedBy(events: readonly StatusEvent[] | undefined, date: string): boolean {
  return (events ?? []).some((e) => e.effectiveDate <= date && USED_STATUSES.includes(e.status));
}

export interface UsagePoint {
  date: string;
  capacity: number;
  /** Homes of the tranche allocated or occupied on the date. */
  used: number;
  /** Homes (not withdrawn) that belonged to the tranche on the date. */
  units: number;
}

/** Capacity and use of every tranche on every date. */
export function usageSeries(
  tranches: readonly TrancheFacts[],
  capacityEvents: readonly CapacityEvent[],
  units: readonly UnitFacts[],
  events: readonly StatusEvent[],
  rollovers: readonly RolloverFacts[],
  dates: readonly string[],
): Map<string, UsagePoint[]> {
  const byUnit = eventsByUnit(events);
  const out = new Map<string, UsagePoint[]>(tranches.map((t) => [t.id, []]));
  for (const date of dates) {
    const used = new Map<string, number>();
    const count = new Map<string, number>();
    for (const u of units) {
      const s = statusOn(byUnit.get(u.id), date);
      if (!s || s === 'withdrawn') continue;
      const t = trancheOn(u, rollovers, date);
      if (!t) continue;
      count.set(t, (count.get(t) ?? 0) + 1);
      if (USED_STATUSES.includes(s)) used.set(t, (used.get(t) ?? 0) + 1);
    }
    for (const t of tranches) {
      out.get(t.id)!.push({ date, capacity: capacityOn(t, capacityEvents, date), used: used.get(t.id) ?? 0, units: count.get(t.id) ?? 0 });
    }
  }
  return out;
}

export interface RolloverPlan {
  capacityAtCutoff: number;
  /** Homes of the tranche allocated or occupied at some point up to the cutoff. */
  usedCount: number;
  /** Capacity that moves: what was not used (never negative). */
  places: number;
  /** Homes that move: in the tranche now, never used by the cutoff, not withdrawn. */
  unitIds: string[];
  /** Places that move without a home (capacity beyond the tranche's homes). */
  unassignedPlaces: number;
}

/**
 * What a year-end rollover moves (the rule of seed 000: places of the first tranche not used by
 * 31 December go to the second). Capacity moves for every place not used by the cutoff; the
 * homes that move are the tranche's homes never allocated or occupied by the cutoff, withdrawn
 * homes excepted (now or at the cutoff). Used homes stay, also when vacated later.
 */
export function planRollover(
  tranche: TrancheFacts,
  capacityEvents: readonly CapacityEvent[],
  units: readonly UnitFacts[],
  events: readonly StatusEvent[],
  cutoffDate: string,
): RolloverPlan {
  const byUnit = eventsByUnit(events);
  const capacityAtCutoff = capacityOn(tranche, capacityEvents, cutoffDate);
  let usedCount = 0;
  const unitIds: string[] = [];
  for (const u of units) {
    if (u.trancheId !== tranche.id) continue;
    const ev = byUnit.get(u.id);
    if (usedBy(ev, cutoffDate)) {
      usedCount += 1;
      continue;
    }
    if (u.status === 'withdrawn' || statusOn(ev, cutoffDate) === 'withdrawn') continue;
    unitIds.push(u.id);
  }
  const places = Math.max(0, capacityAtCutoff - usedCount);
  return { capacityAtCutoff, usedCount, places, unitIds, unassignedPlaces: Math.max(0, places - unitIds.length) };
}
