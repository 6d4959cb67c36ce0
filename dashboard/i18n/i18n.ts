// Messages and formats for the reader's language. Sheet content is never translated: only the
// interface around it.
import { type Catalogue, en, type MessageKey } from './en.ts';

export type Locale = 'en';
export const LOCALES: readonly Locale[] = ['en'];
const CATALOGUES: Record<Locale, Catalogue> = { en };

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
    this.dir = 'ltr';
    this.#catalogue = CATALOGUES[locale];
    this.#number = new Intl.NumberFormat(locale);
    this.#percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    this.#dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    this.#date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.#relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  }

  /** The message for a key with {placeholders} filled in. */
  t(key: MessageKey, values: Record<string, string | number> = {}): string {
    return this.#catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) =>
      typeof values[name] === 'number'
        ? this.number(values[name] as number)
        : String(values[name] ?? `{${name}}`),
    );
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

  date(d: Date): string {
    return this.#date.format(d);
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
