import { useState, type FormEvent, type ReactNode } from 'react';
import { useMunicipalities, useOrganisations } from '../../api/hooks';
import {
  CONSENT_SCOPES,
  CURRENT_PLACES,
  HOME_NEEDS,
  TARGET_GROUPS,
  type ConsentScope,
  type HomeNeed,
  type ParticipantDetail,
  type ParticipantPatch,
} from '../../api/types';
import { Alert } from '../../components/Alert';
import { Button, ButtonGroup } from '../../components/Button';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../components/FormField';
import { Paragraph } from '../../components/Heading';
import { ProblemAlert } from '../../components/States';
import { usePathErrors } from '../../formErrors';
import { useI18n, type LocalizedProblem } from '../../i18n';
import {
  byName,
  consentScopeOptions,
  currentPlaceOptions,
  needOptions,
  oneOf,
  targetGroupOptions,
} from '../../options';
import { bsnMessage, parseAges } from './referralModel';

interface EditValues {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  bsn: string;
  phone: string;
  email: string;
  consentGivenOn: string;
  consentScope: string[];
  householdAdults: string;
  householdChildren: string;
  childrenAges: string;
  targetGroup: string;
  currentPlace: string;
  currentPlaceNote: string;
  preferredMunicipalityIds: string[];
  excludedMunicipalityIds: string[];
  needs: string[];
  protectedAddress: boolean;
  waitingListRegisteredOn: string;
  providerId: string;
}

export function editValuesOf(d: ParticipantDetail): EditValues {
  return {
    givenName: d.givenName ?? '',
    familyName: d.familyName ?? '',
    dateOfBirth: d.dateOfBirth ?? '',
    bsn: d.bsn ?? '',
    phone: d.phone ?? '',
    email: d.email ?? '',
    consentGivenOn: d.consent?.givenOn ?? '',
    consentScope: d.consent?.scope ?? [],
    householdAdults: String(d.householdAdults),
    householdChildren: String(d.householdChildren),
    childrenAges: d.childrenAges.join(', '),
    targetGroup: d.targetGroup,
    currentPlace: d.currentPlace,
    currentPlaceNote: d.currentPlaceNote ?? '',
    preferredMunicipalityIds: d.preferredMunicipalities.map((m) => m.id),
    excludedMunicipalityIds: d.excludedMunicipalities.map((m) => m.id),
    needs: d.needs,
    protectedAddress: d.protectedAddress,
    waitingListRegisteredOn: d.waitingListRegisteredOn ?? '',
    providerId: d.provider?.id ?? '',
  };
}

