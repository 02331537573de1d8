import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound, validationError } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import type {
  ContactKind,
  GoalStatus,
  GuidanceEndReason,
  GuidanceLevel,
  LifeDomain,
  ParticipantRelation,
  SupportKind,
  SupportStatus,
} from '../../../shared/enums.js';
import { today } from '../../../shared/dates.js';
import { participantAccessed, visibleToSql } from '../participants/participants.visibility.js';
import { notify } from '../notifications/notifications.service.js';
import { canGuidance, type GuidanceTarget } from './guidance.policy.js';
import type {
  ContactQuery,
  CreateContactBody,
  CreateEpisodeBody,
  CreateGoalBody,
  CreateSupportBody,
  EndingBody,
  HandoverBody,
  TeamQuery,
  UpdateEpisodeBody,
  UpdateGoalBody,
  UpdateSupportBody,
} from './guidance.schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Adds whole months to an ISO date (the end of a shorter month clamps: 31 Jan + 1 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

// —— Rows ——
export interface GuidedParticipant {
  id: string;
  code: string;
  given_name: string | null;
  family_name: string | null;
  phase: string;
  programme_id: string;
  provider_id: string | null;
  protected_address: boolean;
  review_months: number;
  relations: ParticipantRelation[];
  guiding_ids: string[];
  current_org: string | null;
}

export interface EpisodeRow {
  id: string;
  participant_id: string;
  tenancy_id: string | null;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: string;
  start_date: string;
  hours_per_week: string | number;
  level: GuidanceLevel;
  review_due_on: string | null;
  end_date: string | null;
  end_reason: GuidanceEndReason | null;
  end_note: string | null;
  previous_episode_id: string | null;
  version: number;
}

export interface IntensityRow {
  id: string;
  episode_id: string;
  effective_date: string;
  hours_per_week: string | number;
  level: GuidanceLevel;
}

export interface GoalRow {
  id: string;
  episode_id: string;
  domain: LifeDomain;
  description: string;
  target_date: string | null;
  status: GoalStatus;
  status_on: string | null;
  version: number;
}

export interface ContactRow {
  id: string;
  episode_id: string;
  contact_date: string;
  kind: ContactKind;
  minutes: number;
  note: string | null;
  recorded_by_name: string | null;
}

export interface HandoverRow {
  id: string;
  from_episode_id: string;
  to_episode_id: string;
  team_id: string;
  team_name: string;
  handover_date: string;
  handed_over: string;
}

export interface SupportRow {
  id: string;
  participant_id: string;
  kind: SupportKind;
  organisation_name: string | null;
  start_date: string;
  end_date: string | null;
  status: SupportStatus;
  note: string | null;
  version: number;
}

export interface HomeRow {
  unit_id: string;
  label: string;
  location: string | null;
  district: string | null;
  municipality_id: string | null;
  municipality: string | null;
  tenancy_id: string | null;
}

const participantNotFound = () =>
  notFound({ nl: 'Deze deelnemer bestaat niet of is niet zichtbaar voor u.', en: 'This participant does not exist or is not visible to you.' });
const episodeNotFound = () =>
  notFound({ nl: 'Deze begeleiding bestaat niet of is niet zichtbaar voor u.', en: 'This guidance episode does not exist or is not visible to you.' });
const stale = (what: { nl: string; en: string }) =>
  new AppError('version_conflict', {
    nl: `${what.nl} is intussen door iemand anders gewijzigd. Laad de pagina opnieuw en voer uw wijziging nog eens in.`,
    en: `Someone else changed ${what.en} in the meantime. Reload the page and make your change again.`,
  });
const EPISODE = { nl: 'Deze begeleiding', en: 'this guidance episode' };
const ended = () =>
  new AppError('invalid_transition', {
    nl: 'Deze begeleiding is al beëindigd; start zo nodig een nieuwe.',
    en: 'This guidance episode has already ended; start a new one if needed.',
  });

/**
 * A participant the caller may see (404 otherwise), with what the guidance policy needs: the
 * caller's organisation's relations, who guided and who guides now.
 */
