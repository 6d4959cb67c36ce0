import { describe, expect, it } from 'vitest';
import { dateOrderOf, parseDueDate } from './dates.ts';

describe('parseDueDate', () => {
  it('reads a spreadsheet serial number', () => {
    expect(parseDueDate('45473', null)).toEqual({ ok: true, date: '2024-06-30' });
    expect(parseDueDate('45473.5', 'month-first')).toEqual({ ok: true, date: '2024-06-30' });
  });

  it('reads ISO dates, with or without a time', () => {
    expect(parseDueDate('2024-06-30', null)).toEqual({ ok: true, date: '2024-06-30' });
    expect(parseDueDate('2024-6-3', null)).toEqual({ ok: true, date: '2024-06-03' });
    expect(parseDueDate('2024-06-30T00:00:00Z', null)).toEqual({ ok: true, date: '2024-06-30' });
  });

  it('reads dates written with the month’s name', () => {
    expect(parseDueDate('30 June 2024', null)).toEqual({ ok: true, date: '2024-06-30' });
    expect(parseDueDate('June 30, 2024', null)).toEqual({ ok: true, date: '2024-06-30' });
    expect(parseDueDate('3 Sept. 2025', null)).toEqual({ ok: true, date: '2025-09-03' });
  });

  it('reads day-first and month-first numbers in the sheet’s order', () => {
    expect(parseDueDate('03/04/2024', 'day-first')).toEqual({ ok: true, date: '2024-04-03' });
    expect(parseDueDate('03/04/2024', 'month-first')).toEqual({ ok: true, date: '2024-03-04' });
    expect(parseDueDate('30.06.24', 'day-first')).toEqual({ ok: true, date: '2024-06-30' });
    expect(parseDueDate('12-31-2024', 'month-first')).toEqual({ ok: true, date: '2024-12-31' });
  });

  it('reads a date only one order can make, even without the sheet’s order', () => {
    expect(parseDueDate('30/06/2024', null)).toEqual({ ok: true, date: '2024-06-30' });
    expect(parseDueDate('06/30/2024', null)).toEqual({ ok: true, date: '2024-06-30' });
    expect(parseDueDate('05/05/2024', null)).toEqual({ ok: true, date: '2024-05-05' });
  });

  it('never guesses between day and month: 03/04/2024 without an order is ambiguous', () => {
    expect(parseDueDate('03/04/2024', null)).toEqual({
      ok: false,
      reason: 'ambiguous',
      readings: ['2024-04-03', '2024-03-04'],
    });
  });

  it('refuses what is not a date, or a date the order makes impossible', () => {
    for (const text of ['soon', 'Q3 2024', '31/02/2024', '2024-13-01', '12345', '1/2']) {
      expect(parseDueDate(text, null)).toMatchObject({ ok: false, reason: 'invalid' });
    }
    expect(parseDueDate('13/04/2024', 'month-first')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('dateOrderOf', () => {
  it('tells the order from the sheet’s locale', () => {
    expect(dateOrderOf('en_GB')).toBe('day-first');
    expect(dateOrderOf('fr_FR')).toBe('day-first');
    expect(dateOrderOf('en_US')).toBe('month-first');
    expect(dateOrderOf(null)).toBeNull();
    expect(dateOrderOf('zz_not_a_locale!!')).toBeNull();
  });
});
