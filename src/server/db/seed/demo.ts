import crypto from 'node:crypto';
import type { Database } from '../client.js';
import { hashPassword } from '../../domain/session/session.service.js';
import { seedDemoParticipants } from './participants.js';
import { seedDemoOffers } from './offers.js';
import { seedDemoTenancies } from './tenancies.js';
import { seedDemoNeighbourhood } from './neighbourhood.js';
import { seedDemoGuidance } from './guidance.js';
import { seedDemoTranches } from './tranches.js';
import { seedDemoMeasurements } from './measurements.js';
import { seedDemoLivingLab } from './livingLab.js';
import type { DeliveryMode, HousingForm, OrganisationKind, Role, TargetGroup, UnitStatus } from '../../../shared/enums.js';

/**
 * The demo region: the U16 Living Lab "Eerst een Thuis" as described in the seed documents
 * (shared/seeds). What comes from the sources and what is invented is listed in
 * docs/demo-data.md. Every person in it is fictitious.
 */

export const DEMO_PASSWORD = 'eerstethuis-demo';
export const DEMO_REGION_CODE = 'U16';

/** Demo ids are derived from names, so every fresh start has the same ids (links stay valid). */
const id = (...parts: string[]) => {
  const h = crypto.createHash('sha256').update(`eerstethuis-demo:${parts.join(':')}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const MUNICIPALITIES = [
  'Bunnik', 'De Bilt', 'De Ronde Venen', 'Houten', 'IJsselstein', 'Lopik', 'Montfoort', 'Nieuwegein',
  'Oudewater', 'Stichtse Vecht', 'Utrecht', 'Utrechtse Heuvelrug', 'Vijfheerenlanden', 'Wijk bij Duurstede', 'Woerden', 'Zeist',
];

const ORGANISATIONS: { name: string; kind: OrganisationKind; municipality?: string }[] = [
  // Coalition municipalities (seed 003: the launch of 15 January 2021; Utrechtse Heuvelrug joined just after).
  ...['Houten', 'Nieuwegein', 'Stichtse Vecht', 'Utrecht', 'Vijfheerenlanden', 'Woerden', 'Zeist', 'Utrechtse Heuvelrug'].map((m) => ({
    name: `Gemeente ${m}`,
    kind: 'municipality' as const,
    municipality: m,
  })),
  { name: 'BijBram', kind: 'care_provider' },
  { name: 'Kwintes', kind: 'care_provider' },
  { name: 'Leger des Heils', kind: 'care_provider' },
  { name: 'Lister', kind: 'care_provider' },
  { name: 'De Tussenvoorziening', kind: 'care_provider' },
  { name: 'Moviera', kind: 'care_provider' },
  { name: 'GroenWest', kind: 'housing_corporation' },
  { name: 'Mitros', kind: 'housing_corporation' },
  { name: 'Portaal', kind: 'housing_corporation' },
  { name: 'Vecht en Omstreken', kind: 'housing_corporation' },
  { name: 'Viveste', kind: 'housing_corporation' },
  { name: 'Heuvelrug Wonen', kind: 'housing_corporation' },
  { name: 'Regionale Toegang Utrecht', kind: 'access_office', municipality: 'Utrecht' },
  { name: 'Stadsteam Back Up', kind: 'referral_team', municipality: 'Utrecht' },
  { name: 'Het Vierde Huis', kind: 'allocation_office', municipality: 'Utrecht' },
  { name: 'Programmabureau Living Lab Eerst een Thuis', kind: 'programme_office', municipality: 'Utrecht' },
  { name: 'Buurtteam Leidsche Rijn', kind: 'neighbourhood_team', municipality: 'Utrecht' },
  { name: 'Buurtteam Nieuwegein', kind: 'neighbourhood_team', municipality: 'Nieuwegein' },
  { name: 'Kenniscentrum Living Lab (fictief)', kind: 'research_institute' },
];

/** One account per role, plus a second care worker and a second corporation (isolation). */
export const DEMO_ACCOUNTS: { email: string; name: string; organisation: string; roles: Role[] }[] = [
  { email: 'programma@eerstethuis.demo', name: 'Petra Programma', organisation: 'Programmabureau Living Lab Eerst een Thuis', roles: ['programme_office'] },
  { email: 'beheer@eerstethuis.demo', name: 'Bas Beheer', organisation: 'Programmabureau Living Lab Eerst een Thuis', roles: ['administrator'] },
  { email: 'begeleider@tussenvoorziening.demo', name: 'Bram Begeleider', organisation: 'De Tussenvoorziening', roles: ['care_worker'] },
  { email: 'begeleider@legerdesheils.demo', name: 'Lotte Leger', organisation: 'Leger des Heils', roles: ['care_worker'] },
  { email: 'zorgmanager@tussenvoorziening.demo', name: 'Zara Zorgmanager', organisation: 'De Tussenvoorziening', roles: ['care_manager'] },
  { email: 'corporatie@mitros.demo', name: 'Mees Mitros', organisation: 'Mitros', roles: ['corporation'] },
  { email: 'corporatie@portaal.demo', name: 'Pien Portaal', organisation: 'Portaal', roles: ['corporation'] },
  { email: 'beoordelaar@regionaletoegang.demo', name: 'Anne Assessor', organisation: 'Regionale Toegang Utrecht', roles: ['assessor'] },
  { email: 'toeleider@backup.demo', name: 'Tim Toeleider', organisation: 'Stadsteam Back Up', roles: ['referrer'] },
  { email: 'gemeente@nieuwegein.demo', name: 'Guus Gemeente', organisation: 'Gemeente Nieuwegein', roles: ['municipality'] },
  { email: 'privacy@eerstethuis.demo', name: 'Fenna Functionaris', organisation: 'Programmabureau Living Lab Eerst een Thuis', roles: ['privacy_officer'] },
  { email: 'onderzoeker@eerstethuis.demo', name: 'Olga Onderzoek', organisation: 'Kenniscentrum Living Lab (fictief)', roles: ['researcher'] },
  { email: 'toewijzing@vierdehuis.demo', name: 'Vera Vierde Huis', organisation: 'Het Vierde Huis', roles: ['allocation_officer'] },
];

interface LocationSpec {
  key: string;
  name: string;
  address?: string;
  municipality: string;
  district?: string;
  form: HousingForm;
  deliveryMode: DeliveryMode;
  corporation?: string;
  provider?: string;
  expectedDate?: string;
}

/** A group of units of one pledge that share a history: `[date, status, location?]` steps. */
interface UnitGroup {
  count: number;
  steps: [string, UnitStatus, string?][];
}

interface PledgeSpec {
  key: string;
  municipality: string;
  places: number;
  targetGroup: TargetGroup;
  form: HousingForm;
  pledgedOn: string;
  partners: string[];
  tranche: 1 | 2;
  notes: string;
  label: string;
  groups: UnitGroup[];
}

const LOCATIONS: LocationSpec[] = [
  { key: 'lr', name: 'Gemengd wonen Leidsche Rijn', municipality: 'Utrecht', district: 'Leidsche Rijn', form: 'mixed', deliveryMode: 'project', corporation: 'Mitros', provider: 'De Tussenvoorziening' },
  { key: 'ng', name: 'Gemengd wonen Nieuwegein', municipality: 'Nieuwegein', district: 'Batau', form: 'mixed', deliveryMode: 'project', corporation: 'Portaal', provider: 'De Tussenvoorziening' },
  { key: 'nijevelt', name: 'Nijevelt', address: 'Voormalig verzorgingshuis Nijevelt, De Meern', municipality: 'Utrecht', district: 'Vleuten-De Meern', form: 'mixed', deliveryMode: 'project', corporation: 'GroenWest', provider: 'Leger des Heils' },
  { key: 'woerden', name: 'Woerden — bestaande woningen', municipality: 'Woerden', district: 'Schilderskwartier', form: 'existing_stock', deliveryMode: 'scattered', corporation: 'GroenWest', provider: 'Lister' },
  { key: 'maarssen', name: 'Maarssen — transformatie kantoorpand', municipality: 'Stichtse Vecht', district: 'Maarssen-dorp', form: 'transformation', deliveryMode: 'project', corporation: 'Vecht en Omstreken', provider: 'BijBram', expectedDate: '2021-10-01' },
  { key: 'houten', name: 'Houten — bestaande woningen', municipality: 'Houten', district: 'Houten-Zuid', form: 'existing_stock', deliveryMode: 'scattered', corporation: 'Viveste', provider: 'Kwintes' },
  { key: 'doorn', name: 'Doorn — gesplitste woningen', municipality: 'Utrechtse Heuvelrug', district: 'Doorn', form: 'transformation', deliveryMode: 'project', corporation: 'Heuvelrug Wonen', provider: 'Kwintes' },
  { key: 'boka', name: 'Nieuwegein — vrijgekomen BOKA-woningen', municipality: 'Nieuwegein', district: 'Zuilenstein', form: 'existing_stock', deliveryMode: 'project', corporation: 'Portaal', provider: 'De Tussenvoorziening' },
  { key: 'odijk', name: 'Odijk — woningen Portaal', municipality: 'Bunnik', district: 'Odijk', form: 'existing_stock', deliveryMode: 'scattered', corporation: 'Portaal', provider: 'De Tussenvoorziening' },
  { key: 'utrecht-gespikkeld', name: 'Utrecht — gespikkelde woningen', municipality: 'Utrecht', district: 'Overvecht', form: 'existing_stock', deliveryMode: 'scattered', corporation: 'Mitros', provider: 'De Tussenvoorziening' },
  { key: 'moviera-utrecht', name: 'Utrecht — gezinswoningen Moviera', municipality: 'Utrecht', district: 'Kanaleneiland', form: 'existing_stock', deliveryMode: 'scattered', corporation: 'Portaal', provider: 'Moviera' },
  { key: 'moviera-zeist', name: 'Zeist — gezinswoningen Moviera', municipality: 'Zeist', district: 'Zeist-West', form: 'existing_stock', deliveryMode: 'scattered', provider: 'Moviera' },
  { key: 'vijfheerenlanden', name: 'Vianen — nieuwbouw', municipality: 'Vijfheerenlanden', district: 'Vianen', form: 'new_build', deliveryMode: 'project', provider: 'Lister', expectedDate: '2022-04-01' },
];

/**
 * Pledges and the history of their units. On 2021-01-15 (the coalition's launch) this gives the
 * published counter: realised 132 (83 + 11 + 33 + 5), pipeline 45 (20 + 8 + 6 + 6 + 5), ambition 177.
 */
const PLEDGES: PledgeSpec[] = [
  {
    key: 'tv-lr', municipality: 'Utrecht', places: 83, targetGroup: 'single_adult', form: 'mixed', pledgedOn: '2020-11-02',
    partners: ['De Tussenvoorziening', 'Mitros'], tranche: 1, label: 'Leidsche Rijn',
    notes: 'Eerste tranche: 83 woningen gemengd wonen in Leidsche Rijn (bron: seeds 000, 001; reference.md).',
    groups: [
      { count: 58, steps: [['2020-11-02', 'pledged'], ['2020-12-01', 'location_found', 'lr'], ['2021-02-15', 'available'], ['2021-03-01', 'allocated'], ['2021-03-15', 'occupied']] },
      { count: 17, steps: [['2020-11-02', 'pledged'], ['2020-12-01', 'location_found', 'lr'], ['2021-02-15', 'available'], ['2021-06-01', 'allocated'], ['2021-06-15', 'occupied']] },
      { count: 6, steps: [['2020-11-02', 'pledged'], ['2020-12-01', 'location_found', 'lr'], ['2021-02-15', 'available']] },
      { count: 2, steps: [['2020-11-02', 'pledged'], ['2020-12-01', 'location_found', 'lr'], ['2021-02-15', 'available'], ['2021-04-01', 'allocated'], ['2021-04-15', 'occupied'], ['2022-02-01', 'available']] },
    ],
  },
  {
    key: 'tv-ng', municipality: 'Nieuwegein', places: 11, targetGroup: 'single_adult', form: 'mixed', pledgedOn: '2020-11-02',
    partners: ['De Tussenvoorziening', 'Portaal'], tranche: 1, label: 'Nieuwegein',
    notes: 'Eerste tranche: 11 woningen gemengd wonen in Nieuwegein (bron: seeds 001; reference.md).',
    groups: [
      { count: 9, steps: [['2020-11-02', 'pledged'], ['2020-12-01', 'location_found', 'ng'], ['2021-02-01', 'available'], ['2021-02-15', 'allocated'], ['2021-03-01', 'occupied']] },
      { count: 2, steps: [['2020-11-02', 'pledged'], ['2020-12-01', 'location_found', 'ng'], ['2021-02-01', 'available']] },
    ],
  },
  {
    key: 'tv-gespikkeld', municipality: 'Utrecht', places: 20, targetGroup: 'single_adult', form: 'existing_stock', pledgedOn: '2020-11-02',
    partners: ['De Tussenvoorziening'], tranche: 1, label: 'Gespikkeld Utrecht',
    notes: 'Eerste tranche: 20 gespikkelde plekken die in 2021 niet gevuld konden worden (bron: seed 000). Pilot 2022 verzonnen.',
    groups: [
      { count: 6, steps: [['2020-11-02', 'pledged'], ['2022-03-01', 'location_found', 'utrecht-gespikkeld'], ['2022-04-01', 'available'], ['2022-05-01', 'allocated'], ['2022-05-15', 'occupied']] },
      { count: 14, steps: [['2020-11-02', 'pledged']] },
    ],
  },
  {
    key: 'ldh-nijevelt', municipality: 'Utrecht', places: 33, targetGroup: 'single_adult', form: 'mixed', pledgedOn: '2020-12-01',
    partners: ['Leger des Heils', 'GroenWest'], tranche: 2, label: 'Nijevelt',
    notes: 'Nijevelt in De Meern: 33 een- en tweekamerappartementen, gemengd wonen (bron: seed 001).',
    groups: [
      { count: 24, steps: [['2020-12-01', 'pledged'], ['2020-12-15', 'location_found', 'nijevelt'], ['2021-05-01', 'available'], ['2021-05-15', 'allocated'], ['2021-06-01', 'occupied']] },
      { count: 9, steps: [['2020-12-01', 'pledged'], ['2020-12-15', 'location_found', 'nijevelt'], ['2021-05-01', 'available']] },
    ],
  },
  {
    key: 'lister-woerden', municipality: 'Woerden', places: 5, targetGroup: 'single_adult', form: 'existing_stock', pledgedOn: '2020-12-15',
    partners: ['Lister', 'GroenWest'], tranche: 2, label: 'Woerden',
    notes: 'Verzonnen aanvulling: 5 woningen in Woerden, zodat de teller op 15 januari 2021 op 132 staat.',
    groups: [{ count: 5, steps: [['2020-12-15', 'pledged'], ['2021-01-11', 'location_found', 'woerden'], ['2021-03-01', 'available'], ['2021-04-01', 'allocated'], ['2021-04-15', 'occupied']] }],
  },
  {
    key: 'bijbram-sv', municipality: 'Stichtse Vecht', places: 8, targetGroup: 'young_adult', form: 'transformation', pledgedOn: '2021-01-08',
    partners: ['BijBram', 'Vecht en Omstreken'], tranche: 2, label: 'Stichtse Vecht',
    notes: 'Verzonnen pijplijn: transformatie van een kantoorpand in Maarssen.',
    groups: [{ count: 8, steps: [['2021-01-08', 'pledged'], ['2021-04-01', 'location_found', 'maarssen'], ['2021-10-01', 'available'], ['2021-10-15', 'allocated'], ['2021-11-01', 'occupied']] }],
  },
  {
    key: 'kwintes-houten', municipality: 'Houten', places: 6, targetGroup: 'single_adult', form: 'existing_stock', pledgedOn: '2021-01-08',
    partners: ['Kwintes', 'Viveste'], tranche: 2, label: 'Houten',
    notes: 'Verzonnen pijplijn: bestaande woningen in Houten.',
    groups: [{ count: 6, steps: [['2021-01-08', 'pledged'], ['2021-03-15', 'location_found', 'houten'], ['2021-05-01', 'available'], ['2021-06-01', 'allocated'], ['2021-06-15', 'occupied']] }],
  },
  {
    key: 'zeist-flex', municipality: 'Zeist', places: 6, targetGroup: 'single_adult', form: 'flex', pledgedOn: '2021-01-08',
    partners: ['Gemeente Zeist', 'Kwintes'], tranche: 2, label: 'Zeist flex',
    notes: 'Verzonnen pijplijn: flexwoningen in Zeist; na het evaluatiemoment van mei 2021 ingetrokken (geen locatie).',
    groups: [{ count: 6, steps: [['2021-01-08', 'pledged'], ['2021-05-31', 'withdrawn']] }],
  },
  {
    key: 'lister-vhl', municipality: 'Vijfheerenlanden', places: 5, targetGroup: 'young_adult', form: 'new_build', pledgedOn: '2021-01-08',
    partners: ['Lister', 'Gemeente Vijfheerenlanden'], tranche: 2, label: 'Vianen',
    notes: 'Verzonnen pijplijn: nieuwbouw in Vianen.',
    groups: [{ count: 5, steps: [['2021-01-08', 'pledged'], ['2021-09-01', 'location_found', 'vijfheerenlanden']] }],
  },
  {
    key: 'kwintes-uh', municipality: 'Utrechtse Heuvelrug', places: 6, targetGroup: 'single_adult', form: 'transformation', pledgedOn: '2021-01-25',
    partners: ['Kwintes', 'Heuvelrug Wonen', 'Gemeente Utrechtse Heuvelrug'], tranche: 2, label: 'Doorn',
    notes: 'Utrechtse Heuvelrug sloot net na de lancering aan: grote woningen verbouwd tot kleinere eenheden (bron: seed 003); aantal verzonnen.',
    groups: [{ count: 6, steps: [['2021-01-25', 'pledged'], ['2021-06-01', 'location_found', 'doorn'], ['2021-09-01', 'available'], ['2021-09-15', 'allocated'], ['2021-10-01', 'occupied']] }],
  },
  {
    key: 'portaal-ng', municipality: 'Nieuwegein', places: 14, targetGroup: 'single_adult', form: 'existing_stock', pledgedOn: '2021-07-20',
    partners: ['De Tussenvoorziening', 'Portaal'], tranche: 2, label: 'BOKA Nieuwegein',
    notes: 'Tweede tranche, juli 2021: Portaal, 19 plekken in Nieuwegein en Odijk (bron: seed 000); verdeling 14/5 verzonnen.',
    groups: [
      { count: 10, steps: [['2021-07-20', 'pledged'], ['2021-09-01', 'location_found', 'boka'], ['2021-11-01', 'available'], ['2021-11-15', 'allocated'], ['2021-12-01', 'occupied']] },
      { count: 4, steps: [['2021-07-20', 'pledged'], ['2021-09-01', 'location_found', 'boka']] },
    ],
  },
  {
    key: 'portaal-odijk', municipality: 'Bunnik', places: 5, targetGroup: 'single_adult', form: 'existing_stock', pledgedOn: '2021-07-20',
    partners: ['De Tussenvoorziening', 'Portaal'], tranche: 2, label: 'Odijk',
    notes: 'Tweede tranche, juli 2021: het deel in Odijk (gemeente Bunnik).',
    groups: [
      { count: 3, steps: [['2021-07-20', 'pledged'], ['2021-10-01', 'location_found', 'odijk'], ['2021-12-01', 'available']] },
      { count: 2, steps: [['2021-07-20', 'pledged']] },
    ],
  },
  {
    key: 'moviera-utrecht', municipality: 'Utrecht', places: 10, targetGroup: 'domestic_violence', form: 'existing_stock', pledgedOn: '2021-07-20',
    partners: ['Moviera', 'De Tussenvoorziening'], tranche: 2, label: 'Moviera Utrecht',
    notes: 'Moviera met De Tussenvoorziening: 15 plekken voor vrouwen en gezinnen na huiselijk geweld in Utrecht en Zeist (bron: seed 000); verdeling 10/5 verzonnen.',
    groups: [
      { count: 6, steps: [['2021-07-20', 'pledged'], ['2021-10-01', 'location_found', 'moviera-utrecht'], ['2021-11-01', 'available'], ['2021-12-01', 'allocated'], ['2021-12-15', 'occupied']] },
      { count: 4, steps: [['2021-07-20', 'pledged']] },
    ],
  },
  {
    key: 'moviera-zeist', municipality: 'Zeist', places: 5, targetGroup: 'domestic_violence', form: 'existing_stock', pledgedOn: '2021-07-20',
    partners: ['Moviera', 'De Tussenvoorziening'], tranche: 2, label: 'Moviera Zeist',
    notes: 'Het deel in Zeist van de Moviera-toezegging.',
    groups: [
      { count: 2, steps: [['2021-07-20', 'pledged'], ['2022-01-15', 'location_found', 'moviera-zeist'], ['2022-03-01', 'available']] },
      { count: 3, steps: [['2021-07-20', 'pledged']] },
    ],
  },
];

type Run = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** True when the demo region is already there (the seed runs on first start only). */
export async function demoSeeded(database: Database): Promise<boolean> {
  const rows = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM regions WHERE code = $1', [DEMO_REGION_CODE]);
  return rows[0].n > 0;
}

/**
 * Writes the demo region in one transaction: all or nothing. Refuses to run twice.
 * Never call in production: the demo accounts share a published password.
 */
export async function seedDemo(database: Database): Promise<{ units: number; users: number }> {
  if (await demoSeeded(database)) return { units: 0, users: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let units = 0;
  await database.withSession(async (run: Run) => {
    await run('BEGIN');
    try {
      units = await write(run, passwordHash);
      await run('COMMIT');
    } catch (err) {
      await run('ROLLBACK');
      throw err;
    }
  });
  // The planner's statistics for the region just written (PGlite has no autovacuum).
  await database.query('ANALYZE');
  return { units, users: DEMO_ACCOUNTS.length };
}

async function write(run: Run, passwordHash: string): Promise<number> {
  const region = id('region');
  await run('INSERT INTO regions (id, code, name) VALUES ($1, $2, $3)', [region, DEMO_REGION_CODE, 'Regio Utrecht (U16)']);
  const muni = new Map<string, string>();
  for (const m of MUNICIPALITIES) {
    muni.set(m, id('municipality', m));
    await run('INSERT INTO municipalities (region_id, id, name) VALUES ($1, $2, $3)', [region, muni.get(m), m]);
  }
  const org = new Map<string, string>();
  for (const o of ORGANISATIONS) {
    org.set(o.name, id('organisation', o.name));
    await run('INSERT INTO organisations (region_id, id, name, kind, municipality_id) VALUES ($1, $2, $3, $4, $5)', [
      region, org.get(o.name), o.name, o.kind, o.municipality ? muni.get(o.municipality) : null,
    ]);
  }
  for (const a of DEMO_ACCOUNTS) {
    // Demo accounts may log in without a second factor, but only while the server runs in demo mode.
    await run('INSERT INTO users (region_id, id, organisation_id, email, name, password_hash, roles, totp_exempt) VALUES ($1, $2, $3, $4, $5, $6, $7, true)', [
      region, id('user', a.email), org.get(a.organisation), a.email, a.name, passwordHash, a.roles,
    ]);
  }
  const programme = id('programme');
  await run(
    `INSERT INTO programmes (region_id, id, name, period_start, period_end, target, budget_cents) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [region, programme, 'Living Lab Eerst een Thuis', '2020-09-01', '2022-09-30', 200, 2_240_000_000],
  );
  const moments: [string, string, string][] = [
    ['2021-01-15', 'Lancering coalitie', 'Aftrap van het Living Lab: de coalitie van gemeenten, aanbieders en corporaties (seed 003).'],
    ['2021-05-31', 'Evaluatiemoment mei 2021', 'Voortgang van de initiatieven; zo nodig bestuurlijke keuzes over doelgroepen, initiatieven en locaties (seed 003).'],
    ['2021-12-31', 'Jaareinde eerste tranche', 'Niet-benutte plekken van de eerste tranche gaan naar de tweede tranche (seed 000).'],
    ['2022-06-30', 'Einde looptijd (medio 2022)', 'Het project loopt tot medio 2022 (seed 003).'],
  ];
  for (const [date, title, notes] of moments) {
    await run('INSERT INTO review_moments (region_id, id, programme_id, date, title, notes) VALUES ($1, $2, $3, $4, $5, $6)', [
      region, id('moment', date), programme, date, title, notes,
    ]);
  }
  const tranche = { 1: id('tranche', '1'), 2: id('tranche', '2') };
  await run('INSERT INTO tranches (region_id, id, programme_id, number, name, capacity, provider_id, deadline) VALUES ($1, $2, $3, 1, $4, 114, $5, $6)', [
    region, tranche[1], programme, 'Eerste tranche', org.get('De Tussenvoorziening'), '2021-12-31',
  ]);
  await run('INSERT INTO tranches (region_id, id, programme_id, number, name, capacity, provider_id, deadline) VALUES ($1, $2, $3, 2, $4, 86, NULL, $5)', [
    region, tranche[2], programme, 'Tweede tranche (overige regionale aanbieders)', '2022-09-30',
  ]);
  const loc = new Map<string, string>();
  for (const l of LOCATIONS) {
    loc.set(l.key, id('location', l.key));
    await run(
      `INSERT INTO locations (region_id, id, programme_id, name, address, municipality_id, district, form, delivery_mode, corporation_id, provider_id, expected_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [region, loc.get(l.key), programme, l.name, l.address ?? null, muni.get(l.municipality), l.district ?? null, l.form, l.deliveryMode,
        l.corporation ? org.get(l.corporation) : null, l.provider ? org.get(l.provider) : null, l.expectedDate ?? null],
    );
  }
  const officeUser = id('user', 'programma@eerstethuis.demo');
  let total = 0;
  for (const p of PLEDGES) {
    const pledge = id('pledge', p.key);
    await run(
      `INSERT INTO pledges (region_id, id, programme_id, municipality_id, places, target_group, form, pledged_on, tranche_id, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [region, pledge, programme, muni.get(p.municipality), p.places, p.targetGroup, p.form, p.pledgedOn, tranche[p.tranche], p.notes, officeUser],
    );
    for (const partner of p.partners) {
      await run('INSERT INTO pledge_partners (region_id, pledge_id, organisation_id) VALUES ($1, $2, $3)', [region, pledge, org.get(partner)]);
    }
    let n = 0;
    for (const g of p.groups) {
      for (let i = 0; i < g.count; i++) {
        n += 1;
        const unit = id('unit', p.key, String(n));
        let locationId: string | null = null;
        for (const [, , l] of g.steps) if (l) locationId = loc.get(l) ?? null;
        const last = g.steps.at(-1)!;
        if (last[1] === 'pledged' || last[1] === 'withdrawn') locationId = g.steps.some(([, , l]) => l) ? locationId : null;
        await run(
          `INSERT INTO units (region_id, id, programme_id, pledge_id, location_id, tranche_id, municipality_id, label, form, rooms, status, status_since)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [region, unit, programme, pledge, locationId, tranche[p.tranche], muni.get(p.municipality), `${p.label} ${String(n).padStart(3, '0')}`,
            p.form, p.targetGroup === 'domestic_violence' ? 3 : n % 4 === 0 ? 2 : 1, last[1], last[0]],
        );
        for (const [k, [date, status, l]] of g.steps.entries()) {
          await run(
            `INSERT INTO unit_status_events (region_id, id, unit_id, status, effective_date, location_id, note, recorded_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [region, id('event', p.key, String(n), String(k)), unit, status, date, l ? loc.get(l) : null, k === 0 ? 'Toezegging' : null, officeUser],
          );
        }
        total += 1;
      }
    }
    if (n !== p.places) throw new Error(`seed: pledge ${p.key} has ${n} units for ${p.places} places`);
  }
  // Issue 3: about 250 fictitious participants, housed ones in the occupied units above.
  await seedDemoParticipants(run, { regionId: region, programmeId: programme, organisations: org, municipalities: muni, userId: (email) => id('user', email), id });
  await seedDemoOffers(run, { regionId: region, programmeId: programme, organisations: org, municipalities: muni, userId: (email) => id('user', email), id });
  // Issue 6, parts 1–2: a tenancy per placement, intake homes with flips and checklists, six more endings in 2022.
  await seedDemoTenancies(run, { regionId: region, programmeId: programme, organisations: org, municipalities: muni, userId: (email) => id('user', email), id });
  // Issue 6, part 3 (after the tenancies seed): guidance episodes, hand-overs to neighbourhood teams, support items.
  await seedDemoGuidance(run, { regionId: region, programmeId: programme, organisations: org, municipalities: muni, userId: (email) => id('user', email), id });
  // Issue 6, part 4 (after the tenancies and guidance seeds): the mix, meetings and incidents.
  await seedDemoNeighbourhood(run, { regionId: region, programmeId: programme, organisations: org, municipalities: muni, userId: (email) => id('user', email), id });
  // Issue 6, part 5 (after the neighbourhood seed): the housing contingents; the tranches' year-end preview has content.
  await seedDemoTranches(run, { regionId: region, programmeId: programme, organisations: org, municipalities: muni, userId: (email) => id('user', email), id });
  // Issue 7, parts 1–2 (after the tenancies, guidance, neighbourhood and tranches seeds): ZRM measurements, recovery definition v1.
  await seedDemoMeasurements(run, { regionId: region, programmeId: programme, organisations: org, municipalities: muni, userId: (email) => id('user', email), id });
  // Issue 7, parts 3–4 (last; reads only participants, locations and organisations): business case settings, observations, bottlenecks.
  await seedDemoLivingLab(run, { regionId: region, programmeId: programme, organisations: org, municipalities: muni, userId: (email) => id('user', email), id });
  return total;
}