export async function guidedParticipant(tx: Tx, ctx: AccessContext, ref: string, opts: { lock?: boolean } = {}): Promise<GuidedParticipant> {
  const match = UUID.test(ref) ? sql`p.id = ${ref}::uuid` : sql`p.code = ${ref}`;
  const [row] = await rows<GuidedParticipant>(
    tx,
    sql`SELECT p.id, p.code, p.given_name, p.family_name, p.phase, p.programme_id, p.provider_id, p.protected_address,
               pr.guidance_review_months AS review_months,
               ARRAY(SELECT DISTINCT po.relation FROM participant_organisations po
                      WHERE po.region_id = p.region_id AND po.participant_id = p.id AND po.organisation_id = ${ctx.organisationId}) AS relations,
               ARRAY(SELECT DISTINCT e.organisation_id::text FROM guidance_episodes e WHERE e.region_id = p.region_id AND e.participant_id = p.id) AS guiding_ids,
               (SELECT e.organisation_id FROM guidance_episodes e
                 WHERE e.region_id = p.region_id AND e.participant_id = p.id AND e.end_date IS NULL) AS current_org
          FROM participants p JOIN programmes pr ON pr.id = p.programme_id
         WHERE p.region_id = ${ctx.regionId} AND ${match} AND p.merged_into_id IS NULL AND ${visibleToSql(ctx)}
         ${opts.lock ? sql`FOR UPDATE OF p` : sql``}`,
  );
  if (!row) throw participantNotFound();
  return row;
}

export const targetOf = (p: GuidedParticipant): GuidanceTarget => ({
  relations: p.relations,
  guidingOrganisationIds: p.guiding_ids,
  currentOrganisationId: p.current_org,
});

/** The participant for a read or a write by the caller: 404 when invisible, 403 when the policy refuses. */
async function participantFor(tx: Tx, ctx: AccessContext, ref: string, may: (t: GuidanceTarget) => boolean, lock = false) {
  const p = await guidedParticipant(tx, ctx, ref, { lock });
  if (!may(targetOf(p))) throw forbidden();
  return p;
}

const EPISODE_SELECT = sql`SELECT e.id, e.participant_id, e.tenancy_id, e.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind,
       e.start_date, e.hours_per_week, e.level, e.review_due_on, e.end_date, e.end_reason, e.end_note, e.previous_episode_id, e.version
  FROM guidance_episodes e JOIN organisations o ON o.id = e.organisation_id`;

/**
 * An episode and its participant for a write: the participant row is locked first (every
 * guidance write of one person is serialised on it), then the episode. 404 when either is not
 * visible; 403 unless the caller writes for the episode's organisation (or is the office).
 */
async function episodeForWrite(tx: Tx, ctx: AccessContext, id: string): Promise<{ e: EpisodeRow; p: GuidedParticipant }> {
  const [peek] = await rows<{ participant_id: string }>(tx, sql`SELECT participant_id FROM guidance_episodes WHERE region_id = ${ctx.regionId} AND id = ${id}`);
  if (!peek) throw episodeNotFound();
  const p = await guidedParticipant(tx, ctx, peek.participant_id, { lock: true });
  const [e] = await rows<EpisodeRow>(tx, sql`${EPISODE_SELECT} WHERE e.region_id = ${ctx.regionId} AND e.id = ${id} FOR UPDATE OF e`);
  if (!e) throw episodeNotFound();
  if (!canGuidance.read(ctx, targetOf(p))) throw episodeNotFound();
  if (!canGuidance.writeEpisode(ctx, e.organisation_id)) throw forbidden();
  return { e, p };
}

/** An episode for a read (its contacts): 404 when invisible, 403 when the policy refuses. */
export async function episodeForRead(tx: Tx, ctx: AccessContext, id: string): Promise<{ e: EpisodeRow; p: GuidedParticipant }> {
  const [e] = await rows<EpisodeRow>(tx, sql`${EPISODE_SELECT} WHERE e.region_id = ${ctx.regionId} AND e.id = ${id}`);
  if (!e) throw episodeNotFound();
  const p = await participantFor(tx, ctx, e.participant_id, (t) => canGuidance.read(ctx, t));
  return { e, p };
}

