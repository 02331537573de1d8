import type { Role } from '../../../shared/enums.js';

export interface Actor {
  roles: Role[];
}

const has = (a: Actor, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/**
 * Observations (success and failure factors) are recorded by those who work with participants
 * and locations: the programme office and care staff on both, a corporation on its own
 * locations only. Which rows each sees is decided by row-level security: an observation on a
 * participant follows the participant, one on a location follows the location.
 */
export const canObservations = {
  use: (a: Actor) => has(a, 'programme_office', 'care_worker', 'care_manager', 'corporation'),
  aboutParticipant: (a: Actor) => has(a, 'programme_office', 'care_worker', 'care_manager'),
};
