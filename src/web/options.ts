// Select options for the enums, labelled from the catalogue.

import {
  CONSENT_SCOPES,
  CURRENT_PLACES,
  DELIVERY_MODES,
  GUIDANCE_INTENSITIES,
  HOME_NEEDS,
  HOMELESSNESS,
  HOUSING_FORMS,
  INDICATION_TYPES,
  INITIAL_UNIT_STATUSES,
  PARTICIPANT_PHASES,
  RISK_LEVELS,
  SUITABILITY_ANSWERS,
  TARGET_GROUPS,
  UNIT_STATUSES,
  type ParticipantPhase,
  type PhaseReason,
  type UnitStatus,
} from './api/types';
import type { Option } from './components/FormField';
import type { Translate } from './i18n';

export const statusOptions = (t: Translate, statuses: readonly UnitStatus[] = UNIT_STATUSES): Option[] =>
  statuses.map((value) => ({ value, label: t(`status.${value}`) }));

export const initialStatusOptions = (t: Translate): Option[] => statusOptions(t, INITIAL_UNIT_STATUSES);

export const formOptions = (t: Translate): Option[] =>
  HOUSING_FORMS.map((value) => ({ value, label: t(`form.${value}`) }));

export const deliveryModeOptions = (t: Translate): Option[] =>
  DELIVERY_MODES.map((value) => ({ value, label: t(`deliveryMode.${value}`) }));

export const targetGroupOptions = (t: Translate): Option[] =>
  TARGET_GROUPS.map((value) => ({ value, label: t(`targetGroup.${value}`) }));

export const byName = <T extends { name: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.name.localeCompare(b.name, 'nl'));

/** Narrow a string from a select or the URL to one of the allowed values. */
export function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return values.find((candidate) => candidate === value);
}

// ---------------------------------------------------------------- participants


export const phaseOptions = (t: Translate, phases: readonly ParticipantPhase[] = PARTICIPANT_PHASES): Option[] =>
  phases.map((value) => ({ value, label: t(`phase.${value}`) }));

export const currentPlaceOptions = (t: Translate): Option[] =>
  CURRENT_PLACES.map((value) => ({ value, label: t(`currentPlace.${value}`) }));

export const needOptions = (t: Translate): Option[] => HOME_NEEDS.map((value) => ({ value, label: t(`need.${value}`) }));

export const consentScopeOptions = (t: Translate): Option[] =>
  CONSENT_SCOPES.map((value) => ({ value, label: t(`consentScope.${value}`) }));

export const homelessnessOptions = (t: Translate): Option[] =>
  HOMELESSNESS.map((value) => ({ value, label: t(`homelessness.${value}`) }));

export const reasonOptions = (t: Translate, reasons: readonly PhaseReason[]): Option[] =>
  reasons.map((value) => ({ value, label: t(`phaseReason.${value}`) }));

export const indicationOptions = (t: Translate): Option[] =>
  INDICATION_TYPES.map((value) => ({ value, label: t(`indication.${value}`) }));

export const intensityOptions = (t: Translate): Option[] =>
  GUIDANCE_INTENSITIES.map((value) => ({ value, label: t(`intensity.${value}`) }));

export const riskLevelOptions = (t: Translate): Option[] => RISK_LEVELS.map((value) => ({ value, label: t(`riskLevel.${value}`) }));

export const suitabilityAnswerOptions = (t: Translate): Option[] =>
  SUITABILITY_ANSWERS.map((value) => ({ value, label: t(`suitabilityAnswer.${value}`) }));

export const yesNoOptions = (t: Translate): Option[] => [
  { value: 'yes', label: t('common.yes') },
  { value: 'no', label: t('common.no') },
];
