import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { RiskLevel } from '../../../shared/enums.js';
import type { ParticipantRow } from '../participants/participants.service.js';
import { fieldError, validationError } from '../participants/participants.validation.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import type { RiskScreeningBody } from './riskScreening.schema.js';

export interface RiskScreeningRow {
  id: string;
  participant_id: string;
  participant_code: string;
  original_code: string | null;
  organisation_id: string;
  organisation_name: string;
  screened_on: string;
  risk_level: RiskLevel;
  excluded_municipalities: { id: string; name: string }[];
  excluded_areas: string[];
  notes: string | null;
  created_at: Date;
}

/** The risk screenings of a participant (also those of a merged duplicate), oldest first. */
export async function screeningsOf(tx: Tx, regionId: string, participantId: string, id?: string): Promise<RiskScreeningRow[]> {
  return rows<RiskScreeningRow>(
    tx,
    sql`SELECT s.id, s.participant_id, p.code AS participant_code,
               CASE WHEN s.original_participant_id <> s.participant_id THEN op.code END AS original_code,
               s.organisation_id, o.name AS organisation_name, s.screened_on, s.risk_level,
               coalesce((SELECT json_agg(json_build_object('id', m.id, 'name', m.name) ORDER BY m.name)
                           FROM municipalities m WHERE m.region_id = s.region_id AND m.id = ANY(s.excluded_municipality_ids)), '[]'::json) AS excluded_municipalities,
               s.excluded_areas, s.notes, s.created_at
          FROM risk_screenings s
          JOIN participants p ON p.id = s.participant_id
          JOIN participants op ON op.id = s.original_participant_id
          JOIN organisations o ON o.id = s.organisation_id
         WHERE s.region_id = ${regionId} AND s.participant_id = ${participantId} ${id ? sql`AND s.id = ${id}` : sql``}
         ORDER BY s.screened_on, s.created_at`,
  );
}

/**
 * Records a risk screening of a domestic-violence case. Its consequences hold from then on: the
 * address is protected (and stays so), the excluded municipalities are added to the
 * participant's exclusions and dropped from their wishes.
 */
export async function recordScreening(tx: Tx, ctx: AccessContext, p: ParticipantRow, body: z.infer<typeof RiskScreeningBody>): Promise<string> {
  if (p.merged_into_id) {
    throw new AppError('invalid_transition', { nl: `Dit dossier is samengevoegd met ${p.merged_into_code}.`, en: `This record was merged into ${p.merged_into_code}.` });
  }
  if (p.target_group !== 'domestic_violence') {
    throw new AppError('conflict', {
      nl: 'Een risicotaxatie hoort bij de doelgroep huiselijk geweld; pas eerst de doelgroep aan als die van toepassing is.',
      en: 'A risk screening belongs to the domestic-violence target group; change the target group first if it applies.',
    });
  }
  const ids = [...new Set(body.excludedMunicipalityIds)];
  const known = await rows<{ id: string }>(
    tx,
    sql`SELECT id::text AS id FROM municipalities WHERE region_id = ${ctx.regionId} AND id = ANY(${sql.param(ids)}::uuid[])`,
  );
  const errors = [];
  if (known.length !== ids.length) errors.push(fieldError('excludedMunicipalityIds', 'Onbekende gemeente in deze regio', 'Unknown municipality in this region'));
  if (body.screenedOn < p.date_of_birth) errors.push(fieldError('screenedOn', 'De datum ligt vóór de geboortedatum', 'The date is before the date of birth'));
  if (errors.length) throw validationError(errors);
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO risk_screenings (region_id, id, participant_id, original_participant_id, organisation_id, screened_on, risk_level,
          excluded_municipality_ids, excluded_areas, notes, recorded_by)
        VALUES (${ctx.regionId}, ${id}, ${p.id}, ${p.id}, ${ctx.organisationId}, ${body.screenedOn}, ${body.riskLevel},
          ${sql.param(ids)}::uuid[], ${sql.param(body.excludedAreas)}::text[], ${body.notes ?? null}, ${ctx.userId})`,
  );
  await tx.execute(
    sql`UPDATE participants SET protected_address = true,
               excluded_municipality_ids = ARRAY(SELECT DISTINCT unnest(excluded_municipality_ids || ${sql.param(ids)}::uuid[])),
               preferred_municipality_ids = ARRAY(SELECT x FROM unnest(preferred_municipality_ids) WITH ORDINALITY AS t(x, n)
                                                   WHERE NOT x = ANY(${sql.param(ids)}::uuid[]) ORDER BY n),
               version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${p.id}`,
  );
  await participantAccessed(tx, ctx, 'risk_screening', [p.id]);
  return id;
}
