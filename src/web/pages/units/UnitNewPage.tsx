import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useAllLocations, useCreateUnit, useMunicipalities, useTranches } from '../../api/hooks';
import { HOUSING_FORMS, INITIAL_UNIT_STATUSES, type InitialUnitStatus, type Programme } from '../../api/types';
import { Alert } from '../../components/Alert';
import { AppLink, Button, ButtonGroup, ButtonLink } from '../../components/Button';
import { SelectField, TextField } from '../../components/FormField';
import { Heading, Paragraph } from '../../components/Heading';
import { usePageTitle } from '../../components/PageTitle';
import { ProgrammeGate } from '../../components/ProgrammeGate';
import { ProblemAlert, useProblem } from '../../components/States';
import { todayIso } from '../../dates';
import { optional, optionalInt, useFieldErrors } from '../../formErrors';
import { useT } from '../../i18n';
import { byName, formOptions, initialStatusOptions, oneOf } from '../../options';
import { useCurrentUser } from '../../session';

export function UnitNewPage() {
  const t = useT();
  const me = useCurrentUser();
  usePageTitle(t('unitNew.title'));
  return (
    <>
      <p className="eh-back">
        <AppLink to="/units">{t('unit.backToList')}</AppLink>
      </p>
      <Heading level={1}>{t('unitNew.title')}</Heading>
      {me.abilities.manageUnits ? (
        <ProgrammeGate>{(programme) => <UnitForm programme={programme} />}</ProgrammeGate>
      ) : (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('unitNew.noPermission')}</p>
        </Alert>
      )}
    </>
  );
}

const IDS = {
  label: 'unit-label',
  municipalityId: 'unit-municipality',
  form: 'unit-form',
  status: 'unit-status',
  effectiveDate: 'unit-effective-date',
  locationId: 'unit-location',
  trancheId: 'unit-tranche',
  rooms: 'unit-rooms',
  expectedDate: 'unit-expected-date',
};

function UnitForm({ programme }: { programme: Programme }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateUnit();
  const problem = useProblem(create.error);
  const { errorOf, validate, clear } = useFieldErrors(problem);

  const [label, setLabel] = useState('');
  const [municipalityId, setMunicipalityId] = useState('');
  const [form, setForm] = useState('');
  const [status, setStatus] = useState<InitialUnitStatus>('pledged');
  const [effectiveDate, setEffectiveDate] = useState(todayIso());
  const [locationId, setLocationId] = useState('');
  const [trancheId, setTrancheId] = useState('');
  const [rooms, setRooms] = useState('');
  const [expectedDate, setExpectedDate] = useState('');

  const municipalities = useMunicipalities();
  const locations = useAllLocations({ programmeId: programme.id });
  const tranches = useTranches(programme.id);
  const locationChoices = byName(
    (locations.data ?? []).filter((l) => !municipalityId || l.municipalityId === municipalityId),
  );

  const onLocation = (id: string) => {
    setLocationId(id);
    clear('locationId');
    const location = locations.data?.find((l) => l.id === id);
    if (location && !municipalityId) setMunicipalityId(location.municipalityId);
    if (location && !form) setForm(location.form);
  };

  const onMunicipality = (id: string) => {
    setMunicipalityId(id);
    clear('municipalityId');
    const location = locations.data?.find((l) => l.id === locationId);
    if (location && location.municipalityId !== id) setLocationId('');
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const roomCount = optionalInt(rooms);
    const valid = validate(
      {
        label: !label.trim() && t('validation.required'),
        municipalityId: !municipalityId && t('validation.choose'),
        form: !form && t('validation.choose'),
        effectiveDate: !effectiveDate && t('validation.required'),
        rooms: roomCount !== undefined && (Number.isNaN(roomCount) || roomCount < 1) && t('validation.number'),
      },
      IDS,
    );
    const housingForm = oneOf(HOUSING_FORMS, form);
    if (!valid || !housingForm) return;
    create.mutate(
      {
        programmeId: programme.id,
        label: label.trim(),
        municipalityId,
        form: housingForm,
        status,
        effectiveDate,
        locationId: optional(locationId),
        trancheId: optional(trancheId),
        rooms: roomCount,
        expectedDate: optional(expectedDate),
      },
      { onSuccess: (unit) => navigate(`/units/${unit.id}`, { state: { created: true } }) },
    );
  };

  return (
    <form className="eh-form" noValidate onSubmit={onSubmit}>
      <Paragraph>{t('unitNew.intro')}</Paragraph>
      <ProblemAlert problem={problem} />
      <TextField
        id={IDS.label}
        label={t('field.unitLabelInput')}
        description={t('field.unitLabelHelp')}
        value={label}
        onChange={(v) => {
          setLabel(v);
          clear('label');
        }}
        required
        error={errorOf('label')}
        autoComplete="off"
      />
      <SelectField
        id={IDS.municipalityId}
        label={t('field.municipality')}
        value={municipalityId}
        onChange={onMunicipality}
        options={byName(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        emptyLabel={t('common.choose')}
        required
        error={errorOf('municipalityId')}
      />
      <SelectField
        id={IDS.form}
        label={t('field.form')}
        value={form}
        onChange={(v) => {
          setForm(v);
          clear('form');
        }}
        options={formOptions(t)}
        emptyLabel={t('common.choose')}
        required
        error={errorOf('form')}
      />
      <SelectField
        id={IDS.status}
        label={t('field.status')}
        value={status}
        onChange={(v) => setStatus(oneOf(INITIAL_UNIT_STATUSES, v) ?? 'pledged')}
        options={initialStatusOptions(t)}
        required
        error={errorOf('status')}
      />
      <TextField
        id={IDS.effectiveDate}
        type="date"
        label={t('field.effectiveDate')}
        value={effectiveDate}
        onChange={(v) => {
          setEffectiveDate(v);
          clear('effectiveDate');
        }}
        required
        error={errorOf('effectiveDate')}
      />
      <SelectField
        id={IDS.locationId}
        label={t('field.location')}
        value={locationId}
        onChange={onLocation}
        options={locationChoices.map((l) => ({ value: l.id, label: l.name }))}
        emptyLabel={t('unitNew.noLocation')}
        optional
        error={errorOf('locationId')}
      />
      <SelectField
        id={IDS.trancheId}
        label={t('field.tranche')}
        value={trancheId}
        onChange={setTrancheId}
        options={[...(tranches.data ?? [])]
          .sort((a, b) => a.number - b.number)
          .map((tr) => ({ value: tr.id, label: tr.name }))}
        emptyLabel={t('unitNew.noTranche')}
        optional
        error={errorOf('trancheId')}
      />
      <TextField
        id={IDS.rooms}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        label={t('field.rooms')}
        value={rooms}
        onChange={(v) => {
          setRooms(v);
          clear('rooms');
        }}
        optional
        error={errorOf('rooms')}
        className="eh-input--short"
      />
      <TextField
        id={IDS.expectedDate}
        type="date"
        label={t('field.expectedDate')}
        value={expectedDate}
        onChange={setExpectedDate}
        optional
        error={errorOf('expectedDate')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('unitNew.submit')}
        </Button>
        <ButtonLink to="/units" appearance="secondary">
          {t('common.cancel')}
        </ButtonLink>
      </ButtonGroup>
    </form>
  );
}
