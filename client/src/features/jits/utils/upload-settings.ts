/** The units the upload limit is edited in (binary: 1 MiB = 1024 × 1024 bytes). */
export const SIZE_UNITS = ['MiB', 'GiB'] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];

const BYTES_PER_UNIT: Record<SizeUnit, number> = { MiB: 1024 ** 2, GiB: 1024 ** 3 };

/** What the size input shows: an amount ('' when empty; a string while being typed, e.g. "1.") and its unit. */
export interface SizeValue {
  amount: number | string;
  unit: SizeUnit;
}

/**
 * An amount in a unit as whole bytes; null when empty (the server's default). A value that is not a
 * positive number is NaN, so the form can refuse it rather than send it.
 */
export function sizeToBytes({ amount, unit }: SizeValue): number | null {
  const text = typeof amount === 'string' ? amount.trim() : null;
  if (text === '') return null;
  const value = text === null ? amount : Number(text);
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return Number.NaN;
  return Math.max(1, Math.round(value * BYTES_PER_UNIT[unit]));
}

/**
 * Bytes as the size input shows them: in GiB when a whole number of GiB, otherwise in MiB (to at
 * most three decimals); null or not a positive number shows empty.
 */
export function bytesToSize(bytes: number | null | undefined): SizeValue {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes <= 0) return { amount: '', unit: 'MiB' };
  if (bytes % BYTES_PER_UNIT.GiB === 0) return { amount: bytes / BYTES_PER_UNIT.GiB, unit: 'GiB' };
  return { amount: Math.round((bytes / BYTES_PER_UNIT.MiB) * 1000) / 1000, unit: 'MiB' };
}

/** The MIME type form the server accepts, e.g. `application/x-msdownload`. */
export const isMimeType = (value: string): boolean => /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(value);

/** Typed MIME types as the server wants them: trimmed, lower case, without blanks or repeats. */
export const normalizeMimeTypes = (values: readonly string[]): string[] => [...new Set(values.map((value) => value.trim().toLowerCase()).filter(Boolean))];