const IDS: Record<string, string> = {
  givenName: 'edit-given-name',
  familyName: 'edit-family-name',
  dateOfBirth: 'edit-date-of-birth',
  bsn: 'edit-bsn',
  phone: 'edit-phone',
  email: 'edit-email',
  consentGivenOn: 'edit-consent-given-on',
  consentScope: 'edit-consent-scope',
  householdAdults: 'edit-household-adults',
  householdChildren: 'edit-household-children',
  childrenAges: 'edit-children-ages',
  targetGroup: 'edit-target-group',
  currentPlace: 'edit-current-place',
  currentPlaceNote: 'edit-current-place-note',
  preferredMunicipalityIds: 'edit-preferred-municipalities',
  excludedMunicipalityIds: 'edit-excluded-municipalities',
  needs: 'edit-needs',
  protectedAddress: 'edit-protected-address',
  waitingListRegisteredOn: 'edit-waiting-list-registered-on',
  providerId: 'edit-provider',
};

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The PATCH body: `version` plus only the fields that changed and the reader may change. */
function patchOf(d: ParticipantDetail, v: EditValues, can: ParticipantDetail['abilities']): ParticipantPatch {
  const before = editValuesOf(d);
  const patch: ParticipantPatch = { version: d.version };
  const changed = (key: keyof EditValues) => {
    const a = before[key];
    const b = v[key];
    return Array.isArray(a) && Array.isArray(b) ? !sameSet(a, b) : typeof a === 'string' && typeof b === 'string' ? a.trim() !== b.trim() : a !== b;
  };
  if (can.editRecord) {
    if (changed('givenName')) patch.givenName = v.givenName.trim();
    if (changed('familyName')) patch.familyName = v.familyName.trim();
    if (changed('dateOfBirth')) patch.dateOfBirth = v.dateOfBirth;
    if (d.bsn !== undefined && changed('bsn')) patch.bsn = textOrNull(v.bsn);
    if (d.phone !== undefined && changed('phone')) patch.phone = textOrNull(v.phone);
    if (d.email !== undefined && changed('email')) patch.email = textOrNull(v.email);
    if (changed('consentGivenOn') || changed('consentScope')) {
      patch.consentGivenOn = textOrNull(v.consentGivenOn);
      patch.consentScope = v.consentScope.filter((s): s is ConsentScope => (CONSENT_SCOPES as readonly string[]).includes(s));
    }
  }
  if (can.editSituation) {
    if (changed('householdAdults')) patch.householdAdults = Number(v.householdAdults);
    if (changed('householdChildren')) patch.householdChildren = Number(v.householdChildren);
    if (changed('childrenAges')) patch.childrenAges = parseAges(v.childrenAges) ?? [];
    if (changed('targetGroup')) patch.targetGroup = oneOf(TARGET_GROUPS, v.targetGroup);
    if (changed('currentPlace')) patch.currentPlace = oneOf(CURRENT_PLACES, v.currentPlace);
    if (changed('currentPlaceNote')) patch.currentPlaceNote = textOrNull(v.currentPlaceNote);
    if (changed('preferredMunicipalityIds')) patch.preferredMunicipalityIds = v.preferredMunicipalityIds;
    if (changed('excludedMunicipalityIds')) patch.excludedMunicipalityIds = v.excludedMunicipalityIds;
    if (changed('needs')) patch.needs = v.needs.filter((n): n is HomeNeed => (HOME_NEEDS as readonly string[]).includes(n));
    if (changed('protectedAddress')) patch.protectedAddress = v.protectedAddress;
  }
  if (can.editWaitingList && changed('waitingListRegisteredOn')) patch.waitingListRegisteredOn = textOrNull(v.waitingListRegisteredOn);
  if (can.editProvider && changed('providerId')) patch.providerId = textOrNull(v.providerId);
  return patch;
}

interface ParticipantEditFormProps {
  detail: ParticipantDetail;
  problem: LocalizedProblem | null;
  busy: boolean;
  /** Shown above the fields (e.g. "changed in the meantime"). */
  notice?: ReactNode;
  onSubmit: (patch: ParticipantPatch) => void;
  onCancel: () => void;
}

