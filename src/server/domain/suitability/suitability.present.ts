import type { FrameworkRow, SuitabilityRow } from './suitability.service.js';

/** A framework version with its criteria. */
export function presentFramework(f: FrameworkRow) {
  return {
    id: f.id,
    programmeId: f.programme_id,
    version: f.version,
    current: f.version === f.latest,
    name: f.name,
    description: f.description,
    suitableThreshold: f.suitable_threshold,
    conditionalThreshold: f.conditional_threshold,
    createdAt: new Date(f.created_at).toISOString(),
    createdBy: f.created_by ? { id: f.created_by, name: f.created_by_name ?? '' } : null,
    criteria: f.criteria,
    assessmentCount: f.assessment_count,
  };
}

/**
 * A suitability assessment with the version it was given under. The answers' notes are the
 * provider's observations about a person: only for readers whose view includes them.
 */
export function presentSuitability(s: SuitabilityRow, notes: boolean) {
  return {
    id: s.id,
    participant: { id: s.participant_id, code: s.participant_code },
    assessedOn: s.assessed_on,
    framework: { id: s.framework_id, name: s.framework_name, version: s.framework_version, current: s.framework_version === s.framework_latest },
    organisation: { id: s.organisation_id, name: s.organisation_name },
    location: s.location_id ? { id: s.location_id, name: s.location_name ?? '' } : null,
    result: s.result,
    // Stored in half points ("partly" earns half a weight).
    score: s.score / 2,
    maxScore: s.max_score / 2,
    percentage: s.percentage,
    reasons: s.reasons,
    answers: (s.answers ?? []).map((a) => ({
      criterionId: a.criterionId,
      position: a.position,
      questionNl: a.questionNl,
      questionEn: a.questionEn,
      weight: a.weight,
      knockOut: a.knockOut,
      answer: a.answer,
      ...(notes ? { note: a.note } : {}),
    })),
    recordedAt: new Date(s.created_at).toISOString(),
    fromParticipant: s.original_code,
  };
}
