import type { FieldChangeOf } from '@jit/shared';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** A record's fields as the record stores them: instants as ISO text, and no field left undefined. */
export type PlainFields<F> = {
  [K in keyof F]-?: Exclude<F[K], undefined> extends Date ? string : Exclude<F[K], undefined> extends Date | null ? string | null : Exclude<F[K], undefined>;
};

/**
 * The fields of `patch` whose value differs from `current`, as old → new, for the audit record.
 */
export function diff<T extends object, P extends Partial<T>>(current: T, patch: P): Array<FieldChangeOf<PlainFields<P>>> {
  const changes: Array<{ field: string; from: unknown; to: unknown }> = [];
  for (const key of Object.keys(patch) as Array<keyof P & keyof T & string>) {
    const to = patch[key];
    if (to === undefined || same(plain(current[key]), plain(to))) continue;
    changes.push({ field: key, from: plain(current[key]) ?? null, to: plain(to) ?? null });
  }
  // Each change names a key of `patch` with values of its type, instants made ISO text as PlainFields says.
  return changes as Array<FieldChangeOf<PlainFields<P>>>;
}

/** Every field of a new record, as null → value. */
export const created = <F extends object>(fields: F): Array<FieldChangeOf<PlainFields<F>>> =>
  Object.entries(fields).map(([field, to]) => ({ field, from: null, to: plain(to) ?? null })) as Array<FieldChangeOf<PlainFields<F>>>;
