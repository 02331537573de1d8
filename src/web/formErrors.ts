import { useState } from 'react';
import type { LocalizedProblem } from './i18n';

/**
 * Client-side "required" checks plus the server's field errors, by field name.
 * The server stays the judge of every rule; the client only spares a round trip for empty fields.
 */
export function useFieldErrors(problem: LocalizedProblem | null) {
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const errorOf = (name: string): string | undefined => clientErrors[name] ?? problem?.fields[name];

  /** Set the client errors; returns true when there are none. Focuses the first invalid field. */
  const validate = (errors: Record<string, string | false | null | undefined>, ids: Record<string, string>) => {
    const found: Record<string, string> = {};
    for (const [name, message] of Object.entries(errors)) if (message) found[name] = message;
    setClientErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      const element = document.getElementById(ids[first] ?? first);
      const focusable = element instanceof HTMLFieldSetElement ? element.querySelector('input') : element;
      focusable?.focus();
      return false;
    }
    return true;
  };

  const clear = (name: string) => {
    if (clientErrors[name]) {
      setClientErrors((current) => {
        const next = { ...current };
        delete next[name];
        return next;
      });
    }
  };

  return { errorOf, validate, clear };
}

/** Empty strings become undefined (optional fields are left out of a POST body). */
export function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A positive integer from a text input, or undefined when empty; NaN when not a whole number. */
export function optionalInt(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
