import type { DemoIds, Run } from './participants.js';

/**
 * The Living Lab's learning in the demo region (issue 7, parts 3–4): the business case's
 * tariffs and assumptions with their sources (reference.md; where a figure is a quote or a demo
 * assumption, the source says so), about fifteen observations of success and failure factors,
 * and eight bottlenecks in every status. Runs last; it reads only participants, locations and
 * organisations (written by the seeds before the tenancies and guidance seeds), so it does not
 * depend on those. Every observation is fictitious.
 */

const TARIFFS: [kind: string, cents: number, source: string][] = [
  ['shelter_night', 11_000, 'Citaat wethouder (2022): een nacht in de opvang kost €90–130 per persoon; middenwaarde €110. Een citaat, geen audit.'],
  ['sheltered_housing_day', 19_200, 'Citaat VU-onderzoeker (2025): een opvangplek met ggz-begeleiding tot €70.000 per jaar ≈ €192 per dag. Een citaat, geen audit.'],
  ['guidance_hour', 6_500, 'Wmo-tarieven individuele begeleiding 2023: ongeveer €56 (basis) tot €74 (specialistisch) per uur; gekozen €65.'],
  ['neighbourhood_team_hour', 5_600, 'Wmo-tarief basisbegeleiding 2023: ongeveer €56 per uur (buurtteam neemt lichte begeleiding over).'],
  ['rent_arrears_covered', 150_000, 'Aanname programmabureau (demo, verzonnen): gemiddeld €1.500 huurachterstand per overgenomen geval.'],
  ['one_off_per_home', 250_000, 'Aanname programmabureau (demo, verzonnen): inrichting en startpakket €2.500 per woning.'],
];

const ASSUMPTIONS: [key: string, value: number, unit: string, source: string][] = [
  ['shelter_months', 12, 'months', 'Aanname programmabureau (demo): zonder Housing First een jaar in de opvang voor wie niet op de centrale wachtlijst staat.'],
  ['waiting_list_months', 9, 'months', 'Aanname programmabureau (demo): wachttijd van inschrijving op de centrale wachtlijst (Regionale Toegang) tot een plek in beschermd wonen.'],
  ['sheltered_housing_share', 50, 'percent', 'Aanname programmabureau (demo): de helft van wie niet op de wachtlijst staat, stroomt door naar beschermd wonen.'],
  ['sheltered_housing_months', 24, 'months', 'Domeinbeschrijving: zelfstandig wonen binnen gemiddeld twee jaar; zo lang duurt het verblijf in beschermd wonen.'],
  ['street_shelter_share', 60, 'percent', 'Aanname programmabureau (demo): 60 % van wie op straat of bij vrienden verbleef, was anders in de opvang beland.'],
  ['rent_arrears_cases_per_100', 10, 'per_100_per_year', 'Aanname programmabureau (demo): 10 gevallen van overgenomen huurachterstand per 100 huurders per jaar.'],
];

interface ObservationSpec {
  key: string;
  author: string;
  about: { provider: string; n: number } | { location: string };
  theme: 'guidance' | 'housing' | 'neighbourhood';
  factor: 'success' | 'failure';
  tags: string[];
  text: string;
  on: string;
}

