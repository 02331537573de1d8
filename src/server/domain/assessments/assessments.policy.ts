import type { Role } from '../../../shared/enums.js';

interface Actor {
  roles: Role[];
  organisationId: string;
}

const has = (a: Actor, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/**
 * Care assessments are the access office's work: its assessors see their office's queue, take
 * requests and decide them. The programme office may watch every queue (ages of requests are
 * its bottleneck figures). Requests come from those who work with the participant
 * (canParticipant.requestAssessment).
 */
export const canAssessment = {
  queue: (a: Actor) => has(a, 'assessor', 'programme_office'),
  /** Take or hand a request to an assessor of the same office. */
  assign: (a: Actor, x: { accessOfficeId: string }) => has(a, 'assessor') && a.organisationId === x.accessOfficeId,
  decide: (a: Actor, x: { accessOfficeId: string }) => has(a, 'assessor') && a.organisationId === x.accessOfficeId,
  /** Free-text question and notes are health data: the access office and the requesting organisation. */
  readNotes: (a: Actor, x: { accessOfficeId: string; requestedByOrganisationId: string }, participantNotes: boolean) =>
    participantNotes || a.organisationId === x.accessOfficeId || a.organisationId === x.requestedByOrganisationId,
};
