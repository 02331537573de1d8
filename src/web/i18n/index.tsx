// Language state, the `useT()` hook and locale-aware formatters.

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { nl, type MessageKey, type Messages } from './nl';
import type { Problem, ProblemFieldError } from '../api/types';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];
export type { MessageKey };

const catalogues: Record<Lang, Messages> = { nl, en };
const STORAGE_KEY = 'eerstethuis.lang';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en' || stored === 'nl' ? stored : 'nl';
  } catch {
    return 'nl';
  }
}

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage unavailable (private mode): the choice lasts for this page only
    }
  }, []);

  const t = useCallback<Translate>(
    (key, params) => interpolate(catalogues[lang][key] ?? nl[key] ?? key, params),
    [lang],
  );

  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}

// ---------------------------------------------------------------- formatting

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Parse an ISO date (YYYY-MM-DD, or a full timestamp) into a Date; dates are taken as UTC days. */
function parseDate(value: string): Date | null {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface Formatters {
  /** 15 jan. 2021 */
  date: (value: string | null | undefined) => string;
  /** 15 jan. 2021 14:03 (local time) */
  dateTime: (value: string | null | undefined) => string;
  /** jan. 2021 */
  month: (value: string) => string;
  number: (value: number | null | undefined) => string;
  /** Euro amount from cents. */
  money: (cents: number | null | undefined) => string;
  /** 0.66 → 66 % */
  percent: (ratio: number) => string;
}

export function useFormat(): Formatters {
  const { lang, t } = useI18n();
  return useMemo(() => {
    const locale = LOCALES[lang];
    const empty = t('common.empty');
    const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    const monthFormat = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const numberFormat = new Intl.NumberFormat(locale);
    const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return {
      date: (value) => {
        const date = value ? parseDate(value) : null;
        return date ? dateFormat.format(date) : empty;
      },
      dateTime: (value) => {
        const date = value ? parseDate(value) : null;
        return date ? dateTimeFormat.format(date) : empty;
      },
      month: (value) => {
        const date = parseDate(value);
        return date ? monthFormat.format(date) : value;
      },
      number: (value) => (value === null || value === undefined ? empty : numberFormat.format(value)),
      money: (cents) => (cents === null || cents === undefined ? empty : moneyFormat.format(cents / 100)),
      percent: (ratio) => percentFormat.format(Number.isFinite(ratio) ? ratio : 0),
    };
  }, [lang, t]);
}

// ---------------------------------------------------------------- problem+json in the chosen language

export interface LocalizedProblem {
  title: string;
  detail: string | null;
  /** field name (first path segment) → message */
  fields: Record<string, string>;
  /**
   * full field path ("referral.motivation", "childrenAges.0") → message, for forms with nested
   * fields; errors about the body as a whole are under "" (shown in the summary).
   */
  paths?: Record<string, string>;
}

function pathSegments(path: ProblemFieldError['path']): string[] {
  return (Array.isArray(path) ? path.map(String) : path.split(/[./]/)).filter(
    (segment) => segment !== '' && segment !== '#' && !['body', 'query', 'params', 'querystring'].includes(segment),
  );
}

/** Normalise a problem path ("/label", "body.label", ["body","label"], "partnerIds.0") to a field name. */
export function fieldNameOf(path: ProblemFieldError['path']): string {
  return pathSegments(path)[0] ?? '';
}

/** The whole path of a problem ("body.referral.motivation" → "referral.motivation"). */
export function fieldPathOf(path: ProblemFieldError['path']): string {
  return pathSegments(path).join('.');
}

export function localizeProblem(
  problem: Problem,
  status: number,
  lang: Lang,
  t: Translate,
): LocalizedProblem {
  const fallbackTitle = (): string => {
    if (status === 0) return t('error.network');
    const key = `error.status.${status}`;
    return key in nl ? t(key as MessageKey) : status >= 500 ? t('error.status.500') : t('error.unknown');
  };
  const title = (lang === 'en' ? problem.titleEn ?? problem.title : problem.title) ?? fallbackTitle();
  const detail = (lang === 'en' ? problem.detailEn ?? problem.detail : problem.detail) ?? null;
  const fields: Record<string, string> = {};
  const paths: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const name = fieldNameOf(error.path);
    const message = lang === 'en' ? error.messageEn ?? error.message : error.message;
    if (!(name in fields)) fields[name] = message;
    const full = fieldPathOf(error.path);
    if (full === '') paths[''] = paths[''] ? `${paths['']} ${message}` : message;
    else if (!(full in paths)) paths[full] = message;
  }
  return { title, detail: detail === title ? null : detail, fields, paths };
}

/** Picks the server's Dutch or English wording of a text by the chosen language. */
export function useBilingual(): (text: { nl: string; en: string }) => string {
  const { lang } = useI18n();
  return useCallback((text) => (lang === 'en' ? text.en : text.nl), [lang]);
}
