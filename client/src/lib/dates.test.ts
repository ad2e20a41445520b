import { describe, expect, it } from 'vitest';
import { formatDateOnly, formatInstant, formatUtc } from './dates';

describe('dates', () => {
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
});
