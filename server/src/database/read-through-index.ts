import { In, type EntityTarget, type FindOptionsWhere, type SelectQueryBuilder } from 'typeorm';

/**
 * The first `count` rows of an ordered list query, read on MySQL/MariaDB through `index`, forced.
 * When one JIT is most of a table, MariaDB prices the range "from the cursor on" above a scan and
 * reads the JIT from the top of the list (or walks another index and filters), which makes a page
 * cost grow with the JIT. FORCE INDEX rules that out; TypeORM writes only USE INDEX, which changes
 * nothing here, so the ids are read with the hint swapped in, then the rows by primary key. SQLite
 * picks the index by itself, and a null index leaves the choice to the optimiser.
 */
export async function readThroughIndex<T extends { id: string }>(entity: EntityTarget<T>, qb: SelectQueryBuilder<T>, index: string | null, count: number): Promise<T[]> {
  if (!index || qb.connection.options.type === 'better-sqlite3') return qb.take(count).getMany();
  const [sql, parameters] = qb.select(`${qb.alias}.id`, 'id').useIndex(index).limit(count).getQueryAndParameters();
  const forced = sql.replace(' USE INDEX (', ' FORCE INDEX (');
  // A TypeORM that wrote the hint differently would silently lose it: fail loudly instead.
  if (forced === sql) throw new Error(`The list query has no USE INDEX to force: ${sql}`);
  const ids = (await qb.connection.query<Array<{ id: string }>>(forced, parameters)).map((row) => row.id);
  if (ids.length === 0) return [];
  const rows = await qb.connection.getRepository(entity).findBy({ id: In(ids) } as FindOptionsWhere<T>);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
