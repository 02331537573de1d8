import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound, validationError, type FieldError } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import { today } from '../../../shared/dates.js';
import type { DeliveryMode, LeaseFlipKind, LeaseHolder, TenancyEndReason, UnitStatus } from '../../../shared/enums.js';
import { changePhase, getParticipant } from '../participants/participants.service.js';
import { participantAccessed, visibleToSql } from '../participants/participants.visibility.js';
import { changeUnitStatus } from '../units/units.service.js';
import { notify } from '../notifications/notifications.service.js';
import { canTenancy } from './tenancies.policy.js';
import { addMonths, daysBetween, defaultLeaseHolder, median, EXIT_REASON_OF, END_REASON_LABELS, missingForFlip, type ItemStatus } from './tenancies.rules.js';
import type { CheckBody, CreateTenancyBody, CriteriaBody, EndBody, FlipBody, MoveInBody, RentBody, TenancyQuery } from './tenancies.schema.js';

type Text = { nl: string; en: string };

export interface TenancyRow {
  id: string;
  region_id: string;
  programme_id: string;
  unit_id: string;
  unit_label: string | null;
  location_name: string | null;
  municipality_name: string | null;
  participant_id: string;
  /** Null when the reader may not see the participant's record (the landlord side). */
  participant_code: string | null;
  participant_name: string | null;
  protected_address: boolean | null;
  offer_id: string | null;
  corporation_id: string | null;
  corporation_name: string | null;
  provider_id: string | null;
  provider_name: string | null;
  household_adults: number;
  household_children: number;
  start_date: string;
  moved_in_on: string | null;
  rent_cents: number | null;
  lease_holder: LeaseHolder;
  flipped_on: string | null;
  end_date: string | null;
  end_reason: TenancyEndReason | null;
  end_note: string | null;
  next_tenancy_id: string | null;
  version: number;
}

/** What the landlord sees of its tenant (tenancy_tenants, migration 0025). */
export interface TenantView {
  tenancy_id: string;
  code: string;
  given_name: string | null;
  family_name: string | null;
  household_adults: number | null;
  household_children: number | null;
  phone: string | null;
  email: string | null;
  housing_consent: boolean;
}

const tenancySelect = (ctx: AccessContext) => sql`
  SELECT t.id, t.region_id, t.programme_id, t.unit_id, u.label AS unit_label, l.name AS location_name, m.name AS municipality_name,
         t.participant_id, p.code AS participant_code, p.given_name || ' ' || p.family_name AS participant_name, p.protected_address,
         t.offer_id, t.corporation_id, co.name AS corporation_name, t.provider_id, pr.name AS provider_name,
         t.household_adults, t.household_children, t.start_date::text AS start_date, t.moved_in_on::text AS moved_in_on, t.rent_cents,
         t.lease_holder, t.flipped_on::text AS flipped_on, t.end_date::text AS end_date, t.end_reason, t.end_note, t.next_tenancy_id, t.version
    FROM tenancies t
    LEFT JOIN units u ON u.id = t.unit_id
    LEFT JOIN locations l ON l.id = u.location_id
    LEFT JOIN municipalities m ON m.id = u.municipality_id
    LEFT JOIN organisations co ON co.id = t.corporation_id
    LEFT JOIN organisations pr ON pr.id = t.provider_id
    LEFT JOIN participants p ON p.id = t.participant_id AND ${visibleToSql(ctx)}`;

export const tenancyNotFound = () =>
  notFound({ nl: 'Deze huurovereenkomst bestaat niet of is niet zichtbaar voor u.', en: 'This tenancy does not exist or is not visible to you.' });

const staleVersion = () =>
  new AppError('version_conflict', {
    nl: 'Deze huurovereenkomst is intussen door iemand anders gewijzigd. Laad haar opnieuw en voer uw wijziging nog eens in.',
    en: 'Someone else changed this tenancy in the meantime. Reload it and make your change again.',
  });

const endedRefusal = (t: TenancyRow) =>
  new AppError('invalid_transition', {
    nl: `Deze huurovereenkomst is al beëindigd op ${t.end_date} (${END_REASON_LABELS[t.end_reason!].nl}).`,
    en: `This tenancy already ended on ${t.end_date} (${END_REASON_LABELS[t.end_reason!].en}).`,
  });

export const targetOf = (t: Pick<TenancyRow, 'provider_id' | 'corporation_id'>) => ({ providerId: t.provider_id, corporationId: t.corporation_id });

/** Tenancies the caller may see (row-level security decides which), newest start first. */
export async function listTenancies(tx: Tx, ctx: AccessContext, q: z.infer<typeof TenancyQuery>) {
  const after = requireCursor(q.cursor, 2);
  const where: SQL[] = [sql`t.region_id = ${ctx.regionId}`];
  if (q.programmeId) where.push(sql`t.programme_id = ${q.programmeId}`);
  if (q.providerId) where.push(sql`t.provider_id = ${q.providerId}`);
  if (q.corporationId) where.push(sql`t.corporation_id = ${q.corporationId}`);
  if (q.leaseHolder) where.push(sql`t.lease_holder = ${q.leaseHolder}`);
  if (q.status === 'current') where.push(sql`t.end_date IS NULL`);
  if (q.status === 'ended') where.push(sql`t.end_date IS NOT NULL`);
  if (q.participantId) where.push(sql`t.participant_id = ${q.participantId}`);
  if (q.unitId) where.push(sql`t.unit_id = ${q.unitId}`);
  if (after) where.push(sql`(t.start_date, t.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`);
  const list = await rows<TenancyRow>(tx, sql`${tenancySelect(ctx)} WHERE ${sql.join(where, sql` AND `)} ORDER BY t.start_date DESC, t.id DESC LIMIT ${q.limit + 1}`);
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  // A tenancy is personal data (where someone lives): every reader's access is logged.
  await participantAccessed(tx, ctx, 'list', page.map((x) => x.participant_id));
  return { items: page, nextCursor: list.length > q.limit && last ? encodeCursor([last.start_date, last.id]) : null };
}

