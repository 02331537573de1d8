import type { Role } from '../../../shared/enums.js';

interface Actor {
  roles: Role[];
  organisationId: string;
}

const has = (a: Actor, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/**
 * Tranches are the programme's agreements with the providers. The programme office keeps them
 * and alone confirms a rollover (it moves places from one provider to others: never a silent
 * change). Care managers see them read-only: their organisation's places are at stake. Both see
 * the whole regional stock under row-level security, so the figures they read are complete.
 */
export const can = {
  readTranches: (a: Actor) => has(a, 'programme_office', 'care_manager'),
  rollOver: (a: Actor) => has(a, 'programme_office'),
  /** The office reads every contingent; a care manager only their own organisation's. */
  readContingents: (a: Actor) => has(a, 'programme_office', 'care_manager'),
  seesAllContingents: (a: Actor) => has(a, 'programme_office'),
  manageContingents: (a: Actor) => has(a, 'programme_office'),
};
