import type { Role } from '../../../shared/enums.js';
import { can as unitCan, type Actor } from '../units/units.policy.js';

/** The programme office keeps the register of locations. */
export const canManageLocations = (a: { roles: Role[] }) => a.roles.includes('programme_office');

export const canLocation = {
  read: (a: Actor) => unitCan.readUnits(a),
  create: (a: Actor) => canManageLocations(a),
  /** A corporation edits the locations it owns (address, expected date). */
  edit: (a: Actor, loc: { corporationId: string | null }) =>
    canManageLocations(a) || (a.roles.includes('corporation') && loc.corporationId === a.organisationId),
};
