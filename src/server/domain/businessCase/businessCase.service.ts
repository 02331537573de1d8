import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { fieldError, notFound, validationError, type FieldError } from '../../http/errors.js';
import { today } from '../../../shared/dates.js';
import { ASSUMPTION_KEYS, ASSUMPTION_UNITS, TARIFF_KINDS, type AssumptionKey, type AssumptionUnit, type TariffKind } from '../../../shared/livingLab.js';
import { actorOf, recordAudit } from '../audit/audit.service.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import { computeBusinessCase, type Assumptions, type BusinessCase, type ParticipantFacts, type PlaceAtReferral, type Tariffs } from './businessCase.compute.js';
import { canBusinessCase } from './businessCase.policy.js';
import type { SettingsBody } from './businessCase.schema.js';

/** Aggregate views withhold their figures below this many participants (small cells). */
export const MIN_CELL = 5;

export interface TariffVersionRow {
  id: string;
  kind: TariffKind;
  amount_cents: number;
  source: string;
  valid_from: string;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
}
export interface AssumptionVersionRow {
  id: string;
  key: AssumptionKey;
  value: number;
  unit: AssumptionUnit;
  source: string;
  valid_from: string;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
}

export interface SettingsHistory {
  tariffs: TariffVersionRow[];
  assumptions: AssumptionVersionRow[];
}

const programmeNotFound = () =>
  notFound({ nl: 'Dit programma bestaat niet of is niet zichtbaar voor u.', en: 'This programme does not exist or is not visible to you.' });

/** 404 unless the programme belongs to the caller's region. */
export async function requireProgramme(tx: Tx, regionId: string, programmeId: string): Promise<void> {
  const [p] = await rows<{ id: string }>(tx, sql`SELECT id FROM programmes WHERE region_id = ${regionId} AND id = ${programmeId}`);
  if (!p) throw programmeNotFound();
}

/** Every version of every tariff and assumption of the programme, newest first. */
export async function settingsHistory(tx: Tx, regionId: string, programmeId: string): Promise<SettingsHistory> {
  const tariffs = await rows<TariffVersionRow>(
    tx,
    sql`SELECT t.id, t.kind, t.amount_cents, t.source, t.valid_from, t.created_at, t.created_by, u.name AS created_by_name
          FROM business_case_tariffs t LEFT JOIN users u ON u.id = t.created_by
         WHERE t.region_id = ${regionId} AND t.programme_id = ${programmeId}
         ORDER BY t.kind, t.valid_from DESC, t.seq DESC`,
  );
  const assumptions = (
    await rows<AssumptionVersionRow>(
      tx,
      sql`SELECT a.id, a.key, a.value, a.unit, a.source, a.valid_from, a.created_at, a.created_by, u.name AS created_by_name
            FROM business_case_assumptions a LEFT JOIN users u ON u.id = a.created_by
           WHERE a.region_id = ${regionId} AND a.programme_id = ${programmeId}
           ORDER BY a.key, a.valid_from DESC, a.seq DESC`,
    )
  ).map((a) => ({ ...a, value: Number(a.value) }));
  return { tariffs, assumptions };
}

/**
 * The version of each tariff and assumption that counts on a date: per kind the newest version
 * (latest valid_from, then latest recorded) whose valid_from is on or before the date. The
 * history is newest first, so that is the first match.
 */
export function settingsOn(h: SettingsHistory, date: string) {
  const tariffs = new Map<TariffKind, TariffVersionRow>();
  for (const t of h.tariffs) if (t.valid_from <= date && !tariffs.has(t.kind)) tariffs.set(t.kind, t);
  const assumptions = new Map<AssumptionKey, AssumptionVersionRow>();
  for (const a of h.assumptions) if (a.valid_from <= date && !assumptions.has(a.key)) assumptions.set(a.key, a);
  const missing = [...TARIFF_KINDS.filter((k) => !tariffs.has(k)), ...ASSUMPTION_KEYS.filter((k) => !assumptions.has(k))];
  return { tariffs, assumptions, missing };
}

