import { REALISED_STATUSES, type UnitStatus } from '../../../shared/enums.js';

/** A unit as the counter sees it: where it is and to whom it belongs. */
export interface CounterUnit {
  id: string;
  municipalityId: string;
  form: string;
  trancheId: string | null;
  /** Partner organisations: the pledge's partners plus the location's corporation and provider. */
  partnerIds: string[];
}

/** One status event; `seq` orders events recorded on the same date. */
export interface CounterEvent {
  unitId: string;
  status: UnitStatus;
  effectiveDate: string;
  seq: number;
}

export interface Tally {
  realised: number;
  pipeline: number;
}

export interface CounterResult extends Tally {
  date: string;
  ambition: number;
  byMunicipality: Map<string, Tally>;
  byPartner: Map<string, Tally>;
  byForm: Map<string, Tally>;
  byTranche: Map<string | null, Tally>;
}

/**
 * The status of every unit on `date`: its last event on or before that date (ties broken by
 * recording order). Units without an event by then did not exist yet and are absent.
 * `events` must be sorted by effectiveDate, then seq.
 */
export function statusOn(events: CounterEvent[], date: string): Map<string, UnitStatus> {
  const status = new Map<string, UnitStatus>();
  for (const e of events) {
    if (e.effectiveDate > date) break;
    status.set(e.unitId, e.status);
  }
  return status;
}

const REALISED = new Set<UnitStatus>(REALISED_STATUSES);

/**
 * The programme counter on a date, computed from the status history alone:
 * realised = units with status location_found or later (not withdrawn), pipeline = pledged,
 * ambition = realised + pipeline. Broken down by municipality, partner, form and tranche.
 */
export function computeCounter(units: CounterUnit[], events: CounterEvent[], date: string): CounterResult {
  const status = statusOn(events, date);
  const result: CounterResult = {
    date,
    realised: 0,
    pipeline: 0,
    ambition: 0,
    byMunicipality: new Map(),
    byPartner: new Map(),
    byForm: new Map(),
    byTranche: new Map(),
  };
  const add = <K>(map: Map<K, Tally>, key: K, field: keyof Tally) => {
    const t = map.get(key) ?? { realised: 0, pipeline: 0 };
    t[field] += 1;
    map.set(key, t);
  };
  for (const u of units) {
    const s = status.get(u.id);
    if (!s) continue;
    const field: keyof Tally | null = REALISED.has(s) ? 'realised' : s === 'pledged' ? 'pipeline' : null;
    if (!field) continue;
    result[field] += 1;
    add(result.byMunicipality, u.municipalityId, field);
    add(result.byForm, u.form, field);
    add(result.byTranche, u.trancheId, field);
    for (const p of new Set(u.partnerIds)) add(result.byPartner, p, field);
  }
  result.ambition = result.realised + result.pipeline;
  return result;
}

/** The last day of every month from `from` to `to`, with `to` itself as the last point. */
export function monthEnds(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (last >= to) break;
    out.push(last);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  out.push(to);
  return out;
}
