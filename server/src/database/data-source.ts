import { Logger } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config';
import { ENTITIES } from './entities';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { MYSQL_MIGRATIONS } from './migrations/mysql';

export type DatabaseDriver = 'sqlite' | 'mysql';

export const driverOf = (config: Pick<AppConfig, 'DATABASE_URL'>): DatabaseDriver => (config.DATABASE_URL ? 'mysql' : 'sqlite');

/**
 * One entity model, migrations per driver (as n8n does): SQLite by default, MySQL/MariaDB when
 * DATABASE_URL is set. Never `synchronize`: the schema only changes through reviewed migrations.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'DATABASE_URL' | 'DATA_DIR'>, flavour: MysqlFlavour = 'mysql'): DataSourceOptions {
  if (config.DATABASE_URL) {
    return {
      // Both flavours use mysql2 and the same migrations; TypeORM reads column defaults differently.
      type: flavour,
      url: config.DATABASE_URL,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      entities: ENTITIES,
      migrations: MYSQL_MIGRATIONS,
      migrationsRun: false,
      synchronize: false,
      extra: { connectionLimit: 10 },
    };
  }
  const dir = resolve(config.DATA_DIR);
  mkdirSync(dir, { recursive: true });
  return {
    type: 'better-sqlite3',
    database: resolve(dir, 'jit-workspace.sqlite'),
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    synchronize: false,
    // WAL lets readers (e.g. a backup) proceed while the server writes.
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
    },
  };
}

export type MysqlFlavour = 'mysql' | 'mariadb';

/** MariaDB reports column defaults unlike MySQL, so TypeORM must be told which server it talks to. */
export async function detectMysqlFlavour(url: string): Promise<MysqlFlavour> {
  const connection = await createConnection({ uri: url });
  try {
    const [rows] = await connection.query<RowDataPacket[]>('SELECT VERSION() AS version');
    return String(rows[0]?.version ?? '').includes('MariaDB') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

export async function openDataSource(config: Pick<AppConfig, 'DATABASE_URL' | 'DATA_DIR'>): Promise<DataSource> {
  const flavour = config.DATABASE_URL ? await detectMysqlFlavour(config.DATABASE_URL) : undefined;
  const dataSource = new DataSource(dataSourceOptions(config, flavour));
  await dataSource.initialize();
  if (flavour) await warnOnCollation(dataSource);
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/**
 * Tables take the database's default collation, while the connection speaks utf8mb4_unicode_ci.
 * When they differ, MariaDB no longer treats `column = constant` as fixing a sort key and sorts
 * whole columns where it would read an index in order (a task column of 25,000 rows sorted to
 * show 50), so the operator is told how to create the database.
 */
async function warnOnCollation(dataSource: DataSource): Promise<void> {
  const [row] = await dataSource.query<Array<{ collation?: string }>>('SELECT @@collation_database AS collation');
  if (row?.collation && row.collation !== 'utf8mb4_unicode_ci') {
    new Logger('Database').warn(
      `The database's default collation is ${row.collation}; the workspace expects utf8mb4_unicode_ci, and list pages get slower as JITs grow. Create the database with CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci.`,
    );
  }
}
