import crypto from 'node:crypto';
import { today } from '../../../shared/dates.js';
import { ZRM_DOMAINS, ZRM_MOMENTS, ZRM_MOMENT_MONTHS, type ZrmMoment } from '../../../shared/enums.js';
import { addMonths } from '../../domain/outcomes/outcomes.measures.js';
import type { DemoIds, Run } from './participants.js';

/**
 * ZRM measurements in the demo region (issue 7): for every housed or exited participant, a
 * measurement at intake and every 6 months up to 24 months or their exit, whichever comes
 * first. Most improve, some stagnate, a few have a domain fall to 1 (acute problem) at their last
 * measurement; about one in twelve moments is left unmeasured so the schedule has overdue work.
 * Housing start comes from tenancies when the participant has any, otherwise from the placements
 * or the `housed` phase date (the same rule as the outcome figures). Plus version 1 of the
 * definition of sustainable recovery. Deterministic: every choice is a hash of the ids.
 */
export async function seedDemoMeasurements(run: Run, ids: DemoIds): Promise<{ measurements: number }> {
  const now = today();
  const people = (await run(
    `SELECT p.id, p.provider_id,
            coalesce((SELECT min(t.start_date) FROM tenancies t WHERE t.participant_id = p.id),
                     (SELECT min(pl.start_date) FROM participant_placements pl WHERE pl.participant_id = p.id),
                     (SELECT min(e.effective_date) FROM participant_phase_events e WHERE e.participant_id = p.id AND e.phase = 'housed'))::text AS start,
            (SELECT min(e.effective_date) FROM participant_phase_events e WHERE e.participant_id = p.id AND e.phase = 'exited')::text AS exited
       FROM participants p
      WHERE p.region_id = $1 AND p.programme_id = $2 AND p.phase IN ('housed','exited') AND p.merged_into_id IS NULL
      ORDER BY p.id`,
    [ids.regionId, ids.programmeId],
  )) as { id: string; provider_id: string | null; start: string | null; exited: string | null }[];
  const office = ids.organisations.get('Programmabureau Living Lab Eerst een Thuis')!;
  const tussenvoorziening = ids.organisations.get('De Tussenvoorziening');
  const careWorker = ids.userId('begeleider@tussenvoorziening.demo');
  const [{ ok }] = (await run(`SELECT EXISTS (SELECT 1 FROM users WHERE id = $1) AS ok`, [careWorker])) as { ok: boolean }[];

  /** A number in [0, 1) from the parts. */
  const rnd = (...parts: string[]) => crypto.createHash('sha256').update(parts.join(':')).digest().readUInt32BE(0) / 2 ** 32;
  const values: unknown[][] = [];
  for (const p of people) {
    if (!p.start) continue;
    const kind = rnd(p.id, 'kind');
    const trajectory = kind < 0.7 ? 'improving' : kind < 0.9 ? 'stagnating' : 'falling';
    const base = Object.fromEntries(ZRM_DOMAINS.map((d) => [d, 1 + Math.floor(rnd(p.id, d) * 3)])) as Record<string, number>;
    // Justice and domestic relations are often not relevant: left unscored for some.
    const unscored = new Set(ZRM_DOMAINS.filter((d) => (d === 'justice' || d === 'domestic_relations') && rnd(p.id, d, 'skip') < 0.4));
    const moments = ZRM_MOMENTS.filter((m) => {
      const due = addMonths(p.start!, ZRM_MOMENT_MONTHS[m]);
      return due <= now && (!p.exited || due <= p.exited);
    });
    moments.forEach((m: ZrmMoment, i) => {
      if (i > 0 && rnd(p.id, m, 'missing') < 0.08) return;
      const measuredOn = new Date(Date.parse(addMonths(p.start!, ZRM_MOMENT_MONTHS[m])) + Math.floor(rnd(p.id, m, 'day') * 21) * 86_400_000).toISOString().slice(0, 10);
      if (measuredOn > now) return;
      const last = i === moments.length - 1 && i > 0;
      const scores = ZRM_DOMAINS.map((d) => {
        if (unscored.has(d)) return null;
        let s = base[d];
        if (trajectory === 'improving') s = Math.min(5, s + (i === 0 ? 0 : Math.min(i, 1 + Math.floor(i * 0.5 + rnd(p.id, d, 'pace')))));
        if (trajectory === 'stagnating') s = Math.max(i === 0 ? 1 : 2, Math.min(5, s + (rnd(p.id, d, m) < 0.2 ? -1 : rnd(p.id, d, m) > 0.8 ? 1 : 0)));
        if (trajectory === 'falling') s = last && (d === 'substance_use' || d === 'finances') ? 1 : Math.min(5, s + (i > 0 ? 1 : 0));
        return s;
      });
      const provider = p.provider_id ?? office;
      values.push([
        ids.regionId, ids.id('zrm', p.id, m), p.id, ids.programmeId, measuredOn, m, ...scores,
        'housed_programme', 4 + Math.min(5, i + Math.floor(rnd(p.id, m, 'qol') * 3)), provider, ok && provider === tussenvoorziening ? careWorker : null,
      ]);
    });
  }
  const cols = ['region_id', 'id', 'participant_id', 'programme_id', 'measured_on', 'moment', ...ZRM_DOMAINS, 'housing_status', 'quality_of_life', 'organisation_id', 'measured_by'];
  for (let i = 0; i < values.length; i += 200) {
    const chunk = values.slice(i, i + 200);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => `(${row.map((v) => { params.push(v); return `$${params.length}`; }).join(', ')})`);
    await run(`INSERT INTO zrm_measurements (${cols.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
  await run(
    `INSERT INTO recovery_definitions (region_id, id, programme_id, version, min_housed_months, require_no_return, require_no_domain_at_one, goal_percent, note, created_by, created_at)
     VALUES ($1, $2, $3, 1, 12, true, true, 90, $4, $5, '2020-09-01T09:00:00Z')`,
    [ids.regionId, ids.id('recovery-definition', '1'), ids.programmeId,
      'Duurzaam herstel: minstens 12 maanden gehuisvest zonder terugkeer naar de opvang, en bij de laatste ZRM-meting geen domein op 1 (projectplan Living Lab: > 90 %).',
      ids.userId('programma@eerstethuis.demo')],
  );
  return { measurements: values.length };
}