/** One tenancy the caller may see, or 404. `lock` serialises changes of one tenancy. */
export async function getTenancy(tx: Tx, ctx: AccessContext, id: string, opts: { lock?: boolean; audit?: boolean } = {}): Promise<TenancyRow> {
  const [row] = await rows<TenancyRow>(tx, sql`${tenancySelect(ctx)} WHERE t.region_id = ${ctx.regionId} AND t.id = ${id} ${opts.lock ? sql`FOR UPDATE OF t` : sql``}`);
  if (!row) throw tenancyNotFound();
  if (opts.audit !== false) await participantAccessed(tx, ctx, 'read', [row.participant_id]);
  return row;
}

/** The landlord view of the tenants of the given tenancies (only for the corporation of each). */
export async function tenantsFor(tx: Tx, ctx: AccessContext, list: readonly TenancyRow[]): Promise<Map<string, TenantView>> {
  const landlord = list.filter((x) => x.participant_code === null && x.corporation_id === ctx.organisationId).map((x) => x.id);
  if (!landlord.length || !ctx.roles.includes('corporation')) return new Map();
  const found = await rows<TenantView>(tx, sql`SELECT * FROM tenancy_tenants(${`{${landlord.join(',')}}`}::uuid[])`);
  return new Map(found.map((v) => [v.tenancy_id, v]));
}

// —— Creating ——

interface NewTenancy {
  programmeId: string;
  unitId: string;
  participantId: string;
  offerId: string | null;
  corporationId: string | null;
  providerId: string | null;
  adults: number;
  children: number;
  startDate: string;
  rentCents: number | null;
  leaseHolder: LeaseHolder;
  movedInOn?: string | null;
  note?: string | null;
  previousTenancyId?: string | null;
}

async function insertEvent(tx: Tx, ctx: AccessContext, tenancyId: string, kind: string, date: string, data: Record<string, unknown> = {}) {
  await tx.execute(
    sql`INSERT INTO tenancy_events (region_id, id, tenancy_id, kind, effective_date, data, recorded_by)
        VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${tenancyId}, ${kind}, ${date}, ${JSON.stringify(data)}::jsonb, ${ctx.userId})`,
  );
}

const uniqueTaken = (err: unknown): string | null => {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const x = e as { code?: unknown; message?: unknown; cause?: unknown; constraint?: unknown };
    if (x.code === '23505') return typeof x.constraint === 'string' ? x.constraint : (typeof x.message === 'string' ? x.message : 'unique');
    e = x.cause;
  }
  return null;
};

/**
 * Writes a tenancy with its first lease (the provider's, naming the provider, or the tenant's
 * own) and its `started` event. The database keeps one current tenancy per home and per person.
 */
async function insertTenancy(tx: Tx, ctx: AccessContext, n: NewTenancy): Promise<string> {
  if (n.leaseHolder === 'provider' && !n.providerId) {
    throw validationError([fieldError('leaseHolder', 'Zonder zorgaanbieder kan de zorgaanbieder geen huurder zijn.', 'Without a care provider the provider cannot hold the lease.')]);
  }
  const id = crypto.randomUUID();
  try {
    await tx.execute(
      sql`INSERT INTO tenancies (region_id, id, programme_id, unit_id, participant_id, offer_id, corporation_id, provider_id, household_adults,
                                 household_children, start_date, rent_cents, lease_holder, moved_in_on, created_by)
          VALUES (${ctx.regionId}, ${id}, ${n.programmeId}, ${n.unitId}, ${n.participantId}, ${n.offerId}, ${n.corporationId}, ${n.providerId},
                  ${n.adults}, ${n.children}, ${n.startDate}, ${n.rentCents}, ${n.leaseHolder}, ${n.movedInOn ?? null}, ${ctx.userId})`,
    );
  } catch (err) {
    const c = uniqueTaken(err);
    if (c?.includes('unit')) throw new AppError('conflict', { nl: 'Deze woning heeft al een lopende huurovereenkomst.', en: 'This home already has a current tenancy.' });
    if (c?.includes('participant')) throw new AppError('conflict', { nl: 'Deze deelnemer heeft al een lopende huurovereenkomst.', en: 'This participant already has a current tenancy.' });
    if (c) throw new AppError('conflict', { nl: 'Voor dit aanbod is al een huurovereenkomst vastgelegd.', en: 'A tenancy was already recorded for this offer.' });
    throw err;
  }
  await tx.execute(
    sql`INSERT INTO tenancy_leases (region_id, id, tenancy_id, lease_holder, holder_organisation_id, start_date, rent_cents, recorded_by)
        VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${id}, ${n.leaseHolder}, ${n.leaseHolder === 'provider' ? n.providerId : null}, ${n.startDate},
                ${n.rentCents}, ${ctx.userId})`,
  );
  await insertEvent(tx, ctx, id, 'started', n.startDate, {
    leaseHolder: n.leaseHolder,
    rentCents: n.rentCents,
    offerId: n.offerId,
    previousTenancyId: n.previousTenancyId ?? null,
    note: n.note ?? null,
  });
  return id;
}

/** The terms a contract signing may name (the offer's contract step body). */
export interface TenancyTerms {
  leaseHolder?: LeaseHolder;
  rentCents?: number;
}

interface OfferFacts {
  programme_id: string;
  unit_id: string;
  participant_id: string;
  route: DeliveryMode;
  offer_provider_id: string | null;
  participant_provider_id: string | null;
  corporation_id: string | null;
  household_adults: number;
  household_children: number;
  intake_homes: boolean;
  default_rent_cents: number | null;
}

/**
 * The tenancy of a succeeded offer (called from offers.success.ts in the offer's transaction):
 * the home, the participant with a snapshot of the household, the corporation of the home's
 * location, the guiding provider (the participant's, else the offer's), the contract date as
 * start, the rent and lease holder named at signing or their defaults (tenancies.rules.ts).
 * The deciding party may not read the participant: the facts come through offer_tenancy_facts.
 */
