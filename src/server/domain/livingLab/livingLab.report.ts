import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { ASSUMPTION_KEYS, BOTTLENECK_STATUSES, TARIFF_KINDS, type BottleneckArea, type BottleneckStatus } from '../../../shared/livingLab.js';
import { actorOf, recordAudit } from '../audit/audit.service.js';
import { outcomes } from '../outcomes/outcomes.service.js';
import { businessCaseFacts, settingsHistory, settingsOn } from '../businessCase/businessCase.service.js';
import { computeBusinessCase, type Assumptions, type Tariffs } from '../businessCase/businessCase.compute.js';
import type { ReportRow, ReportSection } from '../reports/reports.model.js';
// Type only: reports.service.ts imports this module to register the sections; a value import
// back would be a cycle.
import type { SectionSource } from '../reports/reports.service.js';

/**
 * The progress report's sections of the Living Lab (issue 7): outcomes, business case and
 * bottlenecks, registered in reports.service.ts. Each reads the figures from its own domain's
 * exported functions. The report is the programme office's, so nothing is suppressed here.
 */

const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const euros = (cents: number | null) => (cents === null ? null : Math.round(cents / 100));
const row = (key: string, nl: string, en: string, value: ReportRow['value'], n?: number | null): ReportRow => ({
  key,
  label: { nl, en },
  value,
  ...(n === undefined ? {} : { n }),
});

/** Outcomes: retention at 6/12/24 months with 95 % intervals, returns to homelessness, sustainable recovery against its goal. */
export const outcomesSection: SectionSource = async (tx, ctx, programmeId, date) => {
  const o = await outcomes(tx, programmeId, { date }, false);
  const all = o.overall;
  const retention = all.retention.at.flatMap((h): ReportRow[] => [
    row(`retention.${h.months}m`, `Woonbehoud na ${h.months} maanden (%)`, `Housing retention at ${h.months} months (%)`, pct(h.survival), all.retention.n),
    row(`retention.${h.months}m.lower`, `Woonbehoud na ${h.months} maanden, 95%-BI onder (%)`, `Retention at ${h.months} months, 95% CI lower (%)`, pct(h.lower)),
    row(`retention.${h.months}m.upper`, `Woonbehoud na ${h.months} maanden, 95%-BI boven (%)`, `Retention at ${h.months} months, 95% CI upper (%)`, pct(h.upper)),
    row(`retention.${h.months}m.atRisk`, `Nog gevolgd na ${h.months} maanden`, `Still followed at ${h.months} months`, h.atRisk),
  ]);
  const returns = all.returns.within.map((w) =>
    row(`returns.${w.months}m`, `Terug in dakloosheid binnen ${w.months} maanden (%)`, `Returned to homelessness within ${w.months} months (%)`, pct(w.rate), w.followed),
  );
  const d = o.definition;
  return {
    key: 'outcomes',
    title: { nl: 'Uitkomsten', en: 'Outcomes' },
    note: {
      nl: `Woonbehoud volgens Kaplan–Meier met 95%-betrouwbaarheidsinterval; terugkeer na een eerste vertrek naar een vaste woonplek in de twee jaar voor de peildatum; duurzaam herstel volgens definitie versie ${d.version} (minstens ${d.minHousedMonths} maanden gehuisvest) tegenover het doel van ${d.goalPercent}%.`,
      en: `Housing retention by Kaplan–Meier with 95% confidence interval; returns after a first exit to a permanent destination in the two years before the date; sustainable recovery under definition version ${d.version} (housed at least ${d.minHousedMonths} months) against the goal of ${d.goalPercent}%.`,
    },
    rows: [
      row('housed', 'Gehuisvest (ooit, tot de peildatum)', 'Housed (ever, up to the date)', all.n),
      ...retention,
      row('returns.exits', 'Vertrokken naar een vaste woonplek (venster)', 'Exited to a permanent destination (window)', all.returns.n),
      row('returns.total', 'Daarvan terug in dakloosheid binnen 2 jaar', 'Of whom returned to homelessness within 2 years', all.returns.total),
      ...returns,
      row('recovery.rate', 'Duurzaam herstel (%)', 'Sustainable recovery (%)', pct(all.recovery.rate), all.recovery.denominator),
      row('recovery.goal', 'Doel duurzaam herstel (%)', 'Sustainable recovery goal (%)', d.goalPercent),
      row('recovery.numerator', 'Duurzaam hersteld (aantal)', 'Recovered sustainably (count)', all.recovery.numerator),
      row('recovery.denominator', 'Meegeteld voor duurzaam herstel', 'Counted for sustainable recovery', all.recovery.denominator),
      row('recovery.definitionVersion', 'Versie van de definitie', 'Definition version', d.version),
      row(
        'recovery.meetsGoal',
        'Doel gehaald',
        'Goal met',
        all.recovery.meetsGoal === null ? null : all.recovery.meetsGoal ? 'ja / yes' : 'nee / no',
      ),
    ],
  };
};

/**
 * Business case: totals, per participant per year, break-even and the verdict. Composed from the
 * business-case service's exported parts as its aggregate view does (no line per participant
 * leaves the server, so the read is logged as one aggregate read, like a municipality's).
 */
