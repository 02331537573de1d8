import type { DemoIds, Run } from './participants.js';

/**
 * The neighbourhood in the demo region (issue 6, part 4): the mix of the mixed-living
 * locations, neighbourhood meetings with (fictitious) notes, and incidents and nuisance reports
 * over 2021–2022, most closed with their follow-up, a few still open long after the alert days.
 *
 * Runs after the tenancies and guidance seeds; an incident about a tenant is linked to a tenancy
 * at that location that ran on the day, when the tenancies seed made one, else to the location.
 * Every id is deterministic. Nothing here changes units, so the counter stays as it was.
 *
 * Note: seed 001 describes Nijevelt as 33 apartments in all; the demo already counts 33
 * programme places there (the Leger des Heils pledge), so its regular homes come on top.
 */

interface MixSpec {
  location: string;
  regularHomes: number;
}
const MIX: MixSpec[] = [
  { location: 'Nijevelt', regularHomes: 12 },
  { location: 'Gemengd wonen Leidsche Rijn', regularHomes: 40 },
  { location: 'Gemengd wonen Nieuwegein', regularHomes: 9 },
];

const MEETINGS: { key: string; location: string; heldOn: string; attendees: number; author: string; notes: string }[] = [
  {
    key: 'nijevelt-1', location: 'Nijevelt', heldOn: '2021-03-24', attendees: 31, author: 'begeleider@legerdesheils.demo',
    notes: 'Informatieavond in de buurtkamer voor omwonenden van Nijevelt. Zorgen over overlast, parkeren en toezicht. Afgesproken: een vast aanspreekpunt van het Leger des Heils en GroenWest, een buurtapp en elk kwartaal een bijeenkomst.',
  },
  {
    key: 'nijevelt-2', location: 'Nijevelt', heldOn: '2021-07-07', attendees: 18, author: 'begeleider@legerdesheils.demo',
    notes: 'Eerste bewonersavond na de ingebruikname. Reguliere huurders en nieuwe bewoners stelden zich aan elkaar voor. Twee meldingen van geluidsoverlast besproken; huisregels voor de gemeenschappelijke tuin opgesteld.',
  },
  {
    key: 'nijevelt-3', location: 'Nijevelt', heldOn: '2021-11-10', attendees: 22, author: 'programma@eerstethuis.demo',
    notes: 'Kwartaaloverleg met buurt, wijkagent en GroenWest. Het aantal meldingen is gedaald. Wens van omwonenden: betere verlichting bij de fietsenstalling. De corporatie neemt dit mee.',
  },
  {
    key: 'nijevelt-4', location: 'Nijevelt', heldOn: '2022-04-13', attendees: 15, author: 'begeleider@legerdesheils.demo',
    notes: 'Voorjaarsbijeenkomst. Gezamenlijke tuindag gepland met bewoners en buren. Eén lopende zorg over drugsgebruik bij de achteringang; extra aanwezigheid van begeleiding in de avond afgesproken.',
  },
  {
    key: 'lr-1', location: 'Gemengd wonen Leidsche Rijn', heldOn: '2021-04-21', attendees: 26, author: 'begeleider@tussenvoorziening.demo',
    notes: 'Kennismaking met de buurt in Leidsche Rijn. Uitleg over gemengd wonen en de begeleiding door De Tussenvoorziening. Omwonenden vragen om een telefoonnummer voor meldingen; dit komt op de website van Mitros.',
  },
];

interface IncidentSpec {
  key: string;
  location: string;
  occurredOn: string;
  source: string;
  severity: 'low' | 'medium' | 'high';
  description: string;
  followUp: string | null;
  closedOn: string | null;
  /** About a tenant: linked to a tenancy at the location when one ran that day. */
  aboutTenant: boolean;
  author: string;
}

const LDH = 'begeleider@legerdesheils.demo';
const TV = 'begeleider@tussenvoorziening.demo';
const OFFICE = 'programma@eerstethuis.demo';