export async function createFromOffer(tx: Tx, ctx: AccessContext, offerId: string, signedOn: string, terms: TenancyTerms = {}): Promise<string> {
  const [f] = await rows<OfferFacts>(tx, sql`SELECT * FROM offer_tenancy_facts(${offerId}::uuid)`);
  if (!f) throw new AppError('conflict', { nl: 'Het aanbod is niet geslaagd; er kan geen huurovereenkomst uit volgen.', en: 'The offer did not succeed; no tenancy can follow from it.' });
  const providerId = f.participant_provider_id ?? f.offer_provider_id;
  return insertTenancy(tx, ctx, {
    programmeId: f.programme_id,
    unitId: f.unit_id,
    participantId: f.participant_id,
    offerId,
    corporationId: f.corporation_id,
    providerId,
    adults: f.household_adults,
    children: f.household_children,
    startDate: signedOn,
    rentCents: terms.rentCents ?? f.default_rent_cents,
    leaseHolder: terms.leaseHolder ?? defaultLeaseHolder({ route: f.route, intakeHomes: f.intake_homes, providerId }),
  });
}

interface UnitFacts {
  id: string;
  programme_id: string;
  status: UnitStatus;
  label: string;
  corporation_id: string | null;
  delivery_mode: DeliveryMode | null;
  intake_homes: boolean | null;
  default_rent_cents: number | null;
}

async function unitFacts(tx: Tx, regionId: string, unitId: string): Promise<UnitFacts | undefined> {
  const [u] = await rows<UnitFacts>(
    tx,
    sql`SELECT u.id, u.programme_id, u.status, u.label, l.corporation_id, l.delivery_mode, l.intake_homes, l.default_rent_cents
          FROM units u LEFT JOIN locations l ON l.id = u.location_id WHERE u.region_id = ${regionId} AND u.id = ${unitId} FOR UPDATE OF u`,
  );
  return u;
}

/**
 * The programme office records a tenancy of a home it allocated outside the offer flow: the home
 * (available or allocated) becomes allocated and the participant (ready or matched) matched to
 * it, through the units' and participants' own services; then the tenancy starts.
 */
export async function createTenancy(tx: Tx, ctx: AccessContext, b: z.infer<typeof CreateTenancyBody>): Promise<string> {
  const u = await unitFacts(tx, ctx.regionId, b.unitId);
  if (!u) throw validationError([fieldError('unitId', 'Onbekende woning in deze regio', 'Unknown home in this region')]);
  const p = await getParticipant(tx, ctx, b.participantId, { lock: true });
  if (u.programme_id !== p.programme_id) throw validationError([fieldError('unitId', 'De woning hoort niet bij het programma van de deelnemer', "The home is not in the participant's programme")]);
  if (u.status !== 'available' && u.status !== 'allocated') {
    throw new AppError('invalid_transition', {
      nl: `De woning heeft status ${u.status}; alleen een beschikbare of toegewezen woning krijgt een nieuwe huurovereenkomst.`,
      en: `The home has status ${u.status}; only an available or allocated home gets a new tenancy.`,
    });
  }
  if (p.phase !== 'ready' && p.phase !== 'matched') {
    throw new AppError('invalid_transition', {
      nl: `De deelnemer is in fase ${p.phase}; een huurovereenkomst kan voor iemand die klaar is of gematcht.`,
      en: `The participant is in phase ${p.phase}; a tenancy is for someone ready or matched.`,
    });
  }
  if (u.status === 'available') {
    await changeUnitStatus(tx, ctx, u.id, { status: 'allocated', effectiveDate: b.startDate, note: 'Toegewezen buiten een aanbod / allocated outside an offer' });
  }
  if (p.phase === 'ready') {
    await changePhase(tx, ctx, p, { phase: 'matched', effectiveDate: b.startDate, unitId: u.id, note: 'Huurovereenkomst vastgelegd / tenancy recorded' });
  }
  return insertTenancy(tx, ctx, {
    programmeId: u.programme_id,
    unitId: u.id,
    participantId: p.id,
    offerId: null,
    corporationId: u.corporation_id,
    providerId: p.provider_id,
    adults: p.household_adults,
    children: p.household_children,
    startDate: b.startDate,
    rentCents: b.rentCents ?? u.default_rent_cents,
    leaseHolder: b.leaseHolder ?? defaultLeaseHolder({ route: u.delivery_mode, intakeHomes: u.intake_homes === true, providerId: p.provider_id }),
    note: b.note,
  });
}

// —— Keys ——

function checkVersion(t: TenancyRow, version: number | undefined) {
  if (version !== undefined && version !== t.version) throw staleVersion();
}

function notBefore(date: string, min: string | null, path: string, what: Text) {
  if (min && date < min) throw validationError([fieldError(path, `De datum ligt vóór ${what.nl} (${min}).`, `The date is before ${what.en} (${min}).`)]);
}

async function bump(tx: Tx, ctx: AccessContext, id: string, sets: SQL[]) {
  await tx.execute(sql`UPDATE tenancies SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)} WHERE region_id = ${ctx.regionId} AND id = ${id}`);
}

/**
 * The keys are handed over: the home becomes `occupied` and the participant `housed` in it on
 * that day — through changeUnitStatus and changePhase, which keep their own rules and write the
 * unit event, the phase event and the placement.
 */
export async function moveIn(tx: Tx, ctx: AccessContext, id: string, b: z.infer<typeof MoveInBody>) {
  const t = await getTenancy(tx, ctx, id, { lock: true, audit: false });
  if (!canTenancy.moveIn(ctx, targetOf(t))) throw forbidden();
  checkVersion(t, b.version);
  if (t.end_date) throw endedRefusal(t);
  if (t.moved_in_on) {
    throw new AppError('invalid_transition', { nl: `De sleutels zijn al overgedragen op ${t.moved_in_on}.`, en: `The keys were already handed over on ${t.moved_in_on}.` });
  }
  notBefore(b.date, t.start_date, 'date', { nl: 'het begin van de huur', en: 'the start of the tenancy' });
  await changeUnitStatus(tx, ctx, t.unit_id, { status: 'occupied', effectiveDate: b.date, note: `Sleutels overgedragen / keys handed over (${t.id})` });
  const p = await getParticipant(tx, ctx, t.participant_id, { lock: true });
  await changePhase(tx, ctx, p, { phase: 'housed', effectiveDate: b.date, unitId: t.unit_id, note: 'Sleutels overgedragen / keys handed over' });
  await bump(tx, ctx, t.id, [sql`moved_in_on = ${b.date}`]);
  await insertEvent(tx, ctx, t.id, 'moved_in', b.date);
}

