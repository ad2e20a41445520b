/**
 * Keys are opaque ids chosen by the server. Both adapters refuse anything else so that a key can
 * never name a path outside the store (`../`, `/`) nor differ in meaning between the adapters.
 */
const OBJECT_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

export function assertObjectKey(key: string): void {
  if (!OBJECT_KEY.test(key)) throw new Error(`Invalid object key ${JSON.stringify(key)}: expected ${OBJECT_KEY}`);
}

/** Checks an inclusive range before it reaches the disk or the network, where errors are vaguer. */
export function assertByteRange(range: { start: number; end: number }): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid byte range ${start}-${end}`);
  }
}

/** Checks the part list handed to completeMultipart: parts 1..n, in order. */
export function assertConsecutiveParts(parts: readonly { partNumber: number }[]): void {
  if (parts.length === 0) throw new Error('A multipart upload needs at least one part');
  parts.forEach((part, index) => {
    if (part.partNumber !== index + 1) throw new Error(`Parts must be numbered 1..${parts.length} in order; got ${part.partNumber} at position ${index + 1}`);
  });
}