/** Where the participant lives now: the current tenancy's home, else the current placement's. */
export async function currentHome(tx: Tx, regionId: string, participantId: string): Promise<HomeRow | null> {
  const [home] = await rows<HomeRow>(
    tx,
    sql`SELECT u.id AS unit_id, u.label, l.name AS location, l.district, coalesce(l.municipality_id, u.municipality_id) AS municipality_id,
               m.name AS municipality, h.tenancy_id
          FROM (SELECT t.unit_id, t.id AS tenancy_id, 0 AS rank FROM tenancies t
                 WHERE t.region_id = ${regionId} AND t.participant_id = ${participantId} AND t.end_date IS NULL
                UNION ALL
                SELECT pl.unit_id, NULL::uuid, 1 FROM participant_placements pl
                 WHERE pl.region_id = ${regionId} AND pl.participant_id = ${participantId} AND pl.end_date IS NULL) h
          JOIN units u ON u.id = h.unit_id
          LEFT JOIN locations l ON l.id = u.location_id
          LEFT JOIN municipalities m ON m.id = coalesce(l.municipality_id, u.municipality_id)
         ORDER BY h.rank LIMIT 1`,
  );
  return home ?? null;
}

async function currentTenancyId(tx: Tx, regionId: string, participantId: string): Promise<string | null> {
  const [t] = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM tenancies WHERE region_id = ${regionId} AND participant_id = ${participantId} AND end_date IS NULL`,
  );
  return t?.id ?? null;
}

async function addRelation(tx: Tx, regionId: string, participantId: string, organisationId: string, relation: ParticipantRelation, since: string) {
  await tx.execute(
    sql`INSERT INTO participant_organisations (region_id, participant_id, organisation_id, relation, since)
        VALUES (${regionId}, ${participantId}, ${organisationId}, ${relation}, ${since}) ON CONFLICT DO NOTHING`,
  );
}

async function insertIntensity(tx: Tx, ctx: AccessContext, episodeId: string, effectiveDate: string, hours: number, level: GuidanceLevel) {
  await tx.execute(
    sql`INSERT INTO guidance_intensities (region_id, id, episode_id, effective_date, hours_per_week, level, recorded_by)
        VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${episodeId}, ${effectiveDate}, ${hours}, ${level}, ${ctx.userId})`,
  );
}

async function insertEpisode(
  tx: Tx,
  ctx: AccessContext,
  e: { participantId: string; tenancyId: string | null; organisationId: string; startDate: string; hours: number; level: GuidanceLevel; reviewDueOn: string; previousId?: string },
): Promise<string> {
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO guidance_episodes (region_id, id, participant_id, tenancy_id, organisation_id, start_date, hours_per_week, level, review_due_on,
          previous_episode_id, created_by)
        VALUES (${ctx.regionId}, ${id}, ${e.participantId}, ${e.tenancyId}, ${e.organisationId}, ${e.startDate}, ${e.hours}, ${e.level},
                ${e.reviewDueOn}, ${e.previousId ?? null}, ${ctx.userId})`,
  );
  await insertIntensity(tx, ctx, id, e.startDate, e.hours, e.level);
  return id;
}

/**
 * Starts guidance for a participant by a care provider or neighbourhood team (default the
 * caller's organisation; for the office the participant's provider), linked to the current tenancy. One episode runs at a time; the
 * organisation becomes involved with the person so its care staff see them.
 */
export async function startEpisode(tx: Tx, ctx: AccessContext, ref: string, body: z.infer<typeof CreateEpisodeBody>): Promise<string> {
  const p = await participantFor(tx, ctx, ref, (t) => canGuidance.start(ctx, t), true);
  // Care staff start guidance for their own organisation; the office by default for the person's provider.
  const office = ctx.roles.includes('programme_office');
  const organisationId = body.organisationId ?? (office && p.provider_id ? p.provider_id : ctx.organisationId);
  if (!office && organisationId !== ctx.organisationId) throw forbidden();
  const [org] = await rows<{ kind: string }>(tx, sql`SELECT kind FROM organisations WHERE region_id = ${ctx.regionId} AND id = ${organisationId}`);
  if (!org || (org.kind !== 'care_provider' && org.kind !== 'neighbourhood_team')) {
    throw validationError([
      fieldError('organisationId', 'Kies een zorgaanbieder of buurtteam van deze regio.', 'Choose a care provider or neighbourhood team of this region.'),
    ]);
  }
  if (p.current_org) {
    throw new AppError('conflict', {
      nl: 'Deze deelnemer krijgt al begeleiding; wijzig of beëindig die eerst.',
      en: 'This participant is already being guided; change or end that episode first.',
    });
  }
  if (body.reviewDueOn && body.reviewDueOn < body.startDate) {
    throw validationError([fieldError('reviewDueOn', 'De evaluatiedatum ligt vóór de start.', 'The review date is before the start.')]);
  }
  const id = await insertEpisode(tx, ctx, {
    participantId: p.id,
    tenancyId: await currentTenancyId(tx, ctx.regionId, p.id),
    organisationId,
    startDate: body.startDate,
    hours: body.hoursPerWeek,
    level: body.level,
    reviewDueOn: body.reviewDueOn ?? addMonths(body.startDate, p.review_months),
  });
  await addRelation(tx, ctx.regionId, p.id, organisationId, org.kind === 'neighbourhood_team' ? 'neighbourhood_team' : 'provider', body.startDate);
  await participantAccessed(tx, ctx, 'create', [p.id]);
  return id;
}