// —— The end ——

/**
 * The end of a tenancy with its reason. The home goes back to `available` or is `withdrawn`;
 * the participant exits with the matching reason (the placement closes with it); the tenancy's
 * open guidance episode ends with `tenancy_ended`. A move within the programme instead starts a
 * new tenancy on the next home (allocated and occupied on the same day): the participant stays
 * housed, the placement moves, the open guidance episode follows to the new tenancy.
 */
export async function endTenancy(tx: Tx, ctx: AccessContext, id: string, b: z.infer<typeof EndBody>): Promise<{ nextTenancyId: string | null }> {
  const t = await getTenancy(tx, ctx, id, { lock: true, audit: false });
  if (!canTenancy.end(ctx, targetOf(t))) throw forbidden();
  if (t.end_date) throw endedRefusal(t);
  checkVersion(t, b.version);
  const errors: FieldError[] = [];
  if (b.endDate < t.start_date) errors.push(fieldError('endDate', `De einddatum ligt vóór het begin van de huur (${t.start_date}).`, `The end date is before the start of the tenancy (${t.start_date}).`));
  else if (t.moved_in_on && b.endDate < t.moved_in_on) errors.push(fieldError('endDate', `De einddatum ligt vóór de sleuteloverdracht (${t.moved_in_on}).`, `The end date is before the keys were handed over (${t.moved_in_on}).`));
  else if (t.flipped_on && b.endDate < t.flipped_on) errors.push(fieldError('endDate', `De einddatum ligt vóór de omklap (${t.flipped_on}).`, `The end date is before the lease flip (${t.flipped_on}).`));
  if (b.reason === 'other' && !b.note) errors.push(fieldError('note', 'Licht de reden “anders” toe', 'Explain the reason “other”'));
  const within = b.reason === 'moved_within_programme';
  if (within && !b.nextUnitId) errors.push(fieldError('nextUnitId', 'Kies de woning waar de huurder naartoe verhuist', 'Choose the home the tenant moves to'));
  if (!within && b.nextUnitId) errors.push(fieldError('nextUnitId', 'Alleen bij verhuizing binnen het programma', 'Only with a move within the programme'));
  if (within && b.nextUnitId === t.unit_id) errors.push(fieldError('nextUnitId', 'Dat is dezelfde woning', 'That is the same home'));
  if (errors.length) throw validationError(errors);
  if (!t.moved_in_on) {
    throw new AppError('invalid_transition', {
      nl: 'De sleutels zijn nog niet overgedragen: leg eerst de sleuteloverdracht vast (of trek het aanbod in als de huurder nooit is ingetrokken).',
      en: 'The keys have not been handed over yet: record the move-in first (or withdraw the offer if the tenant never moved in).',
    });
  }
  const episodes = await rows<{ id: string; start_date: string }>(
    tx,
    sql`SELECT id, start_date::text AS start_date FROM guidance_episodes WHERE region_id = ${ctx.regionId} AND tenancy_id = ${t.id} AND end_date IS NULL`,
  );
  let next: UnitFacts | undefined;
  if (within) {
    next = await unitFacts(tx, ctx.regionId, b.nextUnitId!);
    if (!next || next.programme_id !== t.programme_id) throw validationError([fieldError('nextUnitId', 'Onbekende woning in dit programma', 'Unknown home in this programme')]);
    if (next.status !== 'available' && next.status !== 'allocated') {
      throw new AppError('invalid_transition', {
        nl: `De nieuwe woning heeft status ${next.status}; verhuizen kan naar een beschikbare of toegewezen woning.`,
        en: `The new home has status ${next.status}; a move goes to an available or allocated home.`,
      });
    }
  } else {
    const late = episodes.find((e) => e.start_date > b.endDate);
    if (late) throw validationError([fieldError('endDate', `De begeleiding begon pas op ${late.start_date}; de huur kan niet eerder eindigen.`, `Guidance only began on ${late.start_date}; the tenancy cannot end before that.`)]);
  }

  await bump(tx, ctx, t.id, [sql`end_date = ${b.endDate}`, sql`end_reason = ${b.reason}`, sql`end_note = ${b.note ?? null}`]);
  await tx.execute(sql`UPDATE tenancy_leases SET end_date = ${b.endDate} WHERE region_id = ${ctx.regionId} AND tenancy_id = ${t.id} AND end_date IS NULL`);
  await changeUnitStatus(tx, ctx, t.unit_id, {
    status: b.unitOutcome,
    effectiveDate: b.endDate,
    note: `Huur beëindigd / tenancy ended: ${END_REASON_LABELS[b.reason].nl}`,
  });
  let nextTenancyId: string | null = null;
  if (within && next) {
    if (next.status === 'available') await changeUnitStatus(tx, ctx, next.id, { status: 'allocated', effectiveDate: b.endDate, note: 'Verhuizing binnen het programma / move within the programme' });
    await changeUnitStatus(tx, ctx, next.id, { status: 'occupied', effectiveDate: b.endDate, note: 'Verhuizing binnen het programma / move within the programme' });
    nextTenancyId = await insertTenancy(tx, ctx, {
      programmeId: t.programme_id,
      unitId: next.id,
      participantId: t.participant_id,
      offerId: null,
      corporationId: next.corporation_id,
      providerId: t.provider_id,
      adults: t.household_adults,
      children: t.household_children,
      startDate: b.endDate,
      rentCents: next.default_rent_cents,
      leaseHolder: defaultLeaseHolder({ route: next.delivery_mode, intakeHomes: next.intake_homes === true, providerId: t.provider_id }),
      movedInOn: b.endDate,
      previousTenancyId: t.id,
      note: b.note,
    });
    await insertEvent(tx, ctx, nextTenancyId, 'moved_in', b.endDate, { previousTenancyId: t.id });
    await bump(tx, ctx, t.id, [sql`next_tenancy_id = ${nextTenancyId}`]);
    // The person stays housed (no phase change): only the placement moves with them.
    await tx.execute(
      sql`UPDATE participant_placements SET end_date = ${b.endDate} WHERE region_id = ${ctx.regionId} AND participant_id = ${t.participant_id} AND end_date IS NULL`,
    );
    await tx.execute(
      sql`INSERT INTO participant_placements (region_id, id, participant_id, unit_id, start_date)
          VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${t.participant_id}, ${next.id}, ${b.endDate})`,
    );
    await tx.execute(
      sql`UPDATE guidance_episodes SET tenancy_id = ${nextTenancyId}, version = version + 1, updated_at = now()
           WHERE region_id = ${ctx.regionId} AND tenancy_id = ${t.id} AND end_date IS NULL`,
    );
  } else {
    const p = await getParticipant(tx, ctx, t.participant_id, { lock: true });
    await changePhase(tx, ctx, p, {
      phase: 'exited',
      effectiveDate: b.endDate,
      reason: EXIT_REASON_OF[b.reason as Exclude<TenancyEndReason, 'moved_within_programme'>],
      note: b.note ?? `Huur beëindigd / tenancy ended: ${END_REASON_LABELS[b.reason].nl}`,
    });
    await tx.execute(
      sql`UPDATE guidance_episodes SET end_date = ${b.endDate}, end_reason = 'tenancy_ended', end_note = ${END_REASON_LABELS[b.reason].nl},
                                       version = version + 1, updated_at = now()
           WHERE region_id = ${ctx.regionId} AND tenancy_id = ${t.id} AND end_date IS NULL`,
    );
  }
  await insertEvent(tx, ctx, t.id, 'ended', b.endDate, { reason: b.reason, unitOutcome: b.unitOutcome, nextTenancyId, note: b.note ?? null });
  await participantAccessed(tx, ctx, 'update', [t.participant_id]);
  return { nextTenancyId };
}

