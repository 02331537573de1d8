import type { Role } from '../../../shared/enums.js';

/** Only the data-protection officer reads the access log (NEN 7513); RLS enforces the same. */
export const canReadAudit = (a: { roles: Role[] }) => a.roles.includes('privacy_officer');
