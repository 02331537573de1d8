import type { ParticipantPhase, ParticipantRelation, Role } from '../../../shared/enums.js';

export interface ParticipantActor {
  roles: Role[];
  organisationId: string;
}

/** What the policy knows of a participant: how the caller's organisation is involved. */
export interface ParticipantTarget {
  /** Relations of the caller's organisation with this participant. */
  relations: ParticipantRelation[];
  onWaitingList: boolean;
}

const has = (a: ParticipantActor, ...roles: Role[]) => a.roles.some((r) => roles.includes(r));
const rel = (t: ParticipantTarget, ...rels: ParticipantRelation[]) => t.relations.some((r) => rels.includes(r));

/**
 * Roles that work with participants' personal data. Corporations see candidates only through
 * offers (a later issue); municipalities and researchers get aggregates and pseudonymised
 * exports; the administrator manages accounts, not client files.
 */
export const PARTICIPANT_ROLES: Role[] = ['programme_office', 'care_worker', 'care_manager', 'assessor', 'referrer'];

/** Care staff of an organisation that referred or guides the participant. */
const careInvolved = (a: ParticipantActor, t: ParticipantTarget) => has(a, 'care_worker', 'care_manager') && rel(t, 'referrer', 'provider');
const referrerOwn = (a: ParticipantActor, t: ParticipantTarget) => has(a, 'referrer') && rel(t, 'referrer');

/**
 * Who may see which participant (first cut; row-level security comes under it in issue 4):
 * the programme office sees the whole by-name list; care staff see those their organisation
 * refers, guides or is asked about; a referrer sees those their organisation referred; the
 * access office's assessors see those referred to them for assessment and everyone on the
 * central waiting list. The same rule is written in SQL in participants.visibility.ts.
 */
export function sees(a: ParticipantActor, t: ParticipantTarget): boolean {
  return (
    has(a, 'programme_office') ||
    (has(a, 'care_worker', 'care_manager') && t.relations.length > 0) ||
    referrerOwn(a, t) ||
    (has(a, 'assessor') && (t.relations.length > 0 || t.onWaitingList))
  );
}

/** Groups of fields of the record, each shown or edited under its own rule. */
export type FieldGroup = 'identity' | 'bsn' | 'contact' | 'referralNotes' | 'assessmentNotes' | 'riskNotes' | 'suitabilityNotes';

/**
 * The least data each reader needs. The programme office coordinates by name but needs no BSN,
 * contact details or clinical notes; a provider only consulted about a home sees the same; the
 * referrer sees what they gave, not the assessor's or screener's notes; the guiding provider and
 * the access office see the whole record.
 */
export function visibleGroups(a: ParticipantActor, t: ParticipantTarget): Set<FieldGroup> {
  const g = new Set<FieldGroup>();
  if (!sees(a, t)) return g;
  g.add('identity');
  g.add('referralNotes');
  if (has(a, 'assessor') || careInvolved(a, t)) {
    for (const x of ['bsn', 'contact', 'assessmentNotes', 'riskNotes', 'suitabilityNotes'] as const) g.add(x);
  }
  if (referrerOwn(a, t)) {
    g.add('bsn');
    g.add('contact');
  }
  if (has(a, 'care_worker', 'care_manager') && rel(t, 'consulted')) g.add('suitabilityNotes');
  return g;
}

/**
 * Where the person lives (the unit and location of their placement). With a protected address
 * (domestic violence) only the guiding provider's care staff may know it; otherwise everyone who
 * sees the person.
 */
export function seesAddress(a: ParticipantActor, t: ParticipantTarget, protectedAddress: boolean): boolean {
  if (!sees(a, t)) return false;
  if (!protectedAddress) return true;
  return has(a, 'care_worker', 'care_manager') && rel(t, 'provider');
}

/** Groups of the record a PATCH may change. */
export type EditGroup = 'record' | 'situation' | 'waitingList' | 'provider';