// —— Rent ——

/** A new rent from a date: the tenancy and its current lease carry it, the history has an event. */
export async function changeRent(tx: Tx, ctx: AccessContext, id: string, b: z.infer<typeof RentBody>) {
  const t = await getTenancy(tx, ctx, id, { lock: true, audit: false });
  if (!canTenancy.rent(ctx, targetOf(t))) throw forbidden();
  if (t.end_date) throw endedRefusal(t);
  checkVersion(t, b.version);
  notBefore(b.effectiveDate, t.start_date, 'effectiveDate', { nl: 'het begin van de huur', en: 'the start of the tenancy' });
  await bump(tx, ctx, t.id, [sql`rent_cents = ${b.rentCents}`]);
  await tx.execute(sql`UPDATE tenancy_leases SET rent_cents = ${b.rentCents} WHERE region_id = ${ctx.regionId} AND tenancy_id = ${t.id} AND end_date IS NULL`);
  await insertEvent(tx, ctx, t.id, 'rent_changed', b.effectiveDate, { from: t.rent_cents, to: b.rentCents });
  await participantAccessed(tx, ctx, 'update', [t.participant_id]);
}

// —— The checklist ——

export interface CriterionRow {
  id: string;
  kind: LeaseFlipKind;
  label_nl: string;
  label_en: string;
  months: number | null;
  position: number;
}

export async function activeCriteria(tx: Tx, regionId: string, programmeId: string): Promise<CriterionRow[]> {
  return rows<CriterionRow>(
    tx,
    sql`SELECT id, kind, label_nl, label_en, months, position FROM lease_flip_criteria
         WHERE region_id = ${regionId} AND programme_id = ${programmeId} AND active ORDER BY position, created_at, id`,
  );
}

interface CheckRow {
  id: string;
  criterion_id: string;
  met: boolean;
  checked_on: string;
  evidence: string | null;
  organisation: string | null;
  recorded_at: Date;
}

export interface ChecklistItem {
  criterion: CriterionRow;
  status: ItemStatus;
  latest: CheckRow | null;
  history: CheckRow[];
  openIncidents?: number;
  earliestMetOn?: string | null;
}

export interface Checklist {
  items: ChecklistItem[];
  complete: boolean;
  corporationConsent: boolean;
  missing: Text[];
}

/**
 * The checklist of a tenancy: per active criterion the latest recorded check counts (the rest is
 * history); no_open_nuisance is computed from the tenancy's open incidents, never recorded.
 * Complete when every item is met and the corporation agreed.
 */