const OBSERVATIONS: ObservationSpec[] = [
  { key: 'o1', author: 'begeleider@tussenvoorziening.demo', about: { provider: 'De Tussenvoorziening', n: 0 }, theme: 'guidance', factor: 'success', tags: ['vaste begeleider', 'vertrouwen'], text: 'Vaste begeleider vanaf dag één: de deelnemer hoefde zijn verhaal maar één keer te vertellen.', on: '2021-03-02' },
  { key: 'o2', author: 'begeleider@tussenvoorziening.demo', about: { provider: 'De Tussenvoorziening', n: 1 }, theme: 'guidance', factor: 'failure', tags: ['schuldhulp', 'financiën'], text: 'Schuldhulp te laat gestart: pas na drie maanden een intake bij de gemeente, intussen liep de huurachterstand op.', on: '2021-04-14' },
  { key: 'o3', author: 'zorgmanager@tussenvoorziening.demo', about: { provider: 'De Tussenvoorziening', n: 2 }, theme: 'housing', factor: 'success', tags: ['omklap', 'motivatie'], text: 'Vooruitzicht op de omklap van het huurcontract motiveert: huur sinds de start steeds op tijd betaald.', on: '2021-06-01' },
  { key: 'o4', author: 'begeleider@tussenvoorziening.demo', about: { provider: 'De Tussenvoorziening', n: 3 }, theme: 'guidance', factor: 'success', tags: ['eigen netwerk'], text: 'Zus betrokken bij het plan; zij helpt met de post en gaat mee naar afspraken.', on: '2021-05-10' },
  { key: 'o5', author: 'begeleider@tussenvoorziening.demo', about: { provider: 'De Tussenvoorziening', n: 4 }, theme: 'guidance', factor: 'failure', tags: ['dagbesteding', 'eenzaamheid'], text: 'Geen dagbesteding gevonden; overdag alleen thuis, contact met oude kennissen uit de opvang neemt toe.', on: '2021-07-19' },
  { key: 'o6', author: 'zorgmanager@tussenvoorziening.demo', about: { provider: 'De Tussenvoorziening', n: 5 }, theme: 'guidance', factor: 'success', tags: ['afschalen', 'buurtteam'], text: 'Warme overdracht aan het buurtteam: begeleider en buurtteammedewerker drie keer samen op huisbezoek.', on: '2021-11-03' },
  { key: 'o7', author: 'begeleider@legerdesheils.demo', about: { provider: 'Leger des Heils', n: 0 }, theme: 'neighbourhood', factor: 'success', tags: ['buren', 'gemengd wonen'], text: 'Koffieochtend in de gemeenschappelijke ruimte van Nijevelt: bewoner kent nu de buren op zijn gang.', on: '2021-09-22' },
  { key: 'o8', author: 'begeleider@legerdesheils.demo', about: { provider: 'Leger des Heils', n: 1 }, theme: 'housing', factor: 'failure', tags: ['inkomen', 'uitkering'], text: 'Uitkering stopte bij de verhuizing door een adreswijziging; twee maanden zonder inkomen.', on: '2021-10-05' },
  { key: 'o9', author: 'begeleider@legerdesheils.demo', about: { provider: 'Leger des Heils', n: 2 }, theme: 'guidance', factor: 'success', tags: ['ggz', 'samenwerking'], text: 'Snelle lijn met de ggz-behandelaar: medicatie bijgesteld voordat het misging.', on: '2021-12-01' },
  { key: 'o10', author: 'corporatie@mitros.demo', about: { location: 'Gemengd wonen Leidsche Rijn' }, theme: 'neighbourhood', factor: 'failure', tags: ['buren niet geïnformeerd', 'communicatie'], text: 'Buren niet geïnformeerd vóór de eerste bewoners kwamen: onrust en vragen bij de corporatie.', on: '2021-02-15' },
  { key: 'o11', author: 'corporatie@mitros.demo', about: { location: 'Gemengd wonen Leidsche Rijn' }, theme: 'neighbourhood', factor: 'success', tags: ['buurtavond', 'communicatie'], text: 'Buurtavond met aanbieder, corporatie en wijkagent: vaste contactpersoon voor de buurt afgesproken.', on: '2021-03-10' },
  { key: 'o12', author: 'corporatie@portaal.demo', about: { location: 'Gemengd wonen Nieuwegein' }, theme: 'housing', factor: 'success', tags: ['eenkamerwoning', 'betaalbaar'], text: 'Eenkamerwoningen onder de aftoppingsgrens: huur past bij een bijstandsinkomen.', on: '2021-04-20' },
  { key: 'o13', author: 'corporatie@portaal.demo', about: { location: 'Nieuwegein — vrijgekomen BOKA-woningen' }, theme: 'housing', factor: 'failure', tags: ['oplevering', 'vertraging'], text: 'Oplevering van de BOKA-woningen liep twee maanden uit door achterstallig onderhoud.', on: '2021-10-25' },
  { key: 'o14', author: 'programma@eerstethuis.demo', about: { location: 'Nijevelt' }, theme: 'neighbourhood', factor: 'success', tags: ['gemengd wonen', 'bewust gekozen'], text: 'Reguliere huurders kozen bewust voor Nijevelt en spreken elkaar aan; weinig meldingen van overlast.', on: '2022-01-12' },
  { key: 'o15', author: 'programma@eerstethuis.demo', about: { location: 'Woerden — bestaande woningen' }, theme: 'housing', factor: 'failure', tags: ['gespikkeld', 'afstand'], text: 'Gespikkelde woning ver van de vaste begeleider: reistijd gaat ten koste van de contacten.', on: '2022-02-08' },
];

