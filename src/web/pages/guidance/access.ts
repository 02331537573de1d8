// What the guidance pages offer, by role. The server decides every request (guidance.policy.ts);
// this only avoids offering what would be refused.

import type { Me, Role } from '../../api/types';

const has = (me: Pick<Me, 'roles'>, roles: readonly Role[]) => me.roles.some((role) => roles.includes(role));

export const guidanceAccess = {
  /** Guidance and the caseload: the programme office and care staff (canGuidance.use). */
  use: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_worker', 'care_manager']),
  /** The office looks at any organisation's caseload. */
  office: (me: Pick<Me, 'roles'>) => has(me, ['programme_office']),
};

export const CASELOAD_PATH = '/begeleiding';
export const guidancePath = (idOrCode: string) => `/deelnemers/${encodeURIComponent(idOrCode)}/begeleiding`;