const INCIDENTS: IncidentSpec[] = [
  // —— Nijevelt ——
  { key: 'n01', location: 'Nijevelt', occurredOn: '2021-06-12', source: 'neighbour', severity: 'medium', aboutTenant: true, author: LDH,
    description: 'Harde muziek tot na middernacht, meerdere buren klagen.', followUp: 'Gesprek met bewoner; afspraak over geluid na 22.00 uur.', closedOn: '2021-06-18' },
  { key: 'n02', location: 'Nijevelt', occurredOn: '2021-06-30', source: 'corporation', severity: 'low', aboutTenant: false, author: OFFICE,
    description: 'Afval naast de containers bij de achteringang.', followUp: 'Extra ophaalmoment en bord bij de containers.', closedOn: '2021-07-09' },
  { key: 'n03', location: 'Nijevelt', occurredOn: '2021-08-03', source: 'police', severity: 'high', aboutTenant: true, author: LDH,
    description: 'Ruzie in het trappenhuis; politie ter plaatse, niemand gewond.', followUp: 'Crisisgesprek met begeleider, tijdelijk intensievere begeleiding.', closedOn: '2021-08-20' },
  { key: 'n04', location: 'Nijevelt', occurredOn: '2021-09-14', source: 'tenant', severity: 'low', aboutTenant: false, author: LDH,
    description: 'Reguliere huurder meldt rondhangende bezoekers bij de ingang.', followUp: 'Besproken in de bewonersavond; huisregels voor bezoek aangescherpt.', closedOn: '2021-10-01' },
  { key: 'n05', location: 'Nijevelt', occurredOn: '2021-12-02', source: 'neighbour', severity: 'medium', aboutTenant: true, author: LDH,
    description: 'Stankoverlast en vervuiling op het balkon.', followUp: 'Samen met bewoner schoongemaakt; wekelijkse huisbezoeken.', closedOn: '2022-01-12' },
  { key: 'n06', location: 'Nijevelt', occurredOn: '2022-03-21', source: 'neighbour', severity: 'high', aboutTenant: true, author: LDH,
    description: 'Vermoeden van drugshandel bij de achteringang.', followUp: 'Overleg met wijkagent en GroenWest; extra aanwezigheid van begeleiding in de avond.', closedOn: null },
  { key: 'n07', location: 'Nijevelt', occurredOn: '2022-05-09', source: 'municipality', severity: 'low', aboutTenant: false, author: OFFICE,
    description: 'Melding via het gemeentelijk meldpunt: fietsen in de gang.', followUp: null, closedOn: null },
  // —— Leidsche Rijn ——
  { key: 'l01', location: 'Gemengd wonen Leidsche Rijn', occurredOn: '2021-04-10', source: 'neighbour', severity: 'low', aboutTenant: true, author: TV,
    description: 'Geluidsoverlast van bezoek in het weekend.', followUp: 'Bewoner aangesproken; geen herhaling.', closedOn: '2021-04-16' },
  { key: 'l02', location: 'Gemengd wonen Leidsche Rijn', occurredOn: '2021-07-22', source: 'corporation', severity: 'medium', aboutTenant: true, author: TV,
    description: 'Huurachterstand en onrust in de galerij.', followUp: 'Schuldhulpverlening gestart; betalingsregeling met Mitros.', closedOn: '2021-08-30' },
  { key: 'l03', location: 'Gemengd wonen Leidsche Rijn', occurredOn: '2021-10-05', source: 'provider', severity: 'high', aboutTenant: true, author: TV,
    description: 'Bewoner in psychische crisis, buren geschrokken.', followUp: 'Opname korte tijd; buren geïnformeerd zonder persoonlijke details.', closedOn: '2021-10-25' },
  { key: 'l04', location: 'Gemengd wonen Leidsche Rijn', occurredOn: '2022-01-18', source: 'neighbour', severity: 'low', aboutTenant: false, author: TV,
    description: 'Parkeren op de stoep door bezoekers.', followUp: 'Gemeente plaatst paaltjes; besproken met bewoners.', closedOn: '2022-02-14' },
  { key: 'l05', location: 'Gemengd wonen Leidsche Rijn', occurredOn: '2022-06-02', source: 'neighbour', severity: 'medium', aboutTenant: true, author: TV,
    description: 'Herhaalde klachten over een blaffende hond.', followUp: 'Bewoner zoekt hondenoppas; begeleider volgt het op.', closedOn: null },
  // —— Nieuwegein ——
  { key: 'g01', location: 'Gemengd wonen Nieuwegein', occurredOn: '2021-05-03', source: 'tenant', severity: 'low', aboutTenant: false, author: TV,
    description: 'Lekkage in de gemeenschappelijke ruimte zorgt voor onrust.', followUp: 'Portaal heeft de lekkage verholpen.', closedOn: '2021-05-11' },
  { key: 'g02', location: 'Gemengd wonen Nieuwegein', occurredOn: '2021-11-20', source: 'neighbour', severity: 'medium', aboutTenant: true, author: TV,
    description: 'Geschreeuw op het binnenterrein laat op de avond.', followUp: 'Gesprek met bewoner en buren samen (buurtbemiddeling).', closedOn: '2021-12-15' },
  // —— Elsewhere (scattered and other locations) ——
  { key: 'w01', location: 'Woerden — bestaande woningen', occurredOn: '2021-09-08', source: 'neighbour', severity: 'low', aboutTenant: true, author: OFFICE,
    description: 'Klacht over een onverzorgde voortuin.', followUp: 'Met bewoner de tuin opgeknapt.', closedOn: '2021-10-04' },
  { key: 'b01', location: 'Nieuwegein — vrijgekomen BOKA-woningen', occurredOn: '2022-02-11', source: 'police', severity: 'medium', aboutTenant: true, author: TV,
    description: 'Politie meldt een burenruzie.', followUp: 'Buurtbemiddeling ingeschakeld; afspraken vastgelegd.', closedOn: '2022-03-07' },
];

