import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { programmes, regions, reviewMoments } from '../../db/schema/index.js';
import { rows } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import type { HousingForm, OrganisationKind, UnitStatus } from '../../../shared/enums.js';
import { computeCounter, monthEnds, type CounterEvent, type CounterUnit } from '../counter/counter.js';

const programmeNotFound = () =>
  notFound({ nl: 'Dit programma bestaat niet.', en: 'This programme does not exist.' });

const programmeColumns = {
  id: programmes.id,
  name: programmes.name,
  regionId: programmes.regionId,
  regionName: regions.name,
  periodStart: programmes.periodStart,
  periodEnd: programmes.periodEnd,
  target: programmes.target,
  budgetCents: programmes.budgetCents,
};

/** Every programme (public: a programme's existence and counter are aggregate information). */
export async function listProgrammes(tx: Tx, q: { limit: number; cursor?: string }) {
  const after = requireCursor(q.cursor, 1);
  const list = await tx
    .select(programmeColumns)
    .from(programmes)
    .innerJoin(regions, eq(regions.id, programmes.regionId))
    .where(after ? gt(programmes.id, String(after[0])) : undefined)
    .orderBy(asc(programmes.id))
    .limit(q.limit + 1);
  const page = list.slice(0, q.limit);
  return { items: page, nextCursor: list.length > q.limit ? encodeCursor([page.at(-1)!.id]) : null };
}

/** One programme with its review moments; 404 when unknown. */
export async function getProgramme(tx: Tx, id: string) {
  const [p] = await tx
    .select(programmeColumns)
    .from(programmes)
    .innerJoin(regions, eq(regions.id, programmes.regionId))
    .where(eq(programmes.id, id));
  if (!p) throw programmeNotFound();
  const moments = await tx
    .select()
    .from(reviewMoments)
    .where(eq(reviewMoments.programmeId, id))
    .orderBy(asc(reviewMoments.date));
  return { ...p, reviewMoments: moments };
}

interface CounterInput {
  programme: { id: string; regionId: string; target: number; periodStart: string };
  units: CounterUnit[];
  events: CounterEvent[];
  names: {
    municipalities: Map<string, string>;
    organisations: Map<string, { name: string; kind: OrganisationKind }>;
    tranches: Map<string, { name: string; capacity: number; number: number }>;
  };
}

/**
 * Loads what the counter needs for a programme in four queries, whatever its size. With `onDate`
 * only each unit's last event on or before that date is read (all the counter of one date needs;
 * far less to send at national scale); without it the whole history, for month-by-month figures.
 */
