import type { Role } from '../../../shared/enums.js';

/**
 * Ranking a home and proposing a batch read the whole by-name list (names, priority): the
 * programme office's work. Providers see their own candidates' fit through the calls.
 */
export const canMatch = {
  rank: (a: { roles: Role[] }) => a.roles.includes('programme_office'),
  propose: (a: { roles: Role[] }) => a.roles.includes('programme_office'),
};
