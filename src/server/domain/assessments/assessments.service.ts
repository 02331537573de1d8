import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import type { AssessmentStatus, GuidanceIntensity, IndicationType, ParticipantPhase, TargetGroup } from '../../../shared/enums.js';
import { today } from '../../../shared/dates.js';
import { addRelation, recordConsequentPhase, type ParticipantRow } from '../participants/participants.service.js';
import { fieldError, validationError } from '../participants/participants.validation.js';
import { participantAccessed, visibleToSql } from '../participants/participants.visibility.js';
import type { AssignBody, DecisionBody, QueueQuery, RequestAssessmentBody } from './assessments.schema.js';

export interface AssessmentRow {
  id: string;
  participant_id: string;
  participant_code: string;
  participant_phase: ParticipantPhase;
  participant_name: string;
  participant_target_group: TargetGroup;
  original_code: string | null;
  access_office_id: string;
  access_office_name: string;
  requested_by: string | null;
  requested_by_name: string | null;
  requested_by_organisation_id: string;
  requested_by_organisation_name: string;
  requested_on: string;
  question: string | null;
  status: AssessmentStatus;
  assessor_id: string | null;
  assessor_name: string | null;
  assigned_on: string | null;
  decided_on: string | null;
  indication: IndicationType | null;
  valid_from: string | null;
  valid_to: string | null;
  guidance_intensity: GuidanceIntensity | null;
  notes: string | null;
  version: number;
}

const SELECT = sql`
  SELECT a.id, a.participant_id, p.code AS participant_code, p.phase AS participant_phase,
         p.given_name || ' ' || p.family_name AS participant_name, p.target_group AS participant_target_group,
         CASE WHEN a.original_participant_id <> a.participant_id THEN op.code END AS original_code,
         a.access_office_id, ao.name AS access_office_name, a.requested_by, ru.name AS requested_by_name,
         a.requested_by_organisation_id, ro.name AS requested_by_organisation_name, a.requested_on, a.question, a.status,
         a.assessor_id, au.name AS assessor_name, a.assigned_on, a.decided_on, a.indication, a.valid_from, a.valid_to,
         a.guidance_intensity, a.notes, a.version
    FROM care_assessments a
    JOIN participants p ON p.region_id = a.region_id AND p.id = a.participant_id
    JOIN participants op ON op.id = a.original_participant_id
    JOIN organisations ao ON ao.id = a.access_office_id
    JOIN organisations ro ON ro.id = a.requested_by_organisation_id
    LEFT JOIN users ru ON ru.id = a.requested_by
    LEFT JOIN users au ON au.id = a.assessor_id`;

const assessmentNotFound = () =>
  notFound({ nl: 'Deze beoordeling bestaat niet of is niet zichtbaar voor u.', en: 'This assessment does not exist or is not visible to you.' });

/** The care assessments of a participant (including those made for a merged duplicate), oldest first. */
export async function assessmentsOf(tx: Tx, regionId: string, participantId: string): Promise<AssessmentRow[]> {
  return rows<AssessmentRow>(tx, sql`${SELECT} WHERE a.region_id = ${regionId} AND a.participant_id = ${participantId} ORDER BY a.requested_on, a.id`);
}

/** One assessment whose participant the caller may see; 404 otherwise. */
export async function getAssessment(tx: Tx, ctx: AccessContext, id: string, opts: { lock?: boolean } = {}): Promise<AssessmentRow> {
  const [row] = await rows<AssessmentRow>(
    tx,
    sql`${SELECT} WHERE a.region_id = ${ctx.regionId} AND a.id = ${id} AND ${visibleToSql(ctx)} ${opts.lock ? sql`FOR UPDATE OF a` : sql``}`,
  );
  if (!row) throw assessmentNotFound();
  await participantAccessed(tx, ctx, 'assessment', [row.participant_id]);
  return row;
}

/**
 * Asks the access office for a care assessment of a participant. The access office may then see
 * the participant (relation `assessor`). One open request per participant at a time.
 */
