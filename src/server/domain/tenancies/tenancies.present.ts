import type { AccessContext } from '../../http/context.js';
import { canTenancy } from './tenancies.policy.js';
import { END_REASON_LABELS, LEASE_HOLDER_LABELS } from './tenancies.rules.js';
import { targetOf, type Checklist, type CriterionRow, type EventRow, type LeaseRow, type TenancyRow, type TenantView, type TimelineFacts } from './tenancies.service.js';

type Text = { nl: string; en: string };

/**
 * What the reader may see of the tenant. The office and the guiding provider know the person
 * (code, name, household); the landlord gets what a landlord needs — name, household size,
 * contact — only with consent for housing, else the pseudonymous code; never anything on care.
 */
function tenantView(t: TenancyRow, tenant: TenantView | undefined) {
  if (t.participant_code !== null) {
    return { id: t.participant_id, code: t.participant_code, name: t.participant_name, householdSize: t.household_adults + t.household_children };
  }
  if (!tenant) return { id: null, code: null, name: null, householdSize: null };
  const ok = tenant.housing_consent;
  return {
    id: null,
    code: tenant.code,
    name: ok ? `${tenant.given_name} ${tenant.family_name}` : null,
    householdSize: ok && tenant.household_adults !== null ? tenant.household_adults + (tenant.household_children ?? 0) : null,
    phone: ok ? tenant.phone : null,
    email: ok ? tenant.email : null,
    sharedWithConsent: ok,
  };
}

/**
 * Whether the home is hidden from this reader: with a protected address (domestic violence)
 * only the guiding provider's care staff and the landlord know where the tenant lives.
 */
function addressHidden(t: TenancyRow, ctx: AccessContext): boolean {
  if (t.protected_address !== true) return false;
  const care = (ctx.roles.includes('care_worker') || ctx.roles.includes('care_manager')) && t.provider_id === ctx.organisationId;
  const landlord = ctx.roles.includes('corporation') && t.corporation_id === ctx.organisationId;
  return !(care || landlord);
}

/** A tenancy as a list item. */
export function presentTenancy(t: TenancyRow, ctx: AccessContext, tenant?: TenantView) {
  const hidden = addressHidden(t, ctx);
  return {
    id: t.id,
    programmeId: t.programme_id,
    leaseHolder: t.lease_holder,
    status: t.end_date ? ('ended' as const) : ('current' as const),
    startDate: t.start_date,
    movedInOn: t.moved_in_on,
    flippedOn: t.flipped_on,
    endDate: t.end_date,
    endReason: t.end_reason,
    rentCents: t.rent_cents,
    addressProtected: t.protected_address === true,
    unit: hidden
      ? { id: null, label: null, location: null, municipality: null }
      : { id: t.unit_id, label: t.unit_label, location: t.location_name, municipality: t.municipality_name },
    participant: tenantView(t, tenant),
    corporation: t.corporation_id ? { id: t.corporation_id, name: t.corporation_name ?? '' } : null,
    provider: t.provider_id ? { id: t.provider_id, name: t.provider_name ?? '' } : null,
    offerId: t.offer_id,
    nextTenancyId: t.next_tenancy_id,
    version: t.version,
  };
}

export function presentCriterion(c: CriterionRow) {
  return { id: c.id, kind: c.kind, labelNl: c.label_nl, labelEn: c.label_en, months: c.months, position: c.position, computed: c.kind === 'no_open_nuisance' };
}

const euro = (cents: unknown) => (typeof cents === 'number' ? `€ ${(cents / 100).toFixed(2).replace('.', ',')}` : '—');

function eventText(e: EventRow): Text {
  const d = e.data;
  switch (e.kind) {
    case 'started': {
      const holder = LEASE_HOLDER_LABELS[(d.leaseHolder as 'provider' | 'tenant') ?? 'tenant'];
      return { nl: `Huur ingegaan; huurder: ${holder.nl}`, en: `Tenancy started; lease holder: ${holder.en}` };
    }
    case 'moved_in':
      return { nl: 'Sleutels overgedragen: de huurder woont er', en: 'Keys handed over: the tenant lives there' };
    case 'check_recorded':
      return d.met
        ? { nl: `Checklist: ${String(d.labelNl)} — voldaan`, en: `Checklist: ${String(d.labelEn)} — met` }
        : { nl: `Checklist: ${String(d.labelNl)} — niet voldaan`, en: `Checklist: ${String(d.labelEn)} — not met` };
    case 'lease_flipped':
      return { nl: 'Huur omgeklapt: het contract staat op naam van de huurder', en: "Lease flipped: the lease is in the tenant's name" };
    case 'rent_changed':
      return { nl: `Huur gewijzigd naar ${euro(d.to)}`, en: `Rent changed to ${euro(d.to)}` };
    case 'ended': {
      const r = END_REASON_LABELS[d.reason as keyof typeof END_REASON_LABELS] ?? { nl: String(d.reason), en: String(d.reason) };
      return { nl: `Huur beëindigd: ${r.nl}`, en: `Tenancy ended: ${r.en}` };
    }
    default:
      return { nl: e.kind, en: e.kind };
  }
}

