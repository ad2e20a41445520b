/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** True for an IANA time zone name the runtime knows (e.g. `Europe/Paris`, `UTC`). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Today's date in UTC as `YYYY-MM-DD`: agreement dates are compared in UTC. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
