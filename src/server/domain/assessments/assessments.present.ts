import type { AccessContext } from '../../http/context.js';
import { canAssessment } from './assessments.policy.js';
import { ageInDays, type AssessmentRow } from './assessments.service.js';

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/**
 * A care assessment as the caller may see it. The requester's question and the assessor's notes
 * are health data: only for the access office, the requesting organisation, and readers whose
 * view of the participant includes assessment notes.
 */
export function presentAssessment(a: AssessmentRow, ctx: AccessContext, participantNotes: boolean) {
  const office = { accessOfficeId: a.access_office_id, requestedByOrganisationId: a.requested_by_organisation_id };
  const notes = canAssessment.readNotes(ctx, office, participantNotes);
  const open = a.status === 'requested' || a.status === 'assigned';
  // An age is the time a request waits; a decided one keeps the age it had when decided.
  const age = ageInDays(a.requested_on, a.decided_on ?? undefined);
  return {
    id: a.id,
    participant: { id: a.participant_id, code: a.participant_code, phase: a.participant_phase },
    status: a.status,
    requestedOn: a.requested_on,
    requestedBy: ref(a.requested_by, a.requested_by_name),
    requestedByOrganisation: { id: a.requested_by_organisation_id, name: a.requested_by_organisation_name },
    accessOffice: { id: a.access_office_id, name: a.access_office_name },
    ...(notes ? { question: a.question, notes: a.notes } : {}),
    assessor: ref(a.assessor_id, a.assessor_name),
    assignedOn: a.assigned_on,
    decidedOn: a.decided_on,
    indication: a.indication,
    validFrom: a.valid_from,
    validTo: a.valid_to,
    guidanceIntensity: a.guidance_intensity,
    ageDays: age,
    version: a.version,
    fromParticipant: a.original_code,
    abilities: { assign: open && canAssessment.assign(ctx, office), decide: open && canAssessment.decide(ctx, office) },
  };
}

/** One line of the assessors' queue. */
export function presentQueueItem(a: AssessmentRow) {
  return {
    id: a.id,
    participant: { id: a.participant_id, code: a.participant_code, phase: a.participant_phase, name: a.participant_name, targetGroup: a.participant_target_group },
    status: a.status,
    requestedOn: a.requested_on,
    ageDays: ageInDays(a.requested_on),
    requestedByOrganisation: { id: a.requested_by_organisation_id, name: a.requested_by_organisation_name },
    accessOffice: { id: a.access_office_id, name: a.access_office_name },
    assessor: a.assessor_id ? { id: a.assessor_id, name: a.assessor_name ?? '' } : null,
    assignedOn: a.assigned_on,
    version: a.version,
  };
}
