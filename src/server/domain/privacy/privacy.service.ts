import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { actorOf, recordAudit } from '../audit/audit.service.js';

/**
 * Everything the platform holds about one participant, for an access request (AVG art. 15):
 * the record, every referral, phase, assessment, screening, suitability answer and placement,
 * the organisations involved, and who accessed the data when (NEN 7513). Internal keys
 * (region, sort keys) are left out. The export itself is logged.
 */
export async function exportParticipantData(tx: Tx, ctx: AccessContext, participantId: string) {
  const [p] = await rows<{ record: Record<string, unknown>; id: string; code: string }>(
    tx,
    sql`SELECT p.id, p.code, to_jsonb(p) - 'region_id' - 'priority_key' - 'name_key' AS record
          FROM participants p WHERE p.region_id = ${ctx.regionId} AND (p.id::text = ${participantId} OR p.code = ${participantId})`,
  );
  if (!p) throw notFound({ nl: 'Deze deelnemer bestaat niet in uw regio.', en: 'This participant does not exist in your region.' });
  const list = async (query: ReturnType<typeof sql>) => (await rows<{ item: Record<string, unknown> }>(tx, query)).map((r) => r.item);
  const id = p.id;
  const out = {
    generatedAt: new Date().toISOString(),
    legalBasis: 'AVG art. 15 — recht op inzage / right of access',
    participant: p.record,
    organisations: await list(sql`SELECT jsonb_build_object('organisation', o.name, 'relation', po.relation, 'since', po.since) AS item
                                    FROM participant_organisations po JOIN organisations o ON o.id = po.organisation_id
                                   WHERE po.region_id = ${ctx.regionId} AND po.participant_id = ${id} ORDER BY po.since`),
    referrals: await list(sql`SELECT to_jsonb(r) - 'region_id' AS item FROM referrals r WHERE r.region_id = ${ctx.regionId} AND r.participant_id = ${id} ORDER BY r.referred_on`),
    phaseHistory: await list(sql`SELECT to_jsonb(e) - 'region_id' AS item FROM participant_phase_events e WHERE e.region_id = ${ctx.regionId} AND e.participant_id = ${id} ORDER BY e.effective_date, e.seq`),
    careAssessments: await list(sql`SELECT to_jsonb(a) - 'region_id' AS item FROM care_assessments a WHERE a.region_id = ${ctx.regionId} AND a.participant_id = ${id} ORDER BY a.requested_on`),
    riskScreenings: await list(sql`SELECT to_jsonb(s) - 'region_id' AS item FROM risk_screenings s WHERE s.region_id = ${ctx.regionId} AND s.participant_id = ${id} ORDER BY s.screened_on`),
    suitabilityAssessments: await list(sql`SELECT (to_jsonb(s) - 'region_id') || jsonb_build_object('answers',
                                             (SELECT coalesce(jsonb_agg(to_jsonb(a) - 'region_id'), '[]'::jsonb) FROM suitability_answers a WHERE a.assessment_id = s.id)) AS item
                                             FROM suitability_assessments s WHERE s.region_id = ${ctx.regionId} AND s.participant_id = ${id} ORDER BY s.assessed_on`),
    placements: await list(sql`SELECT to_jsonb(pl) - 'region_id' AS item FROM participant_placements pl WHERE pl.region_id = ${ctx.regionId} AND pl.participant_id = ${id} ORDER BY pl.start_date`),
    accessLog: await list(sql`SELECT jsonb_build_object('at', a.at, 'user', u.name, 'organisation', o.name, 'role', a.role, 'action', a.action, 'result', a.result) AS item
                                FROM audit_events a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN organisations o ON o.id = a.organisation_id
                               WHERE a.region_id = ${ctx.regionId} AND (a.participant_id = ${id} OR a.participant_ids @> ARRAY[${id}]::uuid[])
                               ORDER BY a.seq`),
  };
  await recordAudit(tx, actorOf(ctx), { action: 'participant.data_export', resourceType: 'participant', resourceId: id, participantId: id });
  return out;
}

export interface PurgeReport {
  participants: { regionId: string; code: string }[];
  importRows: number;
  drafts: number;
  dryRun: boolean;
}

