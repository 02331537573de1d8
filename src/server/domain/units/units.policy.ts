import type { Role } from '../../../shared/enums.js';

export interface Actor {
  roles: Role[];
  organisationId: string;
}

/** Roles that may see the programme's housing stock (units and locations hold no personal data). */
const READERS: Role[] = [
  'programme_office',
  'care_worker',
  'care_manager',
  'corporation',
  'assessor',
  'referrer',
  'municipality',
  'administrator',
  // Het Vierde Huis allocates scattered homes: it works with the stock it offers.
  'allocation_officer',
];

const has = (a: Actor, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));

/**
 * Who may do what to units. A researcher works from the pseudonymised export, not the live
 * stock. The programme office keeps the stock; a corporation changes the units of the
 * locations it owns.
 */
export const can = {
  readUnits: (a: Actor) => has(a, ...READERS),
  createUnit: (a: Actor) => has(a, 'programme_office'),
  editUnit: (a: Actor, unit: { corporationId: string | null }) =>
    has(a, 'programme_office') || (has(a, 'corporation') && unit.corporationId === a.organisationId),
  changeStatus: (a: Actor, unit: { corporationId: string | null }) =>
    has(a, 'programme_office') || (has(a, 'corporation') && unit.corporationId === a.organisationId),
};