export async function requestAssessment(tx: Tx, ctx: AccessContext, p: ParticipantRow, body: z.infer<typeof RequestAssessmentBody>): Promise<string> {
  if (p.merged_into_id || ['exited', 'withdrawn', 'not_eligible'].includes(p.phase)) {
    throw new AppError('invalid_transition', {
      nl: `Voor ${p.code} kan geen beoordeling meer worden aangevraagd (fase ${p.phase}).`,
      en: `No assessment can be requested for ${p.code} any more (phase ${p.phase}).`,
    });
  }
  const offices = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM organisations WHERE region_id = ${ctx.regionId} AND kind = 'access_office'
        ${body.accessOfficeId ? sql`AND id = ${body.accessOfficeId}` : sql``} ORDER BY name`,
  );
  if (body.accessOfficeId && offices.length === 0) {
    throw validationError([fieldError('accessOfficeId', 'Onbekende toegangsorganisatie in deze regio', 'Unknown access office in this region')]);
  }
  if (offices.length !== 1) {
    throw validationError([
      fieldError(
        'accessOfficeId',
        offices.length ? 'Kies de toegangsorganisatie: de regio heeft er meer dan één' : 'De regio heeft geen toegangsorganisatie',
        offices.length ? 'Choose the access office: the region has more than one' : 'The region has no access office',
      ),
    ]);
  }
  const requestedOn = body.requestedOn ?? today();
  if (requestedOn < p.date_of_birth) {
    throw validationError([fieldError('requestedOn', 'De datum ligt vóór de geboortedatum', 'The date is before the date of birth')]);
  }
  const [open] = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM care_assessments WHERE region_id = ${ctx.regionId} AND participant_id = ${p.id} AND status IN ('requested', 'assigned') LIMIT 1`,
  );
  if (open) {
    throw new AppError('conflict', {
      nl: `Er loopt al een aanvraag voor ${p.code}; wacht op de uitkomst.`,
      en: `A request for ${p.code} is already open; wait for its outcome.`,
    });
  }
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO care_assessments (region_id, id, participant_id, original_participant_id, access_office_id, requested_by,
          requested_by_organisation_id, requested_on, question, status)
        VALUES (${ctx.regionId}, ${id}, ${p.id}, ${p.id}, ${offices[0].id}, ${ctx.userId}, ${ctx.organisationId}, ${requestedOn},
          ${body.question ?? null}, 'requested')`,
  );
  await addRelation(tx, ctx.regionId, p.id, offices[0].id, 'assessor', requestedOn);
  await participantAccessed(tx, ctx, 'assessment', [p.id]);
  return id;
}

const stale = () =>
  new AppError('version_conflict', {
    nl: 'Deze beoordeling is intussen gewijzigd. Laad haar opnieuw.',
    en: 'This assessment was changed in the meantime. Reload it.',
  });

/** Assigns an open request to an assessor of the same access office (default: the caller). */
export async function assignAssessment(tx: Tx, ctx: AccessContext, a: AssessmentRow, body: z.infer<typeof AssignBody>) {
  if (a.version !== body.version) throw stale();
  if (a.status !== 'requested' && a.status !== 'assigned') {
    throw new AppError('invalid_transition', { nl: 'Deze beoordeling is al afgerond of vervallen.', en: 'This assessment is already decided or cancelled.' });
  }
  const assessorId = body.assessorId ?? ctx.userId;
  const [u] = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM users WHERE region_id = ${ctx.regionId} AND id = ${assessorId} AND organisation_id = ${a.access_office_id}
           AND active AND 'assessor' = ANY(roles)`,
  );
  if (!u) throw validationError([fieldError('assessorId', 'Geen beoordelaar van deze toegangsorganisatie', 'Not an assessor of this access office')]);
  await tx.execute(
    sql`UPDATE care_assessments SET status = 'assigned', assessor_id = ${assessorId}, assigned_on = ${today()}, version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${a.id}`,
  );
}

/**
 * Records the outcome. An eligible participant moves to `assessed` on the decision date (the
 * phase event says so); for others the phase is left alone (e.g. a renewed indication).
 */
export async function decideAssessment(tx: Tx, ctx: AccessContext, a: AssessmentRow, body: z.infer<typeof DecisionBody>) {
  if (a.version !== body.version) throw stale();
  if (a.status !== 'requested' && a.status !== 'assigned') {
    throw new AppError('invalid_transition', { nl: 'Deze beoordeling is al afgerond of vervallen.', en: 'This assessment is already decided or cancelled.' });
  }
  if (body.decidedOn < a.requested_on) {
    throw validationError([fieldError('decidedOn', `De datum ligt vóór de aanvraag (${a.requested_on}).`, `The date is before the request (${a.requested_on}).`)]);
  }
  const none = body.indication === 'none';
  await tx.execute(
    sql`UPDATE care_assessments SET status = 'decided', decided_on = ${body.decidedOn}, decided_by = ${ctx.userId},
               assessor_id = coalesce(assessor_id, ${ctx.userId}), assigned_on = coalesce(assigned_on, ${body.decidedOn}),
               indication = ${body.indication}, valid_from = ${none ? null : (body.validFrom ?? null)}, valid_to = ${none ? null : (body.validTo ?? null)},
               guidance_intensity = ${none ? null : (body.guidanceIntensity ?? null)}, notes = ${body.notes ?? null},
               version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${a.id}`,
  );
  if (a.participant_phase === 'eligible') {
    await recordConsequentPhase(tx, ctx, a.participant_id, 'assessed', body.decidedOn, 'Zorginhoudelijke beoordeling afgerond / care assessment decided');
  }
  await participantAccessed(tx, ctx, 'assessment', [a.participant_id]);
}

/**
 * The assessors' work queue: open requests, oldest first, with their age in days. An assessor
 * sees their own office's requests; the programme office sees every office's.
 */
export async function assessmentQueue(tx: Tx, ctx: AccessContext, q: z.infer<typeof QueueQuery>) {
  const after = requireCursor(q.cursor, 2);
  const statuses = q.status === 'open' ? ['requested', 'assigned'] : [q.status];
  const where: SQL[] = [sql`a.region_id = ${ctx.regionId}`, sql`a.status IN ${statuses}`, sql`p.merged_into_id IS NULL`, visibleToSql(ctx)];
  if (!ctx.roles.includes('programme_office')) where.push(sql`a.access_office_id = ${ctx.organisationId}`);
  if (q.assessorId) where.push(sql`a.assessor_id = ${q.assessorId === 'me' ? ctx.userId : q.assessorId}`);
  if (after) where.push(sql`(a.requested_on, a.id) > (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const list = await rows<AssessmentRow>(tx, sql`${SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY a.requested_on, a.id LIMIT ${q.limit + 1}`);
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  await participantAccessed(tx, ctx, 'list', page.map((a) => a.participant_id));
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([last.requested_on, last.id]) : null };
}

/** Days from `from` to today (the age of a request). */
export const ageInDays = (from: string, until = today()) => Math.max(0, Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000));
