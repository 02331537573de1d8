import crypto from 'node:crypto';
import { requireConsent } from './participants.consent.js';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, notFound, type FieldError } from '../../http/errors.js';
import { encodeCursor, requireCursor } from '../../http/openapi.js';
import {
  ACTIVE_PHASES,
  type ConsentScope,
  type CurrentPlace,
  type HomeNeed,
  type Homelessness,
  type IndicationType,
  type ParticipantPhase,
  type ParticipantRelation,
  type TargetGroup,
} from '../../../shared/enums.js';
import { today } from '../../../shared/dates.js';
import { refreshPriorityKey, getPrioritySettings } from '../waitingList/waitingList.service.js';
import { priorityKey } from '../waitingList/waitingList.priority.js';
import { PHASE_REASON_CODES, PHASE_LABELS, preconditionRefusals, transitionRefusal, type PhaseFacts } from './participants.machine.js';
import { canParticipant, type ParticipantTarget } from './participants.policy.js';
import { fieldError, validationError } from './participants.validation.js';
import { myRelationsSql, participantAccessed, visibleToSql } from './participants.visibility.js';
import type {
  ConsultationBody,
  CreateParticipantBody,
  MergeBody,
  ParticipantQuery,
  PhaseChangeBody,
  ReReferralBody,
  UpdateParticipantBody,
} from './participants.schema.js';