/**
 * Changes the current intensity (appending to the history, which the business case reads its
 * hours from) and/or the review date. `version` must match.
 */
export async function updateEpisode(tx: Tx, ctx: AccessContext, id: string, body: z.infer<typeof UpdateEpisodeBody>) {
  const { e, p } = await episodeForWrite(tx, ctx, id);
  if (e.end_date) throw ended();
  if (e.version !== body.version) throw stale(EPISODE);
  const hours = body.hoursPerWeek ?? Number(e.hours_per_week);
  const level = body.level ?? e.level;
  const changed = hours !== Number(e.hours_per_week) || level !== e.level;
  if (changed) {
    const effective = body.effectiveDate ?? today();
    const [last] = await rows<{ d: string }>(tx, sql`SELECT max(effective_date)::text AS d FROM guidance_intensities WHERE region_id = ${ctx.regionId} AND episode_id = ${id}`);
    const notBefore = last?.d && last.d > e.start_date ? last.d : e.start_date;
    if (effective < notBefore) {
      throw validationError([
        fieldError('effectiveDate', `De datum ligt vóór de vorige wijziging of de start (${notBefore}).`, `The date is before the previous change or the start (${notBefore}).`),
      ]);
    }
    await insertIntensity(tx, ctx, id, effective, hours, level);
  }
  if (body.reviewDueOn && body.reviewDueOn < e.start_date) {
    throw validationError([fieldError('reviewDueOn', 'De evaluatiedatum ligt vóór de start.', 'The review date is before the start.')]);
  }
  await tx.execute(
    sql`UPDATE guidance_episodes SET hours_per_week = ${hours}, level = ${level}, review_due_on = ${body.reviewDueOn ?? e.review_due_on},
               version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${id}`,
  );
  await participantAccessed(tx, ctx, 'update', [p.id]);
}

/** Ends an episode with a reason (a hand-over has its own route). */
export async function endEpisode(tx: Tx, ctx: AccessContext, id: string, body: z.infer<typeof EndingBody>) {
  const { e, p } = await episodeForWrite(tx, ctx, id);
  if (e.end_date) throw ended();
  if (e.version !== body.version) throw stale(EPISODE);
  if (body.endDate < e.start_date) {
    throw validationError([fieldError('endDate', `De einddatum ligt vóór de start (${e.start_date}).`, `The end date is before the start (${e.start_date}).`)]);
  }
  await tx.execute(
    sql`UPDATE guidance_episodes SET end_date = ${body.endDate}, end_reason = ${body.reason}, end_note = ${body.note ?? null},
               version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${id}`,
  );
  await participantAccessed(tx, ctx, 'update', [p.id]);
}

const norm = (s: string | null) => (s ?? '').trim().toLowerCase();

/**
 * The scale-down (afschalen): the current episode hands over to the neighbourhood team of the
 * district the person lives in. The team must be a neighbourhood team of the same district as
 * the home (or, when a district is unknown, of the same municipality — the answer says so). The
 * episode ends (`handed_over`), the team starts a `light` episode that continues it, the
 * hand-over is recorded, and the team becomes involved with the person so its care staff see
 * them. Anything refused writes nothing.
 */