export async function checklistOf(tx: Tx, ctx: AccessContext, t: Pick<TenancyRow, 'id' | 'programme_id' | 'start_date'>): Promise<Checklist> {
  const criteria = await activeCriteria(tx, ctx.regionId, t.programme_id);
  const checks = await rows<CheckRow>(
    tx,
    sql`SELECT c.id, c.criterion_id, c.met, c.checked_on::text AS checked_on, c.evidence, o.name AS organisation, c.recorded_at
          FROM lease_flip_checks c LEFT JOIN users us ON us.id = c.recorded_by LEFT JOIN organisations o ON o.id = us.organisation_id
         WHERE c.region_id = ${ctx.regionId} AND c.tenancy_id = ${t.id}
         ORDER BY c.recorded_at DESC, c.checked_on DESC`,
  );
  const [inc] = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM incidents WHERE region_id = ${ctx.regionId} AND tenancy_id = ${t.id} AND closed_on IS NULL`,
  );
  const items: ChecklistItem[] = criteria.map((c) => {
    if (c.kind === 'no_open_nuisance') return { criterion: c, status: inc.n === 0 ? 'met' : 'not_met', latest: null, history: [], openIncidents: inc.n };
    const history = checks.filter((x) => x.criterion_id === c.id);
    const latest = history[0] ?? null;
    const item: ChecklistItem = { criterion: c, status: latest ? (latest.met ? 'met' : 'not_met') : 'open', latest, history };
    if (c.kind === 'rent_paid_on_time') item.earliestMetOn = c.months ? addMonths(t.start_date, c.months) : null;
    return item;
  });
  const view = items.map((i) => ({ kind: i.criterion.kind, labelNl: i.criterion.label_nl, labelEn: i.criterion.label_en, status: i.status }));
  const missing = missingForFlip(view);
  const corporationConsent = items.some((i) => i.criterion.kind === 'corporation_agrees' && i.status === 'met');
  return { items, complete: missing.length === 0, corporationConsent, missing };
}

/**
 * Records a judgement of one checklist item (history is kept; the latest counts). The
 * corporation's consent is recorded by the corporation of the tenancy only; rent paid on time
 * for N months cannot be met before N months have passed. When this check completes the
 * checklist, the provider's care staff and the programme office hear of it.
 */
export async function recordCheck(tx: Tx, ctx: AccessContext, id: string, b: z.infer<typeof CheckBody>) {
  const t = await getTenancy(tx, ctx, id, { lock: true, audit: false });
  const [c] = await rows<CriterionRow & { programme_id: string; active: boolean }>(
    tx,
    sql`SELECT id, kind, label_nl, label_en, months, position, programme_id, active FROM lease_flip_criteria WHERE region_id = ${ctx.regionId} AND id = ${b.criterionId}`,
  );
  if (!c || c.programme_id !== t.programme_id || !c.active) throw validationError([fieldError('criterionId', 'Onbekend checklistpunt van dit programma', 'Unknown checklist item of this programme')]);
  if (c.kind === 'no_open_nuisance') {
    throw validationError([
      fieldError('criterionId', '“Geen openstaande overlast” wordt berekend uit de open meldingen; sluit de meldingen af.', '“No open nuisance” is computed from open incidents; close the incidents instead.'),
    ]);
  }
  if (!canTenancy.record(ctx, targetOf(t), c.kind)) {
    if (c.kind === 'corporation_agrees') {
      throw new AppError('forbidden', {
        nl: 'Alleen de corporatie van deze woning kan haar instemming met de omklap vastleggen.',
        en: 'Only the corporation of this home can record its consent to the flip.',
      });
    }
    throw forbidden();
  }
  if (t.end_date) throw endedRefusal(t);
  if (t.flipped_on) throw new AppError('invalid_transition', { nl: `De huur is al omgeklapt op ${t.flipped_on}.`, en: `The lease already flipped on ${t.flipped_on}.` });
  notBefore(b.checkedOn, t.start_date, 'checkedOn', { nl: 'het begin van de huur', en: 'the start of the tenancy' });
  if (b.met && c.kind === 'rent_paid_on_time' && c.months) {
    const earliest = addMonths(t.start_date, c.months);
    if (b.checkedOn < earliest) {
      throw validationError([
        fieldError('checkedOn', `${c.months} maanden huur op tijd kan pas vanaf ${earliest} (${c.months} maanden na het begin).`, `${c.months} months of rent on time can only be met from ${earliest} (${c.months} months after the start).`),
      ]);
    }
  }
  if (b.met && c.kind !== 'tenant_agrees' && !b.evidence) {
    throw validationError([fieldError('evidence', 'Geef aan waarop het oordeel rust (bewijs)', 'Say what the judgement rests on (evidence)')]);
  }
  const before = await checklistOf(tx, ctx, t);
  await tx.execute(
    sql`INSERT INTO lease_flip_checks (region_id, id, tenancy_id, criterion_id, met, checked_on, evidence, recorded_by)
        VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${t.id}, ${c.id}, ${b.met}, ${b.checkedOn}, ${b.evidence ?? null}, ${ctx.userId})`,
  );
  await insertEvent(tx, ctx, t.id, 'check_recorded', b.checkedOn, { criterionId: c.id, kind: c.kind, labelNl: c.label_nl, labelEn: c.label_en, met: b.met });
  const after = await checklistOf(tx, ctx, t);
  if (!before.complete && after.complete && t.lease_holder === 'provider') {
    const home = t.unit_label ?? t.unit_id;
    const message = {
      kind: 'tenancy.checklist_complete',
      title: { nl: `Omklapchecklist compleet: ${home}`, en: `Lease flip checklist complete: ${home}` },
      body: {
        nl: `Alle punten van de omklapchecklist voor woning ${home} zijn voldaan, ook de instemming van de corporatie. De huur kan op naam van de huurder.`,
        en: `Every item of the lease flip checklist for home ${home} is met, including the corporation's consent. The lease can move to the tenant's name.`,
      },
      link: `/huurcontracten/${t.id}`,
    };
    if (t.provider_id) await notify(tx, ctx.regionId, { organisationId: t.provider_id, roles: ['care_worker', 'care_manager'] }, message);
    await notify(tx, ctx.regionId, { roles: ['programme_office'] }, message);
  }
  await participantAccessed(tx, ctx, 'update', [t.participant_id]);
}

/**
 * The lease flip (omklap): the provider's lease ends and the tenant's own lease starts on the
 * date; the tenancy records the date and the new lease holder; the earlier lease stays in the
 * history. Needs the provider's lease, a complete checklist and the corporation's consent —
 * otherwise 409 naming exactly what is missing.
 */
export async function flipLease(tx: Tx, ctx: AccessContext, id: string, b: z.infer<typeof FlipBody>) {
  const t = await getTenancy(tx, ctx, id, { lock: true, audit: false });
  if (!canTenancy.flip(ctx, targetOf(t))) throw forbidden();
  if (t.end_date) throw endedRefusal(t);
  if (t.flipped_on) throw new AppError('invalid_transition', { nl: `De huur is al omgeklapt op ${t.flipped_on}.`, en: `The lease already flipped on ${t.flipped_on}.` });
  if (t.lease_holder !== 'provider') {
    throw new AppError('invalid_transition', {
      nl: 'De huurder huurt al op eigen naam: alleen een huurcontract van de zorgaanbieder (instroomwoning) klapt om.',
      en: "The tenant already holds the lease in their own name: only a provider's lease (intake home) flips.",
    });
  }
  checkVersion(t, b.version);
  notBefore(b.date, t.start_date, 'date', { nl: 'het begin van de huur', en: 'the start of the tenancy' });
  const list = await checklistOf(tx, ctx, t);
  if (!list.complete) {
    throw new AppError(
      'conflict',
      {
        nl: `De huur kan nog niet omklappen. Nog open: ${list.missing.map((m) => m.nl).join('; ')}.`,
        en: `The lease cannot flip yet. Still missing: ${list.missing.map((m) => m.en).join('; ')}.`,
      },
      list.missing.map((m) => fieldError('checklist', m.nl, m.en)),
    );
  }
  const latestCheck = list.items.map((i) => i.latest?.checked_on ?? '').reduce((a, x) => (x > a ? x : a), '');
  notBefore(b.date, latestCheck || null, 'date', { nl: 'de laatste beoordeling van de checklist', en: 'the latest check of the checklist' });
  await tx.execute(sql`UPDATE tenancy_leases SET end_date = ${b.date} WHERE region_id = ${ctx.regionId} AND tenancy_id = ${t.id} AND end_date IS NULL`);
  await tx.execute(
    sql`INSERT INTO tenancy_leases (region_id, id, tenancy_id, lease_holder, holder_organisation_id, start_date, rent_cents, recorded_by)
        VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${t.id}, 'tenant', NULL, ${b.date}, ${t.rent_cents}, ${ctx.userId})`,
  );
  await bump(tx, ctx, t.id, [sql`flipped_on = ${b.date}`, sql`lease_holder = 'tenant'`]);
  await insertEvent(tx, ctx, t.id, 'lease_flipped', b.date, { from: 'provider', to: 'tenant', providerId: t.provider_id });
  const home = t.unit_label ?? t.unit_id;
  const message = {
    kind: 'tenancy.lease_flipped',
    title: { nl: `Huur omgeklapt: ${home}`, en: `Lease flipped: ${home}` },
    body: { nl: `De huur van woning ${home} staat vanaf ${b.date} op naam van de huurder.`, en: `From ${b.date} the lease of home ${home} is in the tenant's name.` },
    link: `/huurcontracten/${t.id}`,
  };
  if (t.provider_id) await notify(tx, ctx.regionId, { organisationId: t.provider_id, roles: ['care_worker', 'care_manager'] }, message);
  if (t.corporation_id) await notify(tx, ctx.regionId, { organisationId: t.corporation_id, roles: ['corporation'] }, message);
  await participantAccessed(tx, ctx, 'update', [t.participant_id]);
}

