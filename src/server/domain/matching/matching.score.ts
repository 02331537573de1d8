import type { ScorePart } from '../../../shared/enums.js';
import type { CandidateFacts, UnitFacts } from '../eligibility/eligibility.evaluate.js';

/**
 * The priority of an eligible candidate for one home, as a score out of 1000 broken into named
 * parts (docs/matching.md). Additive and capped per part, so every point can be explained and no
 * single part outweighs the rest; never date of birth, name, BSN or anything not listed here.
 */
export interface ScorePartValue {
  code: ScorePart;
  points: number;
  max: number;
  nl: string;
  en: string;
}

export interface Score {
  total: number;
  parts: ScorePartValue[];
}

/** The maximum of each part (they add up to 1000). */
export const SCORE_MAX: Record<ScorePart, number> = {
  waiting_list: 300,
  waiting_time: 200,
  home_fit: 200,
  municipality_preference: 150,
  nominated: 150,
};

const days = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));

/** Whether a nomination's call covers the home: its units, or (without units) its location. */
export function callCovers(n: { locationId: string | null; unitIds: string[] }, unit: Pick<UnitFacts, 'id' | 'locationId'>): boolean {
  return n.unitIds.length > 0 ? n.unitIds.includes(unit.id) : n.locationId !== null && n.locationId === unit.locationId;
}

/** The parts that depend on the person only (the same for every home), computed once per candidate. */
export function personalParts(c: Pick<CandidateFacts, 'waitingListRegisteredOn' | 'firstReferredOn'>, asOf: string): [ScorePartValue, ScorePartValue] {
  let waitingList: ScorePartValue;
  if (c.waitingListRegisteredOn) {
    const d = days(c.waitingListRegisteredOn, asOf);
    const points = Math.min(SCORE_MAX.waiting_list, 200 + Math.floor(d / 10));
    waitingList = {
      code: 'waiting_list',
      points,
      max: SCORE_MAX.waiting_list,
      nl: `Op de centrale wachtlijst sinds ${c.waitingListRegisteredOn} (${d} dagen): 200 punten plus 1 per 10 dagen, hoogstens 300.`,
      en: `On the central waiting list since ${c.waitingListRegisteredOn} (${d} days): 200 points plus 1 per 10 days, at most 300.`,
    };
  } else {
    waitingList = { code: 'waiting_list', points: 0, max: SCORE_MAX.waiting_list, nl: 'Niet op de centrale wachtlijst: 0 punten.', en: 'Not on the central waiting list: 0 points.' };
  }
  const w = days(c.firstReferredOn, asOf);
  const waitingTime: ScorePartValue = {
    code: 'waiting_time',
    points: Math.min(SCORE_MAX.waiting_time, Math.floor(w / 5)),
    max: SCORE_MAX.waiting_time,
    nl: `Aangemeld op ${c.firstReferredOn} (${w} dagen): 1 punt per 5 dagen, hoogstens 200.`,
    en: `Referred on ${c.firstReferredOn} (${w} days): 1 point per 5 days, at most 200.`,
  };
  return [waitingList, waitingTime];
}

/** How well the home fits the household: rooms against household size, and the suitability assessment. */
function homeFit(unit: Pick<UnitFacts, 'rooms'>, c: Pick<CandidateFacts, 'householdSize' | 'suitability'>): ScorePartValue {
  let rooms: number;
  let why: { nl: string; en: string };
  if (unit.rooms === null) {
    rooms = 50;
    why = { nl: 'aantal kamers onbekend: 50', en: 'number of rooms unknown: 50' };
  } else {
    const needed = Math.max(1, Math.ceil(c.householdSize / 2));
    const spare = unit.rooms - needed;
    rooms = spare < 0 ? 0 : spare === 0 ? 100 : spare === 1 ? 60 : 20;
    why =
      spare < 0
        ? { nl: `te klein (${unit.rooms} kamer(s) voor ${c.householdSize} personen): 0`, en: `too small (${unit.rooms} room(s) for ${c.householdSize} persons): 0` }
        : { nl: `${unit.rooms} kamer(s) voor ${c.householdSize} persoon/personen (${spare} over): ${rooms}`, en: `${unit.rooms} room(s) for ${c.householdSize} person(s) (${spare} spare): ${rooms}` };
  }
  const s = c.suitability;
  const suit = s === 'suitable' ? 100 : s === 'suitable_with_conditions' ? 50 : s === 'not_suitable' ? 0 : 25;
  const suitWhy =
    s === null
      ? { nl: 'geen afwegingskader ingevuld: 25', en: 'no suitability assessment: 25' }
      : { nl: `afwegingskader ${s}: ${suit}`, en: `suitability ${s}: ${suit}` };
  return {
    code: 'home_fit',
    points: rooms + suit,
    max: SCORE_MAX.home_fit,
    nl: `Past de woning: ${why.nl}; ${suitWhy.nl}.`,
    en: `Fit of the home: ${why.en}; ${suitWhy.en}.`,
  };
}

