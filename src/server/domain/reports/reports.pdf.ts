import PDFDocument from 'pdfkit';
import type { Lang, ProgressReport, ReportRow } from './reports.model.js';

const T = {
  title: { nl: 'Voortgangsrapportage', en: 'Progress report' },
  date: { nl: 'Peildatum', en: 'Reference date' },
  generated: { nl: 'Gemaakt op', en: 'Generated on' },
  target: { nl: 'Doel', en: 'Target' },
  period: { nl: 'Looptijd', en: 'Period' },
  subject: { nl: 'Onderwerp', en: 'Subject' },
  value: { nl: 'Waarde', en: 'Value' },
  suppressed: { nl: '<5 (niet getoond)', en: '<5 (not shown)' },
  footer: {
    nl: 'Aantallen onder 5 personen worden niet getoond. Cijfers zijn berekend uit de gebeurtenissen zoals die nu bekend zijn.',
    en: 'Counts under 5 people are not shown. Figures are computed from the events as known now.',
  },
} as const;

function valueText(r: ReportRow, lang: Lang): string {
  if (r.suppressed) return T.suppressed[lang];
  const v = r.value === null ? '—' : typeof r.value === 'number' ? r.value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB') : r.value;
  return r.n === undefined || r.n === null ? v : `${v}  (n = ${r.n})`;
}

/**
 * Renders the progress report as a PDF with the standard Helvetica font (no font files to ship
 * or download). Text stays text, so it can be searched, read aloud and tested by extraction.
 */
export function reportPdf(report: ProgressReport, lang: Lang): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      lang: lang === 'nl' ? 'nl-NL' : 'en-GB',
      info: { Title: `${T.title[lang]} ${report.programme.name} ${report.date}`, Author: 'Eerst een Thuis' },
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.font('Helvetica-Bold').fontSize(18).text(`${T.title[lang]} — ${report.programme.name}`);
    doc.moveDown(0.3).font('Helvetica').fontSize(10);
    doc.text(`${T.date[lang]}: ${report.date}`);
    doc.text(`${T.period[lang]}: ${report.programme.periodStart} – ${report.programme.periodEnd}   ${T.target[lang]}: ${report.programme.target}`);
    doc.text(`${T.generated[lang]}: ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC`);

    const left = doc.page.margins.left;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    const valueWidth = 150;
    for (const section of report.sections) {
      doc.moveDown(1);
      if (doc.y > doc.page.height - 150) doc.addPage();
      doc.font('Helvetica-Bold').fontSize(13).text(section.title[lang], left);
      if (section.note) doc.font('Helvetica-Oblique').fontSize(9).text(section.note[lang], left, undefined, { width });
      doc.moveDown(0.3).fontSize(10);
      for (const r of section.rows) {
        if (doc.y > doc.page.height - 80) doc.addPage();
        const y = doc.y;
        doc.font('Helvetica').text(r.label[lang], left, y, { width: width - valueWidth - 10 });
        const after = doc.y;
        doc.font('Helvetica-Bold').text(valueText(r, lang), left + width - valueWidth, y, { width: valueWidth, align: 'right' });
        doc.y = Math.max(after, doc.y);
      }
    }
    doc.moveDown(2).font('Helvetica-Oblique').fontSize(8).text(T.footer[lang], left, undefined, { width });
    doc.end();
  });
}
