import type { Role } from '../../../shared/enums.js';

/** The data-protection officer handles access requests (AVG art. 15) for the whole region. */
export const canExportParticipantData = (a: { roles: Role[] }) => a.roles.includes('privacy_officer');
