import { invalid } from './app-error';

/** A page cursor: the last row's sort values as base64url JSON, opaque to the client. */
export const encodeCursor = (values: object): string => Buffer.from(JSON.stringify(values)).toString('base64url');

/**
 * Reads a cursor back. `accept` checks the shape a list gave its cursors and returns the values
 * typed, or null for anything else; text that is not a cursor at all, or one refused, is a 400 on
 * `field` (a client only ever sends back what a page gave it, so this is tampering or a stale link).
 */
export function decodeCursor<T>(text: string, accept: (values: Record<string, unknown>) => T | null, field = 'cursor'): T {
  let values: unknown = null;
  try {
    values = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    // not base64url JSON: refused below like any other malformed cursor
  }
  const accepted = typeof values === 'object' && values !== null && !Array.isArray(values) ? accept(values as Record<string, unknown>) : null;
  if (accepted === null) throw invalid([{ field, code: 'invalid_value' }], 'This page cursor is not valid; start from the first page.');
  return accepted;
}
