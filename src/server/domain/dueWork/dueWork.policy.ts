import type { Role } from '../../../shared/enums.js';

const has = (a: { roles: Role[] }, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/** Due work is for the people who do it: care staff (their organisation's) and the programme office (all). */
export const can = {
  listDueWork: (a: { roles: Role[] }) => has(a, 'programme_office', 'care_worker', 'care_manager'),
  /** The thresholds are programme settings: the programme office. */
  manageSettings: (a: { roles: Role[] }) => has(a, 'programme_office'),
};