interface BottleneckSpec {
  key: string;
  title: string;
  description: string;
  area: string;
  owner: string | null;
  ownerName: string | null;
  proposer: string;
  proposedOn: string;
  /** Status changes after the proposal: [date, status, solution?, note?]. */
  steps: [string, 'in_progress' | 'solved' | 'wont_fix' | 'open', string?, string?][];
}

const BOTTLENECKS: BottleneckSpec[] = [
  {
    key: 'indicatie', title: 'Wachttijd indicatie Regionale Toegang', area: 'assessment', owner: 'Regionale Toegang Utrecht', ownerName: 'Teamleider beoordelingen',
    description: 'De zorginhoudelijke beoordeling duurt vaak zes weken of langer; een toegezegde woning staat al die tijd leeg.',
    proposer: 'toeleider@backup.demo', proposedOn: '2021-02-01',
    steps: [['2021-02-15', 'in_progress', undefined, 'Snelle route voor Housing First-kandidaten in overleg.'], ['2021-05-03', 'solved', 'Snelle route: beoordeling van Housing First-kandidaten binnen tien werkdagen, met een vaste beoordelaar.']],
  },
  {
    key: 'eenkamer', title: 'Te weinig eenkamerwoningen', area: 'housing', owner: 'Programmabureau Living Lab Eerst een Thuis', ownerName: 'Petra Programma',
    description: 'De meeste deelnemers zijn alleenstaand; het aanbod van betaalbare eenkamerwoningen in de regio is veel kleiner dan de vraag.',
    proposer: 'programma@eerstethuis.demo', proposedOn: '2021-01-20',
    steps: [['2021-03-01', 'in_progress', undefined, 'Verkenning transformatie en woningsplitsing met de corporaties.']],
  },
  {
    key: 'omklap', title: 'Inkomen bij omklap', area: 'funding', owner: 'Gemeente Utrecht', ownerName: 'Beleidsadviseur werk en inkomen',
    description: 'Bij de omklap van het huurcontract wijzigt de woonsituatie; uitkering en toeslagen stoppen soms tijdelijk.',
    proposer: 'begeleider@tussenvoorziening.demo', proposedOn: '2021-06-10',
    steps: [],
  },
  {
    key: 'urgentie', title: 'Urgentieregeling past niet bij Housing First', area: 'regulation', owner: 'Het Vierde Huis', ownerName: 'Coördinator bijzondere doelgroepen',
    description: 'De urgentieregeling vraagt dat iemand eerst uitstroomt uit de opvang; wie op straat leeft, komt er niet voor in aanmerking.',
    proposer: 'toewijzing@vierdehuis.demo', proposedOn: '2021-04-12',
    steps: [['2021-05-01', 'in_progress'], ['2021-11-30', 'wont_fix', 'Regionaal vastgelegd beleid; wordt meegenomen in de evaluatie van de regeling in 2023.']],
  },
  {
    key: 'schuldhulp', title: 'Schuldhulp start te laat', area: 'guidance', owner: 'Gemeente Nieuwegein', ownerName: 'Teamleider schuldhulpverlening',
    description: 'De intake voor schuldhulpverlening komt pas maanden na de verhuizing; de huurachterstand loopt intussen op.',
    proposer: 'zorgmanager@tussenvoorziening.demo', proposedOn: '2021-05-18',
    steps: [['2021-06-01', 'in_progress'], ['2021-09-15', 'solved', 'Intake schuldhulp al vóór de sleuteloverdracht, op verzoek van de begeleider.']],
  },
  {
    key: 'buren', title: 'Buren laat geïnformeerd bij nieuwe locaties', area: 'neighbourhood', owner: 'Mitros', ownerName: 'Wijkconsulent Leidsche Rijn',
    description: 'Omwonenden horen pas bij de oplevering dat er deelnemers komen wonen; dat voedt onrust over overlast.',
    proposer: 'corporatie@mitros.demo', proposedOn: '2021-02-20',
    steps: [['2021-03-15', 'solved', 'Draaiboek: buurtavond en vaste contactpersoon vóór de oplevering van elke projectlocatie.'], ['2021-10-01', 'open', undefined, 'Bij de BOKA-woningen toch weer te laat: draaiboek niet gevolgd.']],
  },
  {
    key: 'gegevens', title: 'Gegevensdeling tussen aanbieder en corporatie', area: 'matching', owner: null, ownerName: null,
    description: 'Onduidelijk welke gegevens de aanbieder met de corporatie mag delen voor de woningtoewijzing zonder toestemming van de deelnemer.',
    proposer: 'corporatie@portaal.demo', proposedOn: '2021-08-05',
    steps: [],
  },
  {
    key: 'financiering', title: 'Financiering begeleiding na de projectperiode', area: 'funding', owner: 'Gemeente Utrecht', ownerName: 'Programmamanager Eerst een Thuis',
    description: 'De rijksbijdrage loopt tot september 2022; voor deelnemers die dan nog begeleiding nodig hebben is de financiering niet geregeld.',
    proposer: 'gemeente@nieuwegein.demo', proposedOn: '2022-01-25',
    steps: [['2022-03-01', 'in_progress', undefined, 'Besproken in het regionaal bestuurlijk overleg.']],
  },
];

