import type { AccessContext } from '../../http/context.js';
import { today } from '../../../shared/dates.js';
import { PARTY_LABELS, STEP_DEADLINES, STEP_LABELS } from './offers.machine.js';
import { canOffer } from './offers.policy.js';
import { decidingFor, partsFor, targetOf, type CandidateView, type OfferEventRow, type OfferRow } from './offers.service.js';

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));

/**
 * What the reader may see of the candidate. The office and the guiding provider know the person
 * (their name and household; the record itself is on the participant page). The landlord side —
 * corporation, allocation office — gets what a landlord needs (name, household size, contact)
 * and only with consent for housing; never anything about care. Nobody else sees the offer.
 */
function participantView(o: OfferRow, candidate: CandidateView | undefined) {
  if (o.participant_code !== null) {
    return { id: o.participant_id, code: o.participant_code, name: o.participant_name, householdSize: o.household_size };
  }
  if (!candidate) return { id: null, code: null, name: null, householdSize: null };
  const ok = candidate.housing_consent;
  return {
    id: null,
    code: candidate.code,
    name: ok ? `${candidate.given_name} ${candidate.family_name}` : null,
    householdSize: ok && candidate.household_adults !== null ? candidate.household_adults + (candidate.household_children ?? 0) : null,
    phone: ok ? candidate.phone : null,
    email: ok ? candidate.email : null,
    sharedWithConsent: ok,
  };
}

/** Whether the reader may read the reasons and notes of a decline by `party` (care reasons stay with care). */
function seesReasonOf(ctx: AccessContext, o: OfferRow, party: string | null): boolean {
  const parts = partsFor(ctx, o);
  if (parts.some((p) => p === 'office' || p === 'provider' || p === 'allocation_office')) return true;
  return party === 'corporation' || party === 'expired' || party === null;
}

/** An offer as its reader sees it, with what this reader may do next. */
export function presentOffer(o: OfferRow, ctx: AccessContext, candidate?: CandidateView, asOf = today()) {
  const deadlines = STEP_DEADLINES[o.step];
  const running = o.status === 'open' || o.status === 'decline_review';
  const age = running ? daysBetween(o.step_entered_on, asOf) : 0;
  const t = targetOf(o);
  const deciding = o.status === 'open' && decidingFor(ctx, o).length > 0;
  const reasonVisible = seesReasonOf(ctx, o, o.decline_party);
  return {
    id: o.id,
    programmeId: o.programme_id,
    route: o.route,
    step: o.step,
    stepLabel: STEP_LABELS[o.step].waiting,
    status: o.status,
    active: o.step === 'contract' && running,
    stepEnteredOn: o.step_entered_on,
    ageDays: age,
    remindOn: addDays(o.step_entered_on, deadlines.remind),
    escalateOn: addDays(o.step_entered_on, deadlines.escalate),
    dueOn: addDays(o.step_entered_on, deadlines.expire),
    stalled: o.status === 'open' && age >= deadlines.remind,
    unit: { id: o.unit_id, label: o.unit_label ?? '', location: o.location_name, municipality: o.municipality_name, rooms: o.rooms },
    participant: participantView(o, candidate),
    provider: o.provider_id ? { id: o.provider_id, name: o.provider_name ?? '' } : null,
    corporation: o.corporation_id ? { id: o.corporation_id, name: o.corporation_name ?? '' } : null,
    allocationOffice: o.allocation_office_id ? { id: o.allocation_office_id, name: o.allocation_office_name ?? '' } : null,
    sharedOn: o.shared_on,
    decline:
      o.decline_party && o.declined_on
        ? { party: o.decline_party, reason: reasonVisible ? o.decline_reason : null, note: reasonVisible ? o.decline_note : null, declinedOn: o.declined_on }
        : null,
    closedOn: o.closed_on,
    closeReason: o.close_reason,
    callId: o.call_id,
    proposalId: o.proposal_id,
    version: o.version,
    createdAt: new Date(o.created_at).toISOString(),
    abilities: {
      accept: deciding,
      decline: deciding,
      declineParties: deciding ? canOffer.declineParties(ctx, t) : [],
      review: o.status === 'decline_review' && canOffer.review(ctx),
      cancel: running && canOffer.cancel(ctx),
    },
  };
}

const KIND_TEXT: Record<string, (e: OfferEventRow) => { nl: string; en: string }> = {
  created: (e) => ({ nl: `Aanbod gedaan; ${STEP_LABELS[e.next_step].waiting.nl}`, en: `Offer made; ${STEP_LABELS[e.next_step].waiting.en}` }),
  accepted: (e) => STEP_LABELS[e.step].done,
  declined: (e) => ({ nl: `Afgewezen door ${PARTY_LABELS[(e.party ?? 'client') as keyof typeof PARTY_LABELS].nl}`, en: `Declined by ${PARTY_LABELS[(e.party ?? 'client') as keyof typeof PARTY_LABELS].en}` }),
  reviewed: (e) =>
    e.outcome === 'confirm'
      ? { nl: 'Afwijzing bevestigd door het programmabureau', en: 'Decline confirmed by the programme office' }
      : e.outcome === 'override'
        ? { nl: 'Afwijzing overruled door het programmabureau; het aanbod gaat door', en: 'Decline overridden by the programme office; the offer continues' }
        : { nl: 'Afwijzing teruggestuurd door het programmabureau', en: 'Decline returned by the programme office' },
  cancelled: (e) =>
    e.reason === 'vacancy_filled'
      ? { nl: 'Vervallen: de woning is aan een ander toegewezen', en: 'Cancelled: vacancy filled by another candidate' }
      : e.reason === 'housed_elsewhere'
        ? { nl: 'Vervallen: de kandidaat is elders gehuisvest', en: 'Cancelled: housed elsewhere' }
        : { nl: 'Ingetrokken door het programmabureau', en: 'Withdrawn by the programme office' },
  reminded: (e) => ({ nl: `Herinnering: ${STEP_LABELS[e.step].waiting.nl}`, en: `Reminder: ${STEP_LABELS[e.step].waiting.en}` }),
  escalated: () => ({ nl: 'Stap loopt te lang: gemeld aan het programmabureau', en: 'Step stalled: escalated to the programme office' }),
  succeeded: () => ({ nl: 'Huurcontract getekend: woning toegewezen', en: 'Lease signed: home allocated' }),
};

/** An offer's history as its reader sees it: decline reasons and notes of care parties stay with care. */
export function presentHistory(events: OfferEventRow[], o: OfferRow, ctx: AccessContext) {
  return events.map((e) => {
    const visible = seesReasonOf(ctx, o, e.party) || e.recorded_by_organisation_id === ctx.organisationId;
    return {
      id: e.id,
      kind: e.kind,
      step: e.step,
      nextStep: e.next_step,
      statusAfter: e.status_after,
      text: (KIND_TEXT[e.kind] ?? (() => ({ nl: e.kind, en: e.kind })))(e),
      party: e.party,
      reason: visible ? e.reason : null,
      outcome: e.outcome,
      note: visible ? e.note : null,
      effectiveDate: e.effective_date,
      recordedAt: new Date(e.recorded_at).toISOString(),
      source: e.source,
      organisation: e.organisation_name,
    };
  });
}
