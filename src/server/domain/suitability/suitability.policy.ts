import type { Role } from '../../../shared/enums.js';
import { PARTICIPANT_ROLES } from '../participants/participants.policy.js';

interface Actor {
  roles: Role[];
}

/**
 * The framework is the programme's: the office configures it; everyone who works with
 * participants may read the questions. Filling it in is a provider's act
 * (canParticipant.assessSuitability).
 */
export const canFramework = {
  read: (a: Actor) => a.roles.some((r) => PARTICIPANT_ROLES.includes(r)),
  create: (a: Actor) => a.roles.includes('programme_office'),
};
