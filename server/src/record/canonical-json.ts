/**
 * JSON Canonicalization Scheme (RFC 8785) for the values the record hashes: objects with keys
 * sorted by UTF-16 code units, no whitespace, ECMAScript number and string serialisation.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('Canonical JSON cannot represent NaN or Infinity');
      // ECMAScript's Number.prototype.toString is the serialisation RFC 8785 prescribes (and -0 is 0).
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        // Plain comparison of JS strings compares UTF-16 code units, as RFC 8785 requires.
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`Canonical JSON cannot represent a ${typeof value}`);
  }
}