/**
 * Records new versions of tariffs and assumptions (append-only: earlier versions stay as the
 * history). A percentage above 100 is refused; the unit of an assumption follows from its key.
 */
export async function saveSettings(tx: Tx, ctx: AccessContext, programmeId: string, body: z.infer<typeof SettingsBody>): Promise<void> {
  await requireProgramme(tx, ctx.regionId, programmeId);
  const errors: FieldError[] = [];
  body.assumptions.forEach((a, i) => {
    if (ASSUMPTION_UNITS[a.key] === 'percent' && a.value > 100) {
      errors.push(fieldError(`assumptions.${i}.value`, 'Een percentage ligt tussen 0 en 100.', 'A percentage lies between 0 and 100.'));
    }
    if (Math.round(a.value * 100) !== a.value * 100 && Math.abs(Math.round(a.value * 100) - a.value * 100) > 1e-6) {
      errors.push(fieldError(`assumptions.${i}.value`, 'Hoogstens twee decimalen.', 'At most two decimals.'));
    }
  });
  if (errors.length) throw validationError(errors);
  for (const t of body.tariffs) {
    await tx.execute(
      sql`INSERT INTO business_case_tariffs (region_id, id, programme_id, kind, amount_cents, source, valid_from, created_by)
          VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${programmeId}, ${t.kind}, ${t.amountCents}, ${t.source}, ${t.validFrom}, ${ctx.userId})`,
    );
  }
  for (const a of body.assumptions) {
    await tx.execute(
      sql`INSERT INTO business_case_assumptions (region_id, id, programme_id, key, value, unit, source, valid_from, created_by)
          VALUES (${ctx.regionId}, ${crypto.randomUUID()}, ${programmeId}, ${a.key}, ${a.value}, ${ASSUMPTION_UNITS[a.key]}, ${a.source}, ${a.validFrom}, ${ctx.userId})`,
    );
  }
  await recordAudit(tx, actorOf(ctx), {
    action: 'business_case.settings',
    resourceType: 'programme',
    resourceId: programmeId,
    details: { tariffs: body.tariffs.map((t) => ({ kind: t.kind, amountCents: t.amountCents, validFrom: t.validFrom })), assumptions: body.assumptions.map((a) => ({ key: a.key, value: a.value, validFrom: a.validFrom })) },
  });
}

interface FactsRow {
  participant_id: string;
  code: string;
  current_place: PlaceAtReferral;
  waiting_list_registered_on: string | null;
  tenancies: { start: string; end: string | null }[];
  episodes: { start: string; end: string | null; hoursPerWeek: number | string; neighbourhoodTeam: boolean; intensities: { from: string; hoursPerWeek: number | string }[] }[];
}

/**
 * What the computation needs of every participant of the programme housed on or before the
 * date: read straight from participants, tenancies, guidance episodes and intensities, through
 * business_case_facts (migration 0023), which answers only the roles that may see the business
 * case and only within the caller's region.
 */
export async function businessCaseFacts(tx: Tx, programmeId: string, date: string): Promise<ParticipantFacts[]> {
  const list = await rows<FactsRow>(tx, sql`SELECT * FROM business_case_facts(${programmeId}::uuid, ${date}::date)`);
  return list.map((r) => ({
    id: r.participant_id,
    code: r.code,
    currentPlace: r.current_place,
    waitingListRegisteredOn: r.waiting_list_registered_on,
    tenancies: r.tenancies,
    episodes: r.episodes.map((e) => ({
      start: e.start,
      end: e.end,
      hoursPerWeek: Number(e.hoursPerWeek),
      neighbourhoodTeam: e.neighbourhoodTeam,
      intensities: e.intensities.map((i) => ({ from: i.from, hoursPerWeek: Number(i.hoursPerWeek) })),
    })),
  }));
}

