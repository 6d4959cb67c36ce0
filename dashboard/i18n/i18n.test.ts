import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en.ts';
import { CATALOGUES, I18n, LOCALES, preferredLocale } from './i18n.ts';

const placeholders = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogues', () => {
  const keys = Object.keys(en).sort();

  for (const locale of LOCALES) {
    // A key missing in a language would show the reader a raw key; an extra one is a typo.
    it(`${locale} has every key of English and no other`, () => {
      expect(Object.keys(CATALOGUES[locale]).sort()).toEqual(keys);
    });

    it(`${locale} fills in the same placeholders as English, in every message`, () => {
      const wrong = keys.filter(
        (key) =>
          placeholders(CATALOGUES[locale][key as MessageKey]).join() !==
          placeholders(en[key as MessageKey]).join(),
      );
      expect(wrong).toEqual([]);
    });

    it(`${locale} leaves no message empty`, () => {
      expect(keys.filter((key) => !CATALOGUES[locale][key as MessageKey].trim())).toEqual([]);
    });
  }

  it('are translations, not copies of English', () => {
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const same = keys.filter(
        (key) => CATALOGUES[locale][key as MessageKey] === en[key as MessageKey],
      );
      // A few words are the same in both (e.g. "Pages", "SVG"): far from all of them.
      expect(same.length, `${locale}: ${same.join(', ')}`).toBeLessThan(keys.length / 10);
    }
  });
});

describe('I18n', () => {
  it('takes the first of the browser’s languages it has', () => {
    expect(preferredLocale(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(preferredLocale(['AR-EG'])).toBe('ar');
    expect(preferredLocale(['de', 'it'])).toBe('en');
    expect(preferredLocale([])).toBe('en');
  });

  it('lays Arabic out right to left with Western digits', () => {
    const ar = new I18n('ar');
    expect(ar.dir).toBe('rtl');
    expect(new I18n('fr').dir).toBe('ltr');
    expect(ar.number(1234)).toMatch(/^1.?234$/);
    expect(ar.percent(0.5)).toMatch(/50/);
  });

  it('formats numbers and dates for the locale', () => {
    expect(new I18n('en').number(1234.5)).toBe('1,234.5');
    expect(new I18n('fr').number(1234.5)).toMatch(/^1\s234,5$/);
    expect(new I18n('es').number(12345)).toMatch(/^12\.345$/);
    expect(new I18n('en').date('2025-01-31')).toBe('31 Jan 2025');
    expect(new I18n('fr').date('2025-01-31')).toBe('31 janv. 2025');
  });

  it('fills in placeholders, numbers in the locale’s way', () => {
    expect(new I18n('en').t('table.count', { count: 1062 })).toBe('1,062 recommendations');
    expect(new I18n('en').t('moves.between', { from: 'Time 2', to: 'Time 3' })).toBe(
      'Time 2 → Time 3',
    );
  });

  it('isolates filled-in text in Arabic so a Latin round name cannot reorder the sentence', () => {
    const message = new I18n('ar').t('moves.between', { from: 'Time 2', to: 'Time 3' });
    expect(message).toBe('\u2068Time 2\u2069 ← \u2068Time 3\u2069');
  });

  it('names the pillars and criteria in each language, the pillar with its number', () => {
    expect(new I18n('en').pillar('5')).toBe('5. Partnership and Coordination');
    expect(new I18n('fr').pillar('5')).toMatch(/^5\. Partenariat/);
    expect(new I18n('es').criterion('efficiency')).toBe('Eficiencia');
  });
});
