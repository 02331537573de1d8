import type { AccessContext } from '../../http/context.js';
import { today } from '../../../shared/dates.js';
import { presentAssessment } from '../assessments/assessments.present.js';
import { presentScreening } from '../riskScreening/riskScreening.present.js';
import { presentSuitability } from '../suitability/suitability.present.js';
import { priorityReasons, type PriorityFacts } from '../waitingList/waitingList.priority.js';
import type { StoredPriority } from '../waitingList/waitingList.service.js';
import type { ParticipantDetailData } from './participants.detail.js';
import { PHASE_LABELS, PHASE_REASON_CODES, PHASE_TRANSITIONS, preconditionRefusals } from './participants.machine.js';
import { canParticipant, seesAddress, visibleGroups } from './participants.policy.js';
import { consentAllows } from './participants.consent.js';
import { targetOf, type ListRow, type ParticipantRow } from './participants.service.js';

const daysSince = (date: string) => Math.max(0, Math.round((Date.parse(today()) - Date.parse(date)) / 86_400_000));

const factsOf = (p: ParticipantRow): PriorityFacts => ({
  code: p.code,
  phase: p.phase,
  waitingListRegisteredOn: p.waiting_list_registered_on,
  firstReferredOn: p.first_referred_on,
  targetGroup: p.target_group,
  currentPlace: p.current_place,
});

/**
 * One line of the by-name list: the pseudonymous code, the phase and what matching needs, with
 * the rank and the reasons for it. No BSN, contact details or clinical notes, for anyone.
 */
export function presentListItem(p: ListRow, ctx: AccessContext, priority: StoredPriority) {
  const groups = visibleGroups(ctx, targetOf(p));
  return {
    id: p.id,
    code: p.code,
    phase: p.phase,
    phaseSince: p.phase_since,
    programmeId: p.programme_id,
    name: groups.has('identity') ? `${p.given_name} ${p.family_name}` : null,
    targetGroup: p.target_group,
    currentPlace: p.current_place,
    householdSize: p.household_adults + p.household_children,
    waitingListRegisteredOn: p.waiting_list_registered_on,
    referredOn: p.first_referred_on,
    waitingDays: daysSince(p.first_referred_on),
    provider: p.provider_id ? { id: p.provider_id, name: p.provider_name ?? '' } : null,
    preferredMunicipalityIds: p.preferred_municipality_ids,
    protectedAddress: p.protected_address,
    priority: { rank: p.rank ?? null, reasons: priorityReasons(priority.settings, factsOf(p), today()) },
  };
}

type TimelineEntry = { date: string; at: string; kind: string; nl: string; en: string; refId: string | null };

const iso = (d: Date) => new Date(d).toISOString();