export const canParticipant = {
  /** Route level: may this role use participant routes at all (else 403). */
  use: (a: ParticipantActor) => has(a, ...PARTICIPANT_ROLES),
  /** Refer someone new (POST /participants, drafts, duplicate checks). */
  refer: (a: ParticipantActor) => has(a, 'referrer', 'care_worker', 'care_manager', 'programme_office'),
  /** Identity, contact and consent: those who work with the person. */
  editRecord: (a: ParticipantActor, t: ParticipantTarget) => referrerOwn(a, t) || careInvolved(a, t) || (has(a, 'assessor') && sees(a, t)),
  /** Household, target group, current place, wishes, needs, protected address. */
  editSituation: (a: ParticipantActor, t: ParticipantTarget) => has(a, 'programme_office') || canParticipant.editRecord(a, t),
  /** The registration date on the central waiting list is the access office's; the office may correct it. */
  editWaitingList: (a: ParticipantActor, t: ParticipantTarget) => has(a, 'programme_office') || (has(a, 'assessor') && sees(a, t)),
  /** Who guides: the office assigns; the referrer and the referring/guiding provider's manager propose. */
  editProvider: (a: ParticipantActor, t: ParticipantTarget) =>
    has(a, 'programme_office') || referrerOwn(a, t) || (has(a, 'care_manager') && rel(t, 'referrer', 'provider')),
  edit(a: ParticipantActor, t: ParticipantTarget, group: EditGroup): boolean {
    switch (group) {
      case 'record':
        return canParticipant.editRecord(a, t);
      case 'situation':
        return canParticipant.editSituation(a, t);
      case 'waitingList':
        return canParticipant.editWaitingList(a, t);
      case 'provider':
        return canParticipant.editProvider(a, t);
    }
  },
  /** Any edit at all (for the route's 403 before looking at fields). */
  editAny: (a: ParticipantActor, t: ParticipantTarget) =>
    (['record', 'situation', 'waitingList', 'provider'] as const).some((g) => canParticipant.edit(a, t, g)),
  /**
   * Recording a phase: eligibility is decided by the office or the access office; readiness by
   * the office or the referring/guiding provider; matched and housed by the office until offers
   * and tenancies drive them; exit by the office or the guiding provider's manager; withdrawal by
   * whoever works with the person.
   */
  recordPhase(a: ParticipantActor, t: ParticipantTarget, to: ParticipantPhase): boolean {
    const office = has(a, 'programme_office');
    const assessor = has(a, 'assessor') && sees(a, t);
    switch (to) {
      case 'referred':
        return false;
      case 'eligible':
      case 'not_eligible':
      case 'assessed':
        return office || assessor;
      case 'ready':
        return office || careInvolved(a, t);
      case 'matched':
      case 'housed':
        return office;
      case 'exited':
        return office || (has(a, 'care_manager') && rel(t, 'provider', 'referrer'));
      case 'withdrawn':
        return office || careInvolved(a, t) || referrerOwn(a, t);
    }
  },
  requestAssessment: (a: ParticipantActor, t: ParticipantTarget) => has(a, 'programme_office') || careInvolved(a, t) || referrerOwn(a, t),
  screenRisk: (a: ParticipantActor, t: ParticipantTarget) => careInvolved(a, t) || (has(a, 'assessor') && sees(a, t)),
  /** The suitability form is filled in by a provider: the guiding one or one asked about a home. */
  assessSuitability: (a: ParticipantActor, t: ParticipantTarget) => has(a, 'care_worker', 'care_manager') && rel(t, 'referrer', 'provider', 'consulted'),
  /** Duplicates, merges and asking a provider about someone are the office's coordination. */
  merge: (a: ParticipantActor) => has(a, 'programme_office'),
  consult: (a: ParticipantActor) => has(a, 'programme_office'),
  listDuplicates: (a: ParticipantActor) => has(a, 'programme_office'),
};