export async function handOver(tx: Tx, ctx: AccessContext, id: string, body: z.infer<typeof HandoverBody>) {
  const { e, p } = await episodeForWrite(tx, ctx, id);
  if (e.end_date) throw ended();
  if (e.version !== body.version) throw stale(EPISODE);
  if (body.handoverDate < e.start_date) {
    throw validationError([
      fieldError('handoverDate', `De overdrachtsdatum ligt vóór de start van de begeleiding (${e.start_date}).`, `The hand-over date is before the start of the guidance (${e.start_date}).`),
    ]);
  }
  const [team] = await rows<{ id: string; name: string; kind: string; district: string | null; municipality_id: string | null }>(
    tx,
    sql`SELECT id, name, kind, district, municipality_id FROM organisations WHERE region_id = ${ctx.regionId} AND id = ${body.teamId}`,
  );
  if (!team) throw validationError([fieldError('teamId', 'Onbekend buurtteam in deze regio.', 'Unknown neighbourhood team in this region.')]);
  if (team.kind !== 'neighbourhood_team') {
    throw validationError([
      fieldError('teamId', `${team.name} is geen buurtteam: afschalen gaat naar een buurtteam.`, `${team.name} is not a neighbourhood team: scaling down goes to a neighbourhood team.`),
    ]);
  }
  if (team.id === e.organisation_id) {
    throw validationError([fieldError('teamId', 'Dit buurtteam begeleidt al.', 'This neighbourhood team is already guiding.')]);
  }
  const home = await currentHome(tx, ctx.regionId, p.id);
  if (!home) {
    throw validationError([
      fieldError('teamId', 'Er is geen woning bekend: afschalen gaat naar het buurtteam van de wijk waar iemand woont.', 'No home is known: scaling down goes to the neighbourhood team of the district the person lives in.'),
    ]);
  }
  let matchedOn: 'district' | 'municipality';
  let message: { nl: string; en: string };
  if (team.district && home.district) {
    if (norm(team.district) !== norm(home.district)) {
      throw validationError([
        fieldError('teamId', `${team.name} werkt in ${team.district}, de woning ligt in ${home.district}: kies het buurtteam van die wijk.`,
          `${team.name} works in ${team.district}, the home is in ${home.district}: choose the neighbourhood team of that district.`),
      ]);
    }
    matchedOn = 'district';
    message = { nl: `Overgedragen aan ${team.name} (wijk ${home.district}).`, en: `Handed over to ${team.name} (district ${home.district}).` };
  } else {
    if (!team.municipality_id || team.municipality_id !== home.municipality_id) {
      throw validationError([
        fieldError('teamId', `De wijk is niet bekend en ${team.name} werkt niet in de gemeente van de woning${home.municipality ? ` (${home.municipality})` : ''}.`,
          `The district is not known and ${team.name} does not work in the municipality of the home${home.municipality ? ` (${home.municipality})` : ''}.`),
      ]);
    }
    matchedOn = 'municipality';
    message = {
      nl: `Overgedragen aan ${team.name}. De wijk van ${team.district ? 'de woning' : 'het buurtteam'} is niet bekend; alleen de gemeente is gecontroleerd.`,
      en: `Handed over to ${team.name}. The district of ${team.district ? 'the home' : 'the team'} is not known; only the municipality was checked.`,
    };
  }
  await tx.execute(
    sql`UPDATE guidance_episodes SET end_date = ${body.handoverDate}, end_reason = 'handed_over', version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${id}`,
  );
  const toId = await insertEpisode(tx, ctx, {
    participantId: p.id,
    tenancyId: home.tenancy_id ?? e.tenancy_id,
    organisationId: team.id,
    startDate: body.handoverDate,
    hours: body.hoursPerWeek ?? Math.min(2, Number(e.hours_per_week)),
    level: 'light',
    reviewDueOn: addMonths(body.handoverDate, p.review_months),
    previousId: id,
  });
  const handoverId = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO guidance_handovers (region_id, id, from_episode_id, to_episode_id, team_id, handover_date, handed_over, recorded_by)
        VALUES (${ctx.regionId}, ${handoverId}, ${id}, ${toId}, ${team.id}, ${body.handoverDate}, ${body.handedOver}, ${ctx.userId})`,
  );
  await addRelation(tx, ctx.regionId, p.id, team.id, 'neighbourhood_team', body.handoverDate);
  await participantAccessed(tx, ctx, 'update', [p.id]);
  // The team hears of it (the code only: mail leaves the system).
  await notify(tx, ctx.regionId, { organisationId: team.id, roles: ['care_worker', 'care_manager'] }, {
    kind: 'guidance_handover',
    title: { nl: 'Begeleiding overgedragen aan uw buurtteam', en: 'Guidance handed over to your neighbourhood team' },
    body: {
      nl: `${e.organisation_name} heeft de begeleiding van ${p.code} per ${body.handoverDate} aan ${team.name} overgedragen.`,
      en: `${e.organisation_name} handed the guidance of ${p.code} over to ${team.name} as of ${body.handoverDate}.`,
    },
    link: `/deelnemers/${p.code}/begeleiding`,
  });
  return { handoverId, toEpisodeId: toId, participantId: p.id, matchedOn, message };
}

// —— The plan ——

/** Adds a goal in a life domain to an open episode. */
export async function addGoal(tx: Tx, ctx: AccessContext, episodeId: string, body: z.infer<typeof CreateGoalBody>): Promise<string> {
  const { e, p } = await episodeForWrite(tx, ctx, episodeId);
  if (e.end_date) throw ended();
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO guidance_goals (region_id, id, episode_id, domain, description, target_date, created_by)
        VALUES (${ctx.regionId}, ${id}, ${episodeId}, ${body.domain}, ${body.description}, ${body.targetDate ?? null}, ${ctx.userId})`,
  );
  await participantAccessed(tx, ctx, 'update', [p.id]);
  return id;
}

