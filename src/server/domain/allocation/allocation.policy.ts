import type { Role } from '../../../shared/enums.js';

const has = (a: { roles: Role[] }, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/** The allocation office records the steps of its scattered offers; the programme office reads them too. */
export const canAllocation = {
  export: (a: { roles: Role[] }) => has(a, 'allocation_officer', 'programme_office'),
  import: (a: { roles: Role[] }) => has(a, 'allocation_officer'),
};