function municipalityPreference(unit: Pick<UnitFacts, 'municipalityId' | 'municipalityName'>, c: Pick<CandidateFacts, 'preferredMunicipalityIds'>): ScorePartValue {
  const max = SCORE_MAX.municipality_preference;
  if (c.preferredMunicipalityIds.includes(unit.municipalityId)) {
    return { code: 'municipality_preference', points: max, max, nl: `Wil graag in ${unit.municipalityName} wonen: 150 punten.`, en: `Prefers to live in ${unit.municipalityName}: 150 points.` };
  }
  if (c.preferredMunicipalityIds.length === 0) {
    return { code: 'municipality_preference', points: 50, max, nl: 'Geen voorkeur voor een gemeente: 50 punten.', en: 'No preferred municipality: 50 points.' };
  }
  return { code: 'municipality_preference', points: 0, max, nl: `${unit.municipalityName} is niet een van de voorkeursgemeenten: 0 punten.`, en: `${unit.municipalityName} is not one of the preferred municipalities: 0 points.` };
}

function nominated(unit: Pick<UnitFacts, 'id' | 'locationId'>, c: Pick<CandidateFacts, 'nominations'>): ScorePartValue {
  const max = SCORE_MAX.nominated;
  const n = c.nominations.filter((x) => callCovers(x, unit)).length;
  return n > 0
    ? { code: 'nominated', points: max, max, nl: `Voorgedragen in ${n} brede uitvraag voor deze woning: 150 punten.`, en: `Nominated in ${n} broad call(s) for this home: 150 points.` }
    : { code: 'nominated', points: 0, max, nl: 'Niet voorgedragen voor deze woning: 0 punten.', en: 'Not nominated for this home: 0 points.' };
}

/** The score of candidate `c` for `unit` on `asOf`, with every part explained. */
export function scoreCandidate(unit: UnitFacts, c: CandidateFacts, asOf: string, personal = personalParts(c, asOf)): Score {
  const parts = [...personal, homeFit(unit, c), municipalityPreference(unit, c), nominated(unit, c)];
  return { total: parts.reduce((s, p) => s + p.points, 0), parts };
}

/** The total only, without words: the hot path of batch matching (1 000 × 5 000 pairs). */
export function scoreTotal(unit: UnitFacts, c: CandidateFacts, personalPoints: number): number {
  let fit: number;
  if (unit.rooms === null) fit = 50;
  else {
    const spare = unit.rooms - Math.max(1, Math.ceil(c.householdSize / 2));
    fit = spare < 0 ? 0 : spare === 0 ? 100 : spare === 1 ? 60 : 20;
  }
  const s = c.suitability;
  fit += s === 'suitable' ? 100 : s === 'suitable_with_conditions' ? 50 : s === 'not_suitable' ? 0 : 25;
  const pref = c.preferredMunicipalityIds.includes(unit.municipalityId) ? 150 : c.preferredMunicipalityIds.length === 0 ? 50 : 0;
  let nom = 0;
  for (const n of c.nominations) {
    if (callCovers(n, unit)) {
      nom = 150;
      break;
    }
  }
  return personalPoints + fit + pref + nom;
}
