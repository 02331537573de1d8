/** One column of the research export, described for the researcher. */
export interface CodebookColumn {
  table: string;
  column: string;
  type: 'pseudonym' | 'date' | 'text' | 'integer' | 'number' | 'code';
  nl: string;
  en: string;
  /** The codes a `code` column takes. */
  values?: readonly string[];
}

const ZRM = [
  'finances', 'work_education', 'time_use', 'housing', 'domestic_relations', 'mental_health', 'physical_health', 'substance_use',
  'basic_adl', 'instrumental_adl', 'social_network', 'social_participation', 'justice',
] as const;
export const ZRM_COLUMNS = ZRM;

const date = (table: string, column: string, nl: string, en: string): CodebookColumn => ({ table, column, type: 'date', nl, en });

/**
 * The codebook: every column of every table of the export with its meaning. Dates are shifted
 * per person (YYYY-MM-DD) or coarsened to months (YYYY-MM), as the export's `dateMode` says.
 */
export const CODEBOOK: readonly CodebookColumn[] = [
  { table: 'participants', column: 'pid', type: 'pseudonym', nl: 'Pseudoniem van de deelnemer (alleen binnen deze export geldig)', en: 'Participant pseudonym (valid within this export only)' },
  { table: 'participants', column: 'target_group', type: 'code', nl: 'Doelgroep; * = gegeneraliseerd', en: 'Target group; * = generalised', values: ['single_adult', 'young_adult', 'family', 'domestic_violence', '*'] },
  { table: 'participants', column: 'age_band', type: 'code', nl: 'Leeftijd bij eerste aanmelding; * = gegeneraliseerd', en: 'Age at first referral; * = generalised', values: ['18-22', '23-29', '30-39', '40-49', '50-64', '65+', '*'] },
  { table: 'participants', column: 'household', type: 'code', nl: 'Huishouden; * = gegeneraliseerd', en: 'Household; * = generalised', values: ['single', 'adults', 'with_children', '*'] },
  { table: 'participants', column: 'municipality', type: 'text', nl: 'Gemeente van de eerste woning; leeg = (nog) niet gehuisvest; * = gegeneraliseerd', en: 'Municipality of the first home; empty = not housed (yet); * = generalised' },
  { table: 'participants', column: 'current_place', type: 'code', nl: 'Verblijfplaats bij aanmelding', en: 'Where they stayed at referral', values: ['street', 'night_shelter', 'shelter_24h', 'sheltered_housing', 'with_friends', 'other'] },
  date('participants', 'first_referred_on', 'Eerste aanmelding', 'First referral'),
  date('participants', 'waiting_list_registered_on', 'Inschrijving centrale wachtlijst', 'Central waiting list registration'),
  { table: 'participants', column: 'phase', type: 'code', nl: 'Huidige fase', en: 'Current phase' },
  date('participants', 'phase_since', 'In deze fase sinds', 'In this phase since'),
  { table: 'participants', column: 'provider', type: 'text', nl: 'Begeleidende zorgaanbieder (organisatie)', en: 'Guiding care provider (organisation)' },
  { table: 'phase_events', column: 'pid', type: 'pseudonym', nl: 'Deelnemer', en: 'Participant' },
  { table: 'phase_events', column: 'order', type: 'integer', nl: 'Volgorde binnen de deelnemer', en: 'Order within the participant' },
  { table: 'phase_events', column: 'phase', type: 'code', nl: 'Fase', en: 'Phase' },
  date('phase_events', 'effective_date', 'Ingangsdatum', 'Effective date'),
  { table: 'phase_events', column: 'reason', type: 'code', nl: 'Reden (bij uitstroom, afwijzing of terugtrekking)', en: 'Reason (exit, not eligible, withdrawal)' },
  { table: 'tenancies', column: 'tid', type: 'pseudonym', nl: 'Pseudoniem van het huurcontract', en: 'Tenancy pseudonym' },
  { table: 'tenancies', column: 'pid', type: 'pseudonym', nl: 'Deelnemer', en: 'Participant' },
  date('tenancies', 'start_date', 'Ingang huurcontract', 'Tenancy start'),
  date('tenancies', 'moved_in_on', 'Sleutel overhandigd', 'Keys handed over'),
  date('tenancies', 'flipped_on', 'Omgeklapt naar eigen naam', 'Lease flipped to own name'),
  date('tenancies', 'end_date', 'Einde', 'End'),
  { table: 'tenancies', column: 'end_reason', type: 'code', nl: 'Reden van het einde', en: 'Reason for the end' },
  { table: 'tenancies', column: 'first_lease_holder', type: 'code', nl: 'Eerste huurder', en: 'First lease holder', values: ['provider', 'tenant'] },
  { table: 'tenancies', column: 'housing_form', type: 'code', nl: 'Woonvorm', en: 'Housing form' },
  { table: 'tenancies', column: 'delivery_mode', type: 'code', nl: 'Route', en: 'Route', values: ['scattered', 'project'] },
  { table: 'tenancies', column: 'municipality', type: 'text', nl: 'Gemeente; * = gegeneraliseerd', en: 'Municipality; * = generalised' },
  { table: 'tenancies', column: 'rent_euros', type: 'number', nl: 'Kale huur per maand in euro’s', en: 'Basic monthly rent in euros' },
  { table: 'guidance', column: 'gid', type: 'pseudonym', nl: 'Pseudoniem van de begeleidingsperiode', en: 'Guidance episode pseudonym' },
  { table: 'guidance', column: 'pid', type: 'pseudonym', nl: 'Deelnemer', en: 'Participant' },
  { table: 'guidance', column: 'organisation_kind', type: 'code', nl: 'Soort organisatie (zorgaanbieder of buurtteam)', en: 'Kind of organisation (care provider or neighbourhood team)' },
  date('guidance', 'start_date', 'Begin', 'Start'),
  date('guidance', 'end_date', 'Einde', 'End'),
  { table: 'guidance', column: 'end_reason', type: 'code', nl: 'Reden van het einde', en: 'Reason for the end' },
  { table: 'guidance', column: 'level', type: 'code', nl: 'Niveau (nu of bij het einde)', en: 'Level (now or at the end)', values: ['intensive', 'regular', 'light'] },
  { table: 'guidance', column: 'hours_per_week', type: 'number', nl: 'Uren per week (nu of bij het einde)', en: 'Hours per week (now or at the end)' },
  { table: 'guidance', column: 'contacts', type: 'integer', nl: 'Aantal vastgelegde contacten', en: 'Number of recorded contacts' },
  { table: 'guidance', column: 'contact_minutes', type: 'integer', nl: 'Minuten contact in totaal', en: 'Total contact minutes' },
  { table: 'measurements', column: 'pid', type: 'pseudonym', nl: 'Deelnemer', en: 'Participant' },
  date('measurements', 'measured_on', 'Meetdatum', 'Date measured'),
  { table: 'measurements', column: 'moment', type: 'code', nl: 'Meetmoment', en: 'Moment', values: ['intake', 'm6', 'm12', 'm18', 'm24'] },
  ...ZRM.map((d): CodebookColumn => ({
    table: 'measurements', column: d, type: 'integer',
    nl: `ZRM-domein ${d}: 1 acute problematiek … 5 volledig zelfredzaam; leeg = niet gescoord`,
    en: `ZRM domain ${d}: 1 acute problem … 5 fully self-sufficient; empty = not scored`,
  })),
  { table: 'measurements', column: 'housing_status', type: 'code', nl: 'Woonsituatie bij de meting', en: 'Housing status at the measurement' },
  { table: 'measurements', column: 'quality_of_life', type: 'integer', nl: 'Eigen rapportcijfer kwaliteit van leven (1–10)', en: 'Own quality-of-life mark (1–10)' },
];

/** The columns of a table, in export order. */
export const columnsOf = (table: string): string[] => CODEBOOK.filter((c) => c.table === table).map((c) => c.column);
