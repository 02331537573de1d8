import type { UnitStatus } from '../../../shared/enums.js';

/**
 * The unit life cycle. A location can fall through (location_found → pledged), an offer can
 * fall through (allocated → available) and a tenant can leave (occupied → available);
 * withdrawn is final.
 */
export const UNIT_TRANSITIONS: Record<UnitStatus, readonly UnitStatus[]> = {
  pledged: ['location_found', 'withdrawn'],
  location_found: ['available', 'pledged', 'withdrawn'],
  available: ['allocated', 'withdrawn'],
  allocated: ['occupied', 'available', 'withdrawn'],
  occupied: ['available', 'withdrawn'],
  withdrawn: [],
};

/** Statuses a unit may be created in (the later ones come through an offer). */
export const INITIAL_UNIT_STATUSES = ['pledged', 'location_found', 'available'] as const;

/** Why a transition is refused, in Dutch and English; null when it is allowed. */
export function transitionRefusal(from: UnitStatus, to: UnitStatus): { nl: string; en: string } | null {
  if (UNIT_TRANSITIONS[from].includes(to)) return null;
  if (from === 'withdrawn') {
    return {
      nl: 'Deze woning is ingetrokken; een ingetrokken woning verandert niet meer van status.',
      en: 'This unit is withdrawn; a withdrawn unit no longer changes status.',
    };
  }
  if (from === to) return { nl: `De woning heeft de status ${to} al.`, en: `The unit already has status ${to}.` };
  const allowed = UNIT_TRANSITIONS[from].join(', ');
  return {
    nl: `Van ${from} naar ${to} kan niet. Vanuit ${from} is toegestaan: ${allowed}.`,
    en: `Cannot go from ${from} to ${to}. Allowed from ${from}: ${allowed}.`,
  };
}
