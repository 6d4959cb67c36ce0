// Reading a due date the many ways a sheet shows one, never guessing between day and month.

/** Which comes first in a written date: from the sheet's locale (en_GB: day, en_US: month). */
export type DateOrder = 'day-first' | 'month-first';

export type DateReading =
  | { ok: true; date: string }
  /** `ambiguous`: both day-first and month-first make a date, and nothing says which. */
  | { ok: false; reason: 'ambiguous' | 'invalid'; readings?: [string, string] };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO date (YYYY-MM-DD) when the parts make a real calendar day. */
function isoDate(year: number, month: number, day: number): string | null {
  if (year < 100) year += 2000;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A spreadsheet serial number: days since 30 December 1899 (what Sheets stores). */
function fromSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 20_000 || serial > 120_000) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** The order a locale writes dates in ("en_GB", "en-US", "fr_FR"), or null when it names none. */
export function dateOrderOf(locale: string | null | undefined): DateOrder | null {
  if (!locale) return null;
  try {
    const parts = new Intl.DateTimeFormat(locale.replace('_', '-'), {
      timeZone: 'UTC',
    }).formatToParts(new Date(Date.UTC(2024, 10, 25)));
    const day = parts.findIndex((p) => p.type === 'day');
    const month = parts.findIndex((p) => p.type === 'month');
    if (day === -1 || month === -1) return null;
    return day < month ? 'day-first' : 'month-first';
  } catch {
    return null;
  }
}

/**
 * A due date: a serial number, ISO (2024-06-30), written with the month's name (30 June 2024,
 * June 30, 2024), or with numbers (30/06/2024, 06/30/2024, 30.06.24) read in the sheet's order.
 * Numbers that make a date either way (03/04/2024) are ambiguous unless the order is known.
 */
export function parseDueDate(text: string, order: DateOrder | null): DateReading {
  const value = text.trim();
  if (/^\d{5}(\.\d+)?$/.test(value)) {
    const date = fromSerial(Number(value));
    return date ? { ok: true, date } : { ok: false, reason: 'invalid' };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { ok: true, date } : { ok: false, reason: 'invalid' };
  }
  const named =
    /^(?:(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{2,4})|([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{2,4}))$/i.exec(
      value,
    );
  if (named) {
    const day = Number(named[1] ?? named[5]);
    const month = MONTHS.indexOf((named[2] ?? named[4])!.slice(0, 3).toLowerCase()) + 1;
    const date = month > 0 ? isoDate(Number(named[3] ?? named[6]), month, day) : null;
    return date ? { ok: true, date } : { ok: false, reason: 'invalid' };
  }
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(value);
  if (!numeric) return { ok: false, reason: 'invalid' };
  const [a, b, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  const dayFirst = isoDate(year, b, a);
  const monthFirst = isoDate(year, a, b);
  if (order === 'day-first')
    return dayFirst ? { ok: true, date: dayFirst } : { ok: false, reason: 'invalid' };
  if (order === 'month-first')
    return monthFirst ? { ok: true, date: monthFirst } : { ok: false, reason: 'invalid' };
  if (dayFirst && monthFirst && dayFirst !== monthFirst)
    return { ok: false, reason: 'ambiguous', readings: [dayFirst, monthFirst] };
  const only = dayFirst ?? monthFirst;
  return only ? { ok: true, date: only } : { ok: false, reason: 'invalid' };
}
