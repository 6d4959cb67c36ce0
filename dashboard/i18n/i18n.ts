// Messages and formats for the reader's language. Sheet content is never translated: only the
// interface around it (and our own names for the pillars and criteria).
import type { CriterionKey, PillarKey, ResponseKey, StatusKey } from '../../data/vocabulary.ts';
import { LOCALES, type Locale } from '../../data/vocabulary.ts';
import { ar } from './ar.ts';
import { type Catalogue, en, type MessageKey } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

export { LOCALES, type Locale };
export const CATALOGUES: Record<Locale, Catalogue> = { en, fr, es, ar };

/** Each language named in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

export function isLocale(value: string | null | undefined): value is Locale {
  return value !== null && value !== undefined && (LOCALES as readonly string[]).includes(value);
}

/** The first of the browser's languages we have ("fr-CA" → fr), else English. */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export class I18n {
  readonly locale: Locale;
  readonly dir: 'ltr' | 'rtl';
  readonly #catalogue: Catalogue;
  readonly #number: Intl.NumberFormat;
  readonly #percent: Intl.NumberFormat;
  readonly #dateTime: Intl.DateTimeFormat;
  readonly #date: Intl.DateTimeFormat;
  readonly #relative: Intl.RelativeTimeFormat;

  constructor(locale: Locale = 'en') {
    this.locale = locale;
    this.dir = locale === 'ar' ? 'rtl' : 'ltr';
    this.#catalogue = CATALOGUES[locale];
    // Arabic with Western digits: the sheet's own numbers (5.1, Time 2) are written that way, and
    // counts beside them read alike. English dates day first ("23 Nov 2026"), as the
    // organisation writes them, never the US order.
    const tag = locale === 'ar' ? 'ar-u-nu-latn' : locale === 'en' ? 'en-GB' : locale;
    this.#number = new Intl.NumberFormat(tag);
    this.#percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
    this.#dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    this.#date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
    this.#relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  }

  /**
   * The message for a key with {placeholders} filled in (numbers formatted for the locale). In
   * right-to-left text each filled-in string is isolated (U+2068…U+2069): otherwise "Time 2 ←
   * Time 3" or a Latin unit name would join with its neighbours into one left-to-right run and
   * the sentence would read in the wrong order.
   */
  t(key: MessageKey, values: Record<string, string | number> = {}): string {
    return this.#catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      if (typeof value === 'number') return this.number(value);
      if (value === undefined) return `{${name}}`;
      return this.dir === 'rtl' ? `\u2068${value}\u2069` : value;
    });
  }

  pillar(key: PillarKey): string {
    return `${this.number(Number(key))}. ${this.t(`pillar.${key}`)}`;
  }

  criterion(key: CriterionKey): string {
    return this.t(`criterion.${key}`);
  }

  status(key: StatusKey): string {
    return this.t(`status.${key}`);
  }

  response(key: ResponseKey): string {
    return this.t(`response.${key}`);
  }

  number(n: number): string {
    return this.#number.format(n);
  }

  percent(rate: number): string {
    return this.#percent.format(rate);
  }

  dateTime(iso: string | Date): string {
    return this.#dateTime.format(typeof iso === 'string' ? new Date(iso) : iso);
  }

  date(d: Date | string): string {
    return this.#date.format(typeof d === 'string' ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : d);
  }

  /** "3 minutes ago", "yesterday". */
  relative(iso: string, now = new Date()): string {
    const seconds = (Date.parse(iso) - now.getTime()) / 1000;
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['day', 86400],
      ['hour', 3600],
      ['minute', 60],
    ];
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return this.#relative.format(Math.round(seconds / size), unit);
    }
    return this.#relative.format(Math.round(seconds), 'second');
  }
}
