import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildRegion } from '../../../../test/support/builders.js';
import { countIn, importCsv, importRow, kitFor, refer, type Kit } from '../../../../test/support/participants.js';
import { parseCsv } from './imports.csv.js';

let t: TestApp;
let k: Kit;
let municipalityA: string;

beforeAll(async () => {
  t = await createTestApp();
  k = await kitFor(t, await buildRegion(t.database));
  municipalityA = (await t.database.query<{ name: string }>('SELECT name FROM municipalities WHERE id = $1', [k.r.municipalities.a]))[0].name;
});
afterAll(() => t.close());

const stage = (csv: string, as = 'assessor') => call(t.app, k.s[as], 'POST', '/api/v1/imports', { programmeId: k.r.programmeId, fileName: 'wachtlijst.csv', csv });

describe('importing an existing list from CSV', () => {
  it('offers a template with every column, an explanation line and an example', async () => {
    const res = await call(t.app, k.s.referrer, 'GET', '/api/v1/imports/template.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(res.body);
    expect(rows[0].fields).toContain('voornaam');
    expect(rows[0].fields).toContain('wachtlijst_datum');
    expect(rows[1].fields[0]).toMatch(/^# verplicht/);
    expect(rows).toHaveLength(3);
    expect((await call(t.app, k.s.careWorker, 'GET', '/api/v1/imports/template.csv')).statusCode).toBe(403);
  });

  it('validates a file mixing good and bad rows, imports nothing until confirmed, then only the good rows', async () => {
    const known = await refer(k, { bsn: '111222333' });
    const twin = importRow({ geboortedatum: '1970-07-07' });
    const csv = importCsv([
      importRow({ wachtlijst_datum: '15-03-2019', voorkeursgemeenten: municipalityA, bsn: '249566758', beschermd_adres: 'nee', toestemming_datum: '2021-01-20', toestemming_omvang: 'programme|housing' }),
      importRow({ bsn: '123456789' }), // eleven-test
      importRow({ geboortedatum: '31-02-1980', doelgroep: 'toeristen' }), // no such date, no such target group
      importRow({ voorkeursgemeenten: 'Atlantis' }), // unknown municipality
      importRow({ bsn: '111222333' }), // already known in the programme
      importRow({ doelgroep: 'gezin', kinderen: '2', leeftijden_kinderen: '4|9', verblijfplaats: 'straat', dakloos: 'dreigend', zelfstandig_binnen_twee_jaar: 'nee' }),
      twin,
      { ...twin }, // the same person twice in the file
      importRow({ motivatie: '' }), // required
    ]);
    const before = [await countIn(k, 'participants'), await countIn(k, 'referrals'), await countIn(k, 'participant_phase_events')];
    const res = await stage(csv);
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({ status: 'validated', totalRows: 9, validRows: 3, invalidRows: 6, importedRows: null });
    expect(report.rows.map((r: { status: string }) => r.status)).toEqual(['valid', 'invalid', 'invalid', 'invalid', 'invalid', 'valid', 'valid', 'invalid', 'invalid']);
    const errs = (row: number) => report.rows[row - 1].errors.map((e: { column: string | null }) => e.column);
    expect(errs(2)).toEqual(['bsn']);
    expect(report.rows[1].errors[0].message).toContain('elfproef');
    expect(report.rows[1].errors[0].messageEn).toContain('eleven-test');
    expect(errs(3).sort()).toEqual(['doelgroep', 'geboortedatum']);
    expect(errs(4)).toEqual(['voorkeursgemeenten']);
    expect(report.rows[3].errors[0].message).toContain('Atlantis');
    expect(errs(5)).toEqual(['bsn']);
    expect(report.rows[4].errors[0].message).not.toContain(known.code);
    expect(errs(8)).toEqual(['geboortedatum']);
    expect(errs(9)).toEqual(['motivatie']);
    expect(report.rows[0].line).toBe(2);
    // Nothing is imported before the confirmation.
    expect([await countIn(k, 'participants'), await countIn(k, 'referrals'), await countIn(k, 'participant_phase_events')]).toEqual(before);

    const confirmed = await call(t.app, k.s.assessor, 'POST', `/api/v1/imports/${report.id}/confirmations`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', importedRows: 3 });
    const imported = confirmed.json().rows.filter((r: { status: string }) => r.status === 'imported');
    expect(imported.map((r: { row: number }) => r.row)).toEqual([1, 6, 7]);
    expect(await countIn(k, 'participants')).toBe(before[0] + 3);
    const first = (await call(t.app, k.s.assessor, 'GET', `/api/v1/participants/${imported[0].participant.id}`)).json();
    expect(first).toMatchObject({ phase: 'referred', referredOn: '2021-02-01', waitingListRegisteredOn: '2019-03-15', bsn: '249566758', consent: { givenOn: '2021-01-20', scope: ['programme', 'housing'] } });
    expect(first.referrals[0].organisation.id).toBe(k.r.orgs.access);
    expect(first.preferredMunicipalities[0].name).toBe(municipalityA);
    const family = (await call(t.app, k.s.assessor, 'GET', `/api/v1/participants/${imported[1].participant.id}`)).json();
    expect(family).toMatchObject({ targetGroup: 'family', householdChildren: 2, childrenAges: [4, 9], currentPlace: 'street' });
    expect(family.referrals[0]).toMatchObject({ homelessness: 'at_risk', expectedIndependent: false });
    // Confirming twice is refused; the report stays.
    expect((await call(t.app, k.s.assessor, 'POST', `/api/v1/imports/${report.id}/confirmations`, {})).statusCode).toBe(409);
    expect((await call(t.app, k.s.assessor, 'GET', `/api/v1/imports/${report.id}`)).json().importedRows).toBe(3);
  });

  it('skips at confirmation a row whose person was referred in the meantime', async () => {
    const row = importRow({ bsn: '999999990' });
    const report = (await stage(importCsv([row, importRow()]), 'referrer')).json();
    expect(report.validRows).toBe(2);
    await refer(k, { bsn: '999999990' }, {}, 'careWorker');
    const confirmed = (await call(t.app, k.s.referrer, 'POST', `/api/v1/imports/${report.id}/confirmations`, {})).json();
    expect(confirmed.importedRows).toBe(1);
    expect(confirmed.rows.map((r: { status: string }) => r.status)).toEqual(['skipped', 'imported']);
    expect(confirmed.rows[0].errors[0].column).toBe('bsn');
  });

  it('refuses a file it cannot read, with 400 and nothing stored', async () => {
    const imports = await countIn(k, 'participant_imports');
    const unclosed = await stage('voornaam;achternaam\n"Jan;Smit');
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().errors[0].message).toContain('Regel 2');
    const unknown = await stage('voornaam;achternaam;schoenmaat\nJan;Smit;44');
    expect(unknown.statusCode).toBe(400);
    const text = unknown.json().errors.map((e: { message: string }) => e.message).join(' ');
    expect(text).toContain('schoenmaat');
    expect(text).toContain('geboortedatum');
    expect((await stage('voornaam;achternaam;geboortedatum;doelgroep;verblijfplaats;aanmelddatum;dakloos;zelfstandig_binnen_twee_jaar;motivatie')).statusCode).toBe(400);
    expect(await countIn(k, 'participant_imports')).toBe(imports);
  });

  it('reads a comma-separated file with English headers too', async () => {
    const csv = 'given_name,family_name,date_of_birth,target_group,current_place,referred_on,homelessness,expected_independent,motivation\r\n' +
      `Ella,Testkomma${Date.now().toString(36).replace(/[0-9]/g, '')},1990-05-05,young_adult,night_shelter,2021-03-03,homeless,yes,"Jong, gemotiveerd en stabiel."`;
    const res = await stage(csv, 'office');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().validRows).toBe(1);
  });

  it("keeps each organisation's imports to itself, and refuses roles that do not import", async () => {
    const report = (await stage(importCsv([importRow()]), 'careManager')).json();
    expect((await call(t.app, k.s.careManager, 'GET', `/api/v1/imports/${report.id}`)).statusCode).toBe(200);
    expect((await call(t.app, k.s.referrer, 'GET', `/api/v1/imports/${report.id}`)).statusCode).toBe(404);
    expect((await call(t.app, k.s.referrer, 'POST', `/api/v1/imports/${report.id}/confirmations`, {})).statusCode).toBe(404);
    const other = await kitFor(t, await buildRegion(t.database));
    expect((await call(t.app, other.s.careManager, 'GET', `/api/v1/imports/${report.id}`)).statusCode).toBe(404);
    for (const who of ['careWorker', 'corporation', 'municipality', 'researcher']) {
      expect((await stage(importCsv([importRow()]), who)).statusCode, who).toBe(403);
    }
    expect((await call(t.app, null, 'POST', '/api/v1/imports', { programmeId: k.r.programmeId, csv: 'x' })).statusCode).toBe(401);
  });
});
