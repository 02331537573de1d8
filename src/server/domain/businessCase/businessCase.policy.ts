import type { Role } from '../../../shared/enums.js';

export interface Actor {
  roles: Role[];
}

const has = (a: Actor, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/**
 * Who may see the business case. It is computed from participants' guidance and tenancies: the
 * programme office sees it with a line per participant; a municipality and a researcher see the
 * aggregate only (and nothing under five participants). The office keeps the tariffs and
 * assumptions; their sources are public facts, readable by all three.
 */
export const canBusinessCase = {
  read: (a: Actor) => has(a, 'programme_office', 'municipality', 'researcher'),
  perParticipant: (a: Actor) => has(a, 'programme_office'),
  editSettings: (a: Actor) => has(a, 'programme_office'),
};