/** Writes the demo neighbourhood; returns the numbers written. */
export async function seedDemoNeighbourhood(run: Run, ids: DemoIds): Promise<{ meetings: number; incidents: number; linked: number }> {
  const locations = new Map(
    ((await run('SELECT id, name FROM locations WHERE region_id = $1', [ids.regionId])) as { id: string; name: string }[]).map((l) => [l.name, l.id]),
  );
  const loc = (name: string) => {
    const l = locations.get(name);
    if (!l) throw new Error(`seed: unknown location ${name}`);
    return l;
  };
  for (const m of MIX) {
    await run('UPDATE locations SET regular_homes = $1 WHERE region_id = $2 AND id = $3', [m.regularHomes, ids.regionId, loc(m.location)]);
  }
  for (const m of MEETINGS) {
    await run(
      `INSERT INTO neighbourhood_meetings (region_id, id, location_id, held_on, attendees, notes, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $4::date + time '19:30')`,
      [ids.regionId, ids.id('meeting', m.key), loc(m.location), m.heldOn, m.attendees, m.notes, ids.userId(m.author)],
    );
  }
  let linked = 0;
  // Spread the incidents about tenants over different tenancies of a location.
  const used = new Map<string, number>();
  for (const i of INCIDENTS) {
    let tenancyId: string | null = null;
    if (i.aboutTenant) {
      const running = (await run(
        `SELECT t.id FROM tenancies t JOIN units u ON u.region_id = t.region_id AND u.id = t.unit_id
          WHERE t.region_id = $1 AND u.location_id = $2 AND t.start_date <= $3 AND (t.end_date IS NULL OR t.end_date >= $3)
            -- the flip checklist asks for no open nuisance: never an incident open on a flip day
            AND (t.flipped_on IS NULL OR t.flipped_on < $3 OR ($4::date IS NOT NULL AND t.flipped_on > $4::date))
          ORDER BY t.start_date, t.id`,
        [ids.regionId, loc(i.location), i.occurredOn, i.closedOn],
      )) as { id: string }[];
      if (running.length) {
        const n = used.get(i.location) ?? 0;
        tenancyId = running[(n * 7) % running.length].id;
        used.set(i.location, n + 1);
        linked += 1;
      }
    }
    await run(
      `INSERT INTO incidents (region_id, id, location_id, tenancy_id, occurred_on, source, severity, description, follow_up, closed_on, recorded_by, recorded_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $5::date + time '12:00', coalesce($10::date, $5::date) + time '12:00')`,
      [ids.regionId, ids.id('incident', i.key), loc(i.location), tenancyId, i.occurredOn, i.source, i.severity, i.description, i.followUp, i.closedOn, ids.userId(i.author)],
    );
  }
  return { meetings: MEETINGS.length, incidents: INCIDENTS.length, linked };
}