export const businessCaseSection: SectionSource = async (tx, ctx, programmeId, date) => {
  const settings = settingsOn(await settingsHistory(tx, ctx.regionId, programmeId), date);
  const facts = await businessCaseFacts(tx, programmeId, date);
  if (ctx.userId) {
    await recordAudit(tx, actorOf(ctx), {
      action: 'business_case.read',
      resourceType: 'programme',
      resourceId: programmeId,
      details: { date, view: 'report', participants: facts.length },
    });
  }
  const title = { nl: 'Business case', en: 'Business case' };
  if (settings.missing.length > 0) {
    return {
      key: 'businessCase',
      title,
      note: {
        nl: `Niet berekend: tarieven of aannames ontbreken op de peildatum (${settings.missing.join(', ')}).`,
        en: `Not computed: tariffs or assumptions are missing on the date (${settings.missing.join(', ')}).`,
      },
      rows: [row('participants', 'Deelnemers met een woning', 'Participants with a home', facts.length), row('verdict', 'Oordeel', 'Verdict', 'onbekend / unknown')],
    };
  }
  const tariffs = Object.fromEntries(TARIFF_KINDS.map((k) => [k, settings.tariffs.get(k)!.amount_cents])) as Tariffs;
  const assumptions = Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, settings.assumptions.get(k)!.value])) as Assumptions;
  const bc = computeBusinessCase(facts, tariffs, assumptions, date);
  const tot = bc.totals;
  const verdict = { positive: 'positief / positive', negative: 'negatief / negative', unknown: 'onbekend / unknown' }[tot.verdict];
  return {
    key: 'businessCase',
    title,
    note: {
      nl: 'Housing First (begeleiding, buurtteam, eenmalige kosten, huurachterstand) tegenover de huidige route (opvang, beschermd wonen), in hele euro’s, met de tarieven en aannames die op de peildatum gelden.',
      en: 'Housing First (guidance, neighbourhood team, one-off costs, rent arrears) against the current route (shelter, sheltered housing), in whole euros, with the tariffs and assumptions valid on the date.',
    },
    rows: [
      row('participants', 'Deelnemers met een woning', 'Participants with a home', tot.participants),
      row('participantYears', 'Deelnemersjaren', 'Participant years', Math.round(tot.participantYears * 10) / 10),
      row('housingFirst.eur', 'Kosten Housing First (€)', 'Housing First cost (€)', euros(tot.housingFirst.totalCents)),
      row('counterfactual.eur', 'Kosten huidige route (€)', 'Current route cost (€)', euros(tot.counterfactual.totalCents)),
      row('savings.eur', 'Netto besparing (€)', 'Net saving (€)', euros(tot.savingsCents)),
      row('perParticipantYear.housingFirst.eur', 'Housing First per deelnemer per jaar (€)', 'Housing First per participant per year (€)', euros(bc.perParticipantPerYear?.housingFirstCents ?? null)),
      row('perParticipantYear.counterfactual.eur', 'Huidige route per deelnemer per jaar (€)', 'Current route per participant per year (€)', euros(bc.perParticipantPerYear?.counterfactualCents ?? null)),
      row('perParticipantYear.savings.eur', 'Besparing per deelnemer per jaar (€)', 'Saving per participant per year (€)', euros(bc.perParticipantPerYear?.savingsCents ?? null)),
      row('breakEven', 'Break-even (maand)', 'Break-even (month)', bc.breakEvenMonth),
      row('verdict', 'Oordeel', 'Verdict', verdict),
    ],
  };
};

/**
 * Bottlenecks: counts by status on the date (the status after the last event recorded by then;
 * bottlenecks proposed later are not counted) and the unsolved ones with their (current) owner.
 */
export const bottlenecksSection: SectionSource = async (tx, ctx, programmeId, date) => {
  const list = await rows<{ id: string; title: string; area: BottleneckArea; status: BottleneckStatus; owner: string | null; owner_name: string | null }>(
    tx,
    sql`SELECT b.id, b.title, b.area, s.status_after AS status, o.name AS owner, b.owner_name
          FROM bottlenecks b
          JOIN LATERAL (SELECT e.status_after FROM bottleneck_events e
                         WHERE e.region_id = b.region_id AND e.bottleneck_id = b.id AND e.recorded_at < (${date}::date + 1)
                         ORDER BY e.recorded_at DESC, e.seq DESC LIMIT 1) s ON true
          LEFT JOIN organisations o ON o.id = b.owner_organisation_id
         WHERE b.region_id = ${ctx.regionId} AND b.programme_id = ${programmeId}
         ORDER BY b.created_at, b.id`,
  );
  const label: Record<BottleneckStatus, [string, string]> = {
    open: ['Open', 'Open'],
    in_progress: ['In behandeling', 'In progress'],
    solved: ['Opgelost', 'Solved'],
    wont_fix: ['Niet opgelost (besloten)', 'Won’t fix'],
  };
  const unsolved = list.filter((b) => b.status === 'open' || b.status === 'in_progress');
  return {
    key: 'bottlenecks',
    title: { nl: 'Knelpunten', en: 'Bottlenecks' },
    note: { nl: 'Status op de peildatum; eigenaar zoals nu vastgelegd.', en: 'Status on the date; owner as recorded now.' },
    rows: [
      ...BOTTLENECK_STATUSES.map((s) => row(`status.${s}`, `Status: ${label[s][0]}`, `Status: ${label[s][1]}`, list.filter((b) => b.status === s).length)),
      ...unsolved.map((b) => {
        const owner = [b.owner, b.owner_name].filter(Boolean).join(', ') || null;
        return row(`open.${b.id}`, `${label[b.status][0]}: ${b.title}`, `${label[b.status][1]}: ${b.title}`, owner ?? '—');
      }),
    ],
  };
};

/** The Living Lab's sections in report order (after counter, pipeline, tranches and tenancies). */
export const livingLabSections: SectionSource[] = [outcomesSection, businessCaseSection, bottlenecksSection];
