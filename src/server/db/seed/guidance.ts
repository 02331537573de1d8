import type { ContactKind, GuidanceEndReason, GuidanceLevel, LifeDomain, SupportKind, SupportStatus } from '../../../shared/enums.js';
import { today } from '../../../shared/dates.js';
import { addMonths } from '../../domain/guidance/guidance.service.js';
import type { DemoIds, Run } from './participants.js';

/**
 * Guidance in the demo region (issue 6, part 3): for every participant who lives or lived in a
 * programme home, an episode by their care provider from the day they moved in, with an
 * intensity that goes down over time (intensive → regular → light), a plan with goals across
 * the ZRM life domains (some achieved, a few dropped), contacts roughly weekly at first and
 * less often later, and support items beside it (debt assistance for many). About a third of
 * those living in a district with a neighbourhood team were scaled down to that team with a
 * hand-over; a few of those finished guidance since. Exited participants' episodes ended on the
 * day they left. Open episodes have review dates around today, some overdue, so the caseload
 * shows them.
 *
 * Runs after the participants (and tenancies, when that seed exists): an episode links the
 * tenancy of the participant's home when there is one. Neighbourhood teams get their districts
 * here, and three more teams and one demo account for a team are added. Everything is
 * deterministic (one seeded PRNG, ids from names) except the dates relative to today.
 */

/** mulberry32 (as in participants.ts): deterministic across platforms. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** Teams and the district each works in (the districts are those of the demo's locations). */
const TEAMS: { name: string; municipality: string; district: string; existing?: boolean }[] = [
  { name: 'Buurtteam Leidsche Rijn', municipality: 'Utrecht', district: 'Leidsche Rijn', existing: true },
  { name: 'Buurtteam Nieuwegein', municipality: 'Nieuwegein', district: 'Batau', existing: true },
  { name: 'Buurtteam Vleuten-De Meern', municipality: 'Utrecht', district: 'Vleuten-De Meern' },
  { name: 'Buurtteam Overvecht', municipality: 'Utrecht', district: 'Overvecht' },
  { name: 'Buurtteam Zuilenstein', municipality: 'Nieuwegein', district: 'Zuilenstein' },
];

const GOALS: { domain: LifeDomain; text: string }[] = [
  { domain: 'finances', text: 'Vaste lasten automatisch laten betalen en een weekbudget aanhouden' },
  { domain: 'finances', text: 'Schulden in beeld brengen en aanmelden bij de schuldhulpverlening' },
  { domain: 'work_education', text: 'Oriënteren op vrijwilligerswerk of een opleiding' },
  { domain: 'time_use', text: 'Drie dagdelen per week een vaste dagbesteding' },
  { domain: 'housing', text: 'De huur elke maand op tijd betalen' },
  { domain: 'housing', text: 'De woning inrichten en schoonhouden' },
  { domain: 'domestic_relations', text: 'Contact met familie herstellen' },
  { domain: 'mental_health', text: 'Vaste afspraken bij de ggz nakomen' },
  { domain: 'physical_health', text: 'Inschrijven bij een huisarts en tandarts in de wijk' },
  { domain: 'substance_use', text: 'Minder alcohol; afspraken met de verslavingszorg nakomen' },
  { domain: 'basic_adl', text: 'Een dagritme met vaste maaltijden' },
  { domain: 'instrumental_adl', text: 'Post openen en administratie bijhouden' },
  { domain: 'social_network', text: 'Kennismaken met buren en een buurtactiviteit bezoeken' },
  { domain: 'social_participation', text: 'Lid worden van een sportclub of buurthuis' },
  { domain: 'justice', text: 'Afspraken met de reclassering nakomen' },
];

const NOTES = [
  'Huisbezoek: woning netjes, post samen doorgenomen.',
  'Gesprek over het weekbudget; boodschappenlijst gemaakt.',
  'Samen naar de huisarts geweest.',
  'Telefonisch contact; gaat goed, afspraak voor volgende week.',
  'Buurman kwam langs; kennismaking verliep goed.',
  'Brief van de corporatie besproken; huur is betaald.',
  'Dagbesteding bezocht; wil graag twee dagdelen extra.',
  'Zorgen over slapen; afspraak gemaakt met de ggz.',
  null,
  null,
];

const KINDS: ContactKind[] = ['home_visit', 'home_visit', 'home_visit', 'phone', 'phone', 'office', 'video', 'outreach', 'with_network'];

interface Housed {
  participant_id: string;
  code: string;
  provider_id: string;
  start_date: string;
  end_date: string | null;
  exit_reason: string | null;
  tenancy_end: string | null;
  tenancy_end_reason: string | null;
  district: string | null;
  municipality_id: string | null;
  tenancy_id: string | null;
}