/** Edit the record: only the groups of fields the answer's `abilities` allow (each group has its own rule). */
export function ParticipantEditForm({ detail, problem, busy, notice, onSubmit, onCancel }: ParticipantEditFormProps) {
  const { t, lang } = useI18n();
  const can = detail.abilities;
  const [values, setValues] = useState<EditValues>(() => editValuesOf(detail));
  const [nothing, setNothing] = useState(false);
  const { errorOf, general, validate, setError, clear } = usePathErrors(problem);
  const municipalities = useMunicipalities();
  const providers = useOrganisations('care_provider');
  const municipalityOptions = byName(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }));
  const forcedExclusions = detail.excludedMunicipalities.filter((m) => m.byRiskScreening).map((m) => m.id);

  const set = <K extends keyof EditValues>(key: K) => (value: EditValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setNothing(false);
    clear(key);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = values;
    const whole = (text: string, min: number, max: number) => /^\d{1,3}$/.test(text.trim()) && Number(text) >= min && Number(text) <= max;
    const ages = parseAges(v.childrenAges);
    const valid = validate(
      {
        givenName: can.editRecord && !v.givenName.trim() && t('validation.required'),
        familyName: can.editRecord && !v.familyName.trim() && t('validation.required'),
        dateOfBirth: can.editRecord && !v.dateOfBirth && t('validation.required'),
        bsn: can.editRecord && bsnMessage(v.bsn, lang),
        consentScope: can.editRecord && v.consentGivenOn !== '' && v.consentScope.length === 0 && t('referral.consentScopeMissing'),
        consentGivenOn: can.editRecord && v.consentGivenOn === '' && v.consentScope.length > 0 && t('referral.consentDateMissing'),
        householdAdults: can.editSituation && !whole(v.householdAdults, 1, 10) && t('referral.adultsInvalid'),
        householdChildren: can.editSituation && !whole(v.householdChildren, 0, 15) && t('referral.childrenInvalid'),
        childrenAges:
          can.editSituation &&
          (ages === null ? t('referral.agesInvalid') : ages.length > Number(v.householdChildren) && t('referral.agesTooMany')),
        excludedMunicipalityIds:
          can.editSituation && v.preferredMunicipalityIds.some((id) => v.excludedMunicipalityIds.includes(id)) && t('referral.municipalityOverlap'),
      },
      IDS,
    );
    if (!valid) return;
    const patch = patchOf(detail, v, can);
    if (Object.keys(patch).length === 1) {
      setNothing(true);
      return;
    }
    onSubmit(patch);
  };

  return (
    <form className="eh-form" noValidate onSubmit={submit} id="participant-edit-form">
      {notice}
      <ProblemAlert problem={problem} id="participant-edit-problem" />
      {general ? (
        <Alert type="error">
          <p className="utrecht-paragraph">{general}</p>
        </Alert>
      ) : null}
      {nothing ? (
        <Alert type="info" role="status">
          <p className="utrecht-paragraph">{t('participantEdit.nothing')}</p>
        </Alert>
      ) : null}

      {can.editRecord ? (
        <fieldset className="eh-fieldset eh-fieldset--group">
          <legend>{t('referral.sectionPerson')}</legend>
          <TextField id={IDS.givenName} label={t('field.givenName')} value={values.givenName} onChange={set('givenName')} required autoComplete="off" error={errorOf('givenName')} />
          <TextField id={IDS.familyName} label={t('field.familyName')} value={values.familyName} onChange={set('familyName')} required autoComplete="off" error={errorOf('familyName')} />
          <TextField id={IDS.dateOfBirth} type="date" label={t('field.dateOfBirth')} value={values.dateOfBirth} onChange={set('dateOfBirth')} required error={errorOf('dateOfBirth')} />
          {detail.bsn !== undefined ? (
            <TextField
              id={IDS.bsn}
              label={t('field.bsn')}
              description={t('referral.bsnWhy')}
              value={values.bsn}
              onChange={(value) => {
                set('bsn')(value);
                if (errorOf('bsn')) setError('bsn', bsnMessage(value, lang));
              }}
              onBlur={() => setError('bsn', bsnMessage(values.bsn, lang))}
              optional
              inputMode="numeric"
              autoComplete="off"
              className="eh-input--medium"
              error={errorOf('bsn')}
            />
          ) : null}
          {detail.phone !== undefined ? (
            <TextField id={IDS.phone} inputMode="tel" label={t('field.phone')} value={values.phone} onChange={set('phone')} optional autoComplete="off" className="eh-input--medium" error={errorOf('phone')} />
          ) : null}
          {detail.email !== undefined ? (
            <TextField id={IDS.email} type="email" label={t('field.email')} value={values.email} onChange={set('email')} optional autoComplete="off" error={errorOf('email')} />
          ) : null}
          <TextField
            id={IDS.consentGivenOn}
            type="date"
            label={t('field.consentGivenOn')}
            value={values.consentGivenOn}
            onChange={(value) => {
              set('consentGivenOn')(value);
              clear('consentScope');
            }}
            optional
            error={errorOf('consentGivenOn')}
          />
          <CheckboxGroup
            id={IDS.consentScope}
            legend={t('field.consentScope')}
            options={consentScopeOptions(t)}
            values={values.consentScope}
            onChange={(next) => {
              set('consentScope')(next);
              clear('consentGivenOn');
            }}
            optional
            error={errorOf('consentScope')}
          />
        </fieldset>
      ) : null}

      {can.editSituation ? (
        <fieldset className="eh-fieldset eh-fieldset--group">
          <legend>{t('referral.sectionSituation')}</legend>
          <TextField id={IDS.householdAdults} type="number" inputMode="numeric" min={1} max={10} label={t('field.householdAdults')} value={values.householdAdults} onChange={set('householdAdults')} required className="eh-input--short" error={errorOf('householdAdults')} />
          <TextField id={IDS.householdChildren} type="number" inputMode="numeric" min={0} max={15} label={t('field.householdChildren')} value={values.householdChildren} onChange={set('householdChildren')} required className="eh-input--short" error={errorOf('householdChildren')} />
          <TextField id={IDS.childrenAges} label={t('field.childrenAges')} description={t('field.childrenAgesHelp')} value={values.childrenAges} onChange={set('childrenAges')} optional autoComplete="off" className="eh-input--medium" error={errorOf('childrenAges')} />
          <SelectField id={IDS.targetGroup} label={t('field.targetGroup')} value={values.targetGroup} onChange={set('targetGroup')} options={targetGroupOptions(t)} required error={errorOf('targetGroup')} />
          <SelectField id={IDS.currentPlace} label={t('field.currentPlace')} value={values.currentPlace} onChange={set('currentPlace')} options={currentPlaceOptions(t)} required error={errorOf('currentPlace')} />
          <TextField id={IDS.currentPlaceNote} label={t('field.currentPlaceNote')} value={values.currentPlaceNote} onChange={set('currentPlaceNote')} optional autoComplete="off" error={errorOf('currentPlaceNote')} />
          <CheckboxGroup
            id={IDS.preferredMunicipalityIds}
            columns
            legend={t('field.preferredMunicipalities')}
            options={municipalityOptions}
            values={values.preferredMunicipalityIds}
            onChange={set('preferredMunicipalityIds')}
            optional
            error={errorOf('preferredMunicipalityIds')}
          />
          <CheckboxGroup
            id={IDS.excludedMunicipalityIds}
            columns
            legend={t('field.excludedMunicipalities')}
            description={forcedExclusions.length ? t('participantEdit.forcedExclusions') : undefined}
            options={municipalityOptions}
            values={values.excludedMunicipalityIds}
            onChange={(next) => set('excludedMunicipalityIds')([...new Set([...next, ...forcedExclusions])])}
            optional
            error={errorOf('excludedMunicipalityIds')}
          />
          <CheckboxGroup id={IDS.needs} legend={t('field.needs')} options={needOptions(t)} values={values.needs} onChange={set('needs')} optional error={errorOf('needs')} />
          {detail.protectedAddressForced ? (
            <Paragraph id={IDS.protectedAddress}>{t('participantEdit.protectedForced')}</Paragraph>
          ) : (
            <CheckboxField
              id={IDS.protectedAddress}
              label={t('field.protectedAddress')}
              checked={values.protectedAddress}
              onChange={set('protectedAddress')}
              error={errorOf('protectedAddress')}
            />
          )}
        </fieldset>
      ) : null}

      {can.editWaitingList || can.editProvider ? (
        <fieldset className="eh-fieldset eh-fieldset--group">
          <legend>{t('participant.sectionProgramme')}</legend>
          {can.editWaitingList ? (
            <TextField
              id={IDS.waitingListRegisteredOn}
              type="date"
              label={t('field.waitingListRegisteredOn')}
              description={t('field.waitingListRegisteredOnHelp')}
              value={values.waitingListRegisteredOn}
              onChange={set('waitingListRegisteredOn')}
              optional
              error={errorOf('waitingListRegisteredOn')}
            />
          ) : null}
          {can.editProvider ? (
            <SelectField
              id={IDS.providerId}
              label={t('field.guidingProvider')}
              value={values.providerId}
              onChange={set('providerId')}
              options={byName(providers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              emptyLabel={t('referral.noProvider')}
              optional
              error={errorOf('providerId')}
            />
          ) : null}
        </fieldset>
      ) : null}

      <ButtonGroup>
        <Button id="participant-edit-submit" type="submit" appearance="primary" busy={busy} disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </Button>
        <Button appearance="secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
