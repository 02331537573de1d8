import type { DeliveryMode, LeaseFlipKind, LeaseHolder, PhaseReason, TenancyEndReason } from '../../../shared/enums.js';

type Text = { nl: string; en: string };

/**
 * The lease holder a tenancy starts with when nobody names it (docs/tenancies.md): the care
 * provider — an intake home (instroomwoning) it rents and sublets until the lease flips — on the
 * project route and at a location marked as intake homes; the tenant in their own name otherwise
 * (a scattered home let through the allocation office). A provider lease needs a provider.
 */
export function defaultLeaseHolder(f: { route: DeliveryMode | null; intakeHomes: boolean; providerId: string | null }): LeaseHolder {
  if (!f.providerId) return 'tenant';
  return f.route === 'project' || f.intakeHomes ? 'provider' : 'tenant';
}

/** The participant's exit reason for each end of a tenancy (moved_within_programme: no exit, the tenant stays housed). */
export const EXIT_REASON_OF: Record<Exclude<TenancyEndReason, 'moved_within_programme'>, PhaseReason> = {
  moved_on: 'moved_on',
  evicted: 'evicted',
  returned_to_shelter: 'returned_to_shelter',
  admitted_to_care: 'admitted_to_care',
  detention: 'detention',
  deceased: 'deceased',
  left_without_notice: 'left_without_notice',
  other: 'other',
};

export const END_REASON_LABELS: Record<TenancyEndReason, Text> = {
  moved_on: { nl: 'doorgestroomd (positief)', en: 'moved on (positively)' },
  moved_within_programme: { nl: 'verhuisd binnen het programma', en: 'moved within the programme' },
  evicted: { nl: 'uitgezet', en: 'evicted' },
  returned_to_shelter: { nl: 'terug naar de opvang', en: 'returned to shelter' },
  admitted_to_care: { nl: 'opgenomen in zorg', en: 'admitted to care' },
  detention: { nl: 'detentie', en: 'detention' },
  deceased: { nl: 'overleden', en: 'deceased' },
  left_without_notice: { nl: 'met onbekende bestemming vertrokken', en: 'left without notice' },
  other: { nl: 'anders', en: 'other' },
};

export const LEASE_HOLDER_LABELS: Record<LeaseHolder, Text> = {
  provider: { nl: 'zorgaanbieder (instroomwoning, onderhuur)', en: 'care provider (intake home, sublet)' },
  tenant: { nl: 'huurder (eigen naam)', en: 'tenant (own name)' },
};

/** The default checklist of a programme (the demo's; an office may start from it). */
export const DEFAULT_CRITERIA: { kind: LeaseFlipKind; labelNl: string; labelEn: string; months: number | null }[] = [
  { kind: 'rent_paid_on_time', labelNl: 'Huur 12 maanden op tijd betaald', labelEn: 'Rent paid on time for 12 months', months: 12 },
  { kind: 'no_open_nuisance', labelNl: 'Geen openstaande overlastmeldingen', labelEn: 'No open nuisance reports', months: null },
  { kind: 'goals_met', labelNl: 'Begeleidingsdoelen voor wonen behaald', labelEn: 'Guidance goals for housing met', months: null },
  { kind: 'corporation_agrees', labelNl: 'Corporatie stemt in met omklap', labelEn: 'Corporation agrees to the flip', months: null },
  { kind: 'tenant_agrees', labelNl: 'Huurder wil het contract op eigen naam', labelEn: 'Tenant wants the lease in their own name', months: null },
];

/** `iso` plus `months` calendar months (the day clamped to the month's end). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole days from `from` to `to`. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The median of numbers (null for none). */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The checklist status of one item. */
export type ItemStatus = 'met' | 'not_met' | 'open';

/**
 * What is missing before a lease may flip: every active item not met (named with its label and
 * why), and the corporation's consent when the programme has no corporation item at all.
 */
export function missingForFlip(items: { kind: LeaseFlipKind; labelNl: string; labelEn: string; status: ItemStatus }[]): Text[] {
  const out: Text[] = items
    .filter((i) => i.status !== 'met')
    .map((i) =>
      i.status === 'open'
        ? { nl: `${i.labelNl} (nog niet beoordeeld)`, en: `${i.labelEn} (not yet checked)` }
        : { nl: `${i.labelNl} (niet voldaan)`, en: `${i.labelEn} (not met)` },
    );
  if (!items.some((i) => i.kind === 'corporation_agrees')) {
    out.push({
      nl: 'Instemming van de corporatie (het programma heeft geen checklistpunt “corporatie stemt in”)',
      en: 'The corporation’s consent (the programme has no checklist item “corporation agrees”)',
    });
  }
  return out;
}
