import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound, validationError, type FieldError } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import { UNIT_STATUSES, type UnitStatus } from '../../../shared/enums.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import { canNeighbourhood, type LocationParties } from './neighbourhood.policy.js';
import type {
  ClosureBody, CreateIncidentBody, IncidentQuery, IncidentSeverity, IncidentSource, MeetingBody, MeetingQuery, MixBody,
} from './neighbourhood.schema.js';
import { daysBetween, lastTwelveMonths, neighbourhoodSignal } from './neighbourhood.signal.js';

export interface NeighbourhoodLocation {
  id: string;
  programme_id: string;
  name: string;
  form: string;
  regular_homes: number | null;
  corporation_id: string | null;
  provider_id: string | null;
  municipality_id: string;
  municipality: string;
  district: string | null;
  corporation: string | null;
  provider: string | null;
  version: number;
  alert_days: number;
}

export const partiesOf = (l: { corporation_id: string | null; provider_id: string | null; municipality_id: string }): LocationParties => ({
  corporationId: l.corporation_id,
  providerId: l.provider_id,
  municipalityId: l.municipality_id,
});

const LOCATION_NOT_FOUND = { nl: 'Deze locatie bestaat niet of is niet zichtbaar voor u.', en: 'This location does not exist or is not visible to you.' };
const INCIDENT_NOT_FOUND = { nl: 'Dit incident bestaat niet of is niet zichtbaar voor u.', en: 'This incident does not exist or is not visible to you.' };

/**
 * One location of the caller's region as row-level security lets them see it (another
 * corporation's or municipality's location answers 404), checked against the neighbourhood
 * policy (403 for, e.g., care staff of another provider).
 */
export async function loadLocation(tx: Tx, ctx: AccessContext, id: string, need: 'read' | 'write' | 'setMix'): Promise<NeighbourhoodLocation> {
  const [loc] = await rows<NeighbourhoodLocation>(
    tx,
    sql`SELECT l.id, l.programme_id, l.name, l.form, l.regular_homes, l.corporation_id, l.provider_id, l.municipality_id, m.name AS municipality,
               l.district, c.name AS corporation, p.name AS provider, l.version, pr.incident_alert_days AS alert_days
          FROM locations l
          JOIN municipalities m ON m.region_id = l.region_id AND m.id = l.municipality_id
          JOIN programmes pr ON pr.region_id = l.region_id AND pr.id = l.programme_id
          LEFT JOIN organisations c ON c.id = l.corporation_id
          LEFT JOIN organisations p ON p.id = l.provider_id
         WHERE l.region_id = ${ctx.regionId} AND l.id = ${id}`,
  );
  if (!loc) throw notFound(LOCATION_NOT_FOUND);
  if (!canNeighbourhood[need](ctx, partiesOf(loc))) throw forbidden();
  return loc;
}

// —— The mix ——

/** Sets how many homes of a mixed-living location go to regular tenants; `version` is the location's. */
export async function setMix(tx: Tx, ctx: AccessContext, id: string, b: z.infer<typeof MixBody>): Promise<void> {
  const loc = await loadLocation(tx, ctx, id, 'setMix');
  if (loc.form !== 'mixed') {
    throw new AppError('conflict', {
      nl: 'Alleen een locatie voor gemengd wonen heeft een mix van programmaplekken en reguliere woningen.',
      en: 'Only a mixed-living location has a mix of programme places and regular homes.',
    });
  }
  const done = await rows<{ id: string }>(
    tx,
    sql`UPDATE locations SET regular_homes = ${b.regularHomes}, version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${id} AND version = ${b.version} RETURNING id`,
  );
  if (done.length === 0) {
    throw new AppError('version_conflict', {
      nl: 'Deze locatie is intussen door iemand anders gewijzigd. Laad haar opnieuw en voer uw wijziging nog eens in.',
      en: 'Someone else changed this location in the meantime. Reload it and make your change again.',
    });
  }
}

// —— Meetings ——