const GOAL = { nl: 'Dit doel', en: 'this goal' };

/** Changes a goal: its status (with the date it changed), description or target date. */
export async function updateGoal(tx: Tx, ctx: AccessContext, goalId: string, body: z.infer<typeof UpdateGoalBody>): Promise<GoalRow> {
  const [g] = await rows<GoalRow>(tx, sql`SELECT * FROM guidance_goals WHERE region_id = ${ctx.regionId} AND id = ${goalId}`);
  if (!g) throw notFound({ nl: 'Dit doel bestaat niet of is niet zichtbaar voor u.', en: 'This goal does not exist or is not visible to you.' });
  const { p } = await episodeForWrite(tx, ctx, g.episode_id);
  if (g.version !== body.version) throw stale(GOAL);
  const statusChanged = body.status !== undefined && body.status !== g.status;
  const sets: SQL[] = [sql`version = version + 1`];
  if (statusChanged) {
    sets.push(sql`status = ${body.status}`, sql`status_on = ${body.status === 'open' ? null : (body.statusOn ?? today())}`);
  }
  if (body.description !== undefined) sets.push(sql`description = ${body.description}`);
  if (body.targetDate !== undefined) sets.push(sql`target_date = ${body.targetDate}`);
  const [out] = await rows<GoalRow>(
    tx,
    sql`UPDATE guidance_goals SET ${sql.join(sets, sql`, `)} WHERE region_id = ${ctx.regionId} AND id = ${goalId} AND version = ${body.version}
        RETURNING id, episode_id, domain, description, target_date, status, status_on, version`,
  );
  if (!out) throw stale(GOAL);
  await participantAccessed(tx, ctx, 'update', [p.id]);
  return out;
}

// —— Contacts ——

/** Logs a contact of an episode (also afterwards, within the episode's dates). */
export async function addContact(tx: Tx, ctx: AccessContext, episodeId: string, body: z.infer<typeof CreateContactBody>): Promise<string> {
  const { e, p } = await episodeForWrite(tx, ctx, episodeId);
  if (body.contactDate < e.start_date || (e.end_date && body.contactDate > e.end_date)) {
    throw validationError([
      fieldError('contactDate', `De datum valt buiten de begeleiding (${e.start_date} – ${e.end_date ?? 'nu'}).`, `The date lies outside the episode (${e.start_date} – ${e.end_date ?? 'now'}).`),
    ]);
  }
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO guidance_contacts (region_id, id, episode_id, contact_date, kind, minutes, note, recorded_by)
        VALUES (${ctx.regionId}, ${id}, ${episodeId}, ${body.contactDate}, ${body.kind}, ${body.minutes}, ${body.note ?? null}, ${ctx.userId})`,
  );
  await participantAccessed(tx, ctx, 'update', [p.id]);
  return id;
}

const CONTACT_SELECT = sql`SELECT c.id, c.episode_id, c.contact_date, c.kind, c.minutes, c.note, us.name AS recorded_by_name
  FROM guidance_contacts c LEFT JOIN users us ON us.id = c.recorded_by`;

/** The contacts of an episode, newest first, a page at a time. */
export async function listContacts(tx: Tx, ctx: AccessContext, episodeId: string, q: z.infer<typeof ContactQuery>) {
  const after = requireCursor(q.cursor, 2);
  const where: SQL[] = [sql`c.region_id = ${ctx.regionId}`, sql`c.episode_id = ${episodeId}`];
  if (after) where.push(sql`(c.contact_date, c.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const list = await rows<ContactRow>(tx, sql`${CONTACT_SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY c.contact_date DESC, c.id DESC LIMIT ${q.limit + 1}`);
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([last.contact_date, last.id]) : null };
}