// —— Criteria per programme ——

export async function requireProgramme(tx: Tx, regionId: string, programmeId: string) {
  const [p] = await rows<{ id: string }>(tx, sql`SELECT id FROM programmes WHERE region_id = ${regionId} AND id = ${programmeId}`);
  if (!p) throw notFound({ nl: 'Dit programma bestaat niet of is niet zichtbaar voor u.', en: 'This programme does not exist or is not visible to you.' });
}

/**
 * Replaces the programme's checklist: listed items with an id are kept (relabelled, reordered),
 * items without one are added, the rest are retired (kept for the history of recorded checks).
 * At most one item per kind except custom; rent paid on time names its months.
 */
export async function replaceCriteria(tx: Tx, ctx: AccessContext, programmeId: string, b: z.infer<typeof CriteriaBody>) {
  await requireProgramme(tx, ctx.regionId, programmeId);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  b.items.forEach((i, n) => {
    if (i.kind !== 'custom') {
      if (seen.has(i.kind)) errors.push(fieldError(`items.${n}.kind`, `Het punt ${i.kind} staat er al in`, `The item ${i.kind} is already listed`));
      seen.add(i.kind);
    }
    if (i.kind === 'rent_paid_on_time' && !i.months) errors.push(fieldError(`items.${n}.months`, 'Geef het aantal maanden', 'Give the number of months'));
    if (i.kind !== 'rent_paid_on_time' && i.months) errors.push(fieldError(`items.${n}.months`, 'Alleen bij huur op tijd betaald', 'Only with rent paid on time'));
  });
  const existing = await rows<{ id: string; kind: LeaseFlipKind }>(
    tx,
    sql`SELECT id, kind FROM lease_flip_criteria WHERE region_id = ${ctx.regionId} AND programme_id = ${programmeId} AND active`,
  );
  const byId = new Map(existing.map((e) => [e.id, e]));
  b.items.forEach((i, n) => {
    if (!i.id) return;
    const e = byId.get(i.id);
    if (!e) errors.push(fieldError(`items.${n}.id`, 'Onbekend checklistpunt van dit programma', 'Unknown checklist item of this programme'));
    else if (e.kind !== i.kind) errors.push(fieldError(`items.${n}.kind`, 'De soort van een bestaand punt verandert niet; voeg een nieuw punt toe', 'The kind of an existing item does not change; add a new item'));
  });
  if (errors.length) throw validationError(errors);
  const kept = new Set(b.items.map((i) => i.id).filter((x): x is string => !!x));
  for (const e of existing) {
    if (!kept.has(e.id)) await tx.execute(sql`UPDATE lease_flip_criteria SET active = false WHERE region_id = ${ctx.regionId} AND id = ${e.id}`);
  }
  for (const [position, i] of b.items.entries()) {
    if (i.id) {
      await tx.execute(
        sql`UPDATE lease_flip_criteria SET label_nl = ${i.labelNl}, label_en = ${i.labelEn}, months = ${i.months ?? null}, position = ${position}
             WHERE region_id = ${ctx.regionId} AND id = ${i.id}`,
      );
    } else {
      await tx.execute(
        sql`INSERT INTO lease_flip_criteria (region_id, id, programme_id, kind, label_nl, label_en, months, position)
            VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${programmeId}, ${i.kind}, ${i.labelNl}, ${i.labelEn}, ${i.months ?? null}, ${position})`,
      );
    }
  }
}

// —— Detail: leases, events, timeline ——

export interface LeaseRow {
  id: string;
  lease_holder: LeaseHolder;
  holder: string | null;
  start_date: string;
  end_date: string | null;
  rent_cents: number | null;
}

