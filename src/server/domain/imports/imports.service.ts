import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { rows, type AccessContext } from '../../http/context.js';
import { AppError, notFound, type FieldError } from '../../http/errors.js';
import type { ImportStatus } from '../../../shared/enums.js';
import { CreateParticipantBody } from '../participants/participants.schema.js';
import { insertParticipant, lockParticipantIdentities, nameKey, recordConsistency, type NewParticipant } from '../participants/participants.service.js';
import { fieldError, validateWith, validationError } from '../participants/participants.validation.js';
import { participantAccessed } from '../participants/participants.visibility.js';
import { requireProgrammeInRegion } from '../waitingList/waitingList.service.js';
import { COLUMNS, columnOf, type Column } from './imports.columns.js';
import { CsvError, csvLine, parseCsv } from './imports.csv.js';
import { MAX_IMPORT_ROWS, type CreateImportBody } from './imports.schema.js';

/** A problem with one row; `stage` says whether it was found when validating or when confirming. */
export interface RowError {
  column: string | null;
  path: string;
  message: string;
  messageEn: string;
  stage: 'validation' | 'confirmation';
}

export interface ImportRow {
  row_number: number;
  line: number;
  errors: RowError[];
  participant_id: string | null;
  participant_code: string | null;
  has_data: boolean;
}

export interface ImportHead {
  id: string;
  programme_id: string;
  organisation_id: string;
  file_name: string | null;
  status: ImportStatus;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
  confirmed_at: Date | null;
  total_rows: number;
  valid_rows: number;
  invalid_rows: number;
  imported_rows: number | null;
}

