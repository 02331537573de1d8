import { describe, expect, it } from 'vitest';
import { exportDate, generaliseSmallCells, isKAnonymous, newExportKey, pseudonym, shiftDays } from './research.pseudonymise.js';

describe('pseudonyms and date shifts', () => {
  it('gives the same pseudonym for the same id under one key, and unlinkable ones under another', () => {
    const k1 = newExportKey();
    const k2 = newExportKey();
    const id = '3f1c8a52-1b7e-4c1e-9a55-1d2b3c4d5e6f';
    expect(pseudonym(k1, id)).toBe(pseudonym(k1, id));
    expect(pseudonym(k1, id)).toMatch(/^R[0-9a-f]{16}$/);
    expect(pseudonym(k1, id)).not.toBe(pseudonym(k2, id));
    expect(pseudonym(k1, id)).not.toContain(id.slice(0, 8));
  });

  it('shifts every person by a fixed number of days between −182 and 182, never 0', () => {
    const k = newExportKey();
    const shifts = Array.from({ length: 2000 }, (_, i) => shiftDays(k, `p-${i}`));
    expect(Math.min(...shifts)).toBeGreaterThanOrEqual(-182);
    expect(Math.max(...shifts)).toBeLessThanOrEqual(182);
    expect(shifts).not.toContain(0);
    expect(shiftDays(k, 'p-1')).toBe(shiftDays(k, 'p-1'));
    // Spread over the range, not bunched.
    expect(shifts.filter((s) => s < 0).length).toBeGreaterThan(800);
  });

  it('keeps intervals when shifting and coarsens to months otherwise', () => {
    expect(exportDate('2021-01-31', 'shift', 1)).toBe('2021-02-01');
    expect(exportDate('2020-02-28', 'shift', 1)).toBe('2020-02-29');
    expect(exportDate('2021-03-01', 'shift', -1)).toBe('2021-02-28');
    expect(exportDate('2021-06-15', 'month', 99)).toBe('2021-06');
    expect(exportDate(null, 'shift', 5)).toBeNull();
    const a = Date.parse(exportDate('2021-01-09', 'shift', -40)!);
    const b = Date.parse(exportDate('2021-06-01', 'shift', -40)!);
    expect((b - a) / 86_400_000).toBe(143);
  });
});

describe('small-cell generalisation', () => {
  const row = (m: string, g: string, a: string) => ({ m, g, a });
  it('leaves cells of 5 or more alone and generalises smaller ones step by step', () => {
    const rows = [
      ...Array.from({ length: 5 }, () => row('Utrecht', 'single', '30-39')),
      ...Array.from({ length: 3 }, () => row('Houten', 'single', '30-39')),
      ...Array.from({ length: 2 }, () => row('Zeist', 'single', '30-39')),
      row('Woerden', 'family', '18-22'),
    ];
    const { rows: out, generalised } = generaliseSmallCells(rows, ['m', 'g', 'a'], [['m'], ['a'], ['g']]);
    expect(out.slice(0, 5).every((r) => r.m === 'Utrecht')).toBe(true);
    // Houten (3) and Zeist (2) become one cell of 5 once the municipality is generalised.
    expect(out.slice(5, 10).every((r) => r.m === '*' && r.a === '30-39')).toBe(true);
    // The single family is generalised as far as it goes.
    expect(out[10]).toEqual({ m: '*', g: '*', a: '*' });
    expect(generalised).toBe(6);
    expect(isKAnonymous(out.slice(0, 10), ['m', 'g', 'a'])).toBe(true);
    // The input is not changed.
    expect(rows[5]!.m).toBe('Houten');
  });
});
