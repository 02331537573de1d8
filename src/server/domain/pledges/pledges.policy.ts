import type { Role } from '../../../shared/enums.js';
import { can as unitCan, type Actor } from '../units/units.policy.js';

/** Pledges are agreed in the coalition and recorded by the programme office. */
export const canManagePledges = (a: { roles: Role[] }) => a.roles.includes('programme_office');
export const canReadPledges = (a: Actor) => unitCan.readUnits(a);
