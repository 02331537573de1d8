import { useState, type FormEvent, type ReactNode } from 'react';
import { useMunicipalities, useOrganisations } from '../../api/hooks';
import { DELIVERY_MODES, HOUSING_FORMS, type DeliveryMode, type HousingForm, type Location } from '../../api/types';
import { Button, ButtonGroup } from '../../components/Button';
import { SelectField, TextField } from '../../components/FormField';
import { ProblemAlert } from '../../components/States';
import { useFieldErrors } from '../../formErrors';
import { useT, type LocalizedProblem } from '../../i18n';
import { byName, deliveryModeOptions, formOptions, oneOf } from '../../options';

export interface LocationValues {
  name: string;
  address: string;
  municipalityId: string;
  district: string;
  form: string;
  deliveryMode: string;
  corporationId: string;
  providerId: string;
  expectedDate: string;
}

/** Values with the enums checked (what the form hands to its owner). */
export interface ValidLocationValues extends LocationValues {
  form: HousingForm;
  deliveryMode: DeliveryMode;
}

export const emptyLocation: LocationValues = {
  name: '',
  address: '',
  municipalityId: '',
  district: '',
  form: '',
  deliveryMode: '',
  corporationId: '',
  providerId: '',
  expectedDate: '',
};

export function valuesOf(location: Location): LocationValues {
  return {
    name: location.name,
    address: location.address ?? '',
    municipalityId: location.municipalityId,
    district: location.district ?? '',
    form: location.form,
    deliveryMode: location.deliveryMode,
    corporationId: location.corporationId ?? '',
    providerId: location.providerId ?? '',
    expectedDate: location.expectedDate ?? '',
  };
}

interface LocationFormProps {
  idPrefix: string;
  initial: LocationValues;
  problem: LocalizedProblem | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: ValidLocationValues) => void;
  cancel: ReactNode;
  /** Shown above the fields (e.g. the conflict notice). */
  notice?: ReactNode;
}

export function LocationForm({ idPrefix, initial, problem, busy, submitLabel, onSubmit, cancel, notice }: LocationFormProps) {
  const t = useT();
  const [values, setValues] = useState<LocationValues>(initial);
  const { errorOf, validate, clear } = useFieldErrors(problem);
  const municipalities = useMunicipalities();
  const corporations = useOrganisations('housing_corporation');
  const providers = useOrganisations('care_provider');
  const id = (name: keyof LocationValues) => `${idPrefix}-${name}`;
  const ids = Object.fromEntries(Object.keys(emptyLocation).map((name) => [name, `${idPrefix}-${name}`]));

  const set = (name: keyof LocationValues) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    clear(name);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const form = oneOf(HOUSING_FORMS, values.form);
    const deliveryMode = oneOf(DELIVERY_MODES, values.deliveryMode);
    const valid = validate(
      {
        name: !values.name.trim() && t('validation.required'),
        municipalityId: !values.municipalityId && t('validation.choose'),
        form: !form && t('validation.choose'),
        deliveryMode: !deliveryMode && t('validation.choose'),
      },
      ids,
    );
    if (valid && form && deliveryMode) onSubmit({ ...values, form, deliveryMode });
  };

  const orgOptions = (list: typeof corporations.data) => byName(list ?? []).map((o) => ({ value: o.id, label: o.name }));

  return (
    <form className="eh-form" noValidate onSubmit={submit}>
      {notice}
      <ProblemAlert problem={problem} />
      <TextField
        id={id('name')}
        label={t('field.name')}
        value={values.name}
        onChange={set('name')}
        required
        error={errorOf('name')}
        autoComplete="off"
      />
      <TextField
        id={id('address')}
        label={t('field.address')}
        value={values.address}
        onChange={set('address')}
        optional
        error={errorOf('address')}
        autoComplete="off"
      />
      <SelectField
        id={id('municipalityId')}
        label={t('field.municipality')}
        value={values.municipalityId}
        onChange={set('municipalityId')}
        options={byName(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        emptyLabel={t('common.choose')}
        required
        error={errorOf('municipalityId')}
      />
      <TextField
        id={id('district')}
        label={t('field.district')}
        value={values.district}
        onChange={set('district')}
        optional
        error={errorOf('district')}
        autoComplete="off"
      />
      <SelectField
        id={id('form')}
        label={t('field.form')}
        value={values.form}
        onChange={set('form')}
        options={formOptions(t)}
        emptyLabel={t('common.choose')}
        required
        error={errorOf('form')}
      />
      <SelectField
        id={id('deliveryMode')}
        label={t('field.deliveryMode')}
        value={values.deliveryMode}
        onChange={set('deliveryMode')}
        options={deliveryModeOptions(t)}
        emptyLabel={t('common.choose')}
        required
        error={errorOf('deliveryMode')}
      />
      <SelectField
        id={id('corporationId')}
        label={t('field.corporation')}
        value={values.corporationId}
        onChange={set('corporationId')}
        options={orgOptions(corporations.data)}
        emptyLabel={t('common.none')}
        optional
        error={errorOf('corporationId')}
      />
      <SelectField
        id={id('providerId')}
        label={t('field.provider')}
        value={values.providerId}
        onChange={set('providerId')}
        options={orgOptions(providers.data)}
        emptyLabel={t('common.none')}
        optional
        error={errorOf('providerId')}
      />
      <TextField
        id={id('expectedDate')}
        type="date"
        label={t('field.expectedDate')}
        value={values.expectedDate}
        onChange={set('expectedDate')}
        optional
        error={errorOf('expectedDate')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={busy} disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </Button>
        {cancel}
      </ButtonGroup>
    </form>
  );
}
