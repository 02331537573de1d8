/**
 * Enumerations of the Living Lab's business case, observations and bottleneck register, shared
 * by server and client (the check constraints of migration 0023). Labels live in the web
 * client's message catalogues (livingLab.*.ts).
 */

/** The tariffs a programme configures, each in cents with its source. */
export const TARIFF_KINDS = [
  'shelter_night',
  'sheltered_housing_day',
  'guidance_hour',
  'neighbourhood_team_hour',
  'rent_arrears_covered',
  'one_off_per_home',
] as const;
export type TariffKind = (typeof TARIFF_KINDS)[number];

/** The assumptions of the counterfactual (the current route), each with its source. */
export const ASSUMPTION_KEYS = [
  'shelter_months',
  'waiting_list_months',
  'sheltered_housing_share',
  'sheltered_housing_months',
  'street_shelter_share',
  'rent_arrears_cases_per_100',
] as const;
export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];

export const ASSUMPTION_UNIT_KINDS = ['months', 'percent', 'per_100_per_year'] as const;
export type AssumptionUnit = (typeof ASSUMPTION_UNIT_KINDS)[number];
/** The unit of each assumption: fixed by the model, not by whoever records a value. */
export const ASSUMPTION_UNITS: Record<AssumptionKey, AssumptionUnit> = {
  shelter_months: 'months',
  waiting_list_months: 'months',
  sheltered_housing_share: 'percent',
  sheltered_housing_months: 'months',
  street_shelter_share: 'percent',
  rent_arrears_cases_per_100: 'per_100_per_year',
};

/** Observations: which sub-question a success or failure factor belongs to. */
export const OBSERVATION_THEMES = ['guidance', 'housing', 'neighbourhood'] as const;
export type ObservationTheme = (typeof OBSERVATION_THEMES)[number];
export const OBSERVATION_FACTORS = ['success', 'failure'] as const;
export type ObservationFactor = (typeof OBSERVATION_FACTORS)[number];

/** Where in the system a bottleneck (knelpunt) blocks Housing First. */
export const BOTTLENECK_AREAS = [
  'referral', 'assessment', 'matching', 'allocation', 'housing', 'guidance', 'neighbourhood', 'funding', 'regulation', 'other',
] as const;
export type BottleneckArea = (typeof BOTTLENECK_AREAS)[number];
export const BOTTLENECK_STATUSES = ['open', 'in_progress', 'solved', 'wont_fix'] as const;
export type BottleneckStatus = (typeof BOTTLENECK_STATUSES)[number];
