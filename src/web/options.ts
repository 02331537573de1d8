// Select options for the enums, labelled from the catalogue.

import {
  DELIVERY_MODES,
  HOUSING_FORMS,
  INITIAL_UNIT_STATUSES,
  TARGET_GROUPS,
  UNIT_STATUSES,
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
