import { describe, expect, it } from 'vitest';
import { OrLibFormatError, parseOrLibAssignment, ORLIB_MAX_N } from './orlib.js';

describe('parseOrLibAssignment', () => {
  it('reads n and the n × n costs across arbitrary line breaks, like assign100.txt', () => {
    // OR-Library wraps each row over several lines; here row 1 spans two lines and rows 2 and 3
    // share one, with tabs, CRLF and trailing whitespace thrown in.
    const m = parseOrLibAssignment(' 3\r\n 4 1\n\t3 2 0 5\n3 2 2  \n\n');
    expect(m.rows).toBe(3);
    expect(m.cols).toBe(3);
    expect(Array.from(m.data)).toEqual([4, 1, 3, 2, 0, 5, 3, 2, 2]);
  });

  it('accepts n = 0, signs, decimals and a byte order mark', () => {
    expect(parseOrLibAssignment('0\n')).toMatchObject({ rows: 0, cols: 0 });
    expect(Array.from(parseOrLibAssignment('\uFEFF2\n-1 +2 3.5 .25').data)).toEqual([-1, 2, 3.5, 0.25]);
  });

  const bad: [string, string, RegExp][] = [
    ['an empty file', '  \n ', /^leeg bestand.* \/ empty file/],
    ['a negative n', '-3\n1 2 3', /regel 1: het aantal n is negatief: "-3" \/ line 1: the size n is negative/],
    ['a fractional n', '2.5\n1 2', /geen geheel getal ≥ 0.*not a whole number ≥ 0: "2.5"/],
    ['a word for n', 'twee\n1 2 3 4', /not a whole number ≥ 0: "twee"/],
    ['a huge n', `${ORLIB_MAX_N + 1}`, /exceeds 5000/],
    ['a truncated file', '3\n1 2 3\n4 5 6\n7 8', /^bestand afgekapt: 8 van de 9 kosten.*truncated file: found 8 of 9 costs \(row 3, column 3 missing\)/],
    ['a non-number', '2\n1 2\n3 x4', /regel 3: kosten van rij 2, kolom 2 zijn geen getal: "x4" \/ line 3: cost of row 2, column 2 is not a number: "x4"/],
    ['Infinity as a cost', '1\nInfinity', /is not a number: "Infinity"/],
    ['NaN as a cost', '1\nNaN', /is not a number: "NaN"/],
    ['hexadecimal', '1\n0x10', /is not a number: "0x10"/],
    ['an overflowing number', '1\n1e400', /number too large/],
    ['too many costs', '2\n1 2 3 4\n5', /regel 3: meer dan 4 kosten voor n = 2: "5" \/ line 3: more than 4 costs for n = 2/],
  ];
  it.each(bad)('rejects %s with a Dutch, then English message', (_, text, message) => {
    expect(() => parseOrLibAssignment(text)).toThrow(OrLibFormatError);
    expect(() => parseOrLibAssignment(text)).toThrow(message);
  });

  it('shortens a very long offending token in the message', () => {
    expect(() => parseOrLibAssignment(`1\n${'a'.repeat(500)}`)).toThrow(/"a{40}…"/);
  });
});