/** Writes `rows` in multi-row INSERTs of at most `chunk` rows (fast on PGlite and PostgreSQL). */
async function insertMany(run: Run, head: string, rows: unknown[][], chunk = 400) {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params: unknown[] = [];
    const values = part.map((r) => `(${r.map((v) => { params.push(v); return `$${params.length}`; }).join(', ')})`);
    await run(`${head} VALUES ${values.join(', ')}`, params);
  }
}

/** Writes the demo's guidance; returns how many episodes, hand-overs and contacts there are. */
export async function seedDemoGuidance(run: Run, ids: DemoIds): Promise<{ episodes: number; handovers: number; contacts: number }> {
  const rnd = prng(20210601);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  /** Fisher–Yates with the seeded PRNG. */
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const now = today();
  const region = ids.regionId;

  // —— Neighbourhood teams and their districts ——
  const teamIds = new Map<string, string>();
  for (const team of TEAMS) {
    const municipality = ids.municipalities.get(team.municipality);
    const id = team.existing ? ids.organisations.get(team.name) : ids.id('organisation', team.name);
    if (!id || !municipality) throw new Error(`seed: unknown team or municipality ${team.name}`);
    if (team.existing) {
      await run('UPDATE organisations SET district = $3 WHERE region_id = $1 AND id = $2', [region, id, team.district]);
    } else {
      await run('INSERT INTO organisations (region_id, id, name, kind, municipality_id, district) VALUES ($1, $2, $3, $4, $5, $6)', [
        region, id, team.name, 'neighbourhood_team', municipality, team.district,
      ]);
    }
    teamIds.set(`${team.municipality}|${team.district}`.toLowerCase(), id);
  }
  // One demo account in a team, with the demo password (copied from another demo account).
  const teamUser = ids.userId('buurtteam@leidscherijn.demo');
  await run(
    `INSERT INTO users (region_id, id, organisation_id, email, name, password_hash, roles, totp_exempt)
     SELECT $1, $2, $3, 'buurtteam@leidscherijn.demo', 'Bo Buurtteam', password_hash, '{care_worker}', true
       FROM users WHERE region_id = $1 AND email = 'begeleider@tussenvoorziening.demo'`,
    [region, teamUser, teamIds.get('utrecht|leidsche rijn')],
  );
  const workers = new Map<string, string>(
    ((await run(
      `SELECT DISTINCT ON (organisation_id) organisation_id, id FROM users
        WHERE region_id = $1 AND 'care_worker' = ANY (roles) ORDER BY organisation_id, email`,
      [region],
    )) as { organisation_id: string; id: string }[]).map((u) => [u.organisation_id, u.id]),
  );
  const office = ids.userId('programma@eerstethuis.demo');
  const recorder = (org: string) => workers.get(org) ?? office;
  const municipalityName = new Map([...ids.municipalities].map(([name, id]) => [id, name]));

  // —— Who lives or lived in a programme home ——
  const housed = (await run(
    `SELECT pl.participant_id, p.code, p.provider_id, pl.start_date::text AS start_date, pl.end_date::text AS end_date,
            (SELECT e.reason FROM participant_phase_events e WHERE e.participant_id = p.id AND e.phase = 'exited' ORDER BY e.effective_date DESC LIMIT 1) AS exit_reason,
            l.district, coalesce(l.municipality_id, u.municipality_id) AS municipality_id,
            t.id AS tenancy_id, t.end_date::text AS tenancy_end, t.end_reason AS tenancy_end_reason
       FROM participant_placements pl JOIN participants p ON p.id = pl.participant_id
       LEFT JOIN LATERAL (SELECT t.id, t.end_date, t.end_reason FROM tenancies t
                           WHERE t.region_id = pl.region_id AND t.participant_id = pl.participant_id AND t.unit_id = pl.unit_id
                           ORDER BY t.start_date DESC LIMIT 1) t ON true
       JOIN units u ON u.id = pl.unit_id LEFT JOIN locations l ON l.id = u.location_id
      WHERE pl.region_id = $1 AND p.provider_id IS NOT NULL
      ORDER BY pl.start_date, p.code`,
    [region],
  )) as Housed[];

  const episodes: unknown[][] = [];
  const intensities: unknown[][] = [];
  const goals: unknown[][] = [];
  const contacts: unknown[][] = [];
  const handovers: unknown[][] = [];
  const relations: unknown[][] = [];
  const support: unknown[][] = [];

  /** Contacts from `from` to `to` (exclusive), less often as the level goes down. */
  const logContacts = (episodeId: string, org: string, from: string, to: string, levelOn: (d: string) => GuidanceLevel, key: string) => {
    let d = addDays(from, int(1, 4));
    let k = 0;
    while (d < to && d <= now) {
      const level = levelOn(d);
      const minutes = level === 'intensive' ? pick([45, 60, 60, 75, 90]) : level === 'regular' ? pick([30, 45, 45, 60]) : pick([15, 20, 30, 30, 45]);
      contacts.push([region, ids.id('guidance-contact', key, String(k)), episodeId, d, pick(KINDS), minutes, pick(NOTES), recorder(org), `${d}T15:00:00Z`]);
      k += 1;
      d = addDays(d, level === 'intensive' ? int(5, 9) : level === 'regular' ? int(10, 16) : int(21, 35));
    }
  };

  /** A review date for an open episode: mostly ahead, about one in five overdue. */
  const openReview = () => addDays(now, chance(0.2) ? -int(3, 75) : int(5, 170));

  for (const h of housed) {
    const key = h.code;
    const provider = h.provider_id;
    const start = h.start_date;
    // The provider's episode: intensive, then regular, then light.
    const toRegular = addDays(start, int(120, 210));
    const toLight = addDays(toRegular, int(180, 300));
    const team = h.district && h.municipality_id
      ? teamIds.get(`${municipalityName.get(h.municipality_id) ?? ''}|${h.district}`.toLowerCase())
      : undefined;
    const handoverOn = addDays(start, int(420, 600));
    const scaledDown = !h.end_date && !h.tenancy_end && team !== undefined && handoverOn < addDays(now, -30) && chance(0.35);
    let end: string | null = null;
    let endReason: GuidanceEndReason | null = null;
    // The home was left (placement or tenancy ended): guidance ended that day.
    const left = h.end_date ?? (h.tenancy_end && h.tenancy_end >= start ? h.tenancy_end : null);
    const leftReason = h.end_date ? h.exit_reason : h.tenancy_end_reason;
    if (left) {
      end = left;
      endReason = leftReason === 'moved_on' ? 'moved' : leftReason === 'deceased' ? 'deceased' : 'tenancy_ended';
    } else if (scaledDown) {
      end = handoverOn;
      endReason = 'handed_over';
    }
    const hours = { intensive: pick([8, 9, 10, 12]), regular: pick([4, 5, 6]), light: pick([2, 2.5, 3]) };
    const steps: [string, GuidanceLevel, number][] = [[start, 'intensive', hours.intensive]];
    if (toRegular < (end ?? now)) steps.push([toRegular, 'regular', hours.regular]);
    if (toLight < (end ?? now)) steps.push([toLight, 'light', hours.light]);
    const last = steps.at(-1)!;
    const episodeId = ids.id('guidance-episode', key, '1');
    const review = end ? addMonths(last[0], 6) : openReview();
    episodes.push([region, episodeId, h.participant_id, h.tenancy_id, provider, start, last[2], last[1], review, end, endReason,
      endReason === 'moved' ? 'Verhuisd naar een woning buiten het programma.' : endReason === 'tenancy_ended' ? 'Huurovereenkomst beëindigd.' : endReason === 'deceased' ? 'Overleden.' : null,
      null, recorder(provider), `${start}T10:00:00Z`]);
    steps.forEach(([d, level, hrs], i) => intensities.push([region, ids.id('guidance-intensity', key, '1', String(i)), episodeId, d, hrs, level, recorder(provider), `${d}T10:00:00Z`]));
    const levelOn = (d: string) => [...steps].reverse().find(([from]) => from <= d)![1];
    logContacts(episodeId, provider, start, end ?? addDays(now, 1), levelOn, `${key}-1`);
    // The plan: 3–5 goals in different domains, some achieved, a few dropped.
    const chosen = shuffle(GOALS).filter((g, i, all) => all.findIndex((x) => x.domain === g.domain) === i).slice(0, int(3, 5));
    chosen.forEach((g, i) => {
      const target = addDays(start, int(90, 360));
      const achieved = target < now && chance(end ? 0.6 : 0.5);
      const dropped = !achieved && target < now && chance(0.15);
      const status = achieved ? 'achieved' : dropped ? 'dropped' : 'open';
      const statusOn = status === 'open' ? null : minDate(addDays(target, int(-30, 45)), end ?? now);
      goals.push([region, ids.id('guidance-goal', key, '1', String(i)), episodeId, g.domain, g.text, target, status,
        statusOn && statusOn < start ? start : statusOn, recorder(provider), `${start}T11:00:00Z`]);
    });
    if (scaledDown && team) {
      // The team's light episode continues it; a few have finished since.
      const teamEpisode = ids.id('guidance-episode', key, '2');
      const teamHours = pick([1, 1.5, 2]);
      const finished = chance(0.25) ? addDays(handoverOn, int(300, 700)) : null;
      const teamEnd = finished && finished < now ? finished : null;
      episodes.push([region, teamEpisode, h.participant_id, h.tenancy_id, team, handoverOn, teamHours, 'light',
        teamEnd ? addMonths(handoverOn, 6) : openReview(), teamEnd, teamEnd ? 'goals_met' : null,
        teamEnd ? 'Doelen bereikt; de deelnemer redt zich met het eigen netwerk.' : null, episodeId, recorder(team), `${handoverOn}T10:00:00Z`]);
      intensities.push([region, ids.id('guidance-intensity', key, '2', '0'), teamEpisode, handoverOn, teamHours, 'light', recorder(team), `${handoverOn}T10:00:00Z`]);
      logContacts(teamEpisode, team, handoverOn, teamEnd ?? addDays(now, 1), () => 'light', `${key}-2`);
      goals.push([region, ids.id('guidance-goal', key, '2', '0'), teamEpisode, 'social_network', 'Contact houden met de buurt en het eigen netwerk',
        addDays(handoverOn, 180), teamEnd ? 'achieved' : 'open', teamEnd, recorder(team), `${handoverOn}T11:00:00Z`]);
      handovers.push([region, ids.id('guidance-handover', key), episodeId, teamEpisode, team, handoverOn,
        pick([
          'Budgetplan en afspraken met de schuldhulpverlening; contact met de huisarts; dagbesteding twee dagdelen.',
          'Weekritme en huur op orde. Overdracht van de lopende doelen sociaal netwerk en dagbesteding.',
          'Lichte ondersteuning bij administratie; vaste contactpersoon bij de corporatie bekend.',
        ]), recorder(provider), `${handoverOn}T16:00:00Z`]);
      relations.push([region, h.participant_id, team, 'neighbourhood_team', handoverOn]);
    }
    // Support beside guidance.
    const items: [SupportKind, number, string][] = [
      ['debt_assistance', 0.45, 'Schuldhulpverlening gemeente'],
      ['daytime_activities', 0.4, 'Dagbesteding in de wijk'],
      ['income_budgeting', 0.3, 'Budgetcoach'],
      ['own_network', 0.2, 'Eigen netwerk / maatje'],
    ];
    items.forEach(([kind, p, org], i) => {
      if (!chance(p)) return;
      const from = addDays(start, int(14, 200));
      if (from > now) return;
      const done = chance(0.4) ? addDays(from, int(120, 540)) : null;
      const status: SupportStatus = done && done < now ? (kind === 'debt_assistance' || chance(0.7) ? 'completed' : 'stopped') : chance(0.1) ? 'requested' : 'active';
      const endOn = status === 'completed' || status === 'stopped' ? done : null;
      support.push([region, ids.id('support-item', key, String(i)), h.participant_id, kind, org, from, endOn, status,
        kind === 'debt_assistance' ? 'Aangemeld via de begeleider; schuldenoverzicht gemaakt.' : null, recorder(provider), `${from}T09:00:00Z`]);
    });
  }

  await insertMany(run, `INSERT INTO guidance_episodes (region_id, id, participant_id, tenancy_id, organisation_id, start_date, hours_per_week, level,
    review_due_on, end_date, end_reason, end_note, previous_episode_id, created_by, created_at)`, episodes, 200);
  await insertMany(run, 'INSERT INTO guidance_intensities (region_id, id, episode_id, effective_date, hours_per_week, level, recorded_by, recorded_at)', intensities);
  await insertMany(run, 'INSERT INTO guidance_goals (region_id, id, episode_id, domain, description, target_date, status, status_on, created_by, created_at)', goals);
  await insertMany(run, 'INSERT INTO guidance_contacts (region_id, id, episode_id, contact_date, kind, minutes, note, recorded_by, recorded_at)', contacts, 500);
  await insertMany(run, 'INSERT INTO guidance_handovers (region_id, id, from_episode_id, to_episode_id, team_id, handover_date, handed_over, recorded_by, recorded_at)', handovers);
  if (relations.length) {
    await insertMany(run, 'INSERT INTO participant_organisations (region_id, participant_id, organisation_id, relation, since)', relations);
  }
  await insertMany(run, 'INSERT INTO support_items (region_id, id, participant_id, kind, organisation_name, start_date, end_date, status, note, created_by, created_at)', support);
  return { episodes: episodes.length, handovers: handovers.length, contacts: contacts.length };
}