/**
 * Removes personal data past its retention (privacy_settings per region, defaults 7 years /
 * 30 days / 90 days): names, birth day (the year stays, for age figures), BSN, contact and free
 * text of closed records; raw import rows; old drafts. Phases, dates, units and the audit trail
 * stay, so every figure can still be recomputed. Each purged record gets an audit row.
 * Runs as the database owner (a maintenance command, not a request); `dryRun` changes nothing.
 */
export async function purgeExpired(database: Database, opts: { dryRun: boolean; today?: string }): Promise<PurgeReport> {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  return database.db.transaction(async (tx) => {
    const due = await rows<{ id: string; region_id: string; code: string }>(
      tx,
      sql`SELECT p.id, p.region_id, p.code FROM participants p LEFT JOIN privacy_settings s ON s.region_id = p.region_id
           WHERE p.purged_at IS NULL AND p.phase IN ('exited', 'withdrawn', 'not_eligible')
             AND p.phase_since < ${today}::date - make_interval(years => coalesce(s.closed_record_years, 7))
           ORDER BY p.region_id, p.code`,
    );
    const oldImports = await rows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM participant_import_rows r JOIN participant_imports i ON i.id = r.import_id
            LEFT JOIN privacy_settings s ON s.region_id = i.region_id
           WHERE i.created_at < ${today}::date - make_interval(days => coalesce(s.import_days, 30))`,
    );
    const oldDrafts = await rows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM referral_drafts d LEFT JOIN privacy_settings s ON s.region_id = d.region_id
           WHERE d.updated_at < ${today}::date - make_interval(days => coalesce(s.draft_days, 90))`,
    );
    const report: PurgeReport = {
      participants: due.map((d) => ({ regionId: d.region_id, code: d.code })),
      importRows: oldImports[0].n,
      drafts: oldDrafts[0].n,
      dryRun: opts.dryRun,
    };
    if (opts.dryRun) return report;
    for (const d of due) {
      await tx.execute(sql`UPDATE participants SET given_name = '—', family_name = '—', name_key = ${`purged|${d.code}`},
                             date_of_birth = make_date(extract(year FROM date_of_birth)::int, 1, 1), bsn = NULL, phone = NULL, email = NULL,
                             current_place_note = NULL, children_ages = '{}', purged_at = now(), version = version + 1
                            WHERE id = ${d.id}`);
      await tx.execute(sql`UPDATE referrals SET motivation = '—', notes = NULL WHERE participant_id = ${d.id}`);
      await tx.execute(sql`UPDATE participant_phase_events SET note = NULL WHERE participant_id = ${d.id}`);
      await tx.execute(sql`UPDATE care_assessments SET question = NULL, notes = NULL WHERE participant_id = ${d.id}`);
      await tx.execute(sql`UPDATE risk_screenings SET notes = NULL, excluded_areas = '{}' WHERE participant_id = ${d.id}`);
      await tx.execute(sql`UPDATE suitability_answers SET note = NULL WHERE assessment_id IN (SELECT id FROM suitability_assessments WHERE participant_id = ${d.id})`);
      await tx.execute(sql`UPDATE participant_merges SET snapshot = '{}'::jsonb WHERE survivor_id = ${d.id} OR merged_id = ${d.id}`);
      await recordAudit(tx, { regionId: d.region_id, address: 'purge' }, {
        action: 'participant.purged', resourceType: 'participant', resourceId: d.id, participantId: d.id, details: { reason: 'retention' },
      });
    }
    await tx.execute(sql`DELETE FROM participant_import_rows r USING participant_imports i
                          WHERE i.id = r.import_id
                            AND i.created_at < ${today}::date - make_interval(days => coalesce((SELECT import_days FROM privacy_settings s WHERE s.region_id = i.region_id), 30))`);
    await tx.execute(sql`DELETE FROM referral_drafts d
                          WHERE d.updated_at < ${today}::date - make_interval(days => coalesce((SELECT draft_days FROM privacy_settings s WHERE s.region_id = d.region_id), 90))`);
    return report;
  });
}