export interface ParticipantRow {
  id: string;
  region_id: string;
  programme_id: string;
  code: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  bsn: string | null;
  phone: string | null;
  email: string | null;
  household_adults: number;
  household_children: number;
  children_ages: number[];
  target_group: TargetGroup;
  current_place: CurrentPlace;
  current_place_note: string | null;
  preferred_municipality_ids: string[];
  excluded_municipality_ids: string[];
  needs: HomeNeed[];
  consent_given_on: string | null;
  consent_scope: ConsentScope[];
  protected_address: boolean;
  waiting_list_registered_on: string | null;
  provider_id: string | null;
  provider_name: string | null;
  phase: ParticipantPhase;
  phase_since: string;
  first_referred_on: string;
  priority_key: string;
  merged_into_id: string | null;
  merged_into_code: string | null;
  version: number;
  my_relations: ParticipantRelation[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const participantSelect = (ctx: AccessContext) => sql`
  SELECT p.id, p.region_id, p.programme_id, p.code, p.given_name, p.family_name, p.date_of_birth, p.bsn, p.phone, p.email,
         p.household_adults, p.household_children, p.children_ages, p.target_group, p.current_place, p.current_place_note,
         p.preferred_municipality_ids, p.excluded_municipality_ids, p.needs, p.consent_given_on, p.consent_scope,
         p.protected_address, p.waiting_list_registered_on, p.provider_id, o.name AS provider_name, p.phase, p.phase_since,
         p.first_referred_on, p.priority_key, p.merged_into_id, m.code AS merged_into_code, p.version,
         ${myRelationsSql(ctx)} AS my_relations
    FROM participants p
    LEFT JOIN organisations o ON o.id = p.provider_id
    LEFT JOIN participants m ON m.id = p.merged_into_id`;

export const participantNotFound = () =>
  notFound({ nl: 'Deze deelnemer bestaat niet of is niet zichtbaar voor u.', en: 'This participant does not exist or is not visible to you.' });

/** What the policy needs to know of a loaded participant. */
export const targetOf = (p: Pick<ParticipantRow, 'my_relations' | 'waiting_list_registered_on'>): ParticipantTarget => ({
  relations: p.my_relations,
  onWaitingList: p.waiting_list_registered_on !== null,
});

/**
 * A participant of the caller's region that the caller may see, by uuid or pseudonymous code;
 * 404 otherwise (also for another organisation's participant: its existence is not disclosed).
 * `lock` takes a row lock so concurrent changes of one participant are serialised.
 */
export async function getParticipant(tx: Tx, ctx: AccessContext, ref: string, opts: { lock?: boolean } = {}): Promise<ParticipantRow> {
  const match = UUID.test(ref) ? sql`p.id = ${ref}::uuid` : sql`p.code = ${ref}`;
  const [row] = await rows<ParticipantRow>(
    tx,
    sql`${participantSelect(ctx)} WHERE p.region_id = ${ctx.regionId} AND ${match} AND ${visibleToSql(ctx)} ${opts.lock ? sql`FOR UPDATE OF p` : sql``}`,
  );
  if (!row) throw participantNotFound();
  await participantAccessed(tx, ctx, 'read', [row.id]);
  return row;
}

/** Lower case, accents and everything but letters removed: "Özdemir-de Vries" → "ozdemirdevries". */
export function normaliseName(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** The key duplicate detection compares (with the date of birth). */
export const nameKey = (givenName: string, familyName: string) => `${normaliseName(givenName)}|${normaliseName(familyName)}`;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A pseudonymous code: `EH-` and 6 random characters (no 0/O or 1/I to misread). */
export function randomCode(randomInt: (max: number) => number = (max) => crypto.randomInt(max)): string {
  let s = 'EH-';
  for (let i = 0; i < 6; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** A code not yet used in the region (32^6 ≈ 10^9 codes: a retry is rare, a second one rarer). */
async function freshCode(tx: Tx): Promise<string> {
  for (let i = 0; i < 10; i++) {
    const code = randomCode();
    // Asked past the row-level policies: a code must be unique among all of the region's participants.
    const [r] = await rows<{ taken: boolean }>(tx, sql`SELECT participant_code_taken(${code}) AS taken`);
    if (!r.taken) return code;
  }
  throw new Error('no free participant code after 10 tries');
}

export interface DuplicateMatch {
  id: string;
  code: string;
  phase: ParticipantPhase;
  byBsn: boolean;
  byNameAndBirthDate: boolean;
  visible: boolean;
}

/**
 * Records of the region that may be the same person: the same BSN, or the same normalised name
 * and date of birth. Merged records are left out (their person lives on in the survivor).
 * `visible` says whether the caller may see the match; callers only disclose visible ones.
 */
export async function findDuplicates(
  tx: Tx,
  ctx: AccessContext,
  c: { bsn?: string | null; givenName: string; familyName: string; dateOfBirth: string },
  excludeId?: string,
): Promise<DuplicateMatch[]> {
  const key = nameKey(c.givenName, c.familyName);
  // The matching runs past the row-level policies (migration 0012): a person referred by another
  // organisation is still the same person. Whether the caller may see a match is asked apart.
  const found = await rows<{ id: string; code: string; phase: ParticipantPhase; by_bsn: boolean; by_name: boolean; visible: boolean }>(
    tx,
    sql`SELECT d.id, d.code, d.phase, d.by_bsn, d.by_name,
               EXISTS (SELECT 1 FROM participants p WHERE p.region_id = ${ctx.regionId} AND p.id = d.id AND ${visibleToSql(ctx)}) AS visible
          FROM participant_identity_matches(${c.bsn ?? null}::text, ${key}::text, ${c.dateOfBirth}::date) d
         ${excludeId ? sql`WHERE d.id <> ${excludeId}` : sql``}
         ORDER BY d.code`,
  );
  return found.map((f) => ({ id: f.id, code: f.code, phase: f.phase, byBsn: f.by_bsn, byNameAndBirthDate: f.by_name, visible: f.visible }));
}

/** Refusal of a referral of someone already known, naming the record only when the caller may see it. */
export function duplicateConflict(matches: DuplicateMatch[], opts: { acknowledged: boolean }): AppError | null {
  const byBsn = matches.filter((m) => m.byBsn);
  const byName = matches.filter((m) => m.byNameAndBirthDate && !m.byBsn);
  const named = (ms: DuplicateMatch[]) => ms.filter((m) => m.visible).map((m) => m.code);
  if (byBsn.length) {
    const codes = named(byBsn);
    return new AppError(
      'conflict',
      codes.length
        ? {
            nl: `Iemand met dit BSN is al bekend als ${codes.join(', ')}. Voeg daar een nieuwe aanmelding aan toe in plaats van een tweede dossier.`,
            en: `Someone with this BSN is already known as ${codes.join(', ')}. Add a new referral to that record instead of a second one.`,
          }
        : {
            nl: 'Iemand met dit BSN is al aangemeld in het programma. Neem contact op met het programmabureau.',
            en: 'Someone with this BSN is already referred to the programme. Contact the programme office.',
          },
      [fieldError('bsn', 'Dit BSN is al bekend in het programma', 'This BSN is already known in the programme')],
    );
  }
  if (byName.length && !opts.acknowledged) {
    const codes = named(byName);
    return new AppError(
      'conflict',
      {
        nl: `Er is al iemand met deze naam en geboortedatum${codes.length ? ` (${codes.join(', ')})` : ''}. Controleer of het dezelfde persoon is; is het iemand anders, stuur de aanmelding dan opnieuw met acknowledgeDuplicates.`,
        en: `Someone with this name and date of birth is already known${codes.length ? ` (${codes.join(', ')})` : ''}. Check whether it is the same person; if not, send the referral again with acknowledgeDuplicates.`,
      },
      [fieldError('dateOfBirth', 'Zelfde naam en geboortedatum als een bekende deelnemer', 'Same name and date of birth as a known participant')],
    );
  }
  return null;
}

/** The record part of a new participant, as a referral or an import row gives it. */
export type NewParticipant = Omit<z.infer<typeof CreateParticipantBody>, 'draftId' | 'acknowledgeDuplicates'>;

/** What the record checks look at (fields left out are not checked). */
export interface RecordCheck {
  programmeId?: string;
  dateOfBirth?: string;
  preferredMunicipalityIds?: string[];
  excludedMunicipalityIds?: string[];
  providerId?: string | null;
  consentGivenOn?: string | null;
  consentScope?: ConsentScope[];
  waitingListRegisteredOn?: string | null;
  referredOn?: string;
  forcedExclusions?: string[];
}

/**
 * Checks a new or changed record against the region's data: the programme, municipalities and
 * provider exist here; wishes do not contradict exclusions; dates are not before the birth date;
 * consent has both a date and a scope. Returns every problem (nothing is thrown).
 */
export async function checkRecord(tx: Tx, regionId: string, r: RecordCheck): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const municipalityIds = [...new Set([...(r.preferredMunicipalityIds ?? []), ...(r.excludedMunicipalityIds ?? [])])];
  const [found] = await rows<{ programme: boolean; municipalities: string[]; provider_kind: string | null }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM programmes WHERE region_id = ${regionId} AND id = ${r.programmeId ?? null}::uuid) AS programme,
               ARRAY(SELECT id::text FROM municipalities WHERE region_id = ${regionId} AND id = ANY(${sql.param(municipalityIds)}::uuid[])) AS municipalities,
               (SELECT kind FROM organisations WHERE region_id = ${regionId} AND id = ${r.providerId ?? null}::uuid) AS provider_kind`,
  );
  if (r.programmeId && !found.programme) errors.push(fieldError('programmeId', 'Onbekend programma in deze regio', 'Unknown programme in this region'));
  const known = new Set(found.municipalities);
  for (const [field, ids] of [['preferredMunicipalityIds', r.preferredMunicipalityIds], ['excludedMunicipalityIds', r.excludedMunicipalityIds]] as const) {
    if (ids?.some((id) => !known.has(id))) errors.push(fieldError(field, 'Onbekende gemeente in deze regio', 'Unknown municipality in this region'));
    if (ids && new Set(ids).size !== ids.length) errors.push(fieldError(field, 'Een gemeente staat er dubbel in', 'A municipality is listed twice'));
  }
  if (r.providerId && found.provider_kind !== 'care_provider') {
    errors.push(fieldError('providerId', 'Onbekende zorgaanbieder in deze regio', 'Unknown care provider in this region'));
  }
  errors.push(...recordConsistency(r));
  return errors;
}

/** The consistency rules of a record that need no database: wishes vs exclusions, dates vs birth, consent date vs scope. */
export function recordConsistency(r: RecordCheck): FieldError[] {
  const errors: FieldError[] = [];
  const excluded = new Set([...(r.excludedMunicipalityIds ?? []), ...(r.forcedExclusions ?? [])]);
  if (r.preferredMunicipalityIds?.some((id) => excluded.has(id))) {
    errors.push(
      fieldError(
        'preferredMunicipalityIds',
        'Een voorkeursgemeente is ook uitgesloten (door de deelnemer of door de risicotaxatie)',
        'A preferred municipality is also excluded (by the participant or by the risk screening)',
      ),
    );
  }
  const dob = r.dateOfBirth;
  if (dob) {
    const notBeforeBirth: [string, string | null | undefined][] = [
      ['waitingListRegisteredOn', r.waitingListRegisteredOn],
      ['consentGivenOn', r.consentGivenOn],
      ['referral.referredOn', r.referredOn],
    ];
    for (const [field, d] of notBeforeBirth) {
      if (d && d < dob) errors.push(fieldError(field, 'De datum ligt vóór de geboortedatum', 'The date is before the date of birth'));
    }
  }
  if (r.consentGivenOn !== undefined || r.consentScope !== undefined) {
    const hasDate = !!r.consentGivenOn;
    const hasScope = (r.consentScope ?? []).length > 0;
    if (hasDate && !hasScope) errors.push(fieldError('consentScope', 'Geef aan waarvoor toestemming is gegeven', 'Say what consent was given for'));
    if (!hasDate && hasScope) errors.push(fieldError('consentGivenOn', 'Geef de datum van de toestemming', 'Give the date of the consent'));
  }
  return errors;
}


/** Adds a reason an organisation may see a participant (idempotent). */
export async function addRelation(tx: Tx, regionId: string, participantId: string, organisationId: string, relation: ParticipantRelation, since: string) {
  await tx.execute(
    sql`INSERT INTO participant_organisations (region_id, participant_id, organisation_id, relation, since)
        VALUES (${regionId}, ${participantId}, ${organisationId}, ${relation}, ${since})
        ON CONFLICT (region_id, participant_id, organisation_id, relation) DO NOTHING`,
  );
}

async function insertPhaseEvent(
  tx: Tx,
  ctx: AccessContext | null,
  e: { regionId: string; participantId: string; phase: ParticipantPhase; effectiveDate: string; reason?: string | null; note?: string | null; unitId?: string | null },
) {
  await tx.execute(
    sql`INSERT INTO participant_phase_events (region_id, id, participant_id, phase, effective_date, reason, note, unit_id, recorded_by)
        VALUES (${e.regionId}, ${crypto.randomUUID()}, ${e.participantId}, ${e.phase}, ${e.effectiveDate}, ${e.reason ?? null},
                ${e.note ?? null}, ${e.unitId ?? null}, ${ctx?.userId ?? null})`,
  );
}

/**
 * Writes a new participant with its referral, the referring organisation's relation, the
 * guiding provider's relation and the first phase event (`referred` on the referral date).
 * The caller has checked the data (checkRecord, duplicates). Returns the new id.
 */
export async function insertParticipant(tx: Tx, ctx: AccessContext, n: NewParticipant): Promise<string> {
  const id = crypto.randomUUID();
  const code = await freshCode(tx);
  const { settings } = await getPrioritySettings(tx, ctx.regionId, n.programmeId);
  const key = priorityKey(settings, {
    code,
    phase: 'referred',
    waitingListRegisteredOn: n.waitingListRegisteredOn ?? null,
    firstReferredOn: n.referral.referredOn,
    targetGroup: n.targetGroup,
    currentPlace: n.currentPlace,
  });
  await tx.execute(
    sql`INSERT INTO participants (region_id, id, programme_id, code, given_name, family_name, name_key, date_of_birth, bsn, phone, email,
          household_adults, household_children, children_ages, target_group, current_place, current_place_note,
          preferred_municipality_ids, excluded_municipality_ids, needs, consent_given_on, consent_scope, protected_address,
          waiting_list_registered_on, provider_id, phase, phase_since, first_referred_on, priority_key, created_by)
        VALUES (${ctx.regionId}, ${id}, ${n.programmeId}, ${code}, ${n.givenName}, ${n.familyName}, ${nameKey(n.givenName, n.familyName)},
          ${n.dateOfBirth}, ${n.bsn ?? null}, ${n.phone ?? null}, ${n.email ?? null}, ${n.householdAdults}, ${n.householdChildren},
          ${sql.param(n.childrenAges)}::int[], ${n.targetGroup}, ${n.currentPlace}, ${n.currentPlaceNote ?? null},
          ${sql.param(n.preferredMunicipalityIds)}::uuid[], ${sql.param(n.excludedMunicipalityIds)}::uuid[], ${sql.param(n.needs)}::text[],
          ${n.consentGivenOn ?? null}, ${sql.param(n.consentScope)}::text[], ${n.protectedAddress}, ${n.waitingListRegisteredOn ?? null},
          ${n.providerId ?? null}, 'referred', ${n.referral.referredOn}, ${n.referral.referredOn}, ${key}, ${ctx.userId})`,
  );
  await insertReferral(tx, ctx, id, n.referral);
  if (n.providerId) await addRelation(tx, ctx.regionId, id, n.providerId, 'provider', n.referral.referredOn);
  await insertPhaseEvent(tx, ctx, { regionId: ctx.regionId, participantId: id, phase: 'referred', effectiveDate: n.referral.referredOn });
  await participantAccessed(tx, ctx, 'create', [id]);
  return id;
}

async function insertReferral(tx: Tx, ctx: AccessContext, participantId: string, r: z.infer<typeof ReReferralBody>) {
  await tx.execute(
    sql`INSERT INTO referrals (region_id, id, participant_id, original_participant_id, organisation_id, referred_by, referred_on,
          homelessness, expected_independent, motivation, notes)
        VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${participantId}, ${participantId}, ${ctx.organisationId}, ${ctx.userId},
          ${r.referredOn}, ${r.homelessness}, ${r.expectedIndependent}, ${r.motivation}, ${r.notes ?? null})`,
  );
  await addRelation(tx, ctx.regionId, participantId, ctx.organisationId, 'referrer', r.referredOn);
}

/**
 * Serialises, per region, everything that checks "is this person already known?" and then adds
 * people (a referral, an import's confirmation): without it two concurrent requests both find no
 * duplicate and both insert — twice the same person, or a unique-BSN violation (a 500). Held
 * until the transaction ends.
 */
export async function lockParticipantIdentities(tx: Tx, regionId: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`participant-identities:${regionId}`}))`);
}

/**
 * A referral of someone new (POST /participants): checks the record, refuses a known BSN and —
 * unless acknowledged — a known name with the same date of birth, writes the participant in
 * phase `referred`, and removes the draft it came from. Returns the new id.
 */
export async function referParticipant(tx: Tx, ctx: AccessContext, body: z.infer<typeof CreateParticipantBody>): Promise<string> {
  const { draftId, acknowledgeDuplicates, ...n } = body;
  await lockParticipantIdentities(tx, ctx.regionId);
  const errors = await checkRecord(tx, ctx.regionId, { ...n, referredOn: n.referral.referredOn });
  if (errors.length) throw validationError(errors);
  const conflict = duplicateConflict(await findDuplicates(tx, ctx, n), { acknowledged: acknowledgeDuplicates });
  if (conflict) throw conflict;
  const id = await insertParticipant(tx, ctx, n);
  if (draftId) {
    await tx.execute(sql`DELETE FROM referral_drafts WHERE region_id = ${ctx.regionId} AND id = ${draftId} AND user_id = ${ctx.userId}`);
  }
  return id;
}

/**
 * Someone known comes back after withdrawal, exit or a refusal: a new referral on the same
 * record (so outcomes follow one person) and a `referred` event that starts a new episode; the
 * waiting time counts from this referral.
 */
export async function reReferParticipant(tx: Tx, ctx: AccessContext, p: ParticipantRow, r: z.infer<typeof ReReferralBody>) {
  if (p.merged_into_id) throw mergedRefusal(p);
  if (!['withdrawn', 'exited', 'not_eligible'].includes(p.phase)) {
    throw new AppError('invalid_transition', {
      nl: `${p.code} is nog actief (${PHASE_LABELS[p.phase].nl}); een nieuwe aanmelding kan na terugtrekken, uitstroom of “komt niet in aanmerking”.`,
      en: `${p.code} is still active (${PHASE_LABELS[p.phase].en}); a new referral is possible after withdrawal, exit or “not eligible”.`,
    });
  }
  await checkNotBeforeLastEvent(tx, ctx.regionId, p.id, r.referredOn, 'referredOn');
  const errors = await checkRecord(tx, ctx.regionId, { dateOfBirth: p.date_of_birth, referredOn: r.referredOn });
  if (errors.length) throw validationError(errors);
  await insertReferral(tx, ctx, p.id, r);
  await insertPhaseEvent(tx, ctx, { regionId: ctx.regionId, participantId: p.id, phase: 'referred', effectiveDate: r.referredOn });
  await tx.execute(
    sql`UPDATE participants SET phase = 'referred', phase_since = ${r.referredOn}, first_referred_on = ${r.referredOn},
               version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND id = ${p.id}`,
  );
  await refreshPriorityKey(tx, ctx.regionId, p.id);
  await participantAccessed(tx, ctx, 'update', [p.id]);
}

const RECORD_FIELDS = ['givenName', 'familyName', 'dateOfBirth', 'bsn', 'phone', 'email', 'consentGivenOn', 'consentScope'] as const;
const SITUATION_FIELDS = [
  'householdAdults',
  'householdChildren',
  'childrenAges',
  'targetGroup',
  'currentPlace',
  'currentPlaceNote',
  'preferredMunicipalityIds',
  'excludedMunicipalityIds',
  'needs',
  'protectedAddress',
] as const;

/** Municipalities a risk screening excluded, and whether any screening exists (it forces the protected address). */
export async function screeningLimits(tx: Tx, regionId: string, participantId: string): Promise<{ screened: boolean; excluded: string[]; areas: string[] }> {
  const [r] = await rows<{ n: number; excluded: string[] | null; areas: string[] | null }>(
    tx,
    sql`SELECT count(*)::int AS n,
               ARRAY(SELECT DISTINCT unnest(excluded_municipality_ids)::text FROM risk_screenings WHERE region_id = ${regionId} AND participant_id = ${participantId}) AS excluded,
               ARRAY(SELECT DISTINCT unnest(excluded_areas) FROM risk_screenings WHERE region_id = ${regionId} AND participant_id = ${participantId}) AS areas
          FROM risk_screenings WHERE region_id = ${regionId} AND participant_id = ${participantId}`,
  );
  return { screened: r.n > 0, excluded: r.excluded ?? [], areas: r.areas ?? [] };
}

/**
 * Edits the record. Each group of fields has its own rule (participants.policy.ts): sending a
 * field the caller may not change is refused with 403 and changes nothing. `version` must match
 * (optimistic concurrency). A risk screening's exclusions and forced protected address hold.
 */
export async function updateParticipant(tx: Tx, ctx: AccessContext, p: ParticipantRow, body: z.infer<typeof UpdateParticipantBody>) {
  if (p.merged_into_id) throw mergedRefusal(p);
  const t = targetOf(p);
  const sent = (fields: readonly string[]) => fields.filter((f) => (body as Record<string, unknown>)[f] !== undefined);
  const denied: string[] = [];
  if (sent(RECORD_FIELDS).length && !canParticipant.edit(ctx, t, 'record')) denied.push(...sent(RECORD_FIELDS));
  if (sent(SITUATION_FIELDS).length && !canParticipant.edit(ctx, t, 'situation')) denied.push(...sent(SITUATION_FIELDS));
  if (body.waitingListRegisteredOn !== undefined && !canParticipant.edit(ctx, t, 'waitingList')) denied.push('waitingListRegisteredOn');
  if (body.providerId !== undefined && !canParticipant.edit(ctx, t, 'provider')) denied.push('providerId');
  if (denied.length) {
    throw new AppError('forbidden', {
      nl: `Uw rol mag deze velden niet wijzigen: ${denied.join(', ')}.`,
      en: `Your role may not change these fields: ${denied.join(', ')}.`,
    });
  }
  const limits = await screeningLimits(tx, ctx.regionId, p.id);
  const next = {
    dateOfBirth: body.dateOfBirth ?? p.date_of_birth,
    preferred: body.preferredMunicipalityIds ?? p.preferred_municipality_ids,
    excluded: body.excludedMunicipalityIds ?? p.excluded_municipality_ids,
    children: body.householdChildren ?? p.household_children,
    ages: body.childrenAges ?? p.children_ages,
    consentGivenOn: body.consentGivenOn === undefined ? p.consent_given_on : body.consentGivenOn,
    consentScope: body.consentScope ?? p.consent_scope,
  };
  const errors = await checkRecord(tx, ctx.regionId, {
    dateOfBirth: next.dateOfBirth,
    preferredMunicipalityIds: body.preferredMunicipalityIds ?? (body.excludedMunicipalityIds ? next.preferred : undefined),
    excludedMunicipalityIds: body.excludedMunicipalityIds,
    forcedExclusions: limits.excluded,
    providerId: body.providerId,
    consentGivenOn: body.consentGivenOn !== undefined || body.consentScope !== undefined ? next.consentGivenOn : undefined,
    consentScope: body.consentGivenOn !== undefined || body.consentScope !== undefined ? next.consentScope : undefined,
    waitingListRegisteredOn: body.waitingListRegisteredOn ?? (body.dateOfBirth ? p.waiting_list_registered_on : undefined),
  });
  if (next.ages.length > next.children) errors.push(fieldError('childrenAges', 'Er zijn meer leeftijden dan kinderen opgegeven.', 'More ages than children were given.'));
  if (body.excludedMunicipalityIds && limits.excluded.some((id) => !body.excludedMunicipalityIds!.includes(id))) {
    errors.push(
      fieldError('excludedMunicipalityIds', 'Gemeenten die de risicotaxatie uitsluit blijven uitgesloten', 'Municipalities excluded by the risk screening stay excluded'),
    );
  }
  if (errors.length) throw validationError(errors);
  if (body.protectedAddress === false && limits.screened) {
    throw new AppError('conflict', {
      nl: 'Na een risicotaxatie blijft het adres afgeschermd; dat kan hier niet uit.',
      en: 'After a risk screening the address stays protected; it cannot be switched off here.',
    });
  }
  if (body.bsn || body.givenName || body.familyName || body.dateOfBirth) {
    const matches = await findDuplicates(
      tx,
      ctx,
      { bsn: body.bsn ?? p.bsn, givenName: body.givenName ?? p.given_name, familyName: body.familyName ?? p.family_name, dateOfBirth: next.dateOfBirth },
      p.id,
    );
    const conflict = duplicateConflict(
      matches.filter((m) => m.byBsn),
      { acknowledged: true },
    );
    if (conflict) throw conflict;
  }
  const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = now()`];
  const set = (column: string, value: unknown, cast = '') => sets.push(sql`${sql.identifier(column)} = ${value}${sql.raw(cast)}`);
  const setArray = (column: string, value: unknown[], type: string) => sets.push(sql`${sql.identifier(column)} = ${sql.param(value)}${sql.raw(`::${type}[]`)}`);
  if (body.givenName !== undefined) set('given_name', body.givenName);
  if (body.familyName !== undefined) set('family_name', body.familyName);
  if (body.givenName !== undefined || body.familyName !== undefined) set('name_key', nameKey(body.givenName ?? p.given_name, body.familyName ?? p.family_name));
  if (body.dateOfBirth !== undefined) set('date_of_birth', body.dateOfBirth);
  if (body.bsn !== undefined) set('bsn', body.bsn);
  if (body.phone !== undefined) set('phone', body.phone);
  if (body.email !== undefined) set('email', body.email);
  if (body.householdAdults !== undefined) set('household_adults', body.householdAdults);
  if (body.householdChildren !== undefined) set('household_children', body.householdChildren);
  if (body.childrenAges !== undefined) setArray('children_ages', body.childrenAges, 'int');
  if (body.targetGroup !== undefined) set('target_group', body.targetGroup);
  if (body.currentPlace !== undefined) set('current_place', body.currentPlace);
  if (body.currentPlaceNote !== undefined) set('current_place_note', body.currentPlaceNote);
  if (body.preferredMunicipalityIds !== undefined) setArray('preferred_municipality_ids', body.preferredMunicipalityIds, 'uuid');
  if (body.excludedMunicipalityIds !== undefined) setArray('excluded_municipality_ids', body.excludedMunicipalityIds, 'uuid');
  if (body.needs !== undefined) setArray('needs', body.needs, 'text');
  if (body.consentGivenOn !== undefined) set('consent_given_on', body.consentGivenOn);
  if (body.consentScope !== undefined) setArray('consent_scope', body.consentScope, 'text');
  if (body.protectedAddress !== undefined) set('protected_address', body.protectedAddress);
  if (body.waitingListRegisteredOn !== undefined) set('waiting_list_registered_on', body.waitingListRegisteredOn);
  if (body.providerId !== undefined) set('provider_id', body.providerId);
  const updated = await rows<{ id: string }>(
    tx,
    sql`UPDATE participants SET ${sql.join(sets, sql`, `)} WHERE region_id = ${ctx.regionId} AND id = ${p.id} AND version = ${body.version} RETURNING id`,
  );
  if (updated.length === 0) throw staleVersion();
  if (body.providerId) await addRelation(tx, ctx.regionId, p.id, body.providerId, 'provider', today());
  await refreshPriorityKey(tx, ctx.regionId, p.id);
  await participantAccessed(tx, ctx, 'update', [p.id]);
}

const staleVersion = () =>
  new AppError('version_conflict', {
    nl: 'Deze deelnemer is intussen door iemand anders gewijzigd. Laad het dossier opnieuw en voer uw wijziging nog eens in.',
    en: 'Someone else changed this participant in the meantime. Reload the record and make your change again.',
  });

const mergedRefusal = (p: ParticipantRow) =>
  new AppError('invalid_transition', {
    nl: `Dit dossier is samengevoegd met ${p.merged_into_code}; werk dat dossier bij.`,
    en: `This record was merged into ${p.merged_into_code}; update that record.`,
  });

/** The facts the phase preconditions look at (participants.machine.ts), with the last event date. */
export async function loadPhaseFacts(tx: Tx, regionId: string, participantId: string): Promise<PhaseFacts & { lastEventDate: string | null }> {
  const [r] = await rows<{
    target_group: TargetGroup;
    consent_given_on: string | null;
    consent_scope: ConsentScope[];
    referral: { homelessness: Homelessness; expectedIndependent: boolean } | null;
    assessments: { decidedOn: string; indication: IndicationType; validFrom: string | null; validTo: string | null }[] | null;
    screenings: string[] | null;
    last_event: string | null;
  }>(
    tx,
    sql`SELECT p.target_group, p.consent_given_on, p.consent_scope,
               (SELECT json_build_object('homelessness', r.homelessness, 'expectedIndependent', r.expected_independent)
                  FROM referrals r WHERE r.region_id = p.region_id AND r.participant_id = p.id
                 ORDER BY r.referred_on DESC, r.created_at DESC LIMIT 1) AS referral,
               (SELECT json_agg(json_build_object('decidedOn', a.decided_on, 'indication', a.indication, 'validFrom', a.valid_from, 'validTo', a.valid_to))
                  FROM care_assessments a WHERE a.region_id = p.region_id AND a.participant_id = p.id AND a.status = 'decided') AS assessments,
               ARRAY(SELECT s.screened_on::text FROM risk_screenings s WHERE s.region_id = p.region_id AND s.participant_id = p.id) AS screenings,
               (SELECT max(e.effective_date)::text FROM participant_phase_events e WHERE e.region_id = p.region_id AND e.participant_id = p.id) AS last_event
          FROM participants p WHERE p.region_id = ${regionId} AND p.id = ${participantId}`,
  );
  return {
    targetGroup: r.target_group,
    referral: r.referral,
    assessments: r.assessments ?? [],
    consentGivenOn: r.consent_given_on,
    consentScope: r.consent_scope,
    riskScreenings: r.screenings ?? [],
    lastEventDate: r.last_event,
  };
}

async function checkNotBeforeLastEvent(tx: Tx, regionId: string, participantId: string, date: string, path: string) {
  const [last] = await rows<{ d: string | null }>(
    tx,
    sql`SELECT max(effective_date)::text AS d FROM participant_phase_events WHERE region_id = ${regionId} AND participant_id = ${participantId}`,
  );
  if (last?.d && date < last.d) {
    throw validationError([fieldError(path, `De datum ligt vóór de vorige faseovergang (${last.d}).`, `The date is before the previous phase change (${last.d}).`)]);
  }
}

/**
 * Records a phase change: the machine's order, the reason a phase needs, the date against the
 * history, the preconditions (no `ready` without a valid assessment and consent…), and for
 * `housed` the home; then writes the event and the current phase together. The caller has
 * locked the participant row and checked the role (canParticipant.recordPhase).
 */
export async function changePhase(tx: Tx, ctx: AccessContext, p: ParticipantRow, body: z.infer<typeof PhaseChangeBody>) {
  if (p.merged_into_id) throw mergedRefusal(p);
  if (body.version !== undefined && body.version !== p.version) throw staleVersion();
  if (body.phase === 'referred') {
    throw new AppError('invalid_transition', {
      nl: 'Een nieuwe aanmelding gaat via POST /api/v1/participants/{id}/referrals, met de toelatingsvragen.',
      en: 'A new referral goes through POST /api/v1/participants/{id}/referrals, with the eligibility questions.',
    });
  }
  const refusal = transitionRefusal(p.phase, body.phase);
  if (refusal) throw new AppError('invalid_transition', refusal);
  const errors: FieldError[] = [];
  const codes = PHASE_REASON_CODES[body.phase];
  if (codes) {
    if (!body.reason) errors.push(fieldError('reason', `Geef een reden (${codes.join(', ')})`, `Give a reason (${codes.join(', ')})`));
    else if (!codes.includes(body.reason)) errors.push(fieldError('reason', `Kies een reden uit: ${codes.join(', ')}`, `Choose a reason from: ${codes.join(', ')}`));
    else if (body.reason === 'other' && !body.note) errors.push(fieldError('note', 'Licht de reden “anders” toe', 'Explain the reason “other”'));
  } else if (body.reason) {
    errors.push(fieldError('reason', 'Deze fase heeft geen reden', 'This phase takes no reason'));
  }
  if (body.phase === 'eligible' && p.phase === 'not_eligible' && !body.note) {
    errors.push(fieldError('note', 'Licht toe waarom het besluit is herzien', 'Explain why the decision was reconsidered'));
  }
  if (body.phase === 'housed' && !body.unitId) errors.push(fieldError('unitId', 'Kies de woning', 'Choose the home'));
  if (body.unitId && body.phase !== 'housed' && body.phase !== 'matched') errors.push(fieldError('unitId', 'Alleen bij gematcht of gehuisvest', 'Only with matched or housed'));
  if (errors.length) throw validationError(errors);
  const facts = await loadPhaseFacts(tx, ctx.regionId, p.id);
  if (facts.lastEventDate && body.effectiveDate < facts.lastEventDate) {
    throw validationError([
      fieldError('effectiveDate', `De datum ligt vóór de vorige faseovergang (${facts.lastEventDate}).`, `The date is before the previous phase change (${facts.lastEventDate}).`),
    ]);
  }
  const unmet = preconditionRefusals(body.phase, body.effectiveDate, facts);
  if (unmet.length) {
    throw new AppError('invalid_transition', {
      nl: `${PHASE_LABELS[body.phase].nl} kan nog niet: ${unmet.map((u) => u.nl).join(' ')}`,
      en: `${PHASE_LABELS[body.phase].en} is not possible yet: ${unmet.map((u) => u.en).join(' ')}`,
    });
  }
  if (body.unitId) await checkUnit(tx, ctx.regionId, p, body.unitId, body.phase);
  await insertPhaseEvent(tx, ctx, {
    regionId: ctx.regionId,
    participantId: p.id,
    phase: body.phase,
    effectiveDate: body.effectiveDate,
    reason: body.reason,
    note: body.note,
    unitId: body.unitId,
  });
  if (body.phase === 'housed') {
    await tx.execute(
      sql`INSERT INTO participant_placements (region_id, id, participant_id, unit_id, start_date)
          VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${p.id}, ${body.unitId!}, ${body.effectiveDate})`,
    );
  }
  if (body.phase === 'exited') {
    await tx.execute(
      sql`UPDATE participant_placements SET end_date = ${body.effectiveDate}
           WHERE region_id = ${ctx.regionId} AND participant_id = ${p.id} AND end_date IS NULL`,
    );
  }
  await setPhase(tx, ctx.regionId, p.id, body.phase, body.effectiveDate);
  await participantAccessed(tx, ctx, 'phase', [p.id]);
}

async function setPhase(tx: Tx, regionId: string, participantId: string, phase: ParticipantPhase, date: string) {
  await tx.execute(
    sql`UPDATE participants SET phase = ${phase}, phase_since = ${date}, version = version + 1, updated_at = now()
         WHERE region_id = ${regionId} AND id = ${participantId}`,
  );
  await refreshPriorityKey(tx, regionId, participantId);
}

/** The home of `housed` (or `matched`): in this programme, a unit that is allocated or occupied and has no one else living in it. */
async function checkUnit(tx: Tx, regionId: string, p: ParticipantRow, unitId: string, phase: ParticipantPhase) {
  const [u] = await rows<{ status: string; programme_id: string; taken_by: string | null }>(
    tx,
    sql`SELECT u.status, u.programme_id,
               (SELECT q.code FROM participant_placements pl JOIN participants q ON q.id = pl.participant_id
                 WHERE pl.region_id = u.region_id AND pl.unit_id = u.id AND pl.end_date IS NULL LIMIT 1) AS taken_by
          FROM units u WHERE u.region_id = ${regionId} AND u.id = ${unitId}`,
  );
  if (!u || u.programme_id !== p.programme_id) throw validationError([fieldError('unitId', 'Onbekende woning in dit programma', 'Unknown home in this programme')]);
  if (phase === 'housed') {
    if (u.status !== 'allocated' && u.status !== 'occupied') {
      throw new AppError('invalid_transition', {
        nl: `De woning heeft status ${u.status}; huisvesten kan in een toegewezen of bewoonde woning.`,
        en: `The home has status ${u.status}; housing is possible in an allocated or occupied home.`,
      });
    }
    if (u.taken_by) {
      throw new AppError('conflict', { nl: `In deze woning woont al ${u.taken_by}.`, en: `${u.taken_by} already lives in this home.` });
    }
  }
}

/**
 * A phase the system records as the consequence of another act (a decided assessment moves an
 * eligible participant to `assessed`). Skipped silently when the machine or the dates do not allow it.
 */
export async function recordConsequentPhase(tx: Tx, ctx: AccessContext, participantId: string, phase: ParticipantPhase, date: string, note: string): Promise<boolean> {
  const [p] = await rows<{ phase: ParticipantPhase; merged_into_id: string | null }>(
    tx,
    sql`SELECT phase, merged_into_id FROM participants WHERE region_id = ${ctx.regionId} AND id = ${participantId} FOR UPDATE`,
  );
  if (!p || p.merged_into_id || transitionRefusal(p.phase, phase)) return false;
  const facts = await loadPhaseFacts(tx, ctx.regionId, participantId);
  if ((facts.lastEventDate && date < facts.lastEventDate) || preconditionRefusals(phase, date, facts).length) return false;
  await insertPhaseEvent(tx, ctx, { regionId: ctx.regionId, participantId, phase, effectiveDate: date, note });
  await setPhase(tx, ctx.regionId, participantId, phase, date);
  return true;
}

/**
 * Switches PostgreSQL's JIT compiler off for the rest of the transaction. The row-level policy
 * makes the planner overestimate the by-name list's cost, which triggers JIT: compiling then
 * takes ~40 ms for a query that runs in under 1 ms (measured on 10 000 participants).
 */
async function withoutJit(tx: Tx) {
  await tx.execute(sql`SET LOCAL jit = off`);
}

export interface ListRow extends ParticipantRow {
  rank?: number;
}

/**
 * The by-name list as the caller may see it, in priority order (docs/priority.md), a page at a
 * time. The order is the stored sort key, so the first page is an index scan of
 * participants_priority_idx and keyset pagination is exact; the cursor also carries the rank
 * of the last item, so ranks continue across pages.
 */
export async function listParticipants(tx: Tx, ctx: AccessContext, q: z.infer<typeof ParticipantQuery>) {
  const after = requireCursor(q.cursor, 3);
  await withoutJit(tx);
  const phases = q.phase === undefined ? [...ACTIVE_PHASES] : Array.isArray(q.phase) ? q.phase : [q.phase];
  const where: SQL[] = [sql`p.region_id = ${ctx.regionId}`, sql`p.merged_into_id IS NULL`, sql`p.phase IN ${phases}`, visibleToSql(ctx)];
  if (q.programmeId) where.push(sql`p.programme_id = ${q.programmeId}`);
  if (q.targetGroup) where.push(sql`p.target_group = ${q.targetGroup}`);
  if (q.municipalityId) where.push(sql`${q.municipalityId}::uuid = ANY(p.preferred_municipality_ids)`);
  if (q.providerId) where.push(sql`p.provider_id = ${q.providerId}`);
  if (q.onWaitingList) where.push(q.onWaitingList === 'true' ? sql`p.waiting_list_registered_on IS NOT NULL` : sql`p.waiting_list_registered_on IS NULL`);
  if (q.minWaitingDays !== undefined) {
    const cutoff = new Date(Date.parse(today()) - q.minWaitingDays * 86_400_000).toISOString().slice(0, 10);
    where.push(sql`p.first_referred_on <= ${cutoff}`);
  }
  if (after) where.push(sql`(p.programme_id, p.priority_key) > (${String(after[0])}::uuid, ${String(after[1])})`);
  const list = await rows<ParticipantRow>(
    tx,
    sql`${participantSelect(ctx)} WHERE ${sql.join(where, sql` AND `)} ORDER BY p.programme_id, p.priority_key LIMIT ${q.limit + 1}`,
  );
  const page: ListRow[] = list.slice(0, q.limit);
  const start = after ? Number(after[2]) : 0;
  page.forEach((row, i) => (row.rank = start + i + 1));
  const last = page.at(-1);
  await participantAccessed(tx, ctx, 'list', page.map((r) => r.id));
  return {
    items: page,
    nextCursor: list.length > q.limit && last ? encodeCursor([last.programme_id, last.priority_key, last.rank ?? 0]) : null,
  };
}

/** Where a participant stands in the by-name list as the caller sees it (every active phase, no filters); null when not active. */
export async function participantRank(tx: Tx, ctx: AccessContext, p: ParticipantRow): Promise<number | null> {
  if (p.merged_into_id || !ACTIVE_PHASES.includes(p.phase)) return null;
  await withoutJit(tx);
  const [r] = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM participants p
         WHERE p.region_id = ${ctx.regionId} AND p.programme_id = ${p.programme_id} AND p.merged_into_id IS NULL
           AND p.phase IN ${[...ACTIVE_PHASES]} AND p.priority_key < ${p.priority_key} AND ${visibleToSql(ctx)}`,
  );
  return r.n + 1;
}

