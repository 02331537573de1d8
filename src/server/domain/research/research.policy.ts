import type { Role } from '../../../shared/enums.js';

/** Researchers work from the pseudonymised export only; nobody else makes one. */
export const canExportResearch = (a: { roles: Role[] }) => a.roles.includes('researcher');
/** Who may see that exports were made: the researchers themselves, the privacy officer and the programme office. */
export const canListResearchExports = (a: { roles: Role[] }) =>
  a.roles.includes('researcher') || a.roles.includes('privacy_officer') || a.roles.includes('programme_office');
