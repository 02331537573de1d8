import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bsnProblem, isValidBsn, normaliseBsn } from './bsn.js';

describe('BSN eleven-test', () => {
  it.each(['111222333', '123456782', '249566758', '999999990'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });

  it.each(['123456789', '100000009'])('refuses %s (checksum)', (bsn) => {
    expect(bsnProblem(bsn)).toBe('checksum');
  });

  it('refuses a weighted sum of 0 although 0 is divisible by 11 (100000009: 9 − 9)', () => {
    expect(isValidBsn('100000009')).toBe(false);
    expect(isValidBsn('010000008')).toBe(false); // 8 − 8
  });

  it('refuses 000000000 explicitly, although its weighted sum is 0', () => {
    expect(bsnProblem('000000000')).toBe('zero');
    expect(bsnProblem('00000000')).toBe('zero');
  });

  it('pads 8 digits with a leading zero', () => {
    expect(normaliseBsn('11222333')).toBe('011222333');
    // 0·9 + 1·8 + 1·7 + 2·6 + 2·5 + 2·4 + 3·3 + 3·2 − 3 = 57: not divisible by 11.
    expect(isValidBsn('11222333')).toBe(false);
    // 012345672: 0+8+14+18+20+20+18+14−2 = 110 = 10 × 11.
    expect(isValidBsn('12345672')).toBe(true);
  });

  it('allows spaces, dots and dashes as people type them', () => {
    expect(isValidBsn('1112.22.333')).toBe(true);
    expect(isValidBsn('111 222 333')).toBe(true);
  });

  it.each(['', '12345', '1234567890', '12345678a', 'abcdefghi'])('refuses %j as malformed', (bsn) => {
    expect(bsnProblem(bsn)).toBe('format');
  });

  it('changing one digit of a valid number always breaks it (property)', () => {
    // The weights 9..2 and −1 are all non-zero modulo 11, so a single-digit change shifts the sum
    // by a non-multiple of 11.
    const valid = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
      .map((d) => {
        const sum = d.reduce((s, x, i) => s + x * (9 - i), 0);
        const last = sum % 11;
        // The last digit counts −1: subtracting sum mod 11 leaves a multiple of 11; 0 is refused.
        return last <= 9 && sum - last > 0 ? [...d, last].join('') : null;
      })
      .filter((s): s is string => s !== null);
    fc.assert(
      fc.property(valid, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, pos, delta) => {
        expect(isValidBsn(bsn)).toBe(true);
        const changed = bsn.slice(0, pos) + String((Number(bsn[pos]) + delta) % 10) + bsn.slice(pos + 1);
        expect(isValidBsn(changed)).toBe(false);
      }),
    );
  });
});