/** Writes the demo's business case settings, observations and bottlenecks; returns their counts. */
export async function seedDemoLivingLab(run: Run, ids: DemoIds): Promise<{ observations: number; bottlenecks: number }> {
  const office = ids.userId('programma@eerstethuis.demo');
  const org = (name: string) => {
    const o = ids.organisations.get(name);
    if (!o) throw new Error(`seed: unknown organisation ${name}`);
    return o;
  };
  for (const [kind, cents, source] of TARIFFS) {
    await run(
      `INSERT INTO business_case_tariffs (region_id, id, programme_id, kind, amount_cents, source, valid_from, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, '2020-09-01', $7, '2020-09-01T09:00:00Z')`,
      [ids.regionId, ids.id('tariff', kind), ids.programmeId, kind, cents, source, office],
    );
  }
  for (const [key, value, unit, source] of ASSUMPTIONS) {
    await run(
      `INSERT INTO business_case_assumptions (region_id, id, programme_id, key, value, unit, source, valid_from, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '2020-09-01', $8, '2020-09-01T09:00:00Z')`,
      [ids.regionId, ids.id('assumption', key), ids.programmeId, key, value, unit, source, office],
    );
  }

  // Housed participants per provider, in a stable order (codes come from the seeded PRNG).
  const housed = (await run(
    `SELECT p.id, o.name AS provider FROM participants p JOIN organisations o ON o.id = p.provider_id
      WHERE p.region_id = $1 AND p.phase IN ('housed', 'exited') AND p.merged_into_id IS NULL ORDER BY p.code`,
    [ids.regionId],
  )) as { id: string; provider: string }[];
  const locations = new Map(((await run('SELECT id, name FROM locations WHERE region_id = $1', [ids.regionId])) as { id: string; name: string }[]).map((l) => [l.name, l.id]));
  const authors = new Map(
    ((await run('SELECT u.email, u.id, u.organisation_id FROM users u WHERE u.region_id = $1', [ids.regionId])) as { email: string; id: string; organisation_id: string }[]).map((u) => [u.email, u]),
  );
  let observations = 0;
  for (const o of OBSERVATIONS) {
    const author = authors.get(o.author);
    if (!author) throw new Error(`seed: unknown author ${o.author}`);
    let participantId: string | null = null;
    let locationId: string | null = null;
    if ('provider' in o.about) {
      const provider = o.about.provider;
      const candidates = housed.filter((p) => p.provider === provider);
      // Fewer housed participants than expected: skip rather than invent one.
      if (candidates.length === 0) continue;
      participantId = candidates[o.about.n % candidates.length].id;
    } else {
      locationId = locations.get(o.about.location) ?? null;
      if (!locationId) throw new Error(`seed: unknown location ${o.about.location}`);
    }
    await run(
      `INSERT INTO observations (region_id, id, programme_id, participant_id, location_id, theme, factor, tags, text, observed_on, organisation_id, author_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [ids.regionId, ids.id('observation', o.key), ids.programmeId, participantId, locationId, o.theme, o.factor, o.tags, o.text, o.on, author.organisation_id, author.id, `${o.on}T10:00:00Z`],
    );
    observations += 1;
  }

  for (const b of BOTTLENECKS) {
    const proposer = authors.get(b.proposer);
    if (!proposer) throw new Error(`seed: unknown proposer ${b.proposer}`);
    let status = 'open';
    let solution: string | null = null;
    let solvedOn: string | null = null;
    for (const [date, next, text] of b.steps) {
      status = next;
      if (text) solution = text;
      solvedOn = next === 'solved' ? date : null;
    }
    const id = ids.id('bottleneck', b.key);
    const updated = b.steps.at(-1)?.[0] ?? b.proposedOn;
    await run(
      `INSERT INTO bottlenecks (region_id, id, programme_id, title, description, area, owner_organisation_id, owner_name, status, solution, solved_on,
                                proposed_by, proposed_by_organisation_id, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [ids.regionId, id, ids.programmeId, b.title, b.description, b.area, b.owner ? org(b.owner) : null, b.ownerName, status, solution, solvedOn,
        proposer.id, proposer.organisation_id, 1 + b.steps.length, `${b.proposedOn}T09:00:00Z`, `${updated}T09:00:00Z`],
    );
    await run(
      `INSERT INTO bottleneck_events (region_id, id, bottleneck_id, kind, status_before, status_after, changes, recorded_by, recorded_by_organisation_id, recorded_at)
       VALUES ($1, $2, $3, 'proposed', NULL, 'open', '{}', $4, $5, $6)`,
      [ids.regionId, ids.id('bottleneck-event', b.key, '0'), id, proposer.id, proposer.organisation_id, `${b.proposedOn}T09:00:00Z`],
    );
    let before = 'open';
    let beforeSolution: string | null = null;
    let beforeSolved: string | null = null;
    for (const [i, [date, next, text, note]] of b.steps.entries()) {
      const changes: Record<string, { from: unknown; to: unknown }> = { status: { from: before, to: next } };
      const afterSolution: string | null = text ?? beforeSolution;
      const afterSolved = next === 'solved' ? date : null;
      if (afterSolution !== beforeSolution) changes.solution = { from: beforeSolution, to: afterSolution };
      if (afterSolved !== beforeSolved) changes.solvedOn = { from: beforeSolved, to: afterSolved };
      await run(
        `INSERT INTO bottleneck_events (region_id, id, bottleneck_id, kind, status_before, status_after, changes, note, recorded_by, recorded_by_organisation_id, recorded_at)
         VALUES ($1, $2, $3, 'status_changed', $4, $5, $6, $7, $8, $9, $10)`,
        [ids.regionId, ids.id('bottleneck-event', b.key, String(i + 1)), id, before, next, JSON.stringify(changes), note ?? null, office,
          org('Programmabureau Living Lab Eerst een Thuis'), `${date}T09:00:00Z`],
      );
      before = next;
      beforeSolution = afterSolution;
      beforeSolved = afterSolved;
    }
  }
  return { observations, bottlenecks: BOTTLENECKS.length };
}
