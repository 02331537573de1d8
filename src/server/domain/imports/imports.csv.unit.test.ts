import { describe, expect, it } from 'vitest';
import { CsvError, csvLine, detectDelimiter, parseCsv } from './imports.csv.js';

describe('CSV reader (RFC 4180)', () => {
  it('reads plain records with CRLF or LF and skips blank lines', () => {
    expect(parseCsv('a,b\r\n1,2\n\n3,4\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
    ]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    const rows = parseCsv('naam;notitie\n"de Vries; Jan";"zei ""hallo""\nen ging"\nx;y');
    expect(rows[1]).toEqual({ line: 2, fields: ['de Vries; Jan', 'zei "hallo"\nen ging'] });
    expect(rows[2]).toEqual({ line: 4, fields: ['x', 'y'] });
  });

  it('detects the semicolon delimiter of Dutch spreadsheets, ignoring quoted commas', () => {
    expect(detectDelimiter('a;b;"c,d,e"\n1;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
  });

  it('drops a byte-order mark and keeps empty fields', () => {
    expect(parseCsv('\uFEFFa,b,c\n1,,3')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '', '3'] },
    ]);
  });

  it('refuses an unclosed quote and a stray quote, with the line', () => {
    expect(() => parseCsv('a,b\n"open,2')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,x"y');
    } catch (e) {
      expect((e as CsvError).line).toBe(2);
    }
    expect(() => parseCsv('a\n"x"y')).toThrow(CsvError);
  });

  it('writes what it reads', () => {
    const values = ['plain', 'with;delimiter', 'with "quotes"', 'two\nlines'];
    expect(parseCsv(csvLine(values), ';')[0].fields).toEqual(values);
  });
});
