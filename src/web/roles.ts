// What the menu and the buttons offer, derived from the user's roles. The server decides every
// request (participants.policy.ts, assessments.policy.ts, imports.policy.ts); this only avoids
// offering what would be refused. Per-participant rights come from the answer's `abilities`.

import type { Me, Role } from './api/types';

const has = (me: Pick<Me, 'roles'>, roles: readonly Role[]) => me.roles.some((role) => roles.includes(role));

/** Roles that work with participants' personal data (participants.policy.ts PARTICIPANT_ROLES). */
export const PARTICIPANT_ROLES: readonly Role[] = ['programme_office', 'care_worker', 'care_manager', 'assessor', 'referrer'];

export const access = {
  /** The by-name list and the participant pages. */
  participants: (me: Pick<Me, 'roles'>) => has(me, PARTICIPANT_ROLES),
  /** Refer someone new, drafts, duplicate checks (canParticipant.refer). */
  refer: (me: Pick<Me, 'roles'>) => has(me, ['referrer', 'care_worker', 'care_manager', 'programme_office']),
  /** Import an existing list (imports.policy.ts). */
  import: (me: Pick<Me, 'roles'>) => has(me, ['programme_office', 'care_manager', 'referrer', 'assessor']),
  /** The list of possible duplicates and merging them (canParticipant.listDuplicates / merge). */
  duplicates: (me: Pick<Me, 'roles'>) => has(me, ['programme_office']),
  /** Change the priority rules of the by-name list (canWaitingList.editPriority); everyone else reads them. */
  editPriority: (me: Pick<Me, 'roles'>) => has(me, ['programme_office']),
  /** The assessors' work queue (canAssessment.queue). */
  assessmentQueue: (me: Pick<Me, 'roles'>) => has(me, ['assessor', 'programme_office']),
  /** Take and decide a request of this access office (canAssessment.assign / decide). */
  assessFor: (me: Pick<Me, 'roles' | 'organisation'>, accessOfficeId: string) =>
    has(me, ['assessor']) && me.organisation.id === accessOfficeId,
};
