import type { CostMatrix } from './assignment.js';

/**
 * Reader for the assignment instances of Beasley's OR-Library (assign100.txt … assign800.txt):
 * the number n, then the n × n costs row by row, all separated by any whitespace (the files
 * wrap each row over several lines, so line breaks carry no meaning).
 */

/** A file that is not a valid OR-Library assignment instance; the message is Dutch, then English. */
export class OrLibFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrLibFormatError';
  }
}

/**
 * Largest n accepted: the parser and the solver each keep an n × n Float64Array (the costs and
 * the solver's working copy), 2 · 8 · 5 000² bytes = 400 MB at this limit; a wrong first number
 * should not make us reserve gigabytes. OR-Library's largest instance is 800.
 */
export const ORLIB_MAX_N = 5_000;

// A cost: an optionally signed decimal number (OR-Library uses integers; decimals cost nothing
// to allow). Deliberately no "Infinity", "NaN" or hexadecimal, which Number() would accept.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COUNT = /^\+?\d+$/;

/**
 * Parses an OR-Library assignment instance.
 *
 * @returns the n × n cost matrix (Float64Array, no forbidden pairs).
 * @throws OrLibFormatError naming the line and the offending text: empty file, a size that is
 *   not a whole number ≥ 0 or too large, a cost that is not a number, too few costs (truncated
 *   file) or too many.
 */
export function parseOrLibAssignment(text: string): CostMatrix {
  let pos = 0;
  let line = 1;
  const len = text.length;
  // Next whitespace-separated token with its line number, or null at the end.
  const next = (): { token: string; line: number } | null => {
    while (pos < len) {
      const ch = text.charCodeAt(pos);
      if (ch === 10) line++;
      // space, tab, \n, \v, \f, \r; and a byte order mark at the very start.
      if (ch === 32 || (ch >= 9 && ch <= 13) || (ch === 0xfeff && pos === 0)) pos++;
      else break;
    }
    if (pos >= len) return null;
    const start = pos;
    while (pos < len) {
      const ch = text.charCodeAt(pos);
      if (ch === 32 || (ch >= 9 && ch <= 13)) break;
      pos++;
    }
    return { token: text.slice(start, pos), line };
  };
  const shown = (token: string) => JSON.stringify(token.length > 40 ? `${token.slice(0, 40)}…` : token);

  const first = next();
  if (first === null) throw new OrLibFormatError('leeg bestand: verwacht eerst het aantal n / empty file: expected the size n first');
  if (!COUNT.test(first.token)) {
    const what = NUMBER.test(first.token) && Number(first.token) < 0 ? 'negatief' : 'geen geheel getal ≥ 0';
    const whatEn = what === 'negatief' ? 'negative' : 'not a whole number ≥ 0';
    throw new OrLibFormatError(
      `regel ${first.line}: het aantal n is ${what}: ${shown(first.token)} / line ${first.line}: the size n is ${whatEn}: ${shown(first.token)}`,
    );
  }
  const n = Number(first.token);
  if (n > ORLIB_MAX_N) {
    throw new OrLibFormatError(`het aantal n = ${n} is groter dan ${ORLIB_MAX_N} / the size n = ${n} exceeds ${ORLIB_MAX_N}`);
  }
  const data = new Float64Array(n * n);
  for (let k = 0; k < data.length; k++) {
    const t = next();
    if (t === null) {
      throw new OrLibFormatError(
        `bestand afgekapt: ${k} van de ${n * n} kosten gevonden (rij ${Math.floor(k / n) + 1}, kolom ${(k % n) + 1} ontbreekt) / ` +
          `truncated file: found ${k} of ${n * n} costs (row ${Math.floor(k / n) + 1}, column ${(k % n) + 1} missing)`,
      );
    }
    if (!NUMBER.test(t.token)) {
      throw new OrLibFormatError(
        `regel ${t.line}: kosten van rij ${Math.floor(k / n) + 1}, kolom ${(k % n) + 1} zijn geen getal: ${shown(t.token)} / ` +
          `line ${t.line}: cost of row ${Math.floor(k / n) + 1}, column ${(k % n) + 1} is not a number: ${shown(t.token)}`,
      );
    }
    const value = Number(t.token);
    if (!Number.isFinite(value)) {
      throw new OrLibFormatError(`regel ${t.line}: getal te groot: ${shown(t.token)} / line ${t.line}: number too large: ${shown(t.token)}`);
    }
    data[k] = value;
  }
  const extra = next();
  if (extra !== null) {
    throw new OrLibFormatError(
      `regel ${extra.line}: meer dan ${n * n} kosten voor n = ${n}: ${shown(extra.token)} / line ${extra.line}: more than ${n * n} costs for n = ${n}: ${shown(extra.token)}`,
    );
  }
  return { rows: n, cols: n, data };
}
