import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import type { BottleneckArea, BottleneckStatus, ObservationFactor, ObservationTheme } from '../../../shared/livingLab.js';
import { BOTTLENECK_STATUSES, OBSERVATION_THEMES } from '../../../shared/livingLab.js';
import { getProgramme } from '../programmes/programmes.service.js';
import { outcomes } from '../outcomes/outcomes.service.js';
import { addMonths, isSmallCell, MIN_CELL } from '../outcomes/outcomes.measures.js';
import { businessCaseSummary } from '../businessCase/businessCase.service.js';
import { monthEnds } from '../businessCase/businessCase.compute.js';
import { bottleneckSummary } from '../bottlenecks/bottlenecks.service.js';
import { canLivingLab } from './livingLab.policy.js';

/** The Living Lab's verdict on one condition; 'unknown' when the figure rests on too few people or is missing. */
export type Verdict = 'met' | 'not_met' | 'unknown';

/**
 * A recovery rate resting on fewer people than this gives no verdict: below 10 people one person
 * moves the rate by more than 10 percentage points, the whole margin between 90 % and 100 %.
 */
export const RECOVERY_VERDICT_MIN_N = 10;
/**
 * The recovery trend computes at most this many quarter ends (the latest year); each is a full
 * outcome computation (about a second on the demo region under load, so twelve made the page
 * wait half a minute). Quarter ends with a monthly snapshot are read from it instead and do not
 * count against this limit, so the monthly snapshot run fills the earlier years in.
 */
export const RECOVERY_TREND_MAX_COMPUTED = 4;
/** How many open bottlenecks and recent observations the overview lists. */
const OPEN_BOTTLENECKS_LIMIT = 20;
const EXAMPLES_PER_THEME = 3;
const TAGS_PER_THEME = 8;

/** The last day of a month 'YYYY-MM'. */
const lastDayOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
const isQuarterEnd = (month: string) => ['03', '06', '09', '12'].includes(month.slice(5, 7));

interface SnapshotRecovery {
  rate: number | null;
  n: number | null;
}

/**
 * The recovery figures of the monthly snapshots whose date is one of `dates` (quarter ends), as
 * reported then: the `outcomes` section's `recovery.rate` and `recovery.denominator` rows
 * (livingLab.report.ts), the rate to one decimal of a percent. Snapshots taken before that section existed have neither and are skipped.
 */
async function snapshotRecovery(tx: Tx, programmeId: string, dates: string[]): Promise<Map<string, SnapshotRecovery>> {
  const out = new Map<string, SnapshotRecovery>();
  if (dates.length === 0) return out;
  const found = await rows<{ as_of: string; rate: number | string | null; n: number | string | null; has: boolean }>(
    tx,
    sql`SELECT s.as_of::text,
               (SELECT r->>'value' FROM jsonb_array_elements(s.report->'sections') sec, jsonb_array_elements(sec->'rows') r
                 WHERE sec->>'key' = 'outcomes' AND r->>'key' = 'recovery.rate' LIMIT 1) AS rate,
               (SELECT r->>'value' FROM jsonb_array_elements(s.report->'sections') sec, jsonb_array_elements(sec->'rows') r
                 WHERE sec->>'key' = 'outcomes' AND r->>'key' = 'recovery.denominator' LIMIT 1) AS n,
               EXISTS (SELECT 1 FROM jsonb_array_elements(s.report->'sections') sec WHERE sec->>'key' = 'outcomes') AS has
          FROM programme_snapshots s
         WHERE s.programme_id = ${programmeId} AND s.as_of::text IN (${sql.join(dates.map((d) => sql`${d}`), sql`, `)})`,
  );
  for (const f of found) {
    if (!f.has) continue;
    // The report row is a percentage with one decimal; the overview speaks in shares 0–1.
    out.set(f.as_of, { rate: f.rate === null ? null : Math.round(Number(f.rate) * 10) / 1000, n: f.n === null ? null : Number(f.n) });
  }
  return out;
}

/**
 * The Living Lab overview of a programme on a date (docs/reports.md, "The Living Lab page"): the
 * main question — can Housing First replace the shelter model, with a positive business case,
 * more than 90 % sustainable recovery, on at least 200 participants — as three conditions with
 * their value, goal, n, verdict and trend, and the sub-questions: success and failure factors per
 * theme (observations) and the bottleneck register. The figures come from the outcome and
 * business-case services; nothing here re-decides their rules. For a municipality or a researcher
 * every figure resting on fewer than 5 people is left out.
 */