/** Everything that happened to the participant, oldest first, worded for the page. */
function timeline(d: ParticipantDetailData): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const r of d.referrals) {
    out.push({ date: r.referred_on, at: iso(r.created_at), kind: 'referral', nl: `Aangemeld door ${r.organisation_name}`, en: `Referred by ${r.organisation_name}`, refId: r.id });
  }
  for (const e of d.events) {
    const from = e.from_code ? { nl: ` (dossier ${e.from_code})`, en: ` (record ${e.from_code})` } : { nl: '', en: '' };
    const reason = e.reason ? ` — ${e.reason}` : '';
    out.push({
      date: e.effective_date,
      at: iso(e.recorded_at),
      kind: 'phase',
      nl: `Fase: ${PHASE_LABELS[e.phase].nl}${reason}${from.nl}`,
      en: `Phase: ${PHASE_LABELS[e.phase].en}${reason}${from.en}`,
      refId: e.id,
    });
  }
  for (const a of d.assessments) {
    out.push({
      date: a.requested_on,
      at: a.requested_on,
      kind: 'assessment_requested',
      nl: `Beoordeling aangevraagd bij ${a.access_office_name} door ${a.requested_by_organisation_name}`,
      en: `Assessment requested from ${a.access_office_name} by ${a.requested_by_organisation_name}`,
      refId: a.id,
    });
    if (a.decided_on) {
      out.push({
        date: a.decided_on,
        at: a.decided_on,
        kind: 'assessment_decided',
        nl: `Beoordeling afgerond: indicatie ${a.indication}${a.valid_to ? `, geldig t/m ${a.valid_to}` : ''}`,
        en: `Assessment decided: indication ${a.indication}${a.valid_to ? `, valid until ${a.valid_to}` : ''}`,
        refId: a.id,
      });
    }
  }
  for (const s of d.screenings) {
    out.push({ date: s.screened_on, at: iso(s.created_at), kind: 'risk_screening', nl: `Risicotaxatie: risico ${s.risk_level}`, en: `Risk screening: risk ${s.risk_level}`, refId: s.id });
  }
  for (const s of d.suitability) {
    out.push({
      date: s.assessed_on,
      at: iso(s.created_at),
      kind: 'suitability',
      nl: `Afweging instroomwoning (versie ${s.framework_version}): ${s.result}`,
      en: `Intake-home suitability (version ${s.framework_version}): ${s.result}`,
      refId: s.id,
    });
  }
  for (const m of d.merges) {
    out.push({
      date: iso(m.merged_at).slice(0, 10),
      at: iso(m.merged_at),
      kind: 'merge',
      nl: `Dubbel dossier ${m.merged_code} samengevoegd`,
      en: `Duplicate record ${m.merged_code} merged`,
      refId: m.id,
    });
  }
  for (const o of d.organisations.filter((x) => x.relation === 'consulted')) {
    out.push({ date: o.since, at: iso(o.created_at), kind: 'consultation', nl: `${o.name} gevraagd mee te denken`, en: `${o.name} consulted`, refId: o.id });
  }
  return out.sort((a, b) => (a.date === b.date ? a.at.localeCompare(b.at) : a.date.localeCompare(b.date)));
}

/**
 * The participant page as the reader may see it (participants.policy.ts `visibleGroups`):
 * identity for everyone who sees the person, BSN and contact only for those who work with them,
 * clinical notes only for the guiding provider and the access office. With what the reader may
 * do (`abilities`) and which phases are possible now and why not (`phaseOptions`).
 */
