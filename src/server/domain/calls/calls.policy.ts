import type { Role } from '../../../shared/enums.js';

const has = (a: { roles: Role[] }, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/**
 * A broad call is the programme office's question to care providers; the providers it was sent
 * to read it and nominate their own candidates (those they guide or referred).
 */
export const canCall = {
  read: (a: { roles: Role[] }) => has(a, 'programme_office', 'care_worker', 'care_manager'),
  create: (a: { roles: Role[] }) => has(a, 'programme_office'),
  close: (a: { roles: Role[] }) => has(a, 'programme_office'),
  nominate: (a: { roles: Role[] }) => has(a, 'care_worker', 'care_manager'),
  /** The side-by-side review of nominations with their scores. */
  review: (a: { roles: Role[] }) => has(a, 'programme_office'),
};