export async function livingLabOverview(tx: Tx, ctx: AccessContext, programmeId: string, date: string) {
  // Another region's programme does not exist for the caller (row-level security): 404.
  const programme = await getProgramme(tx, programmeId);
  const suppress = !canLivingLab.unsuppressed(ctx);
  const small = (n: number) => suppress && isSmallCell(n);

  // —— Participants: people with a first home in the programme on or before each month end ——
  // outcome_spells (migration 0022) is the outcome service's own population: one row per person
  // housed by the date (a tenancy, else a placement or a 'housed' phase event), merged records out.
  const byMonth = await rows<{ m: string; n: number }>(
    tx,
    sql`SELECT to_char(start_date, 'YYYY-MM') AS m, count(*)::int AS n FROM outcome_spells(${programmeId}::uuid, ${date}::date) GROUP BY 1 ORDER BY 1`,
  );
  const firstMonth = [programme.periodStart.slice(0, 7), ...byMonth.map((b) => b.m)].sort()[0]!;
  const months = firstMonth <= date.slice(0, 7) ? monthEnds(`${firstMonth}-01`, date) : [];
  let running = 0;
  const housedBy = new Map<string, number>();
  const participantPoints = months.map(({ month, date: d }) => {
    running += byMonth.filter((b) => b.m === month).reduce((a, b) => a + b.n, 0);
    housedBy.set(d, running);
    return { date: d, value: small(running) ? null : running };
  });
  const housed = running;
  const participantGoal = programme.target;

  // —— Sustainable recovery on the date, from the outcome service ——
  const now = await outcomes(tx, programmeId, { date }, suppress);
  const rec = now.overall.recovery;
  const recoveryVerdict: Verdict =
    rec.suppressed || rec.rate === null || rec.denominator === null || rec.denominator < RECOVERY_VERDICT_MIN_N ? 'unknown' : rec.meetsGoal ? 'met' : 'not_met';

  // Quarter ends from the first one at which anyone can have been housed long enough, to the date.
  const firstHousing = byMonth[0] ? `${byMonth[0].m}-01` : null;
  const recoveryFrom = firstHousing ? addMonths(firstHousing, now.definition.minHousedMonths) : null;
  const quarterEnds = months.filter((m) => isQuarterEnd(m.month) && m.date !== date && recoveryFrom !== null && m.date >= recoveryFrom).map((m) => m.date);
  const snapshots = await snapshotRecovery(tx, programmeId, quarterEnds);
  const toCompute = quarterEnds.filter((d) => !snapshots.has(d)).slice(-RECOVERY_TREND_MAX_COMPUTED);
  const recoveryPoints: { date: string; rate: number | null; n: number | null; source: 'snapshot' | 'computed' }[] = [];
  for (const d of quarterEnds) {
    const snap = snapshots.get(d);
    if (snap) {
      // A snapshot holds the office's unsuppressed figures: apply the small-cell rule here.
      const hide = snap.n === null || small(snap.n);
      recoveryPoints.push({ date: d, rate: hide ? null : snap.rate, n: hide ? null : snap.n, source: 'snapshot' });
    } else if (toCompute.includes(d)) {
      const r = (await outcomes(tx, programmeId, { date: d }, suppress)).overall.recovery;
      recoveryPoints.push({ date: d, rate: r.rate, n: r.denominator, source: 'computed' });
    }
  }
  recoveryPoints.push({ date, rate: rec.rate, n: rec.denominator, source: 'computed' });

  // —— Business case on the date, from the business-case service ——
  const bc = await businessCaseSummary(tx, ctx, programmeId, date);
  const bcVerdict: Verdict = bc.suppressed || bc.missing.length > 0 || bc.verdict === 'unknown' ? 'unknown' : bc.verdict === 'positive' ? 'met' : 'not_met';
  const monthDate = new Map(months.map((m) => [m.month, m.date]));
  const bcPoints = bc.trend
    .filter((p, i, all) => isQuarterEnd(p.month) || i === all.length - 1)
    .map((p) => {
      const d = monthDate.get(p.month) ?? lastDayOf(p.month);
      // The cumulative savings of a month rest on the people housed by then.
      const hide = suppress && isSmallCell(housedBy.get(d) ?? 0);
      return { date: d, savingsCents: hide ? null : p.savingsCents };
    });

  return {
    programmeId,
    date,
    view: suppress ? ('aggregate' as const) : ('full' as const),
    minCell: MIN_CELL,
    participants: {
      value: small(housed) ? null : housed,
      goal: participantGoal,
      goalSource: 'programme_target' as const,
      suppressed: small(housed),
      verdict: (small(housed) ? 'unknown' : housed >= participantGoal ? 'met' : 'not_met') as Verdict,
      trend: { resolution: 'month' as const, source: 'computed' as const, points: participantPoints },
    },
    recovery: {
      rate: rec.rate,
      goal: rec.goal,
      numerator: rec.numerator,
      denominator: rec.denominator,
      n: rec.n,
      suppressed: rec.suppressed,
      verdictMinN: RECOVERY_VERDICT_MIN_N,
      verdict: recoveryVerdict,
      definition: now.definition,
      trend: { resolution: 'quarter' as const, maxComputed: RECOVERY_TREND_MAX_COMPUTED, points: recoveryPoints },
    },
    businessCase: {
      outcome: bc.verdict,
      verdict: bcVerdict,
      n: bc.suppressed ? null : bc.participants,
      suppressed: bc.suppressed,
      missing: bc.missing,
      savingsCents: bc.savingsCents,
      housingFirstCents: bc.housingFirstCents,
      counterfactualCents: bc.counterfactualCents,
      perParticipantPerYear: bc.perParticipantPerYear,
      breakEvenMonth: bc.breakEvenMonth,
      trend: { resolution: 'quarter' as const, source: 'computed' as const, points: bcPoints },
    },
    factors: canLivingLab.factors(ctx) ? { available: true, themes: await factors(tx, ctx, programmeId, date) } : { available: false, themes: [] },
    bottlenecks: await bottlenecks(tx, ctx, programmeId),
  };
}

