import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import type { SuitabilityAnswer, SuitabilityResult } from '../../../shared/enums.js';
import type { ParticipantRow } from '../participants/participants.service.js';
import { fieldError, validationError } from '../participants/participants.validation.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import { requireProgrammeInRegion } from '../waitingList/waitingList.service.js';
import { evaluate, type Criterion, type Reason } from './suitability.evaluate.js';
import type { CreateFrameworkBody, SuitabilityAssessmentBody } from './suitability.schema.js';

export interface FrameworkRow {
  id: string;
  programme_id: string;
  version: number;
  latest: number;
  name: string;
  description: string | null;
  suitable_threshold: number;
  conditional_threshold: number;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
  criteria: Criterion[];
  assessment_count: number;
}

const FRAMEWORK_SELECT = sql`
  SELECT f.id, f.programme_id, f.version,
         (SELECT max(x.version) FROM suitability_frameworks x WHERE x.region_id = f.region_id AND x.programme_id = f.programme_id) AS latest,
         f.name, f.description, f.suitable_threshold, f.conditional_threshold, f.created_at, f.created_by, u.name AS created_by_name,
         coalesce((SELECT json_agg(json_build_object('id', c.id, 'position', c.position, 'questionNl', c.question_nl, 'questionEn', c.question_en,
                                                     'weight', c.weight, 'knockOut', c.knock_out) ORDER BY c.position)
                     FROM suitability_criteria c WHERE c.region_id = f.region_id AND c.framework_id = f.id), '[]'::json) AS criteria,
         (SELECT count(*)::int FROM suitability_assessments s WHERE s.region_id = f.region_id AND s.framework_id = f.id) AS assessment_count
    FROM suitability_frameworks f LEFT JOIN users u ON u.id = f.created_by`;

const frameworkNotFound = () => notFound({ nl: 'Dit afwegingskader bestaat niet in uw regio.', en: 'This suitability framework does not exist in your region.' });

/** Every version of the frameworks of the region (or one programme), newest first. */
export async function listFrameworks(tx: Tx, regionId: string, programmeId?: string): Promise<FrameworkRow[]> {
  if (programmeId) await requireProgrammeInRegion(tx, regionId, programmeId);
  return rows<FrameworkRow>(
    tx,
    sql`${FRAMEWORK_SELECT} WHERE f.region_id = ${regionId} ${programmeId ? sql`AND f.programme_id = ${programmeId}` : sql``}
        ORDER BY f.programme_id, f.version DESC`,
  );
}

/** One framework version of the region; 404 otherwise. */
export async function getFramework(tx: Tx, regionId: string, id: string): Promise<FrameworkRow> {
  const [f] = await rows<FrameworkRow>(tx, sql`${FRAMEWORK_SELECT} WHERE f.region_id = ${regionId} AND f.id = ${id}`);
  if (!f) throw frameworkNotFound();
  return f;
}

/**
 * Adds a version of a programme's framework. Versions are never edited: assessments made under
 * an older version keep pointing at its questions, weights and thresholds.
 */
