import {
  CONSENT_SCOPES,
  CURRENT_PLACES,
  HOME_NEEDS,
  HOMELESSNESS,
  TARGET_GROUPS,
} from '../../../shared/enums.js';

type Text = { nl: string; en: string };

/**
 * The columns of the import template, in order. Headers are Dutch (the people filling it in
 * are); the English key is accepted as a header too. Lists inside a cell are separated by `|`.
 */
export interface Column {
  header: string;
  key: string;
  /** The field of the referral body the column fills, for mapping errors back to the column. */
  path: string;
  required: boolean;
  help: Text;
  example: string;
}

const codes = (xs: readonly string[]) => xs.join(' | ');

export const COLUMNS: Column[] = [
  { header: 'voornaam', key: 'given_name', path: 'givenName', required: true, help: { nl: 'Voornaam', en: 'Given name' }, example: 'Sanne' },
  { header: 'achternaam', key: 'family_name', path: 'familyName', required: true, help: { nl: 'Achternaam met tussenvoegsel', en: 'Family name' }, example: 'van Dijkhuis' },
  { header: 'geboortedatum', key: 'date_of_birth', path: 'dateOfBirth', required: true, help: { nl: 'JJJJ-MM-DD of DD-MM-JJJJ', en: 'YYYY-MM-DD or DD-MM-YYYY' }, example: '1987-04-12' },
  { header: 'bsn', key: 'bsn', path: 'bsn', required: false, help: { nl: 'Alleen als er een grondslag is; elfproef', en: 'Only with a legal basis; eleven-test' }, example: '' },
  { header: 'telefoon', key: 'phone', path: 'phone', required: false, help: { nl: 'Telefoonnummer', en: 'Phone number' }, example: '' },
  { header: 'email', key: 'email', path: 'email', required: false, help: { nl: 'E-mailadres', en: 'E-mail address' }, example: '' },
  { header: 'volwassenen', key: 'household_adults', path: 'householdAdults', required: false, help: { nl: 'Aantal volwassenen (standaard 1)', en: 'Adults (default 1)' }, example: '1' },
  { header: 'kinderen', key: 'household_children', path: 'householdChildren', required: false, help: { nl: 'Aantal kinderen (standaard 0)', en: 'Children (default 0)' }, example: '0' },
  { header: 'leeftijden_kinderen', key: 'children_ages', path: 'childrenAges', required: false, help: { nl: 'Bijv. 4|7', en: 'E.g. 4|7' }, example: '' },
  { header: 'doelgroep', key: 'target_group', path: 'targetGroup', required: true, help: { nl: codes(TARGET_GROUPS), en: codes(TARGET_GROUPS) }, example: 'single_adult' },
  { header: 'verblijfplaats', key: 'current_place', path: 'currentPlace', required: true, help: { nl: codes(CURRENT_PLACES), en: codes(CURRENT_PLACES) }, example: 'night_shelter' },
  { header: 'voorkeursgemeenten', key: 'preferred_municipalities', path: 'preferredMunicipalityIds', required: false, help: { nl: 'Gemeentenamen, gescheiden door |', en: 'Municipality names separated by |' }, example: 'Utrecht|Nieuwegein' },
  { header: 'uitgesloten_gemeenten', key: 'excluded_municipalities', path: 'excludedMunicipalityIds', required: false, help: { nl: 'Gemeentenamen, gescheiden door |', en: 'Municipality names separated by |' }, example: '' },
  { header: 'woonwensen', key: 'needs', path: 'needs', required: false, help: { nl: codes(HOME_NEEDS), en: codes(HOME_NEEDS) }, example: 'ground_floor' },
  { header: 'toestemming_datum', key: 'consent_given_on', path: 'consentGivenOn', required: false, help: { nl: 'Datum van de toestemming', en: 'Date of consent' }, example: '2021-02-01' },
  { header: 'toestemming_omvang', key: 'consent_scope', path: 'consentScope', required: false, help: { nl: codes(CONSENT_SCOPES), en: codes(CONSENT_SCOPES) }, example: 'programme|housing' },
  { header: 'beschermd_adres', key: 'protected_address', path: 'protectedAddress', required: false, help: { nl: 'ja of nee', en: 'yes or no' }, example: 'nee' },
  { header: 'wachtlijst_datum', key: 'waiting_list_registered_on', path: 'waitingListRegisteredOn', required: false, help: { nl: 'Inschrijving centrale wachtlijst', en: 'Central waiting list registration' }, example: '2020-06-15' },
  { header: 'zorgaanbieder', key: 'provider', path: 'providerId', required: false, help: { nl: 'Naam van de begeleidende zorgaanbieder', en: 'Name of the guiding care provider' }, example: '' },
  { header: 'aanmelddatum', key: 'referred_on', path: 'referral.referredOn', required: true, help: { nl: 'Datum van aanmelding', en: 'Referral date' }, example: '2021-01-20' },
  { header: 'dakloos', key: 'homelessness', path: 'referral.homelessness', required: true, help: { nl: codes(HOMELESSNESS), en: codes(HOMELESSNESS) }, example: 'homeless' },
  { header: 'zelfstandig_binnen_twee_jaar', key: 'expected_independent', path: 'referral.expectedIndependent', required: true, help: { nl: 'ja of nee', en: 'yes or no' }, example: 'ja' },
  { header: 'motivatie', key: 'motivation', path: 'referral.motivation', required: true, help: { nl: 'Korte motivatie van de inschatting', en: 'Short motivation of the estimate' }, example: 'Verblijft stabiel in de nachtopvang en houdt afspraken na.' },
  { header: 'toelichting', key: 'notes', path: 'referral.notes', required: false, help: { nl: 'Overige toelichting', en: 'Other notes' }, example: '' },
];

/** The column a body path comes from (errors are reported per column). */
export function columnOf(path: string): string | null {
  const c = COLUMNS.find((x) => path === x.path || path.startsWith(`${x.path}.`));
  return c ? c.header : null;
}
