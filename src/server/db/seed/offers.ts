import type { DeclineParty, OfferStep } from '../../../shared/enums.js';
import { today } from '../../../shared/dates.js';
import type { DemoIds, Run } from './participants.js';

/**
 * Matching in the demo region (issue 5): eligibility rules, an open broad call for Nijevelt with
 * nominations, offers in every step of both routes on the available homes, declines with their
 * reasons (one under review, others confirmed), one participant parked after two declines, and
 * the notifications and e-mails these would have sent.
 *
 * Offers are dated relative to the day the demo is seeded (ids stay deterministic), so their
 * ages on the dashboard are realistic whenever the demo starts: some fresh, some stalled. No
 * offer has succeeded: the demo's homes and phases stay as the counter and issue 3 describe.
 */

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Candidate {
  id: string;
  code: string;
  provider_id: string;
  provider: string;
}

interface Unit {
  id: string;
  label: string;
  location: string;
  corporation_id: string | null;
}

/** Writes the demo's matching data; returns how many offers, nominations and parked participants there are. */
export async function seedDemoOffers(run: Run, ids: DemoIds): Promise<{ offers: number; nominations: number; parked: number }> {
  const now = today();
  const office = ids.userId('programma@eerstethuis.demo');
  const org = (name: string) => {
    const o = ids.organisations.get(name);
    if (!o) throw new Error(`seed: unknown organisation ${name}`);
    return o;
  };
  const vierdeHuis = org('Het Vierde Huis');
  const locations = new Map(
    ((await run('SELECT id, name FROM locations WHERE region_id = $1', [ids.regionId])) as { id: string; name: string }[]).map((l) => [l.name, l.id]),
  );
  const loc = (name: string) => {
    const l = locations.get(name);
    if (!l) throw new Error(`seed: unknown location ${name}`);
    return l;
  };

  // —— Eligibility rules: inherited downward, the most specific of a kind wins ——
  const rules: [string, string | null, string, Record<string, unknown>, string][] = [
    ['consent_housing', null, 'programme', {}, 'De corporatie krijgt alleen gegevens met toestemming (AVG).'],
    ['household_size', null, 'programme', { maxPersonsPerRoom: 2 }, 'Hoogstens twee personen per kamer.'],
    ['target_group', null, 'programme', { allowed: ['single_adult', 'young_adult', 'family'] }, 'De gemengde en gespikkelde woningen zijn niet voor huiselijk geweld: daarvoor zijn de Moviera-woningen.'],
    ['municipality_exclusion', null, 'programme', {}, 'Niemand komt te wonen waar hij niet wil of niet mag.'],
    ['risk_screening', null, 'programme', {}, 'De risicotaxatie gaat voor.'],
    ['indication_required', null, 'programme', { indications: ['beschermd_thuis', 'ambulant'] }, 'Deelname vraagt een indicatie van de Regionale Toegang.'],
    ['target_group', 'Zeist — gezinswoningen Moviera', 'location', { allowed: ['domestic_violence', 'family'] }, 'Voor vrouwen en gezinnen na huiselijk geweld.'],
    ['target_group', 'Utrecht — gezinswoningen Moviera', 'location', { allowed: ['domestic_violence', 'family'] }, 'Voor vrouwen en gezinnen na huiselijk geweld.'],
    ['no_pets', 'Gemengd wonen Leidsche Rijn', 'location', {}, 'Afspraak met Mitros en de buurt: geen huisdieren.'],
  ];
  for (const [kind, location, , params, note] of rules) {
    await run(
      `INSERT INTO eligibility_rules (region_id, id, programme_id, location_id, kind, params, note, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '2021-06-01T09:00:00Z')`,
      [ids.regionId, ids.id('rule', kind, location ?? 'programme'), ids.programmeId, location ? loc(location) : null, kind, JSON.stringify(params), note, office],
    );
  }

  // —— Who can be offered a home: ready single adults without pets, in priority order ——
  const candidates = (await run(
    `SELECT p.id, p.code, p.provider_id, o.name AS provider FROM participants p JOIN organisations o ON o.id = p.provider_id
      WHERE p.region_id = $1 AND p.phase = 'ready' AND p.target_group IN ('single_adult', 'young_adult') AND p.household_children = 0
        AND NOT ('pets' = ANY (p.needs))
      ORDER BY p.priority_key`,
    [ids.regionId],
  )) as Candidate[];
  const units = (await run(
    `SELECT u.id, u.label, l.name AS location, l.corporation_id FROM units u JOIN locations l ON l.id = u.location_id
      WHERE u.region_id = $1 AND u.status = 'available' ORDER BY u.label`,
    [ids.regionId],
  )) as Unit[];
  const free = (location: string) => units.filter((u) => u.location === location);
  // Candidates are used once each, except the parked person who declined twice.
  let next = 0;
  const take = () => {
    const c = candidates[next++];
    if (!c) throw new Error('seed: not enough ready candidates for the demo offers');
    return c;
  };

  // —— Notifications and e-mails (only the latest of each kind a demo user would have) ——
  const users = (await run('SELECT id, email, organisation_id, roles FROM users WHERE region_id = $1', [ids.regionId])) as {
    id: string;
    email: string;
    organisation_id: string;
    roles: string[];
  }[];
  let noteNo = 0;
  const note = async (to: { organisationId?: string; roles: string[] }, kind: string, title: [string, string], body: [string, string], link: string, daysAgo: number) => {
    const at = `${addDays(now, -daysAgo)}T08:00:00Z`;
    for (const u of users.filter((x) => x.roles.some((r) => to.roles.includes(r)) && (!to.organisationId || x.organisation_id === to.organisationId))) {
      noteNo += 1;
      await run(
        `INSERT INTO notifications (region_id, id, user_id, kind, title_nl, title_en, body_nl, body_en, link, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [ids.regionId, ids.id('notification', String(noteNo)), u.id, kind, title[0], title[1], body[0], body[1], link, at],
      );
      await run(
        `INSERT INTO outbox_messages (region_id, id, to_address, subject, body_text, kind, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [ids.regionId, ids.id('mail', String(noteNo)), u.email, `${title[0]} / ${title[1]}`, `${body[0]}\n\n${body[1]}\n\nEerst een Thuis: ${link}`, kind, at],
      );
    }
  };

  // —— The broad call: Nijevelt, sent five days ago to every care provider ——
  const callId = ids.id('call', 'nijevelt');
  const nijevelt = free('Nijevelt');
  const providers = (await run(`SELECT id, name FROM organisations WHERE region_id = $1 AND kind = 'care_provider' ORDER BY name`, [ids.regionId])) as { id: string; name: string }[];
  await run(
    `INSERT INTO calls (region_id, id, programme_id, title, location_id, unit_ids, requirements, deadline, status, sent_on, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, '{}', $6, $7, 'open', $8, $9, $10)`,
    [
      ids.regionId, callId, ids.programmeId, `Nijevelt: ${nijevelt.length} appartementen (gemengd wonen)`, loc('Nijevelt'),
      'Een- en tweekamerappartementen in het voormalige verzorgingshuis Nijevelt (De Meern), gemengd wonen met reguliere huurders. ' +
        'Voor wie klaar is om zelfstandig te wonen met begeleiding van Leger des Heils en zich wil inzetten voor de buurt.',
      addDays(now, 7), addDays(now, -5), office, `${addDays(now, -5)}T09:00:00Z`,
    ],
  );
  for (const p of providers) {
    await run('INSERT INTO call_recipients (region_id, call_id, organisation_id) VALUES ($1, $2, $3)', [ids.regionId, callId, p.id]);
  }
  await note({ roles: ['care_worker', 'care_manager'] }, 'call.sent', ['Brede uitvraag: Nijevelt', 'Broad call: Nijevelt'],
    [`Wie kent u voor Nijevelt? Draag kandidaten voor vóór ${addDays(now, 7)}.`, `Whom do you know for Nijevelt? Nominate candidates before ${addDays(now, 7)}.`], `/uitvragen/${callId}`, 5);
  // Nominations: three ready candidates not offered a home below, from as many providers as there are.
  const pool = candidates.slice(12);
  const nominated: Candidate[] = [];
  for (const c of pool) if (nominated.length < 3 && !nominated.some((n) => n.provider === c.provider)) nominated.push(c);
  for (const c of pool) if (nominated.length < 3 && !nominated.includes(c)) nominated.push(c);
  const motivations = [
    'Woont al twee jaar stabiel in de 24-uursopvang, heeft dagbesteding in De Meern en wil graag in deze wijk blijven.',
    'Houdt zich aan afspraken, heeft schulden in beeld bij de schuldhulpverlening en kijkt uit naar gemengd wonen.',
    'Jongvolwassene met een goed netwerk in Vleuten; begeleiding accepteert hij graag.',
  ];
  for (const [i, c] of nominated.entries()) {
    await run(
      `INSERT INTO call_nominations (region_id, id, call_id, participant_id, organisation_id, motivation, nominated_by, nominated_on, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $8)`,
      [ids.regionId, ids.id('nomination', String(i + 1)), callId, c.id, c.provider_id, motivations[i], addDays(now, -4 + i), `${addDays(now, -4 + i)}T10:00:00Z`],
    );
  }
  await note({ roles: ['programme_office'] }, 'call.nominated', ['Voordracht voor Nijevelt', 'Nomination for Nijevelt'],
    [`Er zijn ${nominated.length} kandidaten voorgedragen voor Nijevelt.`, `${nominated.length} candidates were nominated for Nijevelt.`], `/uitvragen/${callId}`, 2);

  // —— Offers ——
  interface Step {
    kind: 'created' | 'accepted' | 'declined' | 'reviewed' | 'reminded';
    step: OfferStep;
    next: OfferStep;
    status: string;
    daysAgo: number;
    party?: DeclineParty;
    reason?: string;
    outcome?: string;
    note?: string;
  }
  let offers = 0;
  const makeOffer = async (
    key: string,
    unit: Unit,
    c: Candidate,
    route: 'project' | 'scattered',
    history: Step[],
    state: { status: 'open' | 'decline_review' | 'declined'; decline?: { party: DeclineParty; reason: string; note?: string; daysAgo: number } },
  ) => {
    const id = ids.id('offer', key);
    const last = history.at(-1)!;
    const entered = [...history].reverse().find((h) => h.kind !== 'declined' && h.kind !== 'reviewed' && h.kind !== 'reminded') ?? history[0];
    const shared = history.find((h) => (route === 'scattered' ? h.kind === 'created' : h.next === 'corporation_decision'));
    const closed = state.status === 'declined' ? addDays(now, -last.daysAgo) : null;
    await run(
      `INSERT INTO offers (region_id, id, programme_id, unit_id, participant_id, route, provider_id, corporation_id, allocation_office_id, call_id, step, status,
         step_entered_on, reminded_on, shared_on, decline_party, decline_reason, decline_note, declined_on, closed_on, close_reason, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
      [
        ids.regionId, id, ids.programmeId, unit.id, c.id, route, c.provider_id, unit.corporation_id, route === 'scattered' ? vierdeHuis : null,
        last.next, state.status, addDays(now, -entered.daysAgo), history.some((h) => h.kind === 'reminded') ? addDays(now, -history.find((h) => h.kind === 'reminded')!.daysAgo) : null,
        shared ? addDays(now, -shared.daysAgo) : null, state.decline?.party ?? null, state.decline?.reason ?? null, state.decline?.note ?? null,
        state.decline ? addDays(now, -state.decline.daysAgo) : null, closed, closed ? 'declined' : null, office, `${addDays(now, -history[0].daysAgo)}T09:00:00Z`,
      ],
    );
    for (const [i, h] of history.entries()) {
      await run(
        `INSERT INTO offer_events (region_id, id, offer_id, kind, step, next_step, status_after, party, reason, outcome, note, effective_date, source, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          ids.regionId, ids.id('offer-event', key, String(i)), id, h.kind, h.step, h.next, h.status, h.party ?? null, h.reason ?? null, h.outcome ?? null, h.note ?? null,
          addDays(now, -h.daysAgo), h.kind === 'reminded' ? 'system' : 'app', h.kind === 'reminded' ? null : office, `${addDays(now, -h.daysAgo)}T1${i % 10}:00:00Z`,
        ],
      );
    }
    offers += 1;
    return id;
  };
  const lr = free('Gemengd wonen Leidsche Rijn');
  const ng = free('Gemengd wonen Nieuwegein');
  const odijk = free('Odijk — woningen Portaal');
  const open = (step: OfferStep, next: OfferStep, daysAgo: number, kind: Step['kind'] = 'accepted'): Step => ({ kind, step, next, status: 'open', daysAgo });

  // Project route, one offer in each step.
  const a = take();
  const o1 = await makeOffer('lr-1', lr[0], a, 'project', [open('provider_proposal', 'provider_proposal', 2, 'created')], { status: 'open' });
  await note({ organisationId: a.provider_id, roles: ['care_worker', 'care_manager'] }, 'offer.waiting', [`Aanbod ${lr[0].label}: voordracht gevraagd`, `Offer ${lr[0].label}: proposal requested`],
    [`Het aanbod van woning ${lr[0].label} wacht op uw voordracht.`, `The offer of home ${lr[0].label} waits for your proposal.`], `/aanbiedingen/${o1}`, 2);
  const b = take();
  const o2 = await makeOffer('lr-2', lr[1], b, 'project', [
    open('provider_proposal', 'provider_proposal', 12, 'created'),
    open('provider_proposal', 'corporation_decision', 10),
    open('corporation_decision', 'corporation_decision', 3, 'reminded'),
  ], { status: 'open' });
  await note({ organisationId: lr[1].corporation_id!, roles: ['corporation'] }, 'offer.reminder', [`Herinnering: aanbod ${lr[1].label}`, `Reminder: offer ${lr[1].label}`],
    [`Het aanbod van woning ${lr[1].label} wacht al 7 dagen op uw besluit.`, `The offer of home ${lr[1].label} has waited 7 days for your decision.`], `/aanbiedingen/${o2}`, 3);
  await makeOffer('ng-1', ng[0], take(), 'project', [
    open('provider_proposal', 'provider_proposal', 9, 'created'),
    open('provider_proposal', 'corporation_decision', 8),
    open('corporation_decision', 'candidate_decision', 4),
  ], { status: 'open' });
  await makeOffer('ng-2', ng[1], take(), 'project', [
    open('provider_proposal', 'provider_proposal', 20, 'created'),
    open('provider_proposal', 'corporation_decision', 19),
    open('corporation_decision', 'candidate_decision', 15),
    open('candidate_decision', 'contract', 12),
  ], { status: 'open' });

  // Scattered route through Het Vierde Huis: one at the viewing, one declined by the candidate (under review).
  await makeOffer('odijk-1', odijk[0], take(), 'scattered', [
    open('receipt', 'receipt', 14, 'created'),
    open('receipt', 'offer_to_candidate', 13),
    open('offer_to_candidate', 'viewing', 6),
  ], { status: 'open' });
  const f = take();
  const o6 = await makeOffer('odijk-2', odijk[1], f, 'scattered', [
    open('receipt', 'receipt', 10, 'created'),
    open('receipt', 'offer_to_candidate', 9),
    { kind: 'declined', step: 'offer_to_candidate', next: 'offer_to_candidate', status: 'decline_review', daysAgo: 1, party: 'client', reason: 'unwilling_neighbourhood', note: 'Wil niet terug naar Odijk, waar familie woont met wie het contact verbroken is.' },
  ], { status: 'decline_review', decline: { party: 'client', reason: 'unwilling_neighbourhood', note: 'Wil niet terug naar Odijk.', daysAgo: 1 } });
  await note({ roles: ['programme_office'] }, 'offer.declined', [`Afwijzing te beoordelen: ${odijk[1].label}`, `Decline to review: ${odijk[1].label}`],
    [`Het aanbod van woning ${odijk[1].label} is afgewezen door de kandidaat (unwilling_neighbourhood). Bevestig, overrule of stuur terug.`,
      `The offer of home ${odijk[1].label} was declined by the candidate (unwilling_neighbourhood). Confirm, override or return it.`], `/aanbiedingen/${o6}`, 1);

  // Confirmed declines: the corporation (household does not fit), and one candidate twice — parked.
  await makeOffer('lr-3', lr[2], take(), 'project', [
    open('provider_proposal', 'provider_proposal', 40, 'created'),
    open('provider_proposal', 'corporation_decision', 38),
    { kind: 'declined', step: 'corporation_decision', next: 'corporation_decision', status: 'decline_review', daysAgo: 33, party: 'corporation', reason: 'previous_tenancy_problems' },
    { kind: 'reviewed', step: 'corporation_decision', next: 'corporation_decision', status: 'declined', daysAgo: 31, party: 'corporation', reason: 'previous_tenancy_problems', outcome: 'confirm' },
  ], { status: 'declined', decline: { party: 'corporation', reason: 'previous_tenancy_problems', daysAgo: 33 } });
  const parked = take();
  for (const [i, [unit, reason, ago]] of ([[lr[3], 'refused_unit', 60], [lr[4], 'does_not_want_housing_now', 25]] as const).entries()) {
    await makeOffer(`parked-${i + 1}`, unit, parked, 'project', [
      open('provider_proposal', 'provider_proposal', ago + 10, 'created'),
      open('provider_proposal', 'corporation_decision', ago + 9),
      open('corporation_decision', 'candidate_decision', ago + 6),
      { kind: 'declined', step: 'candidate_decision', next: 'candidate_decision', status: 'decline_review', daysAgo: ago + 2, party: 'client', reason },
      { kind: 'reviewed', step: 'candidate_decision', next: 'candidate_decision', status: 'declined', daysAgo: ago, party: 'client', reason, outcome: 'confirm' },
    ], { status: 'declined', decline: { party: 'client', reason, daysAgo: ago + 2 } });
  }
  await run(
    `INSERT INTO participant_parkings (region_id, id, participant_id, parked_from, parked_until, reason, offer_id, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, 'repeated_declines', $6, $7, $8)`,
    [ids.regionId, ids.id('parking', '1'), parked.id, addDays(now, -25), addDays(now, 65), ids.id('offer', 'parked-2'), office, `${addDays(now, -25)}T12:00:00Z`],
  );
  return { offers, nominations: nominated.length, parked: 1 };
}
