import type { Role } from '../../../shared/enums.js';

/** Every role of a region may see who its partners are: names and kinds are not personal data. */
export const canReadOrganisations = (_actor: { roles: Role[] }) => true;
