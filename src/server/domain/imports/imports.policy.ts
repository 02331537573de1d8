import type { Role } from '../../../shared/enums.js';

/**
 * Importing an existing list is a bulk referral: the office, a provider's care manager, a
 * referral team, or the access office (its central waiting list). An import belongs to the
 * organisation that made it; others do not see it.
 */
export const canImport = (a: { roles: Role[] }) => a.roles.some((r) => (['programme_office', 'care_manager', 'referrer', 'assessor'] as Role[]).includes(r));
