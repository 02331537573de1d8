import type { Role } from '../../../shared/enums.js';

/**
 * Who sees the outcome figures: the programme office (everything) and municipalities (the same
 * aggregates with cells under 5 people suppressed). Figures about individuals never leave here.
 */
export const OUTCOME_ROLES: Role[] = ['programme_office', 'municipality'];
/** Who keeps the definition of sustainable recovery: the programme office. */
export const DEFINITION_ROLES: Role[] = ['programme_office'];
