import {
  ACTIVE_PHASES,
  TARGET_GROUPS,
  WAITING_PHASES,
  type CurrentPlace,
  type ParticipantPhase,
  type PriorityCriterion,
  type TargetGroup,
} from '../../../shared/enums.js';

type Text = { nl: string; en: string };

/**
 * How a programme orders its by-name list (docs/priority.md). `criteria` are applied in order;
 * the pseudonymous code always breaks the last tie. Date of birth, name and BSN are never used.
 */
export interface PrioritySettings {
  criteria: PriorityCriterion[];
  /** For `target_group`: groups earlier in this list go first; groups not listed go last. */
  targetGroupOrder: TargetGroup[];
  /** For `current_place`: places earlier in this list go first; places not listed go last. */
  currentPlaceOrder: CurrentPlace[];
}

/** The default: the central waiting list first (earliest registration first), then earliest referral. */
export const DEFAULT_PRIORITY: PrioritySettings = {
  criteria: ['waiting_list', 'referral_date'],
  targetGroupOrder: [...TARGET_GROUPS],
  currentPlaceOrder: ['street', 'night_shelter', 'shelter_24h', 'with_friends', 'sheltered_housing', 'other'],
};

/** What the order looks at, per participant. */
export interface PriorityFacts {
  code: string;
  phase: ParticipantPhase;
  waitingListRegisteredOn: string | null;
  firstReferredOn: string;
  targetGroup: TargetGroup;
  currentPlace: CurrentPlace;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 0 for people waiting for a home, 1 for people housed, 2 for everyone no longer active. */
function phaseGroup(phase: ParticipantPhase): number {
  if (WAITING_PHASES.includes(phase)) return 0;
  if (ACTIVE_PHASES.includes(phase)) return 1;
  return 2;
}

/**
 * The sort key of a participant under `settings`: fixed-width segments that compare as plain
 * bytes (the column uses COLLATE "C"), ending with the unique code, so ordering by the key alone
 * is a total order and keyset pagination on it is exact.
 */
export function priorityKey(settings: PrioritySettings, f: PriorityFacts): string {
  const parts: string[] = [String(phaseGroup(f.phase))];
  for (const c of settings.criteria) {
    switch (c) {
      case 'waiting_list':
        parts.push(f.waitingListRegisteredOn ? `0${f.waitingListRegisteredOn}` : '19999-12-31');
        break;
      case 'referral_date':
        parts.push(f.firstReferredOn);
        break;
      case 'target_group': {
        const i = settings.targetGroupOrder.indexOf(f.targetGroup);
        parts.push(pad2(i < 0 ? 99 : i));
        break;
      }
      case 'current_place': {
        const i = settings.currentPlaceOrder.indexOf(f.currentPlace);
        parts.push(pad2(i < 0 ? 99 : i));
        break;
      }
    }
  }
  parts.push(f.code);
  return parts.join('|');
}

export const TARGET_GROUP_LABELS: Record<TargetGroup, Text> = {
  single_adult: { nl: 'alleenstaande volwassene', en: 'single adult' },
  young_adult: { nl: 'jongvolwassene', en: 'young adult' },
  family: { nl: 'gezin', en: 'family' },
  domestic_violence: { nl: 'huiselijk geweld / vrouwenopvang', en: "domestic violence / women's shelter" },
};

export const CURRENT_PLACE_LABELS: Record<CurrentPlace, Text> = {
  street: { nl: 'op straat', en: 'on the street' },
  night_shelter: { nl: 'nachtopvang', en: 'night shelter' },
  shelter_24h: { nl: '24-uursopvang', en: '24-hour shelter' },
  sheltered_housing: { nl: 'beschermd wonen', en: 'sheltered housing' },
  with_friends: { nl: 'bij vrienden of familie', en: 'with friends or family' },
  other: { nl: 'anders', en: 'other' },
};

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Why a participant stands where they stand: one reason per rule applied, in rule order. */
export function priorityReasons(settings: PrioritySettings, f: PriorityFacts, today: string): { code: string; nl: string; en: string }[] {
  const out: { code: string; nl: string; en: string }[] = [];
  const group = phaseGroup(f.phase);
  if (group === 1) {
    out.push({ code: 'housed', nl: 'Woont al in een woning: staat na iedereen die nog wacht.', en: 'Already housed: stands after everyone still waiting.' });
  } else if (group === 2) {
    out.push({ code: 'inactive', nl: 'Niet meer actief in het programma: staat achteraan.', en: 'No longer active in the programme: stands at the end.' });
  }
  for (const c of settings.criteria) {
    switch (c) {
      case 'waiting_list':
        out.push(
          f.waitingListRegisteredOn
            ? {
                code: 'waiting_list',
                nl: `Staat sinds ${f.waitingListRegisteredOn} op de centrale wachtlijst van de Regionale Toegang: gaat vóór wie er niet op staat; wie eerder is ingeschreven gaat eerst.`,
                en: `On the access office's central waiting list since ${f.waitingListRegisteredOn}: goes before everyone not on it; earlier registration goes first.`,
              }
            : {
                code: 'not_on_waiting_list',
                nl: 'Staat niet op de centrale wachtlijst: komt na iedereen die er wel op staat.',
                en: 'Not on the central waiting list: comes after everyone who is.',
              },
        );
        break;
      case 'referral_date': {
        const days = Math.max(0, daysBetween(f.firstReferredOn, today));
        out.push({
          code: 'referral_date',
          nl: `Aangemeld op ${f.firstReferredOn}: ${days} dagen in het programma; wie eerder is aangemeld gaat eerst.`,
          en: `Referred on ${f.firstReferredOn}: ${days} days in the programme; earlier referral goes first.`,
        });
        break;
      }
      case 'target_group': {
        const i = settings.targetGroupOrder.indexOf(f.targetGroup);
        const l = TARGET_GROUP_LABELS[f.targetGroup];
        out.push({
          code: 'target_group',
          nl: i < 0 ? `Doelgroep ${l.nl} heeft geen voorrang.` : `Doelgroep ${l.nl}: plaats ${i + 1} in de volgorde van doelgroepen.`,
          en: i < 0 ? `Target group ${l.en} has no precedence.` : `Target group ${l.en}: place ${i + 1} in the order of target groups.`,
        });
        break;
      }
      case 'current_place': {
        const i = settings.currentPlaceOrder.indexOf(f.currentPlace);
        const l = CURRENT_PLACE_LABELS[f.currentPlace];
        out.push({
          code: 'current_place',
          nl: i < 0 ? `Verblijfplaats ${l.nl} heeft geen voorrang.` : `Verblijft ${l.nl}: plaats ${i + 1} in de volgorde van verblijfplaatsen.`,
          en: i < 0 ? `Current place ${l.en} has no precedence.` : `Stays ${l.en}: place ${i + 1} in the order of current places.`,
        });
        break;
      }
    }
  }
  out.push({
    code: 'tie_breaker',
    nl: `Bij verder gelijke stand beslist het pseudoniem ${f.code} (een vaste, willekeurige volgorde; geboortedatum, naam en BSN tellen nooit mee).`,
    en: `If everything else is equal, the pseudonym ${f.code} decides (a fixed, arbitrary order; date of birth, name and BSN never count).`,
  });
  return out;
}