export function leasesOf(tx: Tx, regionId: string, tenancyId: string) {
  return rows<LeaseRow>(
    tx,
    sql`SELECT x.id, x.lease_holder, o.name AS holder, x.start_date::text AS start_date, x.end_date::text AS end_date, x.rent_cents
          FROM tenancy_leases x LEFT JOIN organisations o ON o.id = x.holder_organisation_id
         WHERE x.region_id = ${regionId} AND x.tenancy_id = ${tenancyId} ORDER BY x.start_date, x.recorded_at`,
  );
}

export interface EventRow {
  id: string;
  kind: string;
  effective_date: string;
  data: Record<string, unknown>;
  recorded_at: Date;
}

export function eventsOf(tx: Tx, regionId: string, tenancyId: string) {
  return rows<EventRow>(
    tx,
    sql`SELECT id, kind, effective_date::text AS effective_date, data, recorded_at FROM tenancy_events
         WHERE region_id = ${regionId} AND tenancy_id = ${tenancyId} ORDER BY effective_date, seq`,
  );
}

export interface TimelineFacts {
  offerMadeOn: string | null;
  offerSignedOn: string | null;
  guidanceStartedOn: string | null;
  guidanceProvider: string | null;
  handovers: { date: string; team: string | null }[];
}

/**
 * What the timeline needs beyond the tenancy: the offer's first and last day, and the guidance
 * of the tenancy — read straight from guidance_episodes and guidance_handovers (the guidance
 * routes are another module's; row-level security shows them to whoever sees the participant).
 */
export async function timelineFacts(tx: Tx, regionId: string, t: Pick<TenancyRow, 'id' | 'offer_id'>): Promise<TimelineFacts> {
  const [o] = t.offer_id
    ? await rows<{ made: string | null; signed: string | null }>(
        tx,
        sql`SELECT min(effective_date)::text AS made, max(effective_date) FILTER (WHERE kind = 'succeeded')::text AS signed
              FROM offer_events WHERE region_id = ${regionId} AND offer_id = ${t.offer_id}`,
      )
    : [];
  const [g] = await rows<{ started: string | null; organisation: string | null }>(
    tx,
    sql`SELECT e.start_date::text AS started, o.name AS organisation FROM guidance_episodes e LEFT JOIN organisations o ON o.id = e.organisation_id
         WHERE e.region_id = ${regionId} AND e.tenancy_id = ${t.id} AND e.previous_episode_id IS NULL ORDER BY e.start_date LIMIT 1`,
  );
  const handovers = await rows<{ date: string; team: string | null }>(
    tx,
    sql`SELECT h.handover_date::text AS date, o.name AS team FROM guidance_handovers h
          JOIN guidance_episodes e ON e.id = h.from_episode_id LEFT JOIN organisations o ON o.id = h.team_id
         WHERE h.region_id = ${regionId} AND (e.tenancy_id = ${t.id} OR EXISTS (SELECT 1 FROM guidance_episodes n WHERE n.id = h.to_episode_id AND n.tenancy_id = ${t.id}))
         ORDER BY h.handover_date`,
  );
  return {
    offerMadeOn: o?.made ?? null,
    offerSignedOn: o?.signed ?? null,
    guidanceStartedOn: g?.started ?? null,
    guidanceProvider: g?.organisation ?? null,
    handovers,
  };
}

// —— Figures ——

export interface TenancyFigures {
  asOf: string;
  current: { total: number; provider: number; tenant: number; notMovedIn: number };
  flips: { n: number; medianDays: number | null; meanDays: number | null };
  ended: { reason: TenancyEndReason; n: number }[];
  total: number;
}

/**
 * The programme's tenancy figures on a date: current tenancies by who held the lease that day,
 * the time from start to flip (median and mean days over every flip up to the date) and the
 * tenancies ended by reason.
 */
export async function tenancyFigures(tx: Tx, ctx: AccessContext, programmeId: string, asOf = today()): Promise<TenancyFigures> {
  await requireProgramme(tx, ctx.regionId, programmeId);
  const list = await rows<{ start_date: string; moved_in_on: string | null; flipped_on: string | null; end_date: string | null; end_reason: TenancyEndReason | null; lease_holder: LeaseHolder }>(
    tx,
    sql`SELECT start_date::text AS start_date, moved_in_on::text AS moved_in_on, flipped_on::text AS flipped_on, end_date::text AS end_date, end_reason, lease_holder
          FROM tenancies WHERE region_id = ${ctx.regionId} AND programme_id = ${programmeId} AND start_date <= ${asOf}`,
  );
  const current = list.filter((t) => !t.end_date || t.end_date > asOf);
  // Who held the lease that day: the tenant after a flip up to the date; the provider before it.
  const holderOn = (t: (typeof list)[number]): LeaseHolder => (t.flipped_on ? (t.flipped_on <= asOf ? 'tenant' : 'provider') : t.lease_holder);
  const flips = list.filter((t) => t.flipped_on && t.flipped_on <= asOf).map((t) => daysBetween(t.start_date, t.flipped_on!));
  const medianDays = median(flips);
  const ended = new Map<TenancyEndReason, number>();
  for (const t of list) if (t.end_date && t.end_date <= asOf && t.end_reason) ended.set(t.end_reason, (ended.get(t.end_reason) ?? 0) + 1);
  return {
    asOf,
    current: {
      total: current.length,
      provider: current.filter((t) => holderOn(t) === 'provider').length,
      tenant: current.filter((t) => holderOn(t) === 'tenant').length,
      notMovedIn: current.filter((t) => !t.moved_in_on || t.moved_in_on > asOf).length,
    },
    flips: { n: flips.length, medianDays, meanDays: flips.length ? Math.round((flips.reduce((a, x) => a + x, 0) / flips.length) * 10) / 10 : null },
    ended: [...ended.entries()].map(([reason, n]) => ({ reason, n })).sort((a, b) => b.n - a.n || a.reason.localeCompare(b.reason)),
    total: list.length,
  };
}
