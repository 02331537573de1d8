import type { Role } from '../../../shared/enums.js';

export { ROLES_BY_KIND } from '../../../shared/roles.js';

interface Actor {
  userId: string;
  roles: Role[];
  organisationId: string;
  organisationKind: string;
}

const isAdmin = (a: Actor) => a.roles.includes('administrator');
/** An administrator at the programme office administers the whole region's organisations and users. */
const isRegionAdmin = (a: Actor) => isAdmin(a) && a.organisationKind === 'programme_office';

export const canUsers = {
  list: (a: Actor) => isAdmin(a),
  /** Which organisation's users an administrator manages: their own, or all for the programme office. */
  manageOrganisation: (a: Actor, organisationId: string) => isAdmin(a) && (isRegionAdmin(a) || a.organisationId === organisationId),
  /** Nobody changes their own roles or deactivates themselves: no one raises their own rights. */
  changeUser: (a: Actor, target: { id: string; organisationId: string }) =>
    target.id !== a.userId && canUsers.manageOrganisation(a, target.organisationId),
};

export const canOrganisations = {
  manage: (a: Actor) => isRegionAdmin(a) || a.roles.includes('programme_office'),
};

/** The demo mail viewer: the programme office and administrators, in demo mode only. */
export const canReadOutbox = (a: Actor) => isAdmin(a) || a.roles.includes('programme_office');