export interface MeetingRow {
  id: string;
  location_id: string;
  held_on: string;
  attendees: number | null;
  notes: string;
  recorded_at: string | Date;
}

const MEETING_SELECT = sql`SELECT id, location_id, held_on, attendees, notes, recorded_at FROM neighbourhood_meetings`;

/** A location's neighbourhood meetings, latest first. */
export async function listMeetings(tx: Tx, ctx: AccessContext, locationId: string, q: z.infer<typeof MeetingQuery>) {
  await loadLocation(tx, ctx, locationId, 'read');
  const after = requireCursor(q.cursor, 2);
  const where: SQL[] = [sql`region_id = ${ctx.regionId}`, sql`location_id = ${locationId}`];
  if (after) where.push(sql`(held_on, id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const list = await rows<MeetingRow>(tx, sql`${MEETING_SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY held_on DESC, id DESC LIMIT ${q.limit + 1}`);
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([last.held_on, last.id]) : null };
}

/** Records the notes of a neighbourhood meeting (held, so not in the future). */
export async function createMeeting(tx: Tx, ctx: AccessContext, locationId: string, b: z.infer<typeof MeetingBody>): Promise<MeetingRow> {
  await loadLocation(tx, ctx, locationId, 'write');
  if (b.heldOn > today()) throw validationError([fieldError('heldOn', 'Een bijeenkomst in de toekomst kan nog geen verslag hebben', 'A meeting in the future cannot have notes yet')]);
  const id = crypto.randomUUID();
  const [row] = await rows<MeetingRow>(
    tx,
    sql`INSERT INTO neighbourhood_meetings (region_id, id, location_id, held_on, attendees, notes, recorded_by)
        VALUES (${ctx.regionId}, ${id}, ${locationId}, ${b.heldOn}, ${b.attendees ?? null}, ${b.notes}, ${ctx.userId})
        RETURNING id, location_id, held_on, attendees, notes, recorded_at`,
  );
  return row;
}

// —— Incidents ——

export interface IncidentRow {
  id: string;
  location_id: string;
  location: string;
  occurred_on: string;
  source: IncidentSource;
  severity: IncidentSeverity;
  description: string;
  follow_up: string | null;
  closed_on: string | null;
  version: number;
  /** Whether the caller may see description, follow-up and tenancy link (computed per row). */
  details: boolean;
  /** Null when there is no link or the caller may not see the tenancy (row-level security). */
  tenancy_id: string | null;
  participant_id: string | null;
  unit_label: string | null;
  alert_days: number;
}

/** Locations whose incidents the caller sees at all (on top of row-level security). */
function scopeSql(ctx: AccessContext): SQL {
  if (ctx.roles.includes('programme_office')) return sql`TRUE`;
  const parts: SQL[] = [];
  if (ctx.roles.includes('care_worker') || ctx.roles.includes('care_manager')) parts.push(sql`l.provider_id = ${ctx.organisationId}`);
  if (ctx.roles.includes('corporation')) parts.push(sql`l.corporation_id = ${ctx.organisationId}`);
  if (ctx.roles.includes('municipality') && ctx.municipalityId) parts.push(sql`l.municipality_id = ${ctx.municipalityId}`);
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`FALSE`;
}

/** Locations whose incidents the caller sees in full (the rule of canNeighbourhood.details, as SQL). */
function detailsSql(ctx: AccessContext): SQL {
  if (ctx.roles.includes('programme_office')) return sql`TRUE`;
  const parts: SQL[] = [];
  if (ctx.roles.includes('care_worker') || ctx.roles.includes('care_manager')) parts.push(sql`l.provider_id = ${ctx.organisationId}`);
  if (ctx.roles.includes('corporation')) parts.push(sql`l.corporation_id = ${ctx.organisationId}`);
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`FALSE`;
}

function incidentSelect(ctx: AccessContext): SQL {
  return sql`SELECT i.id, i.location_id, l.name AS location, i.occurred_on, i.source, i.severity, i.description, i.follow_up, i.closed_on, i.version,
                    (${detailsSql(ctx)}) AS details, t.id AS tenancy_id, t.participant_id, u.label AS unit_label, pr.incident_alert_days AS alert_days
               FROM incidents i
               JOIN locations l ON l.region_id = i.region_id AND l.id = i.location_id
               JOIN programmes pr ON pr.region_id = l.region_id AND pr.id = l.programme_id
               LEFT JOIN tenancies t ON t.region_id = i.region_id AND t.id = i.tenancy_id
               LEFT JOIN units u ON u.region_id = t.region_id AND u.id = t.unit_id`;
}

/** The participants identifiable from incidents the caller is shown with their tenancy link. */
const identifiable = (list: readonly IncidentRow[]) => list.filter((i) => i.details && i.participant_id).map((i) => i.participant_id as string);

/**
 * Incidents the caller may see, newest first. Showing a tenancy-linked incident reveals
 * something about its tenant: those reads are logged (participantAccessed).
 */
export async function listIncidents(tx: Tx, ctx: AccessContext, q: z.infer<typeof IncidentQuery>) {
  const after = requireCursor(q.cursor, 2);
  const where: SQL[] = [sql`i.region_id = ${ctx.regionId}`, scopeSql(ctx)];
  if (q.locationId) where.push(sql`i.location_id = ${q.locationId}`);
  if (q.tenancyId) {
    // Filtering by tenancy is itself a question about a person: only for those who see the links.
    if (!canNeighbourhood.writeAny(ctx)) throw forbidden();
    where.push(sql`i.tenancy_id = ${q.tenancyId}`, detailsSql(ctx), sql`t.id IS NOT NULL`);
  }
  if (q.open !== undefined) where.push(q.open ? sql`i.closed_on IS NULL` : sql`i.closed_on IS NOT NULL`);
  if (q.severity) where.push(sql`i.severity = ${q.severity}`);
  if (after) where.push(sql`(i.occurred_on, i.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const list = await rows<IncidentRow>(
    tx,
    sql`${incidentSelect(ctx)} WHERE ${sql.join(where, sql` AND `)} ORDER BY i.occurred_on DESC, i.id DESC LIMIT ${q.limit + 1}`,
  );
  const page = list.slice(0, q.limit);
  await participantAccessed(tx, ctx, 'list', identifiable(page));
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([last.occurred_on, last.id]) : null };
}

/** One incident the caller may see, or 404. */
export async function getIncident(tx: Tx, ctx: AccessContext, id: string, audit = true): Promise<IncidentRow> {
  const [row] = await rows<IncidentRow>(tx, sql`${incidentSelect(ctx)} WHERE i.region_id = ${ctx.regionId} AND i.id = ${id} AND ${scopeSql(ctx)}`);
  if (!row) throw notFound(INCIDENT_NOT_FOUND);
  if (audit) await participantAccessed(tx, ctx, 'read', identifiable([row]));
  return row;
}

/** An incident the caller may change: seen in full at a location they work with. */
async function incidentForWrite(tx: Tx, ctx: AccessContext, id: string): Promise<IncidentRow> {
  const row = await getIncident(tx, ctx, id, false);
  if (!row.details) throw forbidden();
  return row;
}

const conflict = () =>
  new AppError('version_conflict', {
    nl: 'Dit incident is intussen door iemand anders gewijzigd. Laad het opnieuw en voer uw wijziging nog eens in.',
    en: 'Someone else changed this incident in the meantime. Reload it and make your change again.',
  });

/**
 * Records an incident or nuisance report at a location, about the location as a whole or
 * about one tenancy there (the tenancy must be at that location and run on the day it happened).
 */
export async function createIncident(tx: Tx, ctx: AccessContext, b: z.infer<typeof CreateIncidentBody>): Promise<IncidentRow> {
  const loc = await loadLocation(tx, ctx, b.locationId, 'write');
  const errors: FieldError[] = [];
  if (b.occurredOn > today()) errors.push(fieldError('occurredOn', 'De datum ligt in de toekomst', 'The date is in the future'));
  let participantId: string | null = null;
  if (b.tenancyId) {
    const [t] = await rows<{ participant_id: string; start_date: string; end_date: string | null }>(
      tx,
      sql`SELECT t.participant_id, t.start_date, t.end_date FROM tenancies t
            JOIN units u ON u.region_id = t.region_id AND u.id = t.unit_id
           WHERE t.region_id = ${ctx.regionId} AND t.id = ${b.tenancyId} AND u.location_id = ${loc.id}`,
    );
    if (!t) {
      errors.push(fieldError('tenancyId', 'Onbekende huurovereenkomst op deze locatie', 'Unknown tenancy at this location'));
    } else {
      participantId = t.participant_id;
      if (b.occurredOn < t.start_date || (t.end_date && b.occurredOn > t.end_date)) {
        errors.push(fieldError('occurredOn', 'De datum valt buiten de looptijd van de huurovereenkomst', 'The date falls outside the tenancy'));
      }
    }
  }
  if (errors.length) throw validationError(errors);
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO incidents (region_id, id, location_id, tenancy_id, occurred_on, source, severity, description, follow_up, recorded_by)
        VALUES (${ctx.regionId}, ${id}, ${loc.id}, ${b.tenancyId ?? null}, ${b.occurredOn}, ${b.source}, ${b.severity}, ${b.description},
                ${b.followUp ?? null}, ${ctx.userId})`,
  );
  if (participantId) await participantAccessed(tx, ctx, 'update', [participantId]);
  return getIncident(tx, ctx, id, false);
}

/** Changes an incident's severity and follow-up; `version` must match. */
export async function patchIncident(
  tx: Tx,
  ctx: AccessContext,
  id: string,
  b: { version: number; severity?: IncidentSeverity; followUp?: string | null },
): Promise<IncidentRow> {
  const row = await incidentForWrite(tx, ctx, id);
  const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = now()`];
  if (b.severity !== undefined) sets.push(sql`severity = ${b.severity}`);
  if (b.followUp !== undefined) sets.push(sql`follow_up = ${b.followUp}`);
  const done = await rows<{ id: string }>(
    tx,
    sql`UPDATE incidents SET ${sql.join(sets, sql`, `)} WHERE region_id = ${ctx.regionId} AND id = ${id} AND version = ${b.version} RETURNING id`,
  );
  if (done.length === 0) throw conflict();
  if (row.participant_id) await participantAccessed(tx, ctx, 'update', [row.participant_id]);
  return getIncident(tx, ctx, id, false);
}

/** Closes an open incident with its date and the follow-up given; not before it happened. */
export async function closeIncident(tx: Tx, ctx: AccessContext, id: string, b: z.infer<typeof ClosureBody>): Promise<IncidentRow> {
  const row = await incidentForWrite(tx, ctx, id);
  if (b.version !== undefined && b.version !== row.version) throw conflict();
  if (row.closed_on) {
    throw new AppError('conflict', { nl: 'Dit incident is al afgesloten.', en: 'This incident is already closed.' });
  }
  const errors: FieldError[] = [];
  if (b.closedOn < row.occurred_on) {
    errors.push(fieldError('closedOn', 'Afsluiten kan niet vóór de datum van het incident', 'An incident cannot be closed before it occurred'));
  }
  if (b.closedOn > today()) errors.push(fieldError('closedOn', 'De datum ligt in de toekomst', 'The date is in the future'));
  if (errors.length) throw validationError(errors);
  const done = await rows<{ id: string }>(
    tx,
    sql`UPDATE incidents SET closed_on = ${b.closedOn}, follow_up = ${b.followUp}, version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${id} AND version = ${row.version} AND closed_on IS NULL RETURNING id`,
  );
  if (done.length === 0) throw conflict();
  if (row.participant_id) await participantAccessed(tx, ctx, 'update', [row.participant_id]);
  return getIncident(tx, ctx, id, false);
}

// —— How a building is doing ——

/**
 * The neighbourhood figures of one location on a day (default today): the mix, units by
 * status, tenancies (aggregates only, counted by location_tenancy_figures so every party sees
 * the same numbers), incidents per month for the twelve months ending that month, the
 * incidents open on that day with their age, the latest meetings and the signal. No incident
 * description or tenancy link is part of it, so it holds nothing about a person.
 */
export async function overview(tx: Tx, ctx: AccessContext, locationId: string, on = today()) {
  const loc = await loadLocation(tx, ctx, locationId, 'read');
  const byStatus = await rows<{ status: UnitStatus; n: number }>(
    tx,
    sql`SELECT status, count(*)::int AS n FROM units WHERE region_id = ${ctx.regionId} AND location_id = ${loc.id} GROUP BY status`,
  );
  const unitsByStatus = Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as Record<UnitStatus, number>;
  for (const r of byStatus) unitsByStatus[r.status] = r.n;
  const programmePlaces = UNIT_STATUSES.filter((s) => s !== 'withdrawn').reduce((sum, s) => sum + unitsByStatus[s], 0);

  const [ten] = await rows<{ current_count: number; provider_held: number; tenant_held: number; flipped: number; ended: number }>(
    tx,
    sql`SELECT * FROM location_tenancy_figures(${loc.id}::uuid)`,
  );

  const months = lastTwelveMonths(on);
  const perMonth = await rows<{ month: string; severity: IncidentSeverity; n: number }>(
    tx,
    sql`SELECT to_char(occurred_on, 'YYYY-MM') AS month, severity, count(*)::int AS n FROM incidents
         WHERE region_id = ${ctx.regionId} AND location_id = ${loc.id} AND occurred_on >= ${`${months[0]}-01`}::date AND occurred_on <= ${on}::date
         GROUP BY 1, 2`,
  );
  const incidentsByMonth = months.map((month) => {
    const of = (s: IncidentSeverity) => perMonth.find((r) => r.month === month && r.severity === s)?.n ?? 0;
    const [low, medium, high] = [of('low'), of('medium'), of('high')];
    return { month, low, medium, high, total: low + medium + high };
  });

  const open = await rows<{ id: string; occurred_on: string; source: IncidentSource; severity: IncidentSeverity }>(
    tx,
    sql`SELECT id, occurred_on, source, severity FROM incidents
         WHERE region_id = ${ctx.regionId} AND location_id = ${loc.id} AND occurred_on <= ${on}::date AND (closed_on IS NULL OR closed_on > ${on}::date)
         ORDER BY occurred_on, id`,
  );
  const openIncidents = open.map((i) => {
    const ageDays = daysBetween(i.occurred_on, on);
    return { id: i.id, occurredOn: i.occurred_on, source: i.source, severity: i.severity, ageDays, overdue: ageDays > loc.alert_days };
  });

  const lastMeetings = await rows<MeetingRow>(
    tx,
    sql`${MEETING_SELECT} WHERE region_id = ${ctx.regionId} AND location_id = ${loc.id} AND held_on <= ${on}::date ORDER BY held_on DESC, id DESC LIMIT 3`,
  );

  const parties = partiesOf(loc);
  return {
    loc,
    on,
    mixed: loc.form === 'mixed',
    mix: { programmePlaces, regularHomes: loc.regular_homes, total: programmePlaces + (loc.regular_homes ?? 0) },
    unitsByStatus,
    tenancies: { current: ten.current_count, providerHeld: ten.provider_held, tenantHeld: ten.tenant_held, flipped: ten.flipped, ended: ten.ended },
    incidentsByMonth,
    alertDays: loc.alert_days,
    openIncidents,
    openCount: openIncidents.length,
    overdueCount: openIncidents.filter((i) => i.overdue).length,
    lastMeetings,
    signal: neighbourhoodSignal(openIncidents, loc.alert_days),
    abilities: {
      setMix: loc.form === 'mixed' && canNeighbourhood.setMix(ctx, parties),
      recordIncident: canNeighbourhood.write(ctx, parties),
      recordMeeting: canNeighbourhood.write(ctx, parties),
      incidentDetails: canNeighbourhood.details(ctx, parties),
    },
  };
}
