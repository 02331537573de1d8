// The referral form's values, how they travel as a draft, the client's checks and the request body.
// The client's checks only spare a round trip; the server (participants.schema.ts) decides.

import { BSN_MESSAGES, bsnProblem, normaliseBsn } from '../../../shared/bsn';
import {
  CONSENT_SCOPES,
  CURRENT_PLACES,
  HOME_NEEDS,
  HOMELESSNESS,
  TARGET_GROUPS,
  type ConsentScope,
  type HomeNeed,
  type NewParticipant,
} from '../../api/types';
import { isIsoDate, todayIso } from '../../dates';
import type { Lang, Translate } from '../../i18n';
import { oneOf } from '../../options';

export interface ReferralValues {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  bsn: string;
  phone: string;
  email: string;
  householdAdults: string;
  householdChildren: string;
  childrenAges: string;
  targetGroup: string;
  currentPlace: string;
  currentPlaceNote: string;
  preferredMunicipalityIds: string[];
  excludedMunicipalityIds: string[];
  needs: string[];
  consentGivenOn: string;
  consentScope: string[];
  protectedAddress: boolean;
  waitingListRegisteredOn: string;
  providerId: string;
  referredOn: string;
  homelessness: string;
  /** 'yes' | 'no' | '' (not answered yet). */
  expectedIndependent: string;
  motivation: string;
  notes: string;
}

export const emptyReferral = (): ReferralValues => ({
  givenName: '',
  familyName: '',
  dateOfBirth: '',
  bsn: '',
  phone: '',
  email: '',
  householdAdults: '1',
  householdChildren: '0',
  childrenAges: '',
  targetGroup: '',
  currentPlace: '',
  currentPlaceNote: '',
  preferredMunicipalityIds: [],
  excludedMunicipalityIds: [],
  needs: [],
  consentGivenOn: '',
  consentScope: [],
  protectedAddress: false,
  waitingListRegisteredOn: '',
  providerId: '',
  referredOn: todayIso(),
  homelessness: '',
  expectedIndependent: '',
  motivation: '',
  notes: '',
});

/** The element id of each field, by the path the server reports errors on. */
export const REFERRAL_IDS = {
  programmeId: 'referral-programme',
  givenName: 'referral-given-name',
  familyName: 'referral-family-name',
  dateOfBirth: 'referral-date-of-birth',
  bsn: 'referral-bsn',
  phone: 'referral-phone',
  email: 'referral-email',
  householdAdults: 'referral-household-adults',
  householdChildren: 'referral-household-children',
  childrenAges: 'referral-children-ages',
  targetGroup: 'referral-target-group',
  currentPlace: 'referral-current-place',
  currentPlaceNote: 'referral-current-place-note',
  preferredMunicipalityIds: 'referral-preferred-municipalities',
  excludedMunicipalityIds: 'referral-excluded-municipalities',
  needs: 'referral-needs',
  consentGivenOn: 'referral-consent-given-on',
  consentScope: 'referral-consent-scope',
  protectedAddress: 'referral-protected-address',
  waitingListRegisteredOn: 'referral-waiting-list-registered-on',
  providerId: 'referral-provider',
  'referral.referredOn': 'referral-referred-on',
  'referral.homelessness': 'referral-homelessness',
  'referral.expectedIndependent': 'referral-expected-independent',
  'referral.motivation': 'referral-motivation',
  'referral.notes': 'referral-notes',
} as const;

export type ReferralPath = keyof typeof REFERRAL_IDS;

/** The form field each value is reported under (the referral's questions are nested in the body). */
export const PATH_OF: Record<keyof ReferralValues, ReferralPath> = {
  givenName: 'givenName',
  familyName: 'familyName',
  dateOfBirth: 'dateOfBirth',
  bsn: 'bsn',
  phone: 'phone',
  email: 'email',
  householdAdults: 'householdAdults',
  householdChildren: 'householdChildren',
  childrenAges: 'childrenAges',
  targetGroup: 'targetGroup',
  currentPlace: 'currentPlace',
  currentPlaceNote: 'currentPlaceNote',
  preferredMunicipalityIds: 'preferredMunicipalityIds',
  excludedMunicipalityIds: 'excludedMunicipalityIds',
  needs: 'needs',
  consentGivenOn: 'consentGivenOn',
  consentScope: 'consentScope',
  protectedAddress: 'protectedAddress',
  waitingListRegisteredOn: 'waitingListRegisteredOn',
  providerId: 'providerId',
  referredOn: 'referral.referredOn',
  homelessness: 'referral.homelessness',
  expectedIndependent: 'referral.expectedIndependent',
  motivation: 'referral.motivation',
  notes: 'referral.notes',
};

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** A saved draft back into form values; whatever is not recognised is left at its default. */
export function valuesFromDraft(data: Record<string, unknown>): ReferralValues {
  const base = emptyReferral();
  const out: ReferralValues = { ...base };
  for (const key of Object.keys(base) as Array<keyof ReferralValues>) {
    const value = data[key];
    if (value === undefined) continue;
    if (key === 'protectedAddress') out.protectedAddress = value === true;
    else if (key === 'preferredMunicipalityIds' || key === 'excludedMunicipalityIds' || key === 'needs' || key === 'consentScope') {
      out[key] = strings(value);
    } else out[key] = str(value);
  }
  return out;
}

/** The draft as stored: the form values as they are (not validated until sent) and the programme. */
export const draftData = (values: ReferralValues, programmeId: string): Record<string, unknown> => ({ ...values, programmeId });

