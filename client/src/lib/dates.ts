import { createContext, useContext } from 'react';

/** The time zone instants are shown in: the account's, or the browser's before login. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
export const TimeZoneContext = createContext<string>(browserTimeZone());
export const useTimeZone = (): string => useContext(TimeZoneContext);

/**
 * The locale numbers and dates are formatted in: the interface language with Latin digits, because
 * references, hashes, sizes and dates are read across the team and quoted in court (Arabic would
 * otherwise default to Arabic-Indic digits).
 */
export const formattingLocale = (language: string): string => `${language}-u-nu-latn`;

/** An instant in the given zone, e.g. "28 Nov 2026, 11:15 CET". Falls back to UTC for an unknown zone. */
export function formatInstant(iso: string, timeZone: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are named one by one.
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' };
  try {
    return new Intl.DateTimeFormat(formattingLocale(language), { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(formattingLocale(language), { ...options, timeZone: 'UTC' }).format(date);
  }
}

/** Units of a relative time and how many of each make the next; past a week the date says more. */
const RELATIVE_STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** How long ago (or ahead) an instant is, e.g. "5 minutes ago", "yesterday"; null beyond a week or for a bad value. */
export function formatRelative(iso: string, now: number, language: string): string | null {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return null;
  const format = new Intl.RelativeTimeFormat(formattingLocale(language), { numeric: 'auto' });
  let amount = (at - now) / 1000;
  // Clocks differ by a few seconds between server and browser: a fresh instant is "now", never "in 3 seconds".
  if (Math.abs(amount) < 45) return format.format(0, 'second');
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.trunc(amount), unit);
    amount /= size;
  }
  return null;
}

/** The UTC value shown on hover, e.g. "2026-11-28 10:15:30 UTC". */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A calendar date `YYYY-MM-DD` shown as a plain date; formatted in UTC so no zone can shift the day. */
export function formatDateOnly(value: string, language: string): string {
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A `<input type="date">` value (`YYYY-MM-DD`) read as midnight UTC, or the end of that day, as an ISO instant. */
export function dateInputToInstant(value: string, endOfDay = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return endOfDay ? `${value}T23:59:59.999Z` : `${value}T00:00:00.000Z`;
}

export const TIME_ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();
