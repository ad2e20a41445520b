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
    return new Intl.DateTimeFormat(regionalLocale(language), { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(regionalLocale(language), { ...options, timeZone: 'UTC' }).format(date);
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
  const format = new Intl.RelativeTimeFormat(regionalLocale(language), { numeric: 'auto' });
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
  return new Intl.DateTimeFormat(regionalLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

type DatePart = 'day' | 'month' | 'year';

/**
 * How a person writes a date: the order of day, month and year and the separators between them,
 * as their locale prints a short date (`28/11/2026` in en-GB and fr, `11/28/2026` in en-US,
 * `28.11.2026` in uk). `format` is in dayjs tokens, as the date picker wants it.
 */
export function datePattern(locale: string): { order: DatePart[]; format: string } {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 10, 28)));
  const order: DatePart[] = [];
  let format = '';
  for (const part of parts) {
    if (part.type === 'day' || part.type === 'month' || part.type === 'year') {
      order.push(part.type);
      format += { day: 'DD', month: 'MM', year: 'YYYY' }[part.type];
    } else if (part.type === 'literal') {
      // Direction marks (Arabic puts one after each separator) would be typed by nobody.
      const literal = part.value.replace(/[\u200e\u200f\u061c]/g, '');
      if (literal) format += `[${literal}]`;
    }
  }
  return { order, format };
}

const pad = (value: number, length: number) => String(value).padStart(length, '0');

/**
 * A date typed in the person's pattern, or as `YYYY-MM-DD`, read as `YYYY-MM-DD`; null when it is no
 * real date (31/02) or not a date at all. Any separator is accepted between the three numbers.
 */
export function parseDateInput(input: string, locale: string): string | null {
  const text = input.trim();
  const numbers = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)?.slice(1) ?? text.match(/\d+/g) ?? [];
  if (numbers.length !== 3) return null;
  const order: DatePart[] = /^\d{4}-/.test(text) ? ['year', 'month', 'day'] : datePattern(locale).order;
  const value = Object.fromEntries(order.map((part, index) => [part, Number(numbers[index])])) as Record<DatePart, number>;
  if (value.year < 1000 || value.year > 9999) return null;
  const date = new Date(Date.UTC(value.year, value.month - 1, value.day));
  if (date.getUTCFullYear() !== value.year || date.getUTCMonth() !== value.month - 1 || date.getUTCDate() !== value.day) return null;
  return `${pad(value.year, 4)}-${pad(value.month, 2)}-${pad(value.day, 2)}`;
}

/**
 * The regional form of the interface language that the browser asks for (`en-GB` rather than the
 * American `en`), for dates and times shown and typed (day before month, a 24-hour clock); the
 * language alone otherwise. Latin digits either way.
 */
export function regionalLocale(language: string, preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): string {
  const match = preferred.find((tag) => tag.toLowerCase().startsWith(`${language.toLowerCase()}-`));
  return formattingLocale(match ?? language);
}

/** How far ahead of UTC the zone's clocks are at an instant, in milliseconds. */
function zoneOffset(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(at))
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - (at - (at % 1000));
}

/** A 24-hour time as hours and minutes, `9:05` or `14:30`. */
export const TIME_OF_DAY = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/**
 * A wall-clock date and time in a zone (`2026-03-29`, `02:30`, `Europe/Paris`) as a UTC ISO instant;
 * undefined when either is not a date or time. A time the clocks skip (spring forward) is read as the
 * same time before the change, like most calendars do.
 */
export function zonedToIso(date: string, time: string, timeZone: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = TIME_OF_DAY.exec(time);
  if (!d || !t) return undefined;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  try {
    // The offset at the wall time read as UTC is right except near a change; a second look settles it.
    const first = wall - zoneOffset(wall, timeZone);
    return new Date(wall - zoneOffset(first, timeZone)).toISOString();
  } catch {
    return undefined;
  }
}

/** A UTC ISO instant as the date and time on the clocks of a zone; empty parts for no instant. */
export function isoToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const at = new Date(iso).getTime();
  if (!iso || Number.isNaN(at)) return { date: '', time: '' };
  let offset = 0;
  try {
    offset = zoneOffset(at, timeZone);
  } catch {
    // An unknown zone name: UTC, as formatInstant falls back to.
  }
  const wall = new Date(at + offset).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
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