/** "Sanne de Vries" or null, for the list of drafts. */
export function draftTitle(data: Record<string, unknown>): string | null {
  const name = [str(data.givenName).trim(), str(data.familyName).trim()].filter(Boolean).join(' ');
  return name || null;
}

const trimmed = (value: string): string | undefined => {
  const v = value.trim();
  return v === '' ? undefined : v;
};

/** "4, 7" → [4, 7]; null when a part is not a whole number. */
export function parseAges(text: string): number[] | null {
  const parts = text.split(/[\s,;|]+/).filter(Boolean);
  if (!parts.every((part) => /^\d{1,2}$/.test(part))) return null;
  return parts.map(Number);
}

const wholeNumber = (text: string): number | null => (/^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null);

/** The immediate BSN check (the eleven-test shared with the server), or null when fine or empty. */
export function bsnMessage(value: string, lang: Lang): string | null {
  if (value.trim() === '') return null;
  const problem = bsnProblem(value);
  return problem ? BSN_MESSAGES[problem][lang] : null;
}

/** The client's checks, by path: required fields, formats and the rules that need no server. */
export function referralErrors(v: ReferralValues, t: Translate, lang: Lang): Partial<Record<ReferralPath, string | null | false>> {
  const today = todayIso();
  const date = (value: string, required: boolean): string | null => {
    if (value === '') return required ? t('validation.required') : null;
    if (!isIsoDate(value)) return t('validation.date');
    return value > today ? t('validation.future') : null;
  };
  const adults = wholeNumber(v.householdAdults);
  const children = wholeNumber(v.householdChildren);
  const ages = parseAges(v.childrenAges);
  const overlap = v.preferredMunicipalityIds.some((id) => v.excludedMunicipalityIds.includes(id));
  const hasConsentDate = v.consentGivenOn !== '';
  const hasConsentScope = v.consentScope.length > 0;
  return {
    givenName: !v.givenName.trim() && t('validation.required'),
    familyName: !v.familyName.trim() && t('validation.required'),
    dateOfBirth: date(v.dateOfBirth, true) ?? (v.dateOfBirth < '1900-01-01' && t('validation.birthBefore1900')),
    bsn: bsnMessage(v.bsn, lang),
    phone: v.phone.trim() !== '' && !/^[+0-9 ()-]{6,20}$/.test(v.phone.trim()) && t('validation.phone'),
    email: v.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim()) && t('validation.email'),
    householdAdults: (adults === null || adults < 1 || adults > 10) && t('referral.adultsInvalid'),
    householdChildren: (children === null || children > 15) && t('referral.childrenInvalid'),
    childrenAges:
      ages === null || ages.some((age) => age > 25)
        ? t('referral.agesInvalid')
        : children !== null && ages.length > children
          ? t('referral.agesTooMany')
          : null,
    targetGroup: !v.targetGroup && t('validation.choose'),
    currentPlace: !v.currentPlace && t('validation.choose'),
    excludedMunicipalityIds: overlap && t('referral.municipalityOverlap'),
    consentGivenOn: date(v.consentGivenOn, false) ?? (!hasConsentDate && hasConsentScope && t('referral.consentDateMissing')),
    consentScope: hasConsentDate && !hasConsentScope && t('referral.consentScopeMissing'),
    waitingListRegisteredOn: date(v.waitingListRegisteredOn, false),
    'referral.referredOn': date(v.referredOn, true),
    'referral.homelessness': !v.homelessness && t('validation.choose'),
    'referral.expectedIndependent': !v.expectedIndependent && t('validation.choose'),
    'referral.motivation':
      v.motivation.trim().length === 0
        ? t('validation.required')
        : v.motivation.trim().length < 10 && t('referral.motivationShort'),
  };
}

/** POST /api/v1/participants from valid form values. */
export function referralBody(v: ReferralValues, programmeId: string): NewParticipant {
  const targetGroup = oneOf(TARGET_GROUPS, v.targetGroup);
  const currentPlace = oneOf(CURRENT_PLACES, v.currentPlace);
  const homelessness = oneOf(HOMELESSNESS, v.homelessness);
  if (!targetGroup || !currentPlace || !homelessness) throw new Error('referralBody: validate the values first');
  const bsn = trimmed(v.bsn);
  return {
    programmeId,
    givenName: v.givenName.trim(),
    familyName: v.familyName.trim(),
    dateOfBirth: v.dateOfBirth,
    bsn: bsn ? normaliseBsn(bsn) : undefined,
    phone: trimmed(v.phone),
    email: trimmed(v.email),
    householdAdults: Number(v.householdAdults.trim()),
    householdChildren: Number(v.householdChildren.trim()),
    childrenAges: parseAges(v.childrenAges) ?? [],
    targetGroup,
    currentPlace,
    currentPlaceNote: trimmed(v.currentPlaceNote),
    preferredMunicipalityIds: v.preferredMunicipalityIds,
    excludedMunicipalityIds: v.excludedMunicipalityIds,
    needs: v.needs.filter((need): need is HomeNeed => (HOME_NEEDS as readonly string[]).includes(need)),
    consentGivenOn: trimmed(v.consentGivenOn),
    consentScope: v.consentScope.filter((scope): scope is ConsentScope => (CONSENT_SCOPES as readonly string[]).includes(scope)),
    protectedAddress: v.protectedAddress,
    waitingListRegisteredOn: trimmed(v.waitingListRegisteredOn),
    providerId: trimmed(v.providerId),
    referral: {
      referredOn: v.referredOn,
      homelessness,
      expectedIndependent: v.expectedIndependent === 'yes',
      motivation: v.motivation.trim(),
      notes: trimmed(v.notes),
    },
  };
}
