import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { today } from '../../../shared/dates.js';
import { ALL_DECLINE_REASONS, DECLINE_PARTIES, OFFER_STEPS, type OfferStep } from '../../../shared/enums.js';
import { CsvError, csvLine, parseCsv } from '../imports/imports.csv.js';
import { fieldError, validationError } from '../participants/participants.validation.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import { decide, getOffer } from '../offers/offers.service.js';

/**
 * The allocation office's steps of scattered offers as CSV (docs/matching.md): Het Vierde Huis
 * keeps its own records; it exports every recorded step of its offers, plus one open row per
 * running offer for the step it waits at, fills in what happened (`accepted` or `declined`, the
 * date, for a decline the party and reason) and imports the file again. Rows already recorded
 * are skipped, so the same file can be imported twice.
 */

/** The columns, in Dutch (the header the export writes); English names are accepted on import. */
export const ALLOCATION_COLUMNS = ['aanbod', 'woning', 'kandidaat', 'stap', 'gebeurtenis', 'datum', 'partij', 'reden', 'toelichting', 'bron'] as const;
type Column = (typeof ALLOCATION_COLUMNS)[number];
const ENGLISH: Record<string, Column> = {
  offer: 'aanbod',
  unit: 'woning',
  candidate: 'kandidaat',
  step: 'stap',
  event: 'gebeurtenis',
  date: 'datum',
  party: 'partij',
  reason: 'reden',
  note: 'toelichting',
  source: 'bron',
};

interface ExportRow {
  offer_id: string;
  participant_id: string;
  label: string | null;
  step: OfferStep;
  kind: string | null;
  effective_date: string | null;
  party: string | null;
  reason: string | null;
  note: string | null;
  source: string | null;
  seq: number;
}

/** Pseudonymous codes of the offers' candidates: the office reads them, the allocation office through its offers. */
async function codes(tx: Tx, ctx: AccessContext, offerIds: string[]): Promise<Map<string, string>> {
  if (!offerIds.length) return new Map();
  const list = ctx.roles.includes('programme_office')
    ? await rows<{ offer_id: string; code: string }>(
        tx,
        sql`SELECT o.id AS offer_id, p.code FROM offers o JOIN participants p ON p.id = o.participant_id WHERE o.region_id = ${ctx.regionId} AND o.id IN ${offerIds}`,
      )
    : await rows<{ offer_id: string; code: string }>(tx, sql`SELECT offer_id, code FROM offer_candidates(${`{${offerIds.join(',')}}`}::uuid[])`);
  return new Map(list.map((x) => [x.offer_id, x.code]));
}