interface PairRow {
  a_id: string;
  a_code: string;
  a_phase: ParticipantPhase;
  a_name: string;
  a_dob: string;
  a_ref: string;
  b_id: string;
  b_code: string;
  b_phase: ParticipantPhase;
  b_name: string;
  b_dob: string;
  b_ref: string;
  by_bsn: boolean;
  by_name: boolean;
}

/**
 * Pairs of living records that may be the same person (same normalised name and date of birth;
 * a BSN cannot be shared by two living records), for the office to merge or dismiss.
 */
export async function listDuplicatePairs(tx: Tx, ctx: AccessContext, q: { limit: number; cursor?: string }) {
  const after = requireCursor(q.cursor, 2);
  const list = await rows<PairRow>(
    tx,
    sql`SELECT a.id AS a_id, a.code AS a_code, a.phase AS a_phase, a.given_name || ' ' || a.family_name AS a_name, a.date_of_birth AS a_dob, a.first_referred_on AS a_ref,
               b.id AS b_id, b.code AS b_code, b.phase AS b_phase, b.given_name || ' ' || b.family_name AS b_name, b.date_of_birth AS b_dob, b.first_referred_on AS b_ref,
               (a.bsn IS NOT NULL AND a.bsn = b.bsn) AS by_bsn, (a.name_key = b.name_key AND a.date_of_birth = b.date_of_birth) AS by_name
          FROM participants a
          JOIN participants b ON b.region_id = a.region_id AND b.name_key = a.name_key AND b.date_of_birth = a.date_of_birth AND b.code > a.code
         WHERE a.region_id = ${ctx.regionId} AND a.merged_into_id IS NULL AND b.merged_into_id IS NULL
           ${after ? sql`AND (a.code, b.code) > (${String(after[0])}, ${String(after[1])})` : sql``}
         ORDER BY a.code, b.code LIMIT ${q.limit + 1}`,
  );
  const page = list.slice(0, q.limit);
  const last = page.at(-1);
  await participantAccessed(tx, ctx, 'list', page.flatMap((r) => [r.a_id, r.b_id]));
  return {
    items: page.map((r) => ({
      a: { id: r.a_id, code: r.a_code, phase: r.a_phase, name: r.a_name, dateOfBirth: r.a_dob, referredOn: r.a_ref },
      b: { id: r.b_id, code: r.b_code, phase: r.b_phase, name: r.b_name, dateOfBirth: r.b_dob, referredOn: r.b_ref },
      matchedOn: [...(r.by_bsn ? (['bsn'] as const) : []), ...(r.by_name ? (['name_and_birth_date'] as const) : [])],
    })),
    nextCursor: list.length > q.limit && last ? encodeCursor([last.a_code, last.b_code]) : null,
  };
}