export function presentParticipantDetail(d: ParticipantDetailData, ctx: AccessContext) {
  const { p } = d;
  const t = targetOf(p);
  const g = visibleGroups(ctx, t);
  const name = (id: string) => d.municipalities.get(id) ?? '';
  const live = p.merged_into_id === null;
  const phaseOptions = live
    ? PHASE_TRANSITIONS[p.phase]
        .filter((to) => to !== 'referred')
        .map((to) => {
          const mayRecord = canParticipant.recordPhase(ctx, t, to);
          const unmet = preconditionRefusals(to, today(), d.facts);
          const reasons = [...(mayRecord ? [] : [{ nl: 'Uw rol mag deze fase niet vastleggen.', en: 'Your role may not record this phase.' }]), ...unmet];
          return { phase: to, allowed: mayRecord && unmet.length === 0, reasons, reasonCodes: [...(PHASE_REASON_CODES[to] ?? [])] };
        })
    : [];
  return {
    id: p.id,
    code: p.code,
    programmeId: p.programme_id,
    phase: p.phase,
    phaseSince: p.phase_since,
    mergedInto: p.merged_into_id ? { id: p.merged_into_id, code: p.merged_into_code ?? '' } : null,
    ...(g.has('identity') ? { givenName: p.given_name, familyName: p.family_name, dateOfBirth: p.date_of_birth } : {}),
    hasBsn: p.bsn !== null,
    ...(g.has('bsn') ? { bsn: p.bsn } : {}),
    ...(g.has('contact') ? { phone: p.phone, email: p.email } : {}),
    householdAdults: p.household_adults,
    householdChildren: p.household_children,
    childrenAges: p.children_ages,
    targetGroup: p.target_group,
    currentPlace: p.current_place,
    currentPlaceNote: p.current_place_note,
    preferredMunicipalities: p.preferred_municipality_ids.map((id) => ({ id, name: name(id) })),
    excludedMunicipalities: p.excluded_municipality_ids.map((id) => ({ id, name: name(id), byRiskScreening: d.screening.excluded.includes(id) })),
    excludedAreas: d.screening.areas,
    needs: p.needs,
    consent: p.consent_given_on ? { givenOn: p.consent_given_on, scope: p.consent_scope } : null,
    protectedAddress: p.protected_address,
    protectedAddressForced: d.screening.screened,
    waitingListRegisteredOn: p.waiting_list_registered_on,
    referredOn: p.first_referred_on,
    waitingDays: daysSince(p.first_referred_on),
    provider: p.provider_id ? { id: p.provider_id, name: p.provider_name ?? '' } : null,
    placement: d.placement
      ? seesAddress(ctx, t, p.protected_address)
        ? { unitId: d.placement.unit_id, unit: d.placement.unit, location: d.placement.location, startDate: d.placement.start_date, addressHidden: false }
        : { unitId: null, unit: null, location: null, startDate: d.placement.start_date, addressHidden: true }
      : null,
    organisations: d.organisations.map((o) => ({ id: o.id, name: o.name, relation: o.relation, since: o.since })),
    referrals: d.referrals.map((r) => ({
      id: r.id,
      referredOn: r.referred_on,
      organisation: { id: r.organisation_id, name: r.organisation_name },
      homelessness: r.homelessness,
      expectedIndependent: r.expected_independent,
      ...(g.has('referralNotes') ? { motivation: r.motivation } : {}),
      // The referrer's supporting notes: for those who work with the person and the referring organisation.
      ...(g.has('contact') || r.organisation_id === ctx.organisationId ? { notes: r.notes } : {}),
      fromParticipant: r.original_code,
    })),
    phaseHistory: d.events.map((e) => ({
      id: e.id,
      phase: e.phase,
      effectiveDate: e.effective_date,
      reason: e.reason,
      note: e.note,
      unitId: seesAddress(ctx, t, p.protected_address) ? e.unit_id : null,
      recordedAt: iso(e.recorded_at),
      recordedBy: e.recorded_by ? { id: e.recorded_by, name: e.recorded_by_name ?? '' } : null,
      fromParticipant: e.from_code,
    })),
    assessments: d.assessments.map((a) => presentAssessment(a, ctx, g.has('assessmentNotes'))),
    riskScreenings: d.screenings.map((s) => presentScreening(s, g.has('riskNotes'))),
    suitabilityAssessments: d.suitability.map((s) => presentSuitability(s, g.has('suitabilityNotes'))),
    merges: d.merges.map((m) => ({
      id: m.id,
      merged: { id: m.merged_id, code: m.merged_code },
      reason: m.reason,
      mergedAt: iso(m.merged_at),
      mergedBy: m.merged_by ? { id: m.merged_by, name: m.merged_by_name ?? '' } : null,
    })),
    timeline: timeline(d),
    priority: { rank: d.rank, reasons: priorityReasons(d.priority.settings, factsOf(p), today()) },
    version: p.version,
    abilities: {
      editRecord: live && canParticipant.editRecord(ctx, t),
      editSituation: live && canParticipant.editSituation(ctx, t),
      editWaitingList: live && canParticipant.editWaitingList(ctx, t),
      editProvider: live && canParticipant.editProvider(ctx, t),
      requestAssessment: live && canParticipant.requestAssessment(ctx, t),
      screenRisk: live && p.target_group === 'domestic_violence' && canParticipant.screenRisk(ctx, t),
      assessSuitability: live && canParticipant.assessSuitability(ctx, t),
      refer: live && canParticipant.refer(ctx) && ['withdrawn', 'exited', 'not_eligible'].includes(p.phase),
      merge: live && canParticipant.merge(ctx),
      // Asking another provider shares the record: offered only when the consent covers it.
      consult: live && canParticipant.consult(ctx) && consentAllows(p, 'provider'),
    },
    phaseOptions,
  };
}