/** The timeline: offer → start → keys → guidance → scale-down → flip → end; steps not (yet) reached are shown as open while the tenancy runs. */
function timeline(t: TenancyRow, f: TimelineFacts) {
  const out: { kind: string; date: string | null; text: Text; done: boolean }[] = [];
  if (t.offer_id) out.push({ kind: 'offer', date: f.offerMadeOn, text: { nl: 'Aanbod gedaan', en: 'Offer made' }, done: true });
  out.push({ kind: 'start', date: t.start_date, text: { nl: 'Huurcontract getekend, huur ingegaan', en: 'Lease signed, tenancy started' }, done: true });
  out.push({ kind: 'keys', date: t.moved_in_on, text: { nl: 'Sleutels overgedragen', en: 'Keys handed over' }, done: !!t.moved_in_on });
  out.push({
    kind: 'guidance',
    date: f.guidanceStartedOn,
    text: f.guidanceProvider ? { nl: `Begeleiding gestart (${f.guidanceProvider})`, en: `Guidance started (${f.guidanceProvider})` } : { nl: 'Begeleiding gestart', en: 'Guidance started' },
    done: !!f.guidanceStartedOn,
  });
  if (f.handovers.length) {
    for (const h of f.handovers) {
      out.push({ kind: 'scale_down', date: h.date, text: { nl: `Afgeschaald naar ${h.team ?? 'het buurtteam'}`, en: `Scaled down to ${h.team ?? 'the neighbourhood team'}` }, done: true });
    }
  } else {
    out.push({ kind: 'scale_down', date: null, text: { nl: 'Afschalen naar het buurtteam', en: 'Scale down to the neighbourhood team' }, done: false });
  }
  const flipApplies = t.flipped_on !== null || t.lease_holder === 'provider';
  if (flipApplies) out.push({ kind: 'flip', date: t.flipped_on, text: { nl: 'Huur omgeklapt naar de huurder', en: 'Lease flipped to the tenant' }, done: !!t.flipped_on });
  if (t.end_date && t.end_reason) {
    const r = END_REASON_LABELS[t.end_reason];
    out.push({ kind: 'end', date: t.end_date, text: { nl: `Huur beëindigd: ${r.nl}`, en: `Tenancy ended: ${r.en}` }, done: true });
  }
  // An ended tenancy shows only what happened.
  // What happened in date order (stable: the canonical order breaks ties), then what is still to come.
  const done = out.filter((x) => x.done).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  return t.end_date ? done : [...done, ...out.filter((x) => !x.done)];
}

/** The tenancy page for this reader, with what they may do next. */
export function presentTenancyDetail(
  t: TenancyRow,
  ctx: AccessContext,
  extra: { tenant?: TenantView; leases: LeaseRow[]; checklist: Checklist; events: EventRow[]; facts: TimelineFacts },
) {
  const base = presentTenancy(t, ctx, extra.tenant);
  const target = targetOf(t);
  const running = !t.end_date;
  const seesPerson = t.participant_code !== null;
  const check = (c: NonNullable<Checklist['items'][number]['latest']>) => ({
    id: c.id,
    met: c.met,
    checkedOn: c.checked_on,
    evidence: c.evidence,
    organisation: c.organisation,
    recordedAt: new Date(c.recorded_at).toISOString(),
  });
  return {
    ...base,
    household: seesPerson ? { adults: t.household_adults, children: t.household_children } : null,
    endNote: seesPerson ? t.end_note : null,
    leases: extra.leases.map((l) => ({ id: l.id, leaseHolder: l.lease_holder, holder: l.holder, startDate: l.start_date, endDate: l.end_date, rentCents: l.rent_cents })),
    checklist: {
      items: extra.checklist.items.map((i) => ({
        ...presentCriterion(i.criterion),
        status: i.status,
        latest: i.latest ? check(i.latest) : null,
        history: i.history.map(check),
        ...(i.openIncidents !== undefined ? { openIncidents: i.openIncidents } : {}),
        ...(i.earliestMetOn !== undefined ? { earliestMetOn: i.earliestMetOn } : {}),
        canRecord: running && !t.flipped_on && canTenancy.record(ctx, target, i.criterion.kind),
      })),
      complete: extra.checklist.complete,
      corporationConsent: extra.checklist.corporationConsent,
      missing: extra.checklist.missing,
    },
    events: extra.events.map((e) => ({ id: e.id, kind: e.kind, effectiveDate: e.effective_date, text: eventText(e), recordedAt: new Date(e.recorded_at).toISOString() })),
    timeline: timeline(t, extra.facts),
    abilities: {
      moveIn: running && !t.moved_in_on && canTenancy.moveIn(ctx, target),
      end: running && !!t.moved_in_on && canTenancy.end(ctx, target),
      flip: running && t.lease_holder === 'provider' && !t.flipped_on && canTenancy.flip(ctx, target),
      recordChecks: running && !t.flipped_on && extra.checklist.items.some((i) => canTenancy.record(ctx, target, i.criterion.kind)),
      setRent: running && canTenancy.rent(ctx, target),
    },
  };
}
