import { ROLES, type Role } from '../../../shared/enums.js';
import type { BottleneckStatus } from '../../../shared/livingLab.js';

export interface Actor {
  roles: Role[];
}

const has = (a: Actor, ...roles: readonly Role[]) => a.roles.some((r) => roles.includes(r));

/**
 * The bottleneck register holds no personal data: every professional of the region reads it and
 * may propose a bottleneck (the privacy officer works from the access log only). The programme
 * office runs the register: it changes status, owner and solution.
 */
const PROFESSIONALS: readonly Role[] = ROLES.filter((r) => r !== 'privacy_officer');

export const canBottlenecks = {
  read: (a: Actor) => has(a, ...PROFESSIONALS),
  propose: (a: Actor) => has(a, ...PROFESSIONALS),
  edit: (a: Actor) => has(a, 'programme_office'),
};

/**
 * The status life cycle: open ⇄ in progress; either to solved or won't fix; a solved or
 * won't-fix bottleneck can be reopened (back to open), not moved between the two directly.
 */
export const BOTTLENECK_TRANSITIONS: Record<BottleneckStatus, readonly BottleneckStatus[]> = {
  open: ['in_progress', 'solved', 'wont_fix'],
  in_progress: ['open', 'solved', 'wont_fix'],
  solved: ['open'],
  wont_fix: ['open'],
};
