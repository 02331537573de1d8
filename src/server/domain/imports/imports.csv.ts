/**
 * A small RFC 4180 reader (no CSV package is installed, and the format is small): fields
 * separated by a delimiter, optionally quoted with `"`, a quote inside a quoted field doubled,
 * records ending in CRLF or LF (line breaks inside quoted fields are kept). A UTF-8 byte-order
 * mark is dropped. The delimiter is `;` when the header line has more of those than commas
 * outside quotes — Dutch spreadsheet programs save with semicolons.
 */

export interface CsvRecord {
  /** The physical line the record starts on (1 = the first line of the file). */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly nl: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Guesses the delimiter from the first line, counting only characters outside quotes. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Parses CSV text into records; blank lines are skipped. Throws CsvError on an unclosed quote or stray quote. */
export function parseCsv(input: string, delimiter: ',' | ';' = detectDelimiter(input.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          const next = text[i + 1];
          if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
            throw new CsvError(line, 'Na een afsluitend aanhalingsteken hoort een scheidingsteken of een nieuwe regel.', 'A closing quote must be followed by a delimiter or a line break.');
          }
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (ch === '"') throw new CsvError(line, 'Een aanhalingsteken midden in een veld moet het hele veld omsluiten.', 'A quote inside a field must enclose the whole field.');
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvError(recordLine, 'Een veld tussen aanhalingstekens wordt niet afgesloten.', 'A quoted field is not closed.');
  if (field !== '' || fields.length > 0) endRecord();
  return out;
}

/** Writes one CSV line (quoting where needed), for the template. */
export function csvLine(values: string[], delimiter: ',' | ';' = ';'): string {
  return values.map((v) => (/["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v)).join(delimiter);
}