/**
 * Merges a duplicate record into `survivor`, keeping the history of both: the duplicate's row
 * and phase events stay (marked merged, left out of lists and figures); its referrals,
 * assessments, screenings and suitability assessments move to the survivor (remembering where
 * they came from); the organisations involved with either see the survivor; empty fields of the
 * survivor are filled from the duplicate, and the earliest waiting-list and referral dates count.
 * The duplicate's record as it was is kept in participant_merges.snapshot.
 */
export async function mergeParticipants(tx: Tx, ctx: AccessContext, survivor: ParticipantRow, body: z.infer<typeof MergeBody>) {
  if (survivor.merged_into_id) throw mergedRefusal(survivor);
  if (survivor.version !== body.version) throw staleVersion();
  const dup = await getParticipant(tx, ctx, body.duplicateId, { lock: true });
  if (dup.id === survivor.id) throw validationError([fieldError('duplicateId', 'Een dossier kan niet met zichzelf worden samengevoegd', 'A record cannot be merged with itself')]);
  if (dup.merged_into_id) throw mergedRefusal(dup);
  if (dup.bsn && survivor.bsn && dup.bsn !== survivor.bsn) {
    throw new AppError('conflict', {
      nl: 'De dossiers hebben verschillende BSN’s: dit zijn twee personen.',
      en: 'The records have different BSNs: these are two people.',
    });
  }
  if (dup.programme_id !== survivor.programme_id) {
    throw new AppError('conflict', { nl: 'De dossiers horen bij verschillende programma’s.', en: 'The records belong to different programmes.' });
  }
  const [placed] = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM participant_placements WHERE region_id = ${ctx.regionId} AND participant_id = ${dup.id} AND end_date IS NULL`,
  );
  if (placed.n > 0) {
    throw new AppError('conflict', {
      nl: `${dup.code} woont in een woning: voeg in omgekeerde richting samen, zodat het dossier met de woning blijft.`,
      en: `${dup.code} lives in a home: merge the other way round, so the record with the home stays.`,
    });
  }
  const { my_relations: _r, provider_name: _pn, merged_into_code: _mc, ...snapshot } = dup;
  await tx.execute(
    sql`INSERT INTO participant_merges (region_id, id, survivor_id, merged_id, reason, snapshot, merged_by)
        VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${survivor.id}, ${dup.id}, ${body.reason}, ${JSON.stringify(snapshot)}::jsonb, ${ctx.userId})`,
  );
  // Free the BSN for the survivor before it may take it over (one living record per BSN).
  await tx.execute(sql`UPDATE participants SET merged_into_id = ${survivor.id}, merged_at = now(), version = version + 1, updated_at = now() WHERE region_id = ${ctx.regionId} AND id = ${dup.id}`);
  for (const table of ['referrals', 'care_assessments', 'risk_screenings', 'suitability_assessments']) {
    await tx.execute(sql`UPDATE ${sql.identifier(table)} SET participant_id = ${survivor.id} WHERE region_id = ${ctx.regionId} AND participant_id = ${dup.id}`);
  }
  await tx.execute(
    sql`INSERT INTO participant_organisations (region_id, participant_id, organisation_id, relation, since)
        SELECT region_id, ${survivor.id}, organisation_id, relation, since FROM participant_organisations
         WHERE region_id = ${ctx.regionId} AND participant_id = ${dup.id}
        ON CONFLICT (region_id, participant_id, organisation_id, relation) DO NOTHING`,
  );
  // …and the other way round, so whoever sees the survivor also sees the merged record's history.
  await tx.execute(
    sql`INSERT INTO participant_organisations (region_id, participant_id, organisation_id, relation, since)
        SELECT region_id, ${dup.id}, organisation_id, relation, since FROM participant_organisations
         WHERE region_id = ${ctx.regionId} AND participant_id = ${survivor.id}
        ON CONFLICT (region_id, participant_id, organisation_id, relation) DO NOTHING`,
  );
  // Two open assessment requests for one person: keep the oldest, cancel the rest.
  await tx.execute(
    sql`UPDATE care_assessments SET status = 'cancelled', notes = coalesce(notes || E'\n', '') || ${`Vervallen door samenvoegen met ${dup.code} / cancelled by merge`},
               version = version + 1, updated_at = now()
         WHERE region_id = ${ctx.regionId} AND participant_id = ${survivor.id} AND status IN ('requested', 'assigned')
           AND id <> (SELECT id FROM care_assessments WHERE region_id = ${ctx.regionId} AND participant_id = ${survivor.id}
                        AND status IN ('requested', 'assigned') ORDER BY requested_on, created_at LIMIT 1)`,
  );
  // A waiting episode that started earlier on the duplicate counts for the survivor, unless
  // the survivor's current episode started after the duplicate's ended.
  const dupActive = ACTIVE_PHASES.includes(dup.phase);
  const firstReferred = dupActive && dup.first_referred_on < survivor.first_referred_on ? dup.first_referred_on : survivor.first_referred_on;
  const waitingList =
    [survivor.waiting_list_registered_on, dup.waiting_list_registered_on].filter((d): d is string => d !== null).sort()[0] ?? null;
  await tx.execute(
    sql`UPDATE participants SET
          bsn = coalesce(bsn, ${dup.bsn}), phone = coalesce(phone, ${dup.phone}), email = coalesce(email, ${dup.email}),
          consent_given_on = coalesce(consent_given_on, ${dup.consent_given_on}),
          consent_scope = CASE WHEN consent_given_on IS NULL THEN ${sql.param(dup.consent_scope)}::text[] ELSE consent_scope END,
          provider_id = coalesce(provider_id, ${dup.provider_id}::uuid),
          protected_address = protected_address OR ${dup.protected_address},
          excluded_municipality_ids = ARRAY(SELECT DISTINCT unnest(excluded_municipality_ids || ${sql.param(dup.excluded_municipality_ids)}::uuid[])),
          waiting_list_registered_on = ${waitingList}, first_referred_on = ${firstReferred},
          version = version + 1, updated_at = now()
        WHERE region_id = ${ctx.regionId} AND id = ${survivor.id}`,
  );
  await refreshPriorityKey(tx, ctx.regionId, survivor.id);
  await participantAccessed(tx, ctx, 'merge', [survivor.id, dup.id]);
}

/** The office asks a care provider about a participant (e.g. for an intake home): the provider may then see them. */
export async function addConsultation(tx: Tx, ctx: AccessContext, p: ParticipantRow, body: z.infer<typeof ConsultationBody>) {
  if (p.merged_into_id) throw mergedRefusal(p);
  const [o] = await rows<{ kind: string }>(tx, sql`SELECT kind FROM organisations WHERE region_id = ${ctx.regionId} AND id = ${body.organisationId}`);
  if (!o || o.kind !== 'care_provider') {
    throw validationError([fieldError('organisationId', 'Onbekende zorgaanbieder in deze regio', 'Unknown care provider in this region')]);
  }
  // Asking another provider shares the record with it: only with consent for the programme.
  requireConsent(p, 'provider');
  await addRelation(tx, ctx.regionId, p.id, body.organisationId, 'consulted', today());
  await participantAccessed(tx, ctx, 'consultation', [p.id]);
}

