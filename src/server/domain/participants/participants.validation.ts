import { z } from 'zod';
import { fieldErrorsFrom, type FieldError } from '../../http/errors.js';
import { BSN_MESSAGES, bsnProblem, normaliseBsn } from '../../../shared/bsn.js';
import { today } from '../../../shared/dates.js';

type Text = { nl: string; en: string };

/**
 * zod's locales word a failed custom check as "Invalid input"; these schemas carry their own
 * Dutch and English message in the issue's `params`, and `bilingualValidatorCompiler` (set on
 * the routes that use them) puts those into the field errors.
 */
function issue(ctx: { value: unknown; issues: unknown[] }, text: Text) {
  // `continue`: the other checks still run, so every problem is reported at once.
  (ctx.issues as z.core.$ZodRawIssue[]).push({ code: 'custom', input: ctx.value, message: text.en, params: { nl: text.nl, en: text.en }, continue: true });
}

/** A check with a message in both languages, for `.check(...)` on a schema. */
export function bilingual<T>(test: (v: T) => Text | null) {
  return (ctx: z.core.ParsePayload<T>) => {
    const problem = test(ctx.value);
    if (problem) issue(ctx, problem);
  };
}

/** A BSN: optional everywhere, normalised (8 digits get a leading zero), refused unless it passes the eleven-test. */
export const BsnField = z
  .string()
  .trim()
  .max(20)
  .transform(normaliseBsn)
  .check(bilingual<string>((v) => {
    const p = bsnProblem(v);
    return p ? BSN_MESSAGES[p] : null;
  }));

/** An ISO date that is not in the future (something that has happened). */
export const PastDate = z.iso.date().check(
  bilingual<string>((v) => (v > today() ? { nl: 'De datum ligt in de toekomst.', en: 'The date is in the future.' } : null)),
);

/** A date of birth: not in the future and not before 1900. */
export const BirthDate = z.iso.date().check(
  bilingual<string>((v) =>
    v > today() ? { nl: 'De geboortedatum ligt in de toekomst.', en: 'The date of birth is in the future.' }
    : v < '1900-01-01' ? { nl: 'De geboortedatum ligt vóór 1900.', en: 'The date of birth is before 1900.' }
    : null,
  ),
);

// Shared with every domain; re-exported for the participant modules that import them from here.
export { validationError, fieldError } from '../../http/errors.js';

/**
 * Validates `data` against `schema` outside a route (CSV rows), with the same bilingual messages:
 * the parsed value, or the field errors.
 */
export function validateWith<S extends z.ZodType>(schema: S, data: unknown, prefix = ''): { ok: true; value: z.infer<S> } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: fieldErrorsFrom(schema, data, prefix) };
}