/**
 * Success and failure factors per theme from the observations recorded on or before the date:
 * counts, the most used tags, and the latest examples as tags and month only — never the free
 * text or the participant, so nothing here is personal data (and nothing is logged as a read).
 */
async function factors(tx: Tx, ctx: AccessContext, programmeId: string, date: string) {
  const counts = await rows<{ theme: ObservationTheme; factor: ObservationFactor; n: number }>(
    tx,
    sql`SELECT theme, factor, count(*)::int AS n FROM observations
         WHERE region_id = ${ctx.regionId} AND programme_id = ${programmeId} AND observed_on <= ${date}
         GROUP BY theme, factor`,
  );
  const tags = await rows<{ theme: ObservationTheme; factor: ObservationFactor; tag: string; n: number }>(
    tx,
    sql`SELECT theme, factor, tag, n FROM (
          SELECT theme, factor, tag, count(*)::int AS n,
                 row_number() OVER (PARTITION BY theme, factor ORDER BY count(*) DESC, tag) AS rank
            FROM observations, unnest(tags) AS tag
           WHERE region_id = ${ctx.regionId} AND programme_id = ${programmeId} AND observed_on <= ${date}
           GROUP BY theme, factor, tag) t
         WHERE rank <= ${TAGS_PER_THEME} ORDER BY theme, factor, n DESC, tag`,
  );
  const latest = await rows<{ theme: ObservationTheme; factor: ObservationFactor; tags: string[]; month: string; about: 'participant' | 'location' }>(
    tx,
    sql`SELECT theme, factor, tags, month, about FROM (
          SELECT theme, factor, tags, to_char(observed_on, 'YYYY-MM') AS month,
                 CASE WHEN participant_id IS NULL THEN 'location' ELSE 'participant' END AS about,
                 row_number() OVER (PARTITION BY theme ORDER BY observed_on DESC, created_at DESC, id) AS rank
            FROM observations
           WHERE region_id = ${ctx.regionId} AND programme_id = ${programmeId} AND observed_on <= ${date}) o
         WHERE rank <= ${EXAMPLES_PER_THEME} ORDER BY theme, month DESC`,
  );
  return OBSERVATION_THEMES.map((theme) => ({
    theme,
    success: counts.find((c) => c.theme === theme && c.factor === 'success')?.n ?? 0,
    failure: counts.find((c) => c.theme === theme && c.factor === 'failure')?.n ?? 0,
    tags: tags.filter((t) => t.theme === theme).map((t) => ({ factor: t.factor, tag: t.tag, n: t.n })),
    latest: latest.filter((l) => l.theme === theme).map((l) => ({ factor: l.factor, tags: l.tags, month: l.month, about: l.about })),
  }));
}

/**
 * The bottleneck register as it stands now (it has no history by date on this page): counts by
 * status from the bottleneck service, and the unsolved ones (open, in progress) with their owner.
 * The register holds no personal data; every role of this page reads all of it.
 */
async function bottlenecks(tx: Tx, ctx: AccessContext, programmeId: string) {
  const summary = await bottleneckSummary(tx, ctx, programmeId);
  const counts = Object.fromEntries(BOTTLENECK_STATUSES.map((s) => [s, summary.byStatus.find((b) => b.status === s)?.n ?? 0])) as Record<BottleneckStatus, number>;
  const open = await rows<{ id: string; title: string; area: BottleneckArea; status: BottleneckStatus; owner_organisation_name: string | null; owner_name: string | null; created_at: Date | string }>(
    tx,
    sql`SELECT b.id, b.title, b.area, b.status, o.name AS owner_organisation_name, b.owner_name, b.created_at
          FROM bottlenecks b LEFT JOIN organisations o ON o.id = b.owner_organisation_id
         WHERE b.region_id = ${ctx.regionId} AND b.programme_id = ${programmeId} AND b.status IN ('open', 'in_progress')
         ORDER BY b.status, b.created_at, b.id LIMIT ${OPEN_BOTTLENECKS_LIMIT}`,
  );
  return {
    counts,
    open: open.map((b) => ({
      id: b.id,
      title: b.title,
      area: b.area,
      status: b.status,
      ownerOrganisation: b.owner_organisation_name,
      ownerName: b.owner_name,
      since: new Date(b.created_at).toISOString().slice(0, 10),
    })),
    openTotal: counts.open + counts.in_progress,
  };
}
