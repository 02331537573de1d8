import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { columnsOf } from './research.codebook.js';
import type { ResearchExport } from './research.service.js';

const csv = (header: string[], records: (string | number | null)[][]) =>
  stringify([header, ...records], { delimiter: ',', record_delimiter: '\n', cast: { number: (n) => String(n) } });

/** The README of an export: what it holds and what was done to protect the people in it. */
function readme(e: ResearchExport): string {
  return [
    'Eerst een Thuis — onderzoeksexport / research export',
    `export ${e.exportId}, ${e.createdAt}`,
    '',
    'NL: Gepseudonimiseerde gegevens van deelnemers die toestemming gaven voor onderzoek. Pseudoniemen gelden alleen binnen',
    'deze export (de sleutel is niet bewaard). Datums zijn ' +
      (e.dateMode === 'shift' ? 'per persoon met hetzelfde aantal dagen verschoven (duur klopt, kalenderdatum niet).' : 'afgerond op maanden (JJJJ-MM).'),
    `Vrije tekst is weggelaten. Combinaties van gemeente, doelgroep, leeftijdsklasse en huishouden met minder dan 5 personen zijn`,
    `gegeneraliseerd (*); dat gold voor ${e.generalised} deelnemer(s). Zie codebook.csv.`,
    '',
    'EN: Pseudonymised data of participants who consented to research. Pseudonyms hold within this export only (the key was',
    'not kept). Dates are ' + (e.dateMode === 'shift' ? 'shifted per person by the same number of days (durations exact, calendar dates not).' : 'coarsened to months (YYYY-MM).'),
    `Free text is left out. Combinations of municipality, target group, age band and household shared by fewer than 5 people`,
    `were generalised (*); this applied to ${e.generalised} participant(s). See codebook.csv.`,
    '',
    ...Object.entries(e.counts).map(([t, n]) => `${t}.csv: ${n}`),
    '',
  ].join('\n');
}

/** The export as a zip of CSV files (UTF-8, comma-separated) with the codebook and a README. */
export function researchZip(e: ResearchExport): Buffer {
  const files: Record<string, Uint8Array> = {
    'LEESMIJ-README.txt': strToU8(readme(e)),
    'codebook.csv': strToU8(csv(['table', 'column', 'type', 'nl', 'en', 'values'], e.codebook.map((c) => [c.table, c.column, c.type, c.nl, c.en, (c.values ?? []).join('|')]))),
  };
  for (const [table, rows] of Object.entries(e.tables)) {
    const header = columnsOf(table);
    files[`${table}.csv`] = strToU8(csv(header, rows.map((r) => header.map((h) => r[h] ?? null))));
  }
  return Buffer.from(zipSync(files, { level: 6, mtime: new Date(e.createdAt) }));
}
