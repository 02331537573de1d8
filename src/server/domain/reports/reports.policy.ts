import type { Role } from '../../../shared/enums.js';

/**
 * The progress report and its snapshots are the programme office's: it reports to the ministry
 * and the coalition. The pipeline counts participants, which only the office may count across the
 * region (row-level security would give other roles a partial, misleading picture).
 */
export const canReadReports = (a: { roles: Role[] }) => a.roles.includes('programme_office');
export const canTakeSnapshot = (a: { roles: Role[] }) => a.roles.includes('programme_office');