export async function getContact(tx: Tx, regionId: string, id: string): Promise<ContactRow> {
  const [c] = await rows<ContactRow>(tx, sql`${CONTACT_SELECT} WHERE c.region_id = ${regionId} AND c.id = ${id}`);
  return c;
}

// —— Support items ——

function checkSupportDates(start: string, end: string | null | undefined) {
  if (end && end < start) throw validationError([fieldError('endDate', 'De einddatum ligt vóór de start.', 'The end date is before the start.')]);
}

/** Adds support beside guidance (debt assistance, daytime activities, income and budgeting, own network). */
export async function addSupport(tx: Tx, ctx: AccessContext, ref: string, body: z.infer<typeof CreateSupportBody>): Promise<string> {
  const p = await participantFor(tx, ctx, ref, (t) => canGuidance.support(ctx, t), true);
  checkSupportDates(body.startDate, body.endDate);
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO support_items (region_id, id, participant_id, kind, organisation_name, start_date, end_date, status, note, created_by)
        VALUES (${ctx.regionId}, ${id}, ${p.id}, ${body.kind}, ${body.organisationName ?? null}, ${body.startDate}, ${body.endDate ?? null},
                ${body.status ?? 'active'}, ${body.note ?? null}, ${ctx.userId})`,
  );
  await participantAccessed(tx, ctx, 'update', [p.id]);
  return id;
}

const SUPPORT = { nl: 'Deze ondersteuning', en: 'this support item' };

/** Changes a support item (status, end date, organisation, note); `version` must match. */
export async function updateSupport(tx: Tx, ctx: AccessContext, id: string, body: z.infer<typeof UpdateSupportBody>): Promise<SupportRow> {
  const [s] = await rows<SupportRow>(tx, sql`SELECT * FROM support_items WHERE region_id = ${ctx.regionId} AND id = ${id}`);
  if (!s) throw notFound({ nl: 'Deze ondersteuning bestaat niet of is niet zichtbaar voor u.', en: 'This support item does not exist or is not visible to you.' });
  const p = await guidedParticipant(tx, ctx, s.participant_id, { lock: true });
  if (!canGuidance.read(ctx, targetOf(p)) && !canGuidance.support(ctx, targetOf(p))) {
    throw notFound({ nl: 'Deze ondersteuning bestaat niet of is niet zichtbaar voor u.', en: 'This support item does not exist or is not visible to you.' });
  }
  if (!canGuidance.support(ctx, targetOf(p))) throw forbidden();
  if (s.version !== body.version) throw stale(SUPPORT);
  const endDate = body.endDate !== undefined ? body.endDate : s.end_date;
  checkSupportDates(s.start_date, endDate);
  const [out] = await rows<SupportRow>(
    tx,
    sql`UPDATE support_items SET status = ${body.status ?? s.status}, end_date = ${endDate},
               organisation_name = ${body.organisationName !== undefined ? body.organisationName : s.organisation_name},
               note = ${body.note !== undefined ? body.note : s.note}, version = version + 1
         WHERE region_id = ${ctx.regionId} AND id = ${id} AND version = ${body.version}
        RETURNING id, participant_id, kind, organisation_name, start_date, end_date, status, note, version`,
  );
  if (!out) throw stale(SUPPORT);
  await participantAccessed(tx, ctx, 'update', [p.id]);
  return out;
}

// —— Reading ——

/** How many contacts each episode shows inline (the rest through /contacts). */
export const INLINE_CONTACTS = 10;

export interface GuidanceData {
  p: GuidedParticipant;
  home: HomeRow | null;
  episodes: EpisodeRow[];
  intensities: IntensityRow[];
  goals: GoalRow[];
  contacts: ContactRow[];
  contactTotals: Map<string, { count: number; minutes: number }>;
  handovers: HandoverRow[];
  support: SupportRow[];
}

/** Everything of a participant's guidance the overview page shows (one participantAccessed). */
export async function loadGuidance(tx: Tx, ctx: AccessContext, ref: string, audit = true): Promise<GuidanceData> {
  const p = await participantFor(tx, ctx, ref, (t) => canGuidance.read(ctx, t));
  if (audit) await participantAccessed(tx, ctx, 'read', [p.id]);
  const episodes = await rows<EpisodeRow>(
    tx,
    sql`${EPISODE_SELECT} WHERE e.region_id = ${ctx.regionId} AND e.participant_id = ${p.id} ORDER BY e.start_date DESC, e.created_at DESC`,
  );
  const ids = episodes.map((e) => e.id);
  const inIds = ids.length ? sql`IN ${ids}` : sql`IN (NULL::uuid)`;
  const intensities = await rows<IntensityRow>(
    tx,
    sql`SELECT id, episode_id, effective_date, hours_per_week, level FROM guidance_intensities
         WHERE region_id = ${ctx.regionId} AND episode_id ${inIds} ORDER BY effective_date, recorded_at`,
  );
  const goals = await rows<GoalRow>(
    tx,
    sql`SELECT id, episode_id, domain, description, target_date, status, status_on, version FROM guidance_goals
         WHERE region_id = ${ctx.regionId} AND episode_id ${inIds} ORDER BY domain, created_at`,
  );
  const contacts = await rows<ContactRow>(
    tx,
    sql`SELECT * FROM (
          SELECT c.id, c.episode_id, c.contact_date, c.kind, c.minutes, c.note, us.name AS recorded_by_name,
                 row_number() OVER (PARTITION BY c.episode_id ORDER BY c.contact_date DESC, c.id DESC) AS n
            FROM guidance_contacts c LEFT JOIN users us ON us.id = c.recorded_by
           WHERE c.region_id = ${ctx.regionId} AND c.episode_id ${inIds}) x
         WHERE x.n <= ${INLINE_CONTACTS} ORDER BY x.contact_date DESC, x.id DESC`,
  );
  const totals = await rows<{ episode_id: string; n: number; minutes: number }>(
    tx,
    sql`SELECT episode_id, count(*)::int AS n, coalesce(sum(minutes), 0)::int AS minutes FROM guidance_contacts
         WHERE region_id = ${ctx.regionId} AND episode_id ${inIds} GROUP BY episode_id`,
  );
  const handovers = await rows<HandoverRow>(
    tx,
    sql`SELECT h.id, h.from_episode_id, h.to_episode_id, h.team_id, o.name AS team_name, h.handover_date, h.handed_over
          FROM guidance_handovers h JOIN organisations o ON o.id = h.team_id
         WHERE h.region_id = ${ctx.regionId} AND h.from_episode_id ${inIds}`,
  );
  const support = await rows<SupportRow>(
    tx,
    sql`SELECT id, participant_id, kind, organisation_name, start_date, end_date, status, note, version FROM support_items
         WHERE region_id = ${ctx.regionId} AND participant_id = ${p.id} ORDER BY start_date DESC, id`,
  );
  return {
    p,
    home: await currentHome(tx, ctx.regionId, p.id),
    episodes,
    intensities,
    goals,
    contacts,
    contactTotals: new Map(totals.map((t) => [t.episode_id, { count: t.n, minutes: t.minutes }])),
    handovers,
    support,
  };
}

/** Neighbourhood teams of the region, optionally of one district (case-insensitive) or municipality. */
export async function listTeams(tx: Tx, ctx: AccessContext, q: z.infer<typeof TeamQuery>) {
  const where: SQL[] = [sql`o.region_id = ${ctx.regionId}`, sql`o.kind = 'neighbourhood_team'`];
  if (q.district) where.push(sql`lower(trim(o.district)) = lower(trim(${q.district}))`);
  if (q.municipalityId) where.push(sql`o.municipality_id = ${q.municipalityId}`);
  return rows<{ id: string; name: string; district: string | null; municipality_id: string | null; municipality: string | null }>(
    tx,
    sql`SELECT o.id, o.name, o.district, o.municipality_id, m.name AS municipality
          FROM organisations o LEFT JOIN municipalities m ON m.id = o.municipality_id
         WHERE ${sql.join(where, sql` AND `)} ORDER BY o.name, o.id LIMIT 200`,
  );
}
