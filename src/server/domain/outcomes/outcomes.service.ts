import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { recordAudit, actorOf } from '../audit/audit.service.js';
import { today } from '../../../shared/dates.js';
import type { OutcomeGroup } from '../../../shared/enums.js';
import { kaplanMeierFromCounts, survivalAt, type TimeCount } from './outcomes.survival.js';
import {
  addMonths,
  DEFAULT_RECOVERY_DEFINITION,
  isSmallCell,
  maskCount,
  NEGATIVE_EXITS,
  PERMANENT_EXITS,
  recoveryRate,
  returnsToHomelessness,
  type RecoveryDefinition,
  type RecoveryFacts,
  type ReturnHistory,
} from './outcomes.measures.js';
import { groupExpression, groupLabels, programmeOrNotFound } from './outcomes.groups.js';
import type { RecoveryDefinitionBody } from './outcomes.schema.js';

/** Retention is read at these horizons (months → days: 6 months = 183 days, 12 = 365, 24 = 730). */
export const RETENTION_HORIZONS = [
  { months: 6, days: 183 },
  { months: 12, days: 365 },
  { months: 24, days: 730 },
] as const;
/** The returns measure looks back two years from the date for first exits. */
export const RETURNS_LOOKBACK_DAYS = 730;

export interface DefinitionRow {
  id: string;
  version: number;
  min_housed_months: number;
  require_no_return: boolean;
  require_no_domain_at_one: boolean;
  goal_percent: string | number;
  note: string | null;
  created_by_name: string | null;
  created_at: string;
}

/** The programme's recovery definitions, newest first. */
export async function definitionsOf(tx: Tx, programmeId: string): Promise<DefinitionRow[]> {
  return rows<DefinitionRow>(
    tx,
    sql`SELECT d.id, d.version, d.min_housed_months, d.require_no_return, d.require_no_domain_at_one, d.goal_percent, d.note,
               u.name AS created_by_name, d.created_at::text
          FROM recovery_definitions d LEFT JOIN users u ON u.id = d.created_by
         WHERE d.programme_id = ${programmeId} AND d.region_id = app_region()
         ORDER BY d.version DESC`,
  );
}

export const toDefinition = (d: DefinitionRow): RecoveryDefinition => ({
  minHousedMonths: Number(d.min_housed_months),
  requireNoReturn: d.require_no_return,
  requireNoDomainAtOne: d.require_no_domain_at_one,
  goalPercent: Number(d.goal_percent),
});

/**
 * A new version of the definition of sustainable recovery: the newest applies from now on, the
 * earlier ones stay so earlier figures can be reproduced. A concurrent new version collides on
 * the unique (programme, version) and answers 409 through the caller's baseVersion check.
 */
export async function createDefinition(tx: Tx, ctx: AccessContext, programmeId: string, body: z.infer<typeof RecoveryDefinitionBody>): Promise<string> {
  await programmeOrNotFound(tx, programmeId);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`recovery:${programmeId}`}))`);
  const [cur] = await rows<{ v: number }>(tx, sql`SELECT coalesce(max(version), 0)::int AS v FROM recovery_definitions WHERE programme_id = ${programmeId} AND region_id = app_region()`);
  if (body.baseVersion !== cur.v) {
    throw new AppError('version_conflict', {
      nl: `Er is intussen een nieuwere versie (${cur.v}) van de definitie; laad opnieuw.`,
      en: `A newer version (${cur.v}) of the definition exists meanwhile; reload.`,
    });
  }
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO recovery_definitions (region_id, id, programme_id, version, min_housed_months, require_no_return, require_no_domain_at_one, goal_percent, note, created_by)
        VALUES (${ctx.regionId}, ${id}, ${programmeId}, ${cur.v + 1}, ${body.minHousedMonths}, ${body.requireNoReturn}, ${body.requireNoDomainAtOne},
                ${body.goalPercent}, ${body.note ?? null}, ${ctx.userId})`,
  );
  await recordAudit(tx, actorOf(ctx), { action: 'recovery_definition.create', resourceType: 'recovery_definition', resourceId: id });
  return id;
}

interface AggRow {
  g: string;
  housed: number;
  flips: number;
  flip_median: number | null;
  handovers: number;
  handover_median: number | null;
  keys_n: number;
  keys_median: number | null;
}

interface Query {
  date?: string;
  groupBy?: OutcomeGroup;
  definitionVersion?: number;
}

