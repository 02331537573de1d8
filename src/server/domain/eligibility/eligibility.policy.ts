import type { Role } from '../../../shared/enums.js';

const has = (a: { roles: Role[] }, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/**
 * Eligibility rules describe homes, not people. Those who propose or receive candidates read
 * them (why is someone not on the list?); the programme office sets them.
 */
export const canRules = {
  read: (a: { roles: Role[] }) => has(a, 'programme_office', 'care_worker', 'care_manager', 'corporation', 'allocation_officer'),
  manage: (a: { roles: Role[] }) => has(a, 'programme_office'),
};