/** The template: the header line, a line of explanations, and one fictitious example row. */
export function importTemplate(): string {
  const lines = [
    csvLine(COLUMNS.map((c) => c.header)),
    csvLine(COLUMNS.map((c) => `# ${c.required ? 'verplicht' : 'optioneel'}: ${c.help.nl}`)),
    csvLine(COLUMNS.map((c) => c.example)),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

const DUTCH_VALUES: Record<string, Record<string, string>> = {
  targetGroup: { alleenstaand: 'single_adult', alleenstaande: 'single_adult', jongvolwassene: 'young_adult', gezin: 'family', huiselijk_geweld: 'domestic_violence', vrouwenopvang: 'domestic_violence' },
  currentPlace: { straat: 'street', nachtopvang: 'night_shelter', '24-uursopvang': 'shelter_24h', '24uursopvang': 'shelter_24h', beschermd_wonen: 'sheltered_housing', vrienden: 'with_friends', anders: 'other' },
  'referral.homelessness': { dakloos: 'homeless', ja: 'homeless', dreigend: 'at_risk', nee: 'no' },
};

const BOOLEAN: Record<string, boolean> = { ja: true, yes: true, true: true, '1': true, j: true, nee: false, no: false, false: false, '0': false, n: false };

/** DD-MM-YYYY (or D-M-YYYY, with - / or .) becomes YYYY-MM-DD; anything else is left for the schema to refuse. */
function isoDate(v: string): string {
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : v;
}

const list = (v: string) => v.split('|').map((x) => x.trim()).filter(Boolean);

interface Lookups {
  municipalities: Map<string, string>;
  providers: Map<string, string>;
}

/** Turns one CSV record into a referral body (values converted, names resolved), with the conversion problems. */
function toBody(cells: Map<Column, string>, programmeId: string, lookups: Lookups): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const body: Record<string, unknown> = { programmeId };
  const referral: Record<string, unknown> = {};
  for (const [c, raw] of cells) {
    const v = raw.trim();
    if (v === '') continue;
    let value: unknown = v;
    switch (c.path) {
      case 'dateOfBirth':
      case 'consentGivenOn':
      case 'waitingListRegisteredOn':
      case 'referral.referredOn':
        value = isoDate(v);
        break;
      case 'householdAdults':
      case 'householdChildren':
        value = /^\d+$/.test(v) ? Number(v) : v;
        break;
      case 'childrenAges':
        value = list(v).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
        break;
      case 'needs':
      case 'consentScope':
        value = list(v);
        break;
      case 'protectedAddress':
      case 'referral.expectedIndependent':
        value = BOOLEAN[v.toLowerCase()] ?? v;
        break;
      case 'targetGroup':
      case 'currentPlace':
      case 'referral.homelessness':
        value = DUTCH_VALUES[c.path][v.toLowerCase()] ?? v;
        break;
      case 'preferredMunicipalityIds':
      case 'excludedMunicipalityIds': {
        const names = list(v);
        const ids = names.map((n) => lookups.municipalities.get(n.toLowerCase()));
        if (ids.some((x) => !x)) {
          const unknown = names.filter((_, i) => !ids[i]);
          errors.push(fieldError(c.path, `Onbekende gemeente: ${unknown.join(', ')}`, `Unknown municipality: ${unknown.join(', ')}`));
        }
        value = ids.filter((x): x is string => !!x);
        break;
      }
      case 'providerId': {
        value = lookups.providers.get(v.toLowerCase());
        if (!value) errors.push(fieldError(c.path, 'Onbekende zorgaanbieder in deze regio', 'Unknown care provider in this region'));
        break;
      }
    }
    if (c.path.startsWith('referral.')) referral[c.path.slice('referral.'.length)] = value;
    else body[c.path] = value;
  }
  body.referral = referral;
  return { body, errors };
}

const asRowErrors = (errors: FieldError[], stage: RowError['stage']): RowError[] =>
  errors.map((e) => ({ column: columnOf(e.path), path: e.path, message: e.message, messageEn: e.messageEn, stage }));

/** Living records of the region with these BSNs or name keys: for duplicate checks of a whole file in one query. */
async function knownPeople(tx: Tx, bsns: string[], keys: string[]) {
  // Past the row-level policies (migration 0012): someone referred by another organisation is a duplicate too.
  const found = await rows<{ bsn: string | null; name_key: string; date_of_birth: string }>(
    tx,
    sql`SELECT bsn, name_key, date_of_birth::text AS date_of_birth FROM participant_known_identities(${sql.param(bsns)}::text[], ${sql.param(keys)}::text[])`,
  );
  return { bsns: new Set(found.filter((f) => f.bsn).map((f) => f.bsn!)), people: new Set(found.map((f) => `${f.name_key}#${f.date_of_birth}`)) };
}

function duplicateErrors(n: NewParticipant, known: { bsns: Set<string>; people: Set<string> }, stage: RowError['stage']): RowError[] {
  const out: FieldError[] = [];
  if (n.bsn && known.bsns.has(n.bsn)) out.push(fieldError('bsn', 'Dit BSN is al bekend in het programma (of staat eerder in het bestand)', 'This BSN is already known in the programme (or earlier in the file)'));
  else if (known.people.has(`${nameKey(n.givenName, n.familyName)}#${n.dateOfBirth}`)) {
    out.push(
      fieldError(
        'dateOfBirth',
        'Iemand met deze naam en geboortedatum is al bekend (of staat eerder in het bestand); meld deze persoon los aan als het iemand anders is',
        'Someone with this name and date of birth is already known (or earlier in the file); refer this person separately if it is someone else',
      ),
    );
  }
  return asRowErrors(out, stage);
}

/**
 * Reads a CSV file, validates every row (the same rules as a referral: types, the eleven-test,
 * dates, known municipalities and provider, consistency, duplicates in the programme and in the
 * file) and stores the report. Only the data of valid rows is kept, until they are confirmed.
 * A file that cannot be read at all (quotes, header, size) is refused with 400 and nothing is stored.
 */
export async function stageImport(tx: Tx, ctx: AccessContext, body: z.infer<typeof CreateImportBody>): Promise<string> {
  await requireProgrammeInRegion(tx, ctx.regionId, body.programmeId);
  let records;
  try {
    records = parseCsv(body.csv);
  } catch (e) {
    if (e instanceof CsvError) throw validationError([fieldError('csv', `Regel ${e.line}: ${e.nl}`, `Line ${e.line}: ${e.en}`)]);
    throw e;
  }
  const [header, ...data] = records;
  if (!header) throw validationError([fieldError('csv', 'Het bestand is leeg', 'The file is empty')]);
  const byName = new Map<string, Column>();
  for (const c of COLUMNS) {
    byName.set(c.header, c);
    byName.set(c.key, c);
  }
  const columns: (Column | null)[] = [];
  const fileErrors: FieldError[] = [];
  for (const h of header.fields) {
    const name = h.trim().toLowerCase();
    const c = byName.get(name) ?? null;
    if (!c && name !== '') fileErrors.push(fieldError('csv', `Onbekende kolom “${h.trim()}”`, `Unknown column “${h.trim()}”`));
    if (c && columns.includes(c)) fileErrors.push(fieldError('csv', `Kolom “${c.header}” staat er dubbel in`, `Column “${c.header}” appears twice`));
    columns.push(c);
  }
  const missing = COLUMNS.filter((c) => c.required && !columns.includes(c));
  if (missing.length) {
    fileErrors.push(fieldError('csv', `Verplichte kolommen ontbreken: ${missing.map((c) => c.header).join(', ')}`, `Required columns missing: ${missing.map((c) => c.header).join(', ')}`));
  }
  // The template's explanation line starts with "#": not a participant.
  const rowsIn = data.filter((r) => !r.fields[0]?.trim().startsWith('#'));
  if (rowsIn.length === 0) fileErrors.push(fieldError('csv', 'Het bestand heeft geen rijen onder de kop', 'The file has no rows under the header'));
  if (rowsIn.length > MAX_IMPORT_ROWS) {
    fileErrors.push(fieldError('csv', `Te veel rijen (${rowsIn.length}); splits het bestand in delen van ten hoogste ${MAX_IMPORT_ROWS}`, `Too many rows (${rowsIn.length}); split the file into parts of at most ${MAX_IMPORT_ROWS}`));
  }
  if (fileErrors.length) throw validationError(fileErrors);

  const lookups: Lookups = {
    municipalities: new Map(
      (await rows<{ id: string; name: string }>(tx, sql`SELECT id::text AS id, name FROM municipalities WHERE region_id = ${ctx.regionId}`)).map((m) => [m.name.toLowerCase(), m.id]),
    ),
    providers: new Map(
      (
        await rows<{ id: string; name: string }>(tx, sql`SELECT id::text AS id, name FROM organisations WHERE region_id = ${ctx.regionId} AND kind = 'care_provider'`)
      ).map((o) => [o.name.toLowerCase(), o.id]),
    ),
  };
  const parsed = rowsIn.map((r, i) => {
    const cells = new Map<Column, string>();
    const errors: RowError[] = [];
    const extra = r.fields.slice(columns.length).filter((f) => f.trim() !== '');
    if (extra.length) errors.push(...asRowErrors([fieldError('', 'De rij heeft meer velden dan de kop', 'The row has more fields than the header')], 'validation'));
    columns.forEach((c, k) => c && cells.set(c, r.fields[k] ?? ''));
    const converted = toBody(cells, body.programmeId, lookups);
    errors.push(...asRowErrors(converted.errors, 'validation'));
    const checked = validateWith(CreateParticipantBody, converted.body);
    let value: NewParticipant | null = null;
    if (!checked.ok) {
      // A failed name lookup already explained the municipality/provider fields.
      const explained = new Set(converted.errors.map((e) => e.path));
      errors.push(...asRowErrors(checked.errors.filter((e) => !explained.has(e.path)), 'validation'));
    } else {
      const { draftId: _d, acknowledgeDuplicates: _a, ...n } = checked.value;
      errors.push(...asRowErrors(recordConsistency({ ...n, referredOn: n.referral.referredOn }), 'validation'));
      value = n;
    }
    return { row: i + 1, line: r.line, errors, value };
  });

  const candidates = parsed.filter((p) => p.value && p.errors.length === 0);
  const known = await knownPeople(
    tx,
    candidates.map((c) => c.value!.bsn).filter((b): b is string => !!b),
    candidates.map((c) => nameKey(c.value!.givenName, c.value!.familyName)),
  );
  for (const c of candidates) {
    const n = c.value!;
    c.errors.push(...duplicateErrors(n, known, 'validation'));
    // Later rows of the same person are duplicates of this one.
    if (n.bsn) known.bsns.add(n.bsn);
    known.people.add(`${nameKey(n.givenName, n.familyName)}#${n.dateOfBirth}`);
  }

  const id = crypto.randomUUID();
  const valid = parsed.filter((p) => p.errors.length === 0).length;
  await tx.execute(
    sql`INSERT INTO participant_imports (region_id, id, programme_id, organisation_id, created_by, file_name, status, total_rows, valid_rows, invalid_rows)
        VALUES (${ctx.regionId}, ${id}, ${body.programmeId}, ${ctx.organisationId}, ${ctx.userId}, ${body.fileName ?? null}, 'validated',
                ${parsed.length}, ${valid}, ${parsed.length - valid})`,
  );
  for (let i = 0; i < parsed.length; i += 200) {
    const chunk = parsed.slice(i, i + 200);
    await tx.execute(
      sql`INSERT INTO participant_import_rows (region_id, import_id, row_number, data, errors)
          VALUES ${sql.join(
            chunk.map(
              (p) =>
                sql`(${ctx.regionId}, ${id}, ${p.row},
                     ${p.errors.length === 0 ? JSON.stringify({ ...p.value, line: p.line }) : JSON.stringify({ line: p.line })}::jsonb,
                     ${JSON.stringify(p.errors)}::jsonb)`,
            ),
            sql`, `,
          )}`,
    );
  }
  return id;
}

const importNotFound = () => notFound({ nl: 'Deze import bestaat niet of is niet van uw organisatie.', en: 'This import does not exist or is not your organisation’s.' });

/** An import of the caller's organisation (others answer 404), with its rows. */
export async function getImport(tx: Tx, ctx: AccessContext, id: string, opts: { lock?: boolean } = {}): Promise<{ head: ImportHead; rows: ImportRow[] }> {
  const [head] = await rows<ImportHead>(
    tx,
    sql`SELECT i.id, i.programme_id, i.organisation_id, i.file_name, i.status, i.created_at, i.created_by, u.name AS created_by_name,
               i.confirmed_at, i.total_rows, i.valid_rows, i.invalid_rows, i.imported_rows
          FROM participant_imports i LEFT JOIN users u ON u.id = i.created_by
         WHERE i.region_id = ${ctx.regionId} AND i.id = ${id} AND i.organisation_id = ${ctx.organisationId}
         ${opts.lock ? sql`FOR UPDATE OF i` : sql``}`,
  );
  if (!head) throw importNotFound();
  const list = await rows<ImportRow>(
    tx,
    sql`SELECT r.row_number, coalesce((r.data->>'line')::int, 0) AS line, r.errors, r.participant_id, p.code AS participant_code,
               (r.data ? 'programmeId') AS has_data
          FROM participant_import_rows r LEFT JOIN participants p ON p.id = r.participant_id
         WHERE r.region_id = ${ctx.regionId} AND r.import_id = ${id}
         ORDER BY r.row_number`,
  );
  return { head, rows: list };
}

/**
 * Imports the valid rows of a validated import: each becomes a participant in phase `referred`,
 * referred by the importing organisation. Duplicates are checked again (someone may have been
 * referred since) and such rows are skipped and reported. Imported rows keep only the link to the
 * new participant; the staged data is removed. Confirming twice is refused (409).
 */
export async function confirmImport(tx: Tx, ctx: AccessContext, id: string): Promise<void> {
  const { head } = await getImport(tx, ctx, id, { lock: true });
  if (head.status !== 'validated') {
    throw new AppError('invalid_transition', { nl: 'Deze import is al bevestigd.', en: 'This import has already been confirmed.' });
  }
  // Another import or referral of the same people may be under way: check for known people only once it is done.
  await lockParticipantIdentities(tx, ctx.regionId);
  const staged = await rows<{ row_number: number; data: NewParticipant & { line: number } }>(
    tx,
    sql`SELECT row_number, data FROM participant_import_rows
         WHERE region_id = ${ctx.regionId} AND import_id = ${id} AND errors = '[]'::jsonb AND data ? 'programmeId'
         ORDER BY row_number`,
  );
  const known = await knownPeople(
    tx,
    staged.map((s) => s.data.bsn).filter((b): b is string => !!b),
    staged.map((s) => nameKey(s.data.givenName, s.data.familyName)),
  );
  const created: string[] = [];
  for (const s of staged) {
    const { line, ...n } = s.data;
    const dup = duplicateErrors(n, known, 'confirmation');
    if (dup.length) {
      await tx.execute(
        sql`UPDATE participant_import_rows SET errors = ${JSON.stringify(dup)}::jsonb, data = ${JSON.stringify({ line })}::jsonb
             WHERE region_id = ${ctx.regionId} AND import_id = ${id} AND row_number = ${s.row_number}`,
      );
      continue;
    }
    const participantId = await insertParticipant(tx, ctx, { ...n, programmeId: head.programme_id });
    created.push(participantId);
    await tx.execute(
      sql`UPDATE participant_import_rows SET participant_id = ${participantId}, data = ${JSON.stringify({ line })}::jsonb
           WHERE region_id = ${ctx.regionId} AND import_id = ${id} AND row_number = ${s.row_number}`,
    );
  }
  await tx.execute(
    sql`UPDATE participant_imports SET status = 'confirmed', imported_rows = ${created.length}, confirmed_at = now(), confirmed_by = ${ctx.userId}
         WHERE region_id = ${ctx.regionId} AND id = ${id}`,
  );
  await participantAccessed(tx, ctx, 'import', created);
}