/**
 * The outcome figures of a programme on a date (docs/outcomes.md), per group and overall:
 * housing retention (Kaplan–Meier from housing start to a negative exit, censored at the date or
 * a neutral exit) with retention at 6, 12 and 24 months and 95 % log-log intervals; returns to
 * homelessness after a first permanent exit in the two years before the date, in bands; the
 * sustainable-recovery rate under the newest (or the named) definition version against its goal;
 * lease flips, scale-downs to neighbourhood teams and the time from referral to keys. One SQL
 * round trip: outcome_spells (migration 0022) is read once, the curve's counts and the medians
 * are aggregated in SQL, only the people the returns and recovery rules look at come back as
 * compact rows. Every figure carries its n; with `suppress` (municipalities) cells under 5 people
 * are suppressed.
 */
export async function outcomes(tx: Tx, programmeId: string, q: Query, suppress: boolean) {
  const asOf = q.date ?? today();
  const regionId = await programmeOrNotFound(tx, programmeId);
  const defs = await definitionsOf(tx, programmeId);
  const defRow = q.definitionVersion ? defs.find((d) => d.version === q.definitionVersion) : defs[0];
  if (q.definitionVersion && !defRow) throw notFound({ nl: 'Deze versie van de definitie bestaat niet.', en: 'This version of the definition does not exist.' });
  const def = defRow ? toDefinition(defRow) : DEFAULT_RECOVERY_DEFINITION;
  const g = q.groupBy ? groupExpression(q.groupBy) : sql`'all'`;
  const negative = sql.raw(NEGATIVE_EXITS.map((r) => `'${r}'`).join(','));
  const permanent = sql.raw(PERMANENT_EXITS.map((r) => `'${r}'`).join(','));
  const windowFrom = new Date(Date.parse(asOf) - RETURNS_LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const recoveryFrom = addMonths(asOf, -def.minHousedMonths);

  const [res] = await rows<{ km: [string, number, number, number][] | null; agg: AggRow[] | null; returns: [string, string, string | null][] | null; recovery: [string, string, string | null, string | null, number | null, string | null][] | null }>(
    tx,
    sql`WITH s AS MATERIALIZED (
          SELECT (${g})::text AS g, s.* FROM outcome_spells(${programmeId}::uuid, ${asOf}::date) s
        ),
        km AS (
          SELECT g, (coalesce(end_date, ${asOf}::date) - start_date) AS t,
                 count(*) FILTER (WHERE end_reason IN (${negative}))::int AS events,
                 count(*) FILTER (WHERE end_reason IS NULL OR end_reason NOT IN (${negative}))::int AS censored
            FROM s GROUP BY g, t
        ),
        agg AS (
          SELECT g, count(*)::int AS housed,
                 count(flipped_on)::int AS flips,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY flipped_on - start_date) FILTER (WHERE flipped_on IS NOT NULL) AS flip_median,
                 count(handover_on)::int AS handovers,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY handover_on - start_date) FILTER (WHERE handover_on IS NOT NULL) AS handover_median,
                 count(first_referred_on)::int AS keys_n,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY start_date - first_referred_on) AS keys_median
            FROM s GROUP BY GROUPING SETS ((g), ())
        )
        SELECT (SELECT json_agg(json_build_array(g, t, events, censored)) FROM km) AS km,
               (SELECT json_agg(json_build_object('g', coalesce(g, '__overall__'), 'housed', housed, 'flips', flips, 'flip_median', flip_median,
                        'handovers', handovers, 'handover_median', handover_median, 'keys_n', keys_n, 'keys_median', keys_median)) FROM agg) AS agg,
               (SELECT json_agg(json_build_array(g, end_date, return_on)) FROM s
                 WHERE end_reason IN (${permanent}) AND end_date >= ${windowFrom}::date) AS returns,
               (SELECT json_agg(json_build_array(g, start_date, end_date, end_reason, last_min_score, return_on)) FROM s
                 WHERE start_date <= ${recoveryFrom}::date) AS recovery`,
  );

  const km = res.km ?? [];
  const agg = res.agg ?? [];
  const returnRows = res.returns ?? [];
  const recoveryRows = res.recovery ?? [];
  const labels = q.groupBy ? await groupLabels(tx, regionId, q.groupBy) : new Map<string, string>();

  const figure = (key: string, label: string, only: (gk: string) => boolean, a: AggRow | undefined) => {
    const counts: TimeCount[] = km.filter(([gk]) => only(gk)).map(([, t, events, censored]) => ({ time: Number(t), events, censored }));
    const curve = kaplanMeierFromCounts(counts);
    const histories: ReturnHistory[] = returnRows
      .filter(([gk]) => only(gk))
      .map(([, end, ret]) => ({ exits: [{ date: end, permanent: true }], homelessEntries: ret ? [ret] : [] }));
    const returns = returnsToHomelessness(histories, { from: windowFrom, to: asOf }, asOf);
    const facts: RecoveryFacts[] = recoveryRows
      .filter(([gk]) => only(gk))
      .map(([, start, end, reason, min, ret]) => ({ housingStart: start, exit: end && reason ? { date: end, reason } : null, lastMinScore: min, returnedOn: ret }));
    const recovery = recoveryRate(facts, def, asOf);
    const n = curve.n;
    const hideGroup = suppress && isSmallCell(n);
    const mask = (c: number) => maskCount(c, suppress);
    const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
    const r4 = (x: number) => Math.round(x * 10000) / 10000;

    const retentionAt = RETENTION_HORIZONS.map((h) => {
      const s = survivalAt(curve, h.days);
      const hide = !s.reached || (suppress && isSmallCell(s.atRisk));
      return {
        months: h.months,
        days: h.days,
        survival: hide ? null : r4(s.survival),
        standardError: hide ? null : r4(s.standardError),
        lower: hide ? null : r4(s.lower),
        upper: hide ? null : r4(s.upper),
        atRisk: suppress ? mask(s.atRisk) : s.atRisk,
        reached: s.reached,
      };
    });
    const steps = curve.steps
      .filter((st) => st.events > 0 || st === curve.steps[curve.steps.length - 1])
      .filter((st) => !suppress || !isSmallCell(st.atRisk))
      .map((st) => ({ time: st.time, survival: r4(st.survival), lower: r4(st.lower), upper: r4(st.upper), atRisk: st.atRisk, events: mask(st.events) }));
    const retention = hideGroup
      ? { n: null, events: null, curve: [], at: [], suppressed: true }
      : { n, events: mask(curve.events), curve: steps, at: retentionAt, suppressed: false };

    const returnsOut =
      suppress && isSmallCell(returns.exits)
        ? { n: null, bands: null, total: null, within: [], suppressed: true }
        : {
            n: returns.exits,
            bands: { '0-180': mask(returns.bands['0-180']), '181-365': mask(returns.bands['181-365']), '366-730': mask(returns.bands['366-730']) },
            total: mask(returns.total),
            within: returns.within
              .filter((w) => !(suppress && isSmallCell(w.followed)))
              .map((w) => ({ ...w, returns: mask(w.returns), followed: w.followed, rate: w.followed ? r4(w.returns / w.followed) : null })),
            suppressed: false,
          };

    const recoveryOut =
      suppress && isSmallCell(recovery.denominator)
        ? { n: null, numerator: null, denominator: null, rate: null, goal: recovery.goal, meetsGoal: null, excluded: null, returned: null, domainAtOne: null, withoutMeasurement: null, suppressed: true }
        : {
            n: recovery.denominator,
            numerator: mask(recovery.numerator),
            denominator: recovery.denominator,
            rate: recovery.rate === null ? null : r4(recovery.rate),
            goal: recovery.goal,
            meetsGoal: recovery.meetsGoal,
            excluded: mask(recovery.excluded),
            returned: mask(recovery.returned),
            domainAtOne: mask(recovery.domainAtOne),
            withoutMeasurement: mask(recovery.withoutMeasurement),
            suppressed: false,
          };

    const small = (k: number) => suppress && isSmallCell(k);
    const flips = a?.flips ?? 0;
    const handovers = a?.handovers ?? 0;
    const keysN = a?.keys_n ?? 0;
    return {
      key,
      label,
      n: hideGroup ? null : n,
      suppressed: hideGroup,
      retention,
      returns: returnsOut,
      recovery: recoveryOut,
      leaseFlips: hideGroup ? { n: null, count: null, medianDays: null, suppressed: true } : { n, count: mask(flips), medianDays: small(flips) ? null : round(a?.flip_median ?? null), suppressed: false },
      scaleDowns: hideGroup ? { n: null, count: null, medianDays: null, suppressed: true } : { n, count: mask(handovers), medianDays: small(handovers) ? null : round(a?.handover_median ?? null), suppressed: false },
      referralToKeys: small(keysN) ? { n: null, medianDays: null, suppressed: true } : { n: keysN, medianDays: round(a?.keys_median ?? null), suppressed: false },
    };
  };

  const overallAgg = agg.find((a) => a.g === '__overall__');
  const keys = q.groupBy ? agg.filter((a) => a.g !== '__overall__').map((a) => a.g) : [];
  return {
    programmeId,
    date: asOf,
    groupBy: q.groupBy ?? null,
    suppressed: suppress,
    minCell: 5,
    definition: {
      version: defRow ? Number(defRow.version) : 0,
      minHousedMonths: def.minHousedMonths,
      requireNoReturn: def.requireNoReturn,
      requireNoDomainAtOne: def.requireNoDomainAtOne,
      goalPercent: def.goalPercent,
    },
    returnsWindow: { from: windowFrom, to: asOf },
    overall: figure('all', 'Totaal', () => true, overallAgg),
    groups: keys
      .map((k) => figure(k, labels.get(k) ?? k, (gk) => gk === k, agg.find((a) => a.g === k)))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}
