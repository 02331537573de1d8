/**
 * The Dutch citizen service number (BSN) check, shared by server and client so a form can say
 * "this number cannot be right" before it is sent, and the server refuses the same numbers.
 *
 * Rule (the "elfproef" for BSN): 9 digits — an 8-digit number gets a leading zero — weighted
 * 9, 8, 7, 6, 5, 4, 3, 2 and −1; the weighted sum must be a multiple of 11 and not 0. A sum of 0
 * passes the bare divisibility test but is no one's number: 000000000 (refused explicitly, with
 * its own message) and numbers like 100000009 (9 − 9 = 0), which the reference lists as invalid.
 *
 * Processing a BSN needs a legal basis (UAVG art. 46): the field is always optional.
 */

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/** Why a BSN is refused; null when it is valid. */
export type BsnProblem = 'format' | 'zero' | 'checksum';

/** Normalises input as people type it: spaces, dots and dashes removed; 8 digits padded to 9. */
export function normaliseBsn(input: string): string {
  const digits = input.replace(/[\s.-]/g, '');
  return /^\d{8}$/.test(digits) ? `0${digits}` : digits;
}

/** Checks a BSN (after normalising) and tells why it is refused, or null when it is valid. */
export function bsnProblem(input: string): BsnProblem | null {
  const bsn = normaliseBsn(input);
  if (!/^\d{9}$/.test(bsn)) return 'format';
  if (bsn === '000000000') return 'zero';
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(bsn[i]) * WEIGHTS[i];
  return sum !== 0 && sum % 11 === 0 ? null : 'checksum';
}

/** True when `input` is a valid BSN by the eleven-test (000000000 excluded). */
export const isValidBsn = (input: string): boolean => bsnProblem(input) === null;

/** The message for a refused BSN, in Dutch and English. */
export const BSN_MESSAGES: Record<BsnProblem, { nl: string; en: string }> = {
  format: { nl: 'Een BSN heeft 9 cijfers (of 8 met een voorloopnul).', en: 'A BSN has 9 digits (or 8 with a leading zero).' },
  zero: { nl: '000000000 is geen geldig BSN.', en: '000000000 is not a valid BSN.' },
  checksum: { nl: 'Dit BSN klopt niet (elfproef); controleer de cijfers.', en: 'This BSN is not valid (eleven-test); check the digits.' },
};
