import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { PARTICIPANT_PHASES, type ParticipantPhase } from '../../../shared/enums.js';
import { PHASE_LABELS } from '../participants/participants.machine.js';
import { counterOn, getProgramme } from '../programmes/programmes.service.js';
import type { ProgressReport, ReportRow, ReportSection } from './reports.model.js';
import { livingLabSections } from '../livingLab/livingLab.report.js';

/**
 * A section contributor: other domains (outcomes, business case, bottlenecks) build their part of
 * the report, so the report never re-implements their rules.
 */
export type SectionSource = (tx: Tx, ctx: AccessContext, programmeId: string, date: string) => Promise<ReportSection | null>;

// The Living Lab's outcomes, business case and bottlenecks (livingLab.report.ts).
const sources: readonly SectionSource[] = livingLabSections;

/**
 * The progress report of a programme on a date (counter, pipeline, tranches, tenancies and
 * whatever the other domains contribute), computed from the events as they are known now.
 */
export async function progressReport(tx: Tx, ctx: AccessContext, programmeId: string, date: string): Promise<ProgressReport> {
  // Another region's programme does not exist for the caller (row-level security): 404.
  const programme = await getProgramme(tx, programmeId);
  const counter = await counterOn(tx, programmeId, date);
  const sections: ReportSection[] = [
    counterSection(counter),
    await pipelineSection(tx, programmeId, date),
    tranchesSection(counter),
    await tenanciesSection(tx, programmeId, date),
  ];
  for (const source of sources) {
    const s = await source(tx, ctx, programmeId, date);
    if (s) sections.push(s);
  }
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      target: programme.target,
      periodStart: programme.periodStart,
      periodEnd: programme.periodEnd,
    },
    date,
    generatedAt: new Date().toISOString(),
    sections,
  };
}

type Counter = Awaited<ReturnType<typeof counterOn>>;

function counterSection(c: Counter): ReportSection {
  const row = (key: string, nl: string, en: string, value: number): ReportRow => ({ key, label: { nl, en }, value });
  return {
    key: 'counter',
    title: { nl: 'Teller', en: 'Counter' },
    note: {
      nl: 'Woningen waarvan de locatie in gebruik is of binnenkort beschikbaar komt; pijplijn: toegezegd, locatie nog gezocht.',
      en: 'Homes whose location is in use or available shortly; pipeline: pledged, location still sought.',
    },
    rows: [
      row('realised', 'Gerealiseerd (teller)', 'Realised (counter)', c.realised),
      row('pipeline', 'Pijplijn', 'Pipeline', c.pipeline),
      row('ambition', 'Ambitie (toegezegd)', 'Ambition (pledged)', c.ambition),
      row('target', 'Doel', 'Target', c.target),
      ...c.byMunicipality.map((m) =>
        row(`municipality.${m.municipalityId}`, `Gerealiseerd in ${m.municipality}`, `Realised in ${m.municipality}`, m.realised),
      ),
    ],
  };
}

function tranchesSection(c: Counter): ReportSection {
  return {
    key: 'tranches',
    title: { nl: 'Tranches', en: 'Tranches' },
    rows: c.byTranche.flatMap((t) => {
      const name = t.tranche ?? 'zonder tranche';
      const nameEn = t.tranche ?? 'no tranche';
      return [
        { key: `tranche.${t.trancheId ?? 'none'}.realised`, label: { nl: `${name}: gerealiseerd`, en: `${nameEn}: realised` }, value: t.realised },
        ...(t.capacity === null
          ? []
          : [{ key: `tranche.${t.trancheId}.capacity`, label: { nl: `${name}: capaciteit`, en: `${nameEn}: capacity` }, value: t.capacity }]),
      ];
    }),
  };
}

/** Participants by phase on the date: the latest phase event on or before it, merged records left out. */
async function pipelineSection(tx: Tx, programmeId: string, date: string): Promise<ReportSection> {
  const counts = await rows<{ phase: ParticipantPhase; n: number }>(
    tx,
    sql`SELECT phase, count(*)::int AS n FROM (
          SELECT DISTINCT ON (e.participant_id) e.phase
            FROM participant_phase_events e JOIN participants p ON p.id = e.participant_id
           WHERE p.programme_id = ${programmeId} AND p.merged_into_id IS NULL AND e.effective_date <= ${date}
           ORDER BY e.participant_id, e.effective_date DESC, e.seq DESC) s
        GROUP BY phase`,
  );
  const by = new Map(counts.map((c) => [c.phase, c.n]));
  const total = counts.reduce((a, c) => a + c.n, 0);
  return {
    key: 'pipeline',
    title: { nl: 'Deelnemers per fase', en: 'Participants by phase' },
    rows: [
      { key: 'participants', label: { nl: 'Deelnemers (ooit aangemeld)', en: 'Participants (ever referred)' }, value: total },
      ...PARTICIPANT_PHASES.map((p) => ({
        key: `phase.${p}`,
        label: { nl: `Fase: ${PHASE_LABELS[p].nl}`, en: `Phase: ${PHASE_LABELS[p].en}` },
        value: by.get(p) ?? 0,
      })),
    ],
  };
}

/** Tenancies on the date: current ones by lease holder, leases flipped, tenancies ended. */
async function tenanciesSection(tx: Tx, programmeId: string, date: string): Promise<ReportSection> {
  const [t] = await rows<{ current_provider: number; current_tenant: number; flipped: number; ended: number }>(
    tx,
    // The lease holder on the date: the tenant once flipped, before that whoever signed first.
    sql`WITH t AS (
          SELECT start_date <= ${date} AND (end_date IS NULL OR end_date > ${date}) AS current,
                 coalesce(flipped_on <= ${date}, lease_holder = 'tenant') AS own_name,
                 flipped_on <= ${date} AS flipped, end_date <= ${date} AS ended
            FROM tenancies WHERE programme_id = ${programmeId})
        SELECT count(*) FILTER (WHERE current AND NOT own_name)::int AS current_provider,
               count(*) FILTER (WHERE current AND own_name)::int AS current_tenant,
               count(*) FILTER (WHERE flipped)::int AS flipped,
               count(*) FILTER (WHERE ended)::int AS ended
          FROM t`,
  );
  return {
    key: 'tenancies',
    title: { nl: 'Huurcontracten', en: 'Tenancies' },
    rows: [
      { key: 'current.provider', label: { nl: 'Lopend, huur op naam van de zorgaanbieder', en: 'Current, lease held by the provider' }, value: t?.current_provider ?? 0 },
      { key: 'current.tenant', label: { nl: 'Lopend, huur op eigen naam', en: 'Current, lease in own name' }, value: t?.current_tenant ?? 0 },
      { key: 'flipped', label: { nl: 'Omgeklapt naar eigen naam (totaal)', en: 'Flipped to own name (total)' }, value: t?.flipped ?? 0 },
      { key: 'ended', label: { nl: 'Beëindigd (totaal)', en: 'Ended (total)' }, value: t?.ended ?? 0 },
    ],
  };
}