async function loadCounterInput(tx: Tx, programmeId: string, onDate?: string): Promise<CounterInput> {
  const [programme] = await tx
    .select({ id: programmes.id, regionId: programmes.regionId, target: programmes.target, periodStart: programmes.periodStart })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  if (!programme) throw programmeNotFound();
  const units = await rows<{ id: string; municipality_id: string; form: HousingForm; tranche_id: string | null; partner_ids: string[] | null }>(
    tx,
    sql`SELECT u.id, u.municipality_id, u.form, u.tranche_id,
               ARRAY(SELECT pp.organisation_id FROM pledge_partners pp
                      WHERE pp.region_id = u.region_id AND pp.pledge_id = u.pledge_id)
               || array_remove(ARRAY[l.corporation_id, l.provider_id], NULL) AS partner_ids
          FROM units u LEFT JOIN locations l ON l.region_id = u.region_id AND l.id = u.location_id
         WHERE u.region_id = ${programme.regionId} AND u.programme_id = ${programmeId}`,
  );
  const events = await rows<{ unit_id: string; status: UnitStatus; effective_date: string; seq: number }>(
    tx,
    onDate
      ? sql`SELECT * FROM (
              SELECT DISTINCT ON (e.unit_id) e.unit_id, e.status, e.effective_date, e.seq
                FROM unit_status_events e JOIN units u ON u.region_id = e.region_id AND u.id = e.unit_id
               WHERE e.region_id = ${programme.regionId} AND u.programme_id = ${programmeId} AND e.effective_date <= ${onDate}
               ORDER BY e.unit_id, e.effective_date DESC, e.seq DESC) last
            ORDER BY effective_date, seq`
      : sql`SELECT e.unit_id, e.status, e.effective_date, e.seq
              FROM unit_status_events e JOIN units u ON u.region_id = e.region_id AND u.id = e.unit_id
             WHERE e.region_id = ${programme.regionId} AND u.programme_id = ${programmeId}
             ORDER BY e.effective_date, e.seq`,
  );
  const names = await rows<{ kind: string; id: string; name: string; org_kind: OrganisationKind | null; capacity: number | null; number: number | null }>(
    tx,
    sql`SELECT 'm' AS kind, id, name, NULL AS org_kind, NULL::int AS capacity, NULL::int AS number FROM municipalities WHERE region_id = ${programme.regionId}
        UNION ALL SELECT 'o', id, name, kind, NULL, NULL FROM organisations WHERE region_id = ${programme.regionId}
        UNION ALL SELECT 't', id, name, NULL, capacity, number FROM tranches WHERE region_id = ${programme.regionId} AND programme_id = ${programmeId}`,
  );
  const input: CounterInput = {
    programme,
    units: units.map((u) => ({
      id: u.id,
      municipalityId: u.municipality_id,
      form: u.form,
      trancheId: u.tranche_id,
      partnerIds: u.partner_ids ?? [],
    })),
    events: events.map((e) => ({ unitId: e.unit_id, status: e.status, effectiveDate: String(e.effective_date), seq: Number(e.seq) })),
    names: { municipalities: new Map(), organisations: new Map(), tranches: new Map() },
  };
  for (const n of names) {
    if (n.kind === 'm') input.names.municipalities.set(n.id, n.name);
    else if (n.kind === 'o') input.names.organisations.set(n.id, { name: n.name, kind: n.org_kind! });
    else input.names.tranches.set(n.id, { name: n.name, capacity: n.capacity ?? 0, number: n.number ?? 0 });
  }
  return input;
}

function shapeCounter(input: CounterInput, date: string) {
  const c = computeCounter(input.units, input.events, date);
  const { names } = input;
  return {
    date,
    target: input.programme.target,
    ambition: c.ambition,
    realised: c.realised,
    pipeline: c.pipeline,
    byMunicipality: [...c.byMunicipality]
      .map(([id, t]) => ({ municipalityId: id, municipality: names.municipalities.get(id) ?? '?', ...t }))
      .sort((a, b) => b.realised + b.pipeline - (a.realised + a.pipeline) || a.municipality.localeCompare(b.municipality)),
    byPartner: [...c.byPartner]
      .filter(([id]) => names.organisations.has(id))
      .map(([id, t]) => ({
        organisationId: id,
        organisation: names.organisations.get(id)!.name,
        kind: names.organisations.get(id)!.kind,
        ...t,
      }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.organisation.localeCompare(b.organisation)),
    byForm: [...c.byForm].map(([form, t]) => ({ form: form as HousingForm, ...t })).sort((a, b) => a.form.localeCompare(b.form)),
    byTranche: [...c.byTranche]
      .map(([id, t]) => {
        const tr = id ? names.tranches.get(id) : undefined;
        return { trancheId: id, tranche: tr?.name ?? null, capacity: tr?.capacity ?? null, number: tr?.number ?? 99, ...t };
      })
      .sort((a, b) => a.number - b.number)
      .map(({ number: _n, ...rest }) => rest),
  };
}

/** The counter of a programme on a date (default today). */
export async function counterOn(tx: Tx, programmeId: string, date: string) {
  return shapeCounter(await loadCounterInput(tx, programmeId, date), date);
}

/** The counter at the end of every month from `from` (default: programme start) to `to` (default: today). */
export async function counterHistory(tx: Tx, programmeId: string, q: { from?: string; to?: string }, today: string) {
  const input = await loadCounterInput(tx, programmeId);
  const from = q.from ?? input.programme.periodStart;
  const to = q.to ?? today;
  if (from > to) return { items: [] };
  return {
    items: monthEnds(from, to).map((date) => {
      const c = computeCounter(input.units, input.events, date);
      return { date, realised: c.realised, pipeline: c.pipeline, ambition: c.ambition, target: input.programme.target };
    }),
  };
}
