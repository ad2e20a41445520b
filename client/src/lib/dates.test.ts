import { describe, expect, it } from 'vitest';
import { formatDateOnly, formatInstant, formatRelative, formatUtc } from './dates';

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
