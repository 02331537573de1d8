import { stringify } from 'csv-stringify/sync';
import type { Lang, ProgressReport } from './reports.model.js';

const HEADER: Record<Lang, string[]> = {
  nl: ['sectie', 'code', 'onderwerp', 'waarde', 'n', 'peildatum'],
  en: ['section', 'code', 'subject', 'value', 'n', 'date'],
};

/**
 * The report as CSV: one line per figure, with a code that stays the same across languages and
 * dates so that a spreadsheet can follow a figure over time. Semicolons, as Dutch spreadsheet
 * programs expect; a byte-order mark so that Excel reads UTF-8.
 */
export function reportCsv(report: ProgressReport, lang: Lang): string {
  const records = report.sections.flatMap((s) =>
    s.rows.map((r) => [
      s.title[lang],
      `${s.key}.${r.key}`,
      r.label[lang],
      r.suppressed ? '<5' : (r.value ?? ''),
      r.n ?? '',
      report.date,
    ]),
  );
  return `\uFEFF${stringify([HEADER[lang], ...records], { delimiter: ';', record_delimiter: '\r\n' })}`;
}
