import type { Role } from '../../../shared/enums.js';

export interface NeighbourhoodActor {
  roles: Role[];
  organisationId: string;
  municipalityId: string | null;
}

/** The parties of a location whose neighbourhood data is asked for. */
export interface LocationParties {
  corporationId: string | null;
  providerId: string | null;
  municipalityId: string;
}

const has = (a: NeighbourhoodActor, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));
const care = (a: NeighbourhoodActor, l: LocationParties) => has(a, 'care_worker', 'care_manager') && l.providerId === a.organisationId;
const landlord = (a: NeighbourhoodActor, l: LocationParties) => has(a, 'corporation') && l.corporationId === a.organisationId;
const municipality = (a: NeighbourhoodActor, l: LocationParties) => has(a, 'municipality') && a.municipalityId === l.municipalityId;

/**
 * Who may do what with a building's neighbourhood data. The role gates (`…Any`) answer 403
 * before anything is loaded; the location checks then decide per building. The programme
 * office sees everything; the care staff of the location's provider and the location's
 * corporation work with it (incidents with their descriptions and tenancy links, meetings);
 * the municipality of the location watches the figures only: an incident's description and
 * the tenancy it is about say something about a person, and it does not need that.
 */
export const canNeighbourhood = {
  readAny: (a: NeighbourhoodActor) => has(a, 'programme_office', 'care_worker', 'care_manager', 'corporation', 'municipality'),
  writeAny: (a: NeighbourhoodActor) => has(a, 'programme_office', 'care_worker', 'care_manager', 'corporation'),
  setMixAny: (a: NeighbourhoodActor) => has(a, 'programme_office', 'corporation'),
  read: (a: NeighbourhoodActor, l: LocationParties) => has(a, 'programme_office') || care(a, l) || landlord(a, l) || municipality(a, l),
  /** Descriptions, follow-up and tenancy links. */
  details: (a: NeighbourhoodActor, l: LocationParties) => has(a, 'programme_office') || care(a, l) || landlord(a, l),
  write: (a: NeighbourhoodActor, l: LocationParties) => has(a, 'programme_office') || care(a, l) || landlord(a, l),
  setMix: (a: NeighbourhoodActor, l: LocationParties) => has(a, 'programme_office') || landlord(a, l),
};