export interface BusinessCaseResult {
  programmeId: string;
  date: string;
  view: 'full' | 'aggregate';
  missing: string[];
  suppressed: boolean;
  participants: number;
  settings: ReturnType<typeof settingsOn>;
  result: BusinessCase | null;
}

/**
 * The business case of a programme on a date, for the caller: the office gets a line per
 * participant (their access is logged per participant), a municipality or researcher the
 * aggregate, withheld under five participants (their read is logged as an aggregate read).
 * Without a version of every tariff and assumption on the date nothing is computed (`missing`).
 */
export async function getBusinessCase(
  tx: Tx,
  ctx: AccessContext,
  programmeId: string,
  date: string = today(),
  opts: { spreadPercent?: number; /** false: the caller shows no per-participant lines (no participant access to log). */ withLines?: boolean } = {},
): Promise<BusinessCaseResult> {
  await requireProgramme(tx, ctx.regionId, programmeId);
  const office = canBusinessCase.perParticipant(ctx);
  const full = office && opts.withLines !== false;
  const settings = settingsOn(await settingsHistory(tx, ctx.regionId, programmeId), date);
  const facts = await businessCaseFacts(tx, programmeId, date);
  const base = { programmeId, date, view: full ? ('full' as const) : ('aggregate' as const), settings, participants: facts.length, missing: settings.missing };
  const suppressed = !office && facts.length > 0 && facts.length < MIN_CELL;
  if (settings.missing.length > 0 || suppressed) {
    await recordAudit(tx, actorOf(ctx), { action: 'business_case.read', resourceType: 'programme', resourceId: programmeId, details: { date, view: base.view, participants: facts.length } });
    return { ...base, suppressed, result: null };
  }
  const tariffs = Object.fromEntries(TARIFF_KINDS.map((k) => [k, settings.tariffs.get(k)!.amount_cents])) as Tariffs;
  const assumptions = Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, settings.assumptions.get(k)!.value])) as Assumptions;
  const result = computeBusinessCase(facts, tariffs, assumptions, date, {
    spreadPercent: opts.spreadPercent,
    bounds: opts.spreadPercent ? undefined : { sheltered_housing_share: [0, 100], street_shelter_share: [0, 100] },
  });
  if (full) await participantAccessed(tx, ctx, 'list', result.lines.map((l) => l.id));
  await recordAudit(tx, actorOf(ctx), { action: 'business_case.read', resourceType: 'programme', resourceId: programmeId, details: { date, view: base.view, participants: facts.length } });
  return { ...base, suppressed: false, result };
}

/**
 * For the Living Lab overview page: the verdict and totals on a date, without per-participant
 * lines, the monthly series or the sensitivity rows — the same numbers the business case page
 * shows. Null figures when settings are missing or the cell is too small for the caller.
 */
export async function businessCaseSummary(tx: Tx, ctx: AccessContext, programmeId: string, date: string = today()) {
  const bc = await getBusinessCase(tx, ctx, programmeId, date, { withLines: false });
  const r = bc.result;
  return {
    date: bc.date,
    participants: bc.participants,
    missing: bc.missing,
    suppressed: bc.suppressed,
    verdict: r ? r.totals.verdict : ('unknown' as const),
    savingsCents: r ? r.totals.savingsCents : null,
    housingFirstCents: r ? r.totals.housingFirst.totalCents : null,
    counterfactualCents: r ? r.totals.counterfactual.totalCents : null,
    perParticipantPerYear: r ? r.perParticipantPerYear : null,
    breakEvenMonth: r ? r.breakEvenMonth : null,
    /** The monthly cumulative savings: the trend on the overview page. */
    trend: r ? r.monthly.map((m) => ({ month: m.month, savingsCents: m.savingsCents })) : [],
    /** Which tariffs and assumptions would turn the verdict within their range. */
    verdictDrivers: r ? r.sensitivity.filter((s) => s.changesVerdict).map((s) => ({ key: s.key, threshold: s.threshold })) : [],
  };
}
