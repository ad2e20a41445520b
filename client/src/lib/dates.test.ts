import { describe, expect, it } from 'vitest';
import { datePattern, formatDateOnly, formatInstant, formatRelative, formatUtc, isoToZoned, parseDateInput, regionalLocale, zonedToIso } from './dates';

describe('dates', () => {
  it('writes Arabic dates in Arabic with Latin digits, as references and hashes are', () => {
    const shown = formatInstant('2026-11-28T10:15:30Z', 'UTC', 'ar');
    expect(shown).toMatch(/2026/);
    expect(shown).toMatch(/[\u0600-\u06FF]/);
    expect(shown).not.toMatch(/[\u0660-\u0669]/);
    expect(formatDateOnly('2026-03-01', 'ar')).toMatch(/2026/);
  });

  it('shows an instant in the given time zone with its zone name', () => {
    const text = formatInstant('2026-11-28T10:15:30.123Z', 'Europe/Paris', 'en');
    expect(text).toContain('11:15:30');
    expect(text).toMatch(/GMT\+1|CET/);
  });

  it('falls back to UTC for an unknown zone instead of failing', () => {
    expect(formatInstant('2026-11-28T10:15:30.123Z', 'Mars/Olympus', 'fr')).toContain('10:15:30');
  });

  it('gives the UTC value for the hover and keeps date-only values on their day', () => {
    expect(formatUtc('2026-11-28T10:15:30.123Z')).toBe('2026-11-28 10:15:30 UTC');
    expect(formatDateOnly('2026-12-31', 'en')).toContain('31');
  });

  it('says how long ago an instant was, up to a week, in the given language', () => {
    const now = Date.parse('2026-11-28T12:00:00.000Z');
    expect(formatRelative('2026-11-28T11:59:50.000Z', now, 'en')).toBe('now');
    // A clock a little ahead of the browser's is not "in 10 seconds".
    expect(formatRelative('2026-11-28T12:00:10.000Z', now, 'en')).toBe('now');
    expect(formatRelative('2026-11-28T11:55:00.000Z', now, 'en')).toBe('5 minutes ago');
    expect(formatRelative('2026-11-28T09:00:00.000Z', now, 'fr')).toBe('il y a 3 heures');
    expect(formatRelative('2026-11-27T10:00:00.000Z', now, 'es')).toBe('ayer');
    expect(formatRelative('2026-11-20T12:00:00.000Z', now, 'en')).toBeNull();
    expect(formatRelative('not a date', now, 'en')).toBeNull();
  });
});

describe('date fields', () => {
  it('write a date in the order and with the separators of the person’s locale', () => {
    expect(datePattern('en-GB').format).toBe('DD[/]MM[/]YYYY');
    expect(datePattern('en-US').format).toBe('MM[/]DD[/]YYYY');
    expect(datePattern('fr').format).toBe('DD[/]MM[/]YYYY');
    expect(datePattern('uk').format).toBe('DD[.]MM[.]YYYY');
    expect(datePattern('ar-u-nu-latn').order).toEqual(['day', 'month', 'year']);
    expect(datePattern('ar-u-nu-latn').format).not.toMatch(/[\u200e\u200f\u061c]/);
  });

  it('read what is typed in that order, or as an ISO date, and refuse a day that does not exist', () => {
    expect(parseDateInput('03/04/2026', 'en-GB')).toBe('2026-04-03');
    expect(parseDateInput('03/04/2026', 'en-US')).toBe('2026-03-04');
    expect(parseDateInput('3.4.2026', 'uk')).toBe('2026-04-03');
    expect(parseDateInput(' 2026-04-03 ', 'en-US')).toBe('2026-04-03');
    expect(parseDateInput('31/02/2026', 'fr')).toBeNull();
    expect(parseDateInput('2026', 'fr')).toBeNull();
    expect(parseDateInput('tomorrow', 'fr')).toBeNull();
    expect(parseDateInput('01/01/26', 'fr')).toBeNull();
  });

  it('take the region of the browser when it speaks the interface language', () => {
    expect(regionalLocale('en', ['en-GB', 'nl'])).toBe('en-GB-u-nu-latn');
    expect(regionalLocale('en', ['nl-NL'])).toBe('en-u-nu-latn');
    expect(regionalLocale('ar', ['ar-SY'])).toBe('ar-SY-u-nu-latn');
  });
});

describe('wall-clock times in the profile’s zone', () => {
  it('turn a date and time in a zone into the UTC instant, across daylight saving', () => {
    expect(zonedToIso('2026-01-15', '10:30', 'Europe/Amsterdam')).toBe('2026-01-15T09:30:00.000Z');
    expect(zonedToIso('2026-07-15', '10:30', 'Europe/Amsterdam')).toBe('2026-07-15T08:30:00.000Z');
    expect(zonedToIso('2026-07-15', '10:30', 'Asia/Damascus')).toBe('2026-07-15T07:30:00.000Z');
    expect(zonedToIso('2026-07-15', '10:30', 'America/New_York')).toBe('2026-07-15T14:30:00.000Z');
    expect(zonedToIso('2026-10-25', '12:00', 'Europe/Kyiv')).toBe('2026-10-25T10:00:00.000Z');
    expect(zonedToIso('2026-07-15', '9:05', 'UTC')).toBe('2026-07-15T09:05:00.000Z');
  });

  it('refuse what is no date, no time or no zone', () => {
    expect(zonedToIso('2026-07-15', '25:00', 'UTC')).toBeUndefined();
    expect(zonedToIso('15/07/2026', '10:00', 'UTC')).toBeUndefined();
    expect(zonedToIso('2026-07-15', '10:00', 'Mars/Olympus')).toBeUndefined();
  });

  it('show an instant on the clocks of a zone, and back again', () => {
    expect(isoToZoned('2026-07-15T08:30:00.000Z', 'Europe/Amsterdam')).toEqual({ date: '2026-07-15', time: '10:30' });
    expect(isoToZoned('2026-07-15T23:30:00.000Z', 'Asia/Tokyo')).toEqual({ date: '2026-07-16', time: '08:30' });
    expect(isoToZoned('', 'UTC')).toEqual({ date: '', time: '' });
    const { date, time } = isoToZoned('2026-03-29T01:15:00.000Z', 'Europe/Paris');
    expect(zonedToIso(date, time, 'Europe/Paris')).toBe('2026-03-29T01:15:00.000Z');
  });
});
