import type { FieldChange } from '@jit/shared';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * The fields of `patch` whose value differs from `current`, as old → new, for the audit record.
 * Fields named in `hidden` are recorded as changed without their values (secrets).
 */
export function diff<T extends object>(current: T, patch: Partial<T>, hidden: ReadonlyArray<keyof T> = []): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of Object.keys(patch) as Array<keyof T & string>) {
    const to = patch[key];
    if (to === undefined || same(plain(current[key]), plain(to))) continue;
    changes.push(hidden.includes(key) ? { field: key, from: null, to: null } : { field: key, from: plain(current[key]) ?? null, to: plain(to) ?? null });
  }
  return changes;
}

/** Every field of a new record, as null → value. */
export const created = (fields: Record<string, unknown>): FieldChange[] =>
  Object.entries(fields).map(([field, to]) => ({ field, from: null, to: plain(to) ?? null }));
