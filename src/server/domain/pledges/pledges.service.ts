import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { notFound, validationError, type FieldError } from '../../http/errors.js';
import type { HousingForm, OrganisationKind, TargetGroup } from '../../../shared/enums.js';
import { today } from '../../../shared/dates.js';
import type { CreatePledgeBody } from './pledges.schema.js';

export interface PledgeRow {
  id: string;
  programme_id: string;
  municipality_id: string;
  municipality: string;
  places: number;
  target_group: TargetGroup;
  form: HousingForm;
  pledged_on: string;
  tranche_id: string | null;
  tranche: string | null;
  notes: string | null;
  unit_count: number;
  partners: { id: string; name: string; kind: OrganisationKind }[] | null;
}

/** 404 unless the programme belongs to the caller's region. */
export async function requireProgramme(tx: Tx, regionId: string, programmeId: string) {
  const [p] = await rows<{ id: string }>(tx, sql`SELECT id FROM programmes WHERE region_id = ${regionId} AND id = ${programmeId}`);
  if (!p) throw notFound({ nl: 'Dit programma bestaat niet of is niet zichtbaar voor u.', en: 'This programme does not exist or is not visible to you.' });
}

/** The pledges of a programme with their partners, oldest first (a programme has dozens, not thousands). */
export async function listPledges(tx: Tx, regionId: string, programmeId: string, pledgeId?: string) {
  await requireProgramme(tx, regionId, programmeId);
  return rows<PledgeRow>(
    tx,
    sql`SELECT p.id, p.programme_id, p.municipality_id, m.name AS municipality, p.places, p.target_group, p.form, p.pledged_on,
               p.tranche_id, t.name AS tranche, p.notes,
               (SELECT count(*)::int FROM units u WHERE u.region_id = p.region_id AND u.pledge_id = p.id) AS unit_count,
               (SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.name)
                  FROM pledge_partners pp JOIN organisations o ON o.id = pp.organisation_id
                 WHERE pp.region_id = p.region_id AND pp.pledge_id = p.id) AS partners
          FROM pledges p JOIN municipalities m ON m.id = p.municipality_id LEFT JOIN tranches t ON t.id = p.tranche_id
         WHERE p.region_id = ${regionId} AND p.programme_id = ${programmeId} ${pledgeId ? sql`AND p.id = ${pledgeId}` : sql``}
         ORDER BY p.pledged_on, m.name, p.id`,
  );
}

/**
 * Records a pledge and creates its places as units in status `pledged` on the pledge date, so
 * the pledge shows in the counter's pipeline from that day.
 */
export async function createPledge(tx: Tx, ctx: AccessContext, programmeId: string, b: z.infer<typeof CreatePledgeBody>): Promise<string> {
  await requireProgramme(tx, ctx.regionId, programmeId);
  const errors: FieldError[] = [];
  const [f] = await rows<{ municipality: string | null; tranche: boolean; partners: number }>(
    tx,
    sql`SELECT (SELECT name FROM municipalities WHERE region_id = ${ctx.regionId} AND id = ${b.municipalityId}) AS municipality,
               EXISTS (SELECT 1 FROM tranches WHERE region_id = ${ctx.regionId} AND programme_id = ${programmeId} AND id = ${b.trancheId ?? null}::uuid) AS tranche,
               (SELECT count(*)::int FROM organisations WHERE region_id = ${ctx.regionId} AND id IN (${sql.join(b.partnerIds.map((pid) => sql`${pid}::uuid`), sql`, `)})) AS partners`,
  );
  if (!f.municipality) errors.push({ path: 'municipalityId', message: 'Onbekende gemeente in deze regio', messageEn: 'Unknown municipality in this region' });
  if (b.trancheId && !f.tranche) errors.push({ path: 'trancheId', message: 'Onbekende tranche in dit programma', messageEn: 'Unknown tranche in this programme' });
  if (f.partners !== new Set(b.partnerIds).size) errors.push({ path: 'partnerIds', message: 'Eén of meer partners zijn onbekend in deze regio', messageEn: 'One or more partners are unknown in this region' });
  if (b.pledgedOn > today()) errors.push({ path: 'pledgedOn', message: 'De datum ligt in de toekomst', messageEn: 'The date is in the future' });
  if (errors.length) throw validationError(errors);
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO pledges (region_id, id, programme_id, municipality_id, places, target_group, form, pledged_on, tranche_id, notes, created_by)
        VALUES (${ctx.regionId}, ${id}, ${programmeId}, ${b.municipalityId}, ${b.places}, ${b.targetGroup}, ${b.form}, ${b.pledgedOn},
                ${b.trancheId ?? null}, ${b.notes ?? null}, ${ctx.userId})`,
  );
  for (const partnerId of new Set(b.partnerIds)) {
    await tx.execute(sql`INSERT INTO pledge_partners (region_id, pledge_id, organisation_id) VALUES (${ctx.regionId}, ${id}, ${partnerId})`);
  }
  // One statement for all places: a pledge of 30 homes is 30 units and 30 first events.
  await tx.execute(
    sql`WITH made AS (
          INSERT INTO units (region_id, id, programme_id, pledge_id, tranche_id, municipality_id, label, form, status, status_since)
          SELECT ${ctx.regionId}, gen_random_uuid(), ${programmeId}, ${id}, ${b.trancheId ?? null}, ${b.municipalityId},
                 ${f.municipality} || ' — toezegging ' || ${b.pledgedOn} || ' #' || lpad(n::text, 3, '0'), ${b.form}, 'pledged', ${b.pledgedOn}
            FROM generate_series(1, ${b.places}) AS n
          RETURNING region_id, id)
        INSERT INTO unit_status_events (region_id, id, unit_id, status, effective_date, note, recorded_by)
        SELECT region_id, gen_random_uuid(), id, 'pledged', ${b.pledgedOn}, 'Toezegging', ${ctx.userId} FROM made`,
  );
  return id;
}

export interface TrancheRow {
  id: string;
  programme_id: string;
  number: number;
  name: string;
  capacity: number;
  provider_id: string | null;
  provider: string | null;
  deadline: string | null;
  unit_count: number;
}

/** The tranches of a programme in order. */
export async function listTranches(tx: Tx, regionId: string, programmeId: string) {
  await requireProgramme(tx, regionId, programmeId);
  return rows<TrancheRow>(
    tx,
    sql`SELECT t.id, t.programme_id, t.number, t.name, t.capacity, t.provider_id, o.name AS provider, t.deadline,
               (SELECT count(*)::int FROM units u WHERE u.region_id = t.region_id AND u.tranche_id = t.id AND u.status <> 'withdrawn') AS unit_count
          FROM tranches t LEFT JOIN organisations o ON o.id = t.provider_id
         WHERE t.region_id = ${regionId} AND t.programme_id = ${programmeId} ORDER BY t.number`,
  );
}
