import {
  EXIT_REASONS,
  NOT_ELIGIBLE_REASONS,
  WITHDRAWAL_REASONS,
  type ConsentScope,
  type Homelessness,
  type IndicationType,
  type ParticipantPhase,
  type PhaseReason,
  type TargetGroup,
} from '../../../shared/enums.js';

type Text = { nl: string; en: string };

/**
 * The participant's phases. The main line is referred → eligible → assessed → ready → matched →
 * housed → exited. Side steps: not_eligible (with a reason; can be reconsidered to eligible),
 * withdrawn (with a reason) from any phase before housed, ready → assessed when readiness lapses
 * (e.g. the indication expired), matched → ready when a match falls through. exited and
 * withdrawn are final: someone who comes back is referred again as a new referral.
 */
export const PHASE_TRANSITIONS: Record<ParticipantPhase, readonly ParticipantPhase[]> = {
  referred: ['eligible', 'not_eligible', 'withdrawn'],
  eligible: ['assessed', 'withdrawn'],
  not_eligible: ['eligible'],
  assessed: ['ready', 'withdrawn'],
  ready: ['matched', 'assessed', 'withdrawn'],
  matched: ['housed', 'ready', 'withdrawn'],
  housed: ['exited'],
  exited: [],
  withdrawn: [],
};

/** Phases that need a reason code, and the codes each allows. */
export const PHASE_REASON_CODES: Partial<Record<ParticipantPhase, readonly PhaseReason[]>> = {
  not_eligible: NOT_ELIGIBLE_REASONS,
  withdrawn: WITHDRAWAL_REASONS,
  exited: EXIT_REASONS,
};

export const PHASE_LABELS: Record<ParticipantPhase, Text> = {
  referred: { nl: 'aangemeld', en: 'referred' },
  eligible: { nl: 'komt in aanmerking', en: 'eligible' },
  not_eligible: { nl: 'komt niet in aanmerking', en: 'not eligible' },
  assessed: { nl: 'beoordeeld', en: 'assessed' },
  ready: { nl: 'klaar voor matching', en: 'ready for matching' },
  matched: { nl: 'gematcht', en: 'matched' },
  housed: { nl: 'gehuisvest', en: 'housed' },
  exited: { nl: 'uitgestroomd', en: 'exited' },
  withdrawn: { nl: 'teruggetrokken', en: 'withdrawn' },
};

const label = (p: ParticipantPhase) => PHASE_LABELS[p];

/** Why the machine refuses `from → to`, in Dutch and English; null when the step is in the machine. */
export function transitionRefusal(from: ParticipantPhase, to: ParticipantPhase): Text | null {
  if (PHASE_TRANSITIONS[from].includes(to)) return null;
  if (from === to) return { nl: `De deelnemer is al ${label(to).nl}.`, en: `The participant is already ${label(to).en}.` };
  if (PHASE_TRANSITIONS[from].length === 0) {
    return {
      nl: `De deelnemer is ${label(from).nl}; die fase is definitief. Meld iemand die terugkomt opnieuw aan.`,
      en: `The participant is ${label(from).en}; that phase is final. Refer someone who comes back again.`,
    };
  }
  if (to === 'withdrawn') {
    return {
      nl: 'Terugtrekken kan alleen vóórdat iemand gehuisvest is; gebruik daarna “uitgestroomd”.',
      en: 'Withdrawing is only possible before someone is housed; use “exited” after that.',
    };
  }
  const allowed = PHASE_TRANSITIONS[from].map((p) => label(p).nl).join(', ');
  const allowedEn = PHASE_TRANSITIONS[from].map((p) => label(p).en).join(', ');
  return {
    nl: `Van “${label(from).nl}” naar “${label(to).nl}” kan niet. Vanuit “${label(from).nl}” kan: ${allowed}.`,
    en: `Cannot go from “${label(from).en}” to “${label(to).en}”. Allowed from “${label(from).en}”: ${allowedEn}.`,
  };
}

/** What the preconditions of a phase look at, loaded by the service. */
export interface PhaseFacts {
  targetGroup: TargetGroup;
  /** The latest referral's answers to the eligibility questions. */
  referral: { homelessness: Homelessness; expectedIndependent: boolean } | null;
  /** Decided care assessments. */
  assessments: { decidedOn: string; indication: IndicationType; validFrom: string | null; validTo: string | null }[];
  consentGivenOn: string | null;
  consentScope: ConsentScope[];
  /** Dates of risk screenings. */
  riskScreenings: string[];
}

/** True when a decided assessment gives an indication that is valid on `date`. */
export function hasValidAssessment(facts: Pick<PhaseFacts, 'assessments'>, date: string): boolean {
  return facts.assessments.some(
    (a) => a.indication !== 'none' && a.decidedOn <= date && a.validFrom !== null && a.validFrom <= date && (a.validTo === null || a.validTo >= date),
  );
}

/**
 * Why the preconditions of entering `to` on `date` are not met (all of them, in Dutch and
 * English), or an empty list. `matched`/`housed` are recorded by the programme office until
 * offers and tenancies drive them (issues 5/6); `housed` needs a unit, checked by the service.
 */
export function preconditionRefusals(to: ParticipantPhase, date: string, f: PhaseFacts): Text[] {
  const out: Text[] = [];
  if (to === 'eligible') {
    if (!f.referral) out.push({ nl: 'Er is geen aanmelding met de toelatingsvragen.', en: 'There is no referral with the eligibility questions.' });
    else {
      if (f.referral.homelessness === 'no') {
        out.push({
          nl: 'Volgens de aanmelding is de persoon niet dakloos en dreigt dat ook niet.',
          en: 'According to the referral the person is not homeless nor about to become so.',
        });
      }
      if (!f.referral.expectedIndependent) {
        out.push({
          nl: 'De toeleider verwacht niet dat de persoon binnen ongeveer twee jaar zelfstandig kan wonen.',
          en: 'The referrer does not expect the person to live independently within about two years.',
        });
      }
    }
  }
  if (to === 'assessed' && !f.assessments.some((a) => a.decidedOn <= date)) {
    out.push({
      nl: 'De Regionale Toegang heeft nog geen zorginhoudelijke beoordeling afgerond.',
      en: 'The access office has not yet completed a care assessment.',
    });
  }
  if (to === 'ready') {
    if (!hasValidAssessment(f, date)) {
      out.push({
        nl: `Er is geen geldige beoordeling met een indicatie op ${date} (afgerond, met geldig-van/tot rond die datum).`,
        en: `There is no valid assessment with an indication on ${date} (decided, valid from/to around that date).`,
      });
    }
    if (!f.consentGivenOn || f.consentGivenOn > date || !f.consentScope.includes('programme')) {
      out.push({
        nl: 'Er is geen vastgelegde toestemming (met datum, voor delen binnen het programma).',
        en: 'There is no recorded consent (dated, for sharing within the programme).',
      });
    }
    if (f.targetGroup === 'domestic_violence' && !f.riskScreenings.some((d) => d <= date)) {
      out.push({
        nl: 'Bij huiselijk geweld is eerst een risicotaxatie nodig.',
        en: 'In a domestic-violence case a risk screening is needed first.',
      });
    }
  }
  return out;
}