export async function createFramework(tx: Tx, ctx: AccessContext, body: z.infer<typeof CreateFrameworkBody>): Promise<string> {
  await requireProgrammeInRegion(tx, ctx.regionId, body.programmeId);
  await tx.execute(sql`SELECT id FROM programmes WHERE region_id = ${ctx.regionId} AND id = ${body.programmeId} FOR UPDATE`);
  const [v] = await rows<{ latest: number }>(
    tx,
    sql`SELECT coalesce(max(version), 0)::int AS latest FROM suitability_frameworks WHERE region_id = ${ctx.regionId} AND programme_id = ${body.programmeId}`,
  );
  if (v.latest !== body.baseVersion) {
    throw new AppError('version_conflict', {
      nl: `Er is intussen een nieuwere versie (${v.latest}) van het afwegingskader. Laad die en pas haar aan.`,
      en: `A newer version (${v.latest}) of the framework exists in the meantime. Load it and change that.`,
    });
  }
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO suitability_frameworks (region_id, id, programme_id, version, name, description, suitable_threshold, conditional_threshold, created_by)
        VALUES (${ctx.regionId}, ${id}, ${body.programmeId}, ${v.latest + 1}, ${body.name}, ${body.description ?? null},
                ${body.suitableThreshold}, ${body.conditionalThreshold}, ${ctx.userId})`,
  );
  for (const [i, c] of body.criteria.entries()) {
    await tx.execute(
      sql`INSERT INTO suitability_criteria (region_id, id, framework_id, position, question_nl, question_en, weight, knock_out)
          VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${id}, ${i + 1}, ${c.questionNl}, ${c.questionEn}, ${c.weight}, ${c.knockOut})`,
    );
  }
  return id;
}

export interface SuitabilityRow {
  id: string;
  participant_id: string;
  participant_code: string;
  original_code: string | null;
  framework_id: string;
  framework_name: string;
  framework_version: number;
  framework_latest: number;
  organisation_id: string;
  organisation_name: string;
  location_id: string | null;
  location_name: string | null;
  assessed_on: string;
  result: SuitabilityResult;
  score: number;
  max_score: number;
  percentage: number;
  reasons: Reason[];
  answers: { criterionId: string; position: number; questionNl: string; questionEn: string; weight: number; knockOut: boolean; answer: SuitabilityAnswer; note: string | null }[];
  created_at: Date;
}

const ASSESSMENT_SELECT = sql`
  SELECT s.id, s.participant_id, p.code AS participant_code,
         CASE WHEN s.original_participant_id <> s.participant_id THEN op.code END AS original_code,
         s.framework_id, f.name AS framework_name, f.version AS framework_version,
         (SELECT max(x.version) FROM suitability_frameworks x WHERE x.region_id = f.region_id AND x.programme_id = f.programme_id) AS framework_latest,
         s.organisation_id, o.name AS organisation_name, s.location_id, l.name AS location_name, s.assessed_on, s.result,
         s.score, s.max_score, s.percentage, s.reasons,
         (SELECT json_agg(json_build_object('criterionId', c.id, 'position', c.position, 'questionNl', c.question_nl, 'questionEn', c.question_en,
                                            'weight', c.weight, 'knockOut', c.knock_out, 'answer', a.answer, 'note', a.note) ORDER BY c.position)
            FROM suitability_answers a JOIN suitability_criteria c ON c.id = a.criterion_id
           WHERE a.region_id = s.region_id AND a.assessment_id = s.id) AS answers,
         s.created_at
    FROM suitability_assessments s
    JOIN participants p ON p.id = s.participant_id
    JOIN participants op ON op.id = s.original_participant_id
    JOIN suitability_frameworks f ON f.id = s.framework_id
    JOIN organisations o ON o.id = s.organisation_id
    LEFT JOIN locations l ON l.id = s.location_id`;

/** The suitability assessments of a participant, each with the framework version it was given under. */
export async function suitabilityOf(tx: Tx, regionId: string, participantId: string, id?: string): Promise<SuitabilityRow[]> {
  return rows<SuitabilityRow>(
    tx,
    sql`${ASSESSMENT_SELECT} WHERE s.region_id = ${regionId} AND s.participant_id = ${participantId} ${id ? sql`AND s.id = ${id}` : sql``}
        ORDER BY s.assessed_on, s.created_at`,
  );
}

/**
 * Records a provider's suitability assessment under the current framework version: every
 * criterion answered once; the result and the reasons it rests on are computed
 * (suitability.evaluate.ts) and stored with the answers.
 */
export async function assessSuitability(tx: Tx, ctx: AccessContext, p: ParticipantRow, body: z.infer<typeof SuitabilityAssessmentBody>): Promise<string> {
  if (p.merged_into_id || ['exited', 'withdrawn', 'not_eligible'].includes(p.phase)) {
    throw new AppError('invalid_transition', {
      nl: `${p.code} is niet meer actief; een afweging heeft geen zin meer.`,
      en: `${p.code} is no longer active; an assessment serves no purpose.`,
    });
  }
  const [f] = await rows<FrameworkRow>(tx, sql`${FRAMEWORK_SELECT} WHERE f.region_id = ${ctx.regionId} AND f.id = ${body.frameworkId}`);
  if (!f || f.programme_id !== p.programme_id) {
    throw validationError([fieldError('frameworkId', 'Onbekend afwegingskader voor het programma van deze deelnemer', "Unknown framework for this participant's programme")]);
  }
  if (f.version !== f.latest) {
    throw new AppError('conflict', {
      nl: `Versie ${f.version} van het afwegingskader is vervangen door versie ${f.latest}; vul de nieuwe versie in.`,
      en: `Version ${f.version} of the framework was replaced by version ${f.latest}; fill in the new version.`,
    });
  }
  const errors = [];
  const known = new Map(f.criteria.map((c) => [c.id, c]));
  const answers = new Map<string, SuitabilityAnswer>();
  for (const [i, a] of body.answers.entries()) {
    if (!known.has(a.criterionId)) errors.push(fieldError(`answers.${i}.criterionId`, 'Geen vraag van deze versie', 'Not a question of this version'));
    else if (answers.has(a.criterionId)) errors.push(fieldError(`answers.${i}.criterionId`, 'Deze vraag is dubbel beantwoord', 'This question is answered twice'));
    else answers.set(a.criterionId, a.answer);
  }
  const missing = f.criteria.filter((c) => !answers.has(c.id));
  if (missing.length) {
    errors.push(
      fieldError(
        'answers',
        `Niet beantwoord: vraag ${missing.map((c) => c.position).join(', ')}`,
        `Not answered: question ${missing.map((c) => c.position).join(', ')}`,
      ),
    );
  }
  if (body.locationId) {
    const [l] = await rows<{ programme_id: string }>(tx, sql`SELECT programme_id FROM locations WHERE region_id = ${ctx.regionId} AND id = ${body.locationId}`);
    if (!l || l.programme_id !== p.programme_id) errors.push(fieldError('locationId', 'Onbekende locatie in dit programma', 'Unknown location in this programme'));
  }
  if (errors.length) throw validationError(errors);
  const e = evaluate(f.criteria, answers, { suitable: f.suitable_threshold, conditional: f.conditional_threshold });
  const id = crypto.randomUUID();
  await tx.execute(
    sql`INSERT INTO suitability_assessments (region_id, id, participant_id, original_participant_id, framework_id, organisation_id, location_id,
          assessed_on, result, score, max_score, percentage, reasons, recorded_by)
        VALUES (${ctx.regionId}, ${id}, ${p.id}, ${p.id}, ${f.id}, ${ctx.organisationId}, ${body.locationId ?? null}, ${body.assessedOn},
          ${e.result}, ${e.halfPoints}, ${e.maxHalfPoints}, ${e.percentage}, ${JSON.stringify(e.reasons)}::jsonb, ${ctx.userId})`,
  );
  for (const a of body.answers) {
    await tx.execute(
      sql`INSERT INTO suitability_answers (region_id, assessment_id, criterion_id, answer, note)
          VALUES (${ctx.regionId}, ${id}, ${a.criterionId}, ${a.answer}, ${a.note ?? null})`,
    );
  }
  await participantAccessed(tx, ctx, 'suitability', [p.id]);
  return id;
}