/** The CSV of every recorded step of the scattered offers the caller sees, and an open row per running offer. */
export async function exportSteps(tx: Tx, ctx: AccessContext): Promise<string> {
  const list = await rows<ExportRow>(
    tx,
    sql`SELECT * FROM (
          SELECT e.offer_id, o.participant_id, u.label, e.step, e.kind, e.effective_date::text AS effective_date, e.party, e.reason, e.note, e.source,
                 e.seq, o.created_at, o.id
            FROM offer_events e JOIN offers o ON o.id = e.offer_id LEFT JOIN units u ON u.id = o.unit_id
           WHERE o.region_id = ${ctx.regionId} AND o.route = 'scattered'
          UNION ALL
          SELECT o.id, o.participant_id, u.label, o.step, NULL, NULL, NULL, NULL, NULL, NULL, 9223372036854775807, o.created_at, o.id
            FROM offers o LEFT JOIN units u ON u.id = o.unit_id
           WHERE o.region_id = ${ctx.regionId} AND o.route = 'scattered' AND o.status = 'open'
        ) x ORDER BY x.created_at, x.id, x.seq`,
  );
  const offerIds = [...new Set(list.map((r) => r.offer_id))];
  const code = await codes(tx, ctx, offerIds);
  await participantAccessed(tx, ctx, 'list', [...new Set(list.map((r) => r.participant_id))]);
  const lines = [csvLine([...ALLOCATION_COLUMNS])];
  for (const r of list) {
    lines.push(csvLine([r.offer_id, r.label ?? '', code.get(r.offer_id) ?? '', r.step, r.kind ?? '', r.effective_date ?? '', r.party ?? '', r.reason ?? '', r.note ?? '', r.source ?? '']));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** DD-MM-YYYY (or with / or .) becomes YYYY-MM-DD; anything else is left for the check to refuse. */
function isoDate(v: string): string {
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : v;
}

const Row = z.object({
  aanbod: z.uuid(),
  stap: z.enum(OFFER_STEPS),
  gebeurtenis: z.enum(['accepted', 'declined']),
  datum: z.iso.date(),
  partij: z.enum(DECLINE_PARTIES).optional(),
  reden: z.enum(ALL_DECLINE_REASONS as [string, ...string[]]).optional(),
  toelichting: z.string().max(2000).optional(),
});

export interface ImportReport {
  applied: number;
  skipped: number;
  rows: { line: number; offerId: string; step: string; event: string; result: 'applied' | 'skipped' }[];
}

/**
 * Imports recorded steps: every row is checked first (400 naming each line and column); then the
 * rows are applied in file order as the allocation office's decisions. A row already in the
 * history is skipped; a row the workflow refuses stops the import and nothing is applied
 * (one transaction), with the line in the message.
 */
export async function importSteps(tx: Tx, ctx: AccessContext, csv: string): Promise<ImportReport> {
  let records;
  try {
    records = parseCsv(csv);
  } catch (err) {
    if (err instanceof CsvError) throw validationError([fieldError(`csv.${err.line}`, err.nl, err.en)]);
    throw err;
  }
  if (!records.length) throw validationError([fieldError('csv', 'Het bestand is leeg', 'The file is empty')]);
  const header = records[0].fields.map((h) => {
    const k = h.trim().toLowerCase();
    return (ENGLISH[k] ?? k) as Column;
  });
  const missing = (['aanbod', 'stap', 'gebeurtenis', 'datum'] as const).filter((c) => !header.includes(c));
  if (missing.length) throw validationError([fieldError('csv', `Kolommen ontbreken: ${missing.join(', ')}`, `Columns missing: ${missing.join(', ')}`)]);
  const errors: FieldError[] = [];
  const todo: { line: number; row: z.infer<typeof Row> }[] = [];
  for (const rec of records.slice(1)) {
    const raw: Record<string, string> = {};
    header.forEach((h, i) => (raw[h] = (rec.fields[i] ?? '').trim()));
    // Open rows (nothing filled in) and history rows of other kinds are not instructions.
    if (!raw.gebeurtenis || !['accepted', 'declined'].includes(raw.gebeurtenis)) {
      if (raw.gebeurtenis && !['created', 'reviewed', 'cancelled', 'reminded', 'escalated', 'succeeded'].includes(raw.gebeurtenis)) {
        errors.push(fieldError(`rows.${rec.line}.gebeurtenis`, 'Kies accepted of declined', 'Choose accepted or declined'));
      }
      continue;
    }
    const input = {
      aanbod: raw.aanbod,
      stap: raw.stap,
      gebeurtenis: raw.gebeurtenis,
      datum: isoDate(raw.datum ?? ''),
      partij: raw.partij || undefined,
      reden: raw.reden || undefined,
      toelichting: raw.toelichting || undefined,
    };
    const parsed = Row.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const col = String(issue.path[0] ?? '');
        errors.push(fieldError(`rows.${rec.line}.${col}`, `Ongeldige waarde in kolom ${col}`, `Invalid value in column ${col}`));
      }
      continue;
    }
    if (parsed.data.datum > today()) errors.push(fieldError(`rows.${rec.line}.datum`, 'De datum ligt in de toekomst', 'The date is in the future'));
    if (parsed.data.gebeurtenis === 'declined' && (!parsed.data.partij || !parsed.data.reden)) {
      errors.push(fieldError(`rows.${rec.line}.reden`, 'Een afwijzing heeft een partij en een reden', 'A decline needs a party and a reason'));
    }
    todo.push({ line: rec.line, row: parsed.data });
  }
  if (errors.length) throw validationError(errors);
  const report: ImportReport = { applied: 0, skipped: 0, rows: [] };
  for (const { line, row } of todo) {
    try {
      const o = await getOffer(tx, ctx, row.aanbod, { audit: false });
      if (o.route !== 'scattered') throw validationError([fieldError(`rows.${line}.aanbod`, 'Dit aanbod loopt niet via het toewijzingsbureau', 'This offer does not go through the allocation office')]);
      const [seen] = await rows<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM offer_events WHERE region_id = ${ctx.regionId} AND offer_id = ${o.id}
             AND step = ${row.stap} AND kind = ${row.gebeurtenis} AND effective_date = ${row.datum}`,
      );
      const entry = { line, offerId: o.id, step: row.stap, event: row.gebeurtenis };
      if (seen.n > 0) {
        report.skipped += 1;
        report.rows.push({ ...entry, result: 'skipped' });
        continue;
      }
      // Expiry is the system's to record (an exported expiry is skipped above as already known).
      if (row.partij === 'expired') throw validationError([fieldError(`rows.${line}.partij`, 'Verlopen legt het systeem zelf vast', 'Expiry is recorded by the system')]);
      await decide(
        tx,
        ctx,
        o.id,
        {
          step: row.stap,
          decision: row.gebeurtenis === 'accepted' ? 'accept' : 'decline',
          party: row.partij,
          reason: row.reden,
          note: row.toelichting,
          effectiveDate: row.datum,
        },
        'csv',
      );
      report.applied += 1;
      report.rows.push({ ...entry, result: 'applied' });
    } catch (err) {
      if (err instanceof AppError) {
        throw new AppError(err.code, { nl: `Regel ${line}: ${err.detailNl} Er is niets ingelezen.`, en: `Line ${line}: ${err.detailEn} Nothing was imported.` }, err.fieldErrors);
      }
      throw err;
    }
  }
  return report;
}
