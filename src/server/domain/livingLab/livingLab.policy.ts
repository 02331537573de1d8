import type { Role } from '../../../shared/enums.js';

export interface Actor {
  roles: Role[];
}

const has = (a: Actor, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/**
 * Who sees the Living Lab overview: the programme office (everything, including the success and
 * failure factors from observations), a municipality and a researcher (aggregates only, cells
 * under 5 people suppressed, as the outcome figures do for municipalities). The overview holds no
 * figure about one person.
 */
export const canLivingLab = {
  read: (a: Actor) => has(a, 'programme_office', 'municipality', 'researcher'),
  /** The office sees unsuppressed figures; everyone else gets small cells left out. */
  unsuppressed: (a: Actor) => has(a, 'programme_office'),
  /**
   * Success and failure factors come from observations, which row-level security shows only to
   * those who work with the participants and locations (observations.policy.ts); of the roles on
   * this page only the office sees all of them. A municipality or researcher would see a partial,
   * misleading count, so they get none.
   */
  factors: (a: Actor) => has(a, 'programme_office'),
};
