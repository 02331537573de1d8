/** Enumerations shared by server and client. Labels live in the web client's message catalogues. */

export const ORGANISATION_KINDS = [
  'municipality',
  'care_provider',
  'housing_corporation',
  'access_office',
  'referral_team',
  'allocation_office',
  'programme_office',
  'neighbourhood_team',
  'research_institute',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = [
  'programme_office',
  'care_worker',
  'care_manager',
  'corporation',
  'assessor',
  'referrer',
  'municipality',
  'researcher',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const HOUSING_FORMS = ['existing_stock', 'transformation', 'new_build', 'flex', 'mixed'] as const;
export type HousingForm = (typeof HOUSING_FORMS)[number];

export const TARGET_GROUPS = ['single_adult', 'young_adult', 'family', 'domestic_violence'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const DELIVERY_MODES = ['scattered', 'project'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const UNIT_STATUSES = ['pledged', 'location_found', 'available', 'allocated', 'occupied', 'withdrawn'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** Statuses that count as "realised" on the counter: the location is in use or confirmed. */
export const REALISED_STATUSES: readonly UnitStatus[] = ['location_found', 'available', 'allocated', 'occupied'];
