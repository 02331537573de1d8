import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, textArray, type AccessContext } from '../../http/context.js';
import { fieldError, forbidden, notFound, validationError } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import type { ObservationFactor, ObservationTheme } from '../../../shared/livingLab.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import { canObservations } from './observations.policy.js';
import type { CreateObservationBody, ObservationQuery } from './observations.schema.js';

export interface ObservationRow {
  id: string;
  programme_id: string;
  participant_id: string | null;
  participant_code: string | null;
  location_id: string | null;
  location_name: string | null;
  theme: ObservationTheme;
  factor: ObservationFactor;
  tags: string[];
  text: string;
  observed_on: string;
  organisation_id: string;
  organisation_name: string;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
}

// Row-level security decides which observations the caller sees (migration 0023): those on
// participants they see and on locations they see. The joins only add names.
const SELECT = sql`SELECT o.id, o.programme_id, o.participant_id, p.code AS participant_code, o.location_id, l.name AS location_name,
       o.theme, o.factor, o.tags, o.text, o.observed_on, o.organisation_id, org.name AS organisation_name,
       o.author_id, u.name AS author_name, o.created_at
  FROM observations o
  LEFT JOIN participants p ON p.id = o.participant_id
  LEFT JOIN locations l ON l.id = o.location_id
  JOIN organisations org ON org.id = o.organisation_id
  LEFT JOIN users u ON u.id = o.author_id`;

/**
 * Observations the caller may see, newest first, filtered. Observations on participants are
 * participant data: the participants on the page are logged as read.
 */
export async function listObservations(tx: Tx, ctx: AccessContext, q: z.infer<typeof ObservationQuery>) {
  const after = requireCursor(q.cursor, 2);
  const where: SQL[] = [sql`o.region_id = ${ctx.regionId}`];
  // Own participants' and locations' observations only (RLS), and a participant's only while
  // visible (the join keeps merged-away or hidden ones out).
  where.push(sql`(o.participant_id IS NULL OR p.id IS NOT NULL) AND (o.location_id IS NULL OR l.id IS NOT NULL)`);
  if (q.programmeId) where.push(sql`o.programme_id = ${q.programmeId}`);
  if (q.theme) where.push(sql`o.theme = ${q.theme}`);
  if (q.factor) where.push(sql`o.factor = ${q.factor}`);
  if (q.tag) where.push(sql`${q.tag} = ANY (o.tags)`);
  if (q.participantId) where.push(sql`o.participant_id = ${q.participantId}`);
  if (q.locationId) where.push(sql`o.location_id = ${q.locationId}`);
  if (after) where.push(sql`(o.observed_on, o.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const list = await rows<ObservationRow>(tx, sql`${SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY o.observed_on DESC, o.id DESC LIMIT ${q.limit + 1}`);
  const page = list.slice(0, q.limit);
  await participantAccessed(tx, ctx, 'list', page.flatMap((o) => (o.participant_id ? [o.participant_id] : [])));
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([last.observed_on, last.id]) : null };
}

export async function getObservation(tx: Tx, regionId: string, id: string): Promise<ObservationRow> {
  const [row] = await rows<ObservationRow>(tx, sql`${SELECT} WHERE o.region_id = ${regionId} AND o.id = ${id}`);
  if (!row) throw notFound({ nl: 'Deze observatie bestaat niet of is niet zichtbaar voor u.', en: 'This observation does not exist or is not visible to you.' });
  return row;
}

/**
 * Records an observation on a participant the caller sees (participant data: logged) or on a
 * location the caller sees. A corporation records only on its own locations. The programme is
 * the participant's or the location's.
 */
export async function createObservation(tx: Tx, ctx: AccessContext, b: z.infer<typeof CreateObservationBody>): Promise<string> {
  if (b.observedOn > today()) {
    throw validationError([fieldError('observedOn', 'De datum ligt in de toekomst.', 'The date is in the future.')]);
  }
  let programmeId: string;
  if (b.participantId) {
    if (!canObservations.aboutParticipant(ctx)) throw forbidden();
    // Under row-level security: a participant the caller does not see is unknown.
    const [p] = await rows<{ programme_id: string }>(
      tx,
      sql`SELECT programme_id FROM participants WHERE region_id = ${ctx.regionId} AND id = ${b.participantId} AND merged_into_id IS NULL`,
    );
    if (!p) throw validationError([fieldError('participantId', 'Onbekende deelnemer', 'Unknown participant')]);
    programmeId = p.programme_id;
  } else {
    const [l] = await rows<{ programme_id: string }>(tx, sql`SELECT programme_id FROM locations WHERE region_id = ${ctx.regionId} AND id = ${b.locationId!}`);
    if (!l) throw validationError([fieldError('locationId', 'Onbekende locatie', 'Unknown location')]);
    programmeId = l.programme_id;
  }
  const id = crypto.randomUUID();
  const tags = [...new Set(b.tags)];
  await tx.execute(
    sql`INSERT INTO observations (region_id, id, programme_id, participant_id, location_id, theme, factor, tags, text, observed_on, organisation_id, author_id)
        VALUES (${ctx.regionId}, ${id}, ${programmeId}, ${b.participantId ?? null}, ${b.locationId ?? null}, ${b.theme}, ${b.factor},
                ${textArray(tags)}, ${b.text}, ${b.observedOn}, ${ctx.organisationId}, ${ctx.userId})`,
  );
  if (b.participantId) await participantAccessed(tx, ctx, 'create', [b.participantId]);
  return id;
}

/**
 * For the Living Lab overview page: counts of success and failure factors per theme and the
 * most used tags, over the observations the caller may see (no text, no participants: nothing
 * to log).
 */
export async function observationSummary(tx: Tx, ctx: AccessContext, programmeId: string) {
  const counts = await rows<{ theme: ObservationTheme; factor: ObservationFactor; n: number }>(
    tx,
    sql`SELECT theme, factor, count(*)::int AS n FROM observations
         WHERE region_id = ${ctx.regionId} AND programme_id = ${programmeId} GROUP BY theme, factor ORDER BY theme, factor`,
  );
  const tags = await rows<{ theme: ObservationTheme; factor: ObservationFactor; tag: string; n: number }>(
    tx,
    sql`SELECT theme, factor, tag, count(*)::int AS n FROM observations, unnest(tags) AS tag
         WHERE region_id = ${ctx.regionId} AND programme_id = ${programmeId}
         GROUP BY theme, factor, tag ORDER BY n DESC, tag LIMIT 30`,
  );
  return { counts, topTags: tags };
}
