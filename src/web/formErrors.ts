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

/**
 * Like useFieldErrors, for forms whose fields have nested paths ("referral.motivation",
 * "childrenAges.0"): a server error on a path shows beside the field of that path or of its parent.
 */
export function usePathErrors(problem: LocalizedProblem | null) {
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const paths = problem?.paths ?? {};
  const errorOf = (path: string): string | undefined => {
    if (clientErrors[path]) return clientErrors[path];
    if (paths[path]) return paths[path];
    const nested = Object.keys(paths).find((p) => p.startsWith(`${path}.`));
    return nested ? paths[nested] : undefined;
  };
  /** Errors of the body as a whole (no field to show them beside). */
  const general = paths[''] ?? null;

  /** Set the client errors; returns true when there are none. Focuses the first invalid field. */
  const validate = (errors: Record<string, string | false | null | undefined>, ids: Record<string, string>) => {
    const found: Record<string, string> = {};
    for (const [name, message] of Object.entries(errors)) if (message) found[name] = message;
    setClientErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      focusField(ids[first] ?? first);
      return false;
    }
    return true;
  };

  /** Replace one field's client error (e.g. an immediate check while typing). */
  const setError = (path: string, message: string | null) =>
    setClientErrors((current) => {
      if ((current[path] ?? null) === message) return current;
      const next = { ...current };
      if (message) next[path] = message;
      else delete next[path];
      return next;
    });

  const clear = (path: string) => setError(path, null);

  return { errorOf, general, validate, setError, clear };
}

/** Moves the focus to a field by id (the first input of a fieldset). */
export function focusField(id: string) {
  const element = document.getElementById(id);
  const focusable = element instanceof HTMLFieldSetElement ? element.querySelector('input, select, textarea') : element;
  (focusable as HTMLElement | null)?.focus();
}
