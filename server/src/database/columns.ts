import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';

/**
 * Column helpers, so that both drivers (SQLite and MySQL/MariaDB) get the same shapes and a change
 * of representation happens in one place.
 */
export const IdColumn = (): PropertyDecorator => PrimaryColumn({ type: 'varchar', length: 36 });
export const RefColumn = (options: Pick<ColumnOptions, 'nullable'> = {}): PropertyDecorator => Column({ type: 'varchar', length: 36, nullable: options.nullable ?? false });

/** A UTC instant with millisecond precision (mysql2 is set to timezone 'Z'). */
export const InstantColumn = (options: Pick<ColumnOptions, 'nullable'> = {}): PropertyDecorator => Column({ type: 'datetime', precision: 3, nullable: options.nullable ?? false });

/** A calendar date kept as `YYYY-MM-DD` text: agreement dates have no time zone. */
export const DateOnlyColumn = (): PropertyDecorator => Column({ type: 'varchar', length: 10 });

export const TextColumn = (length: number, options: Pick<ColumnOptions, 'nullable'> = {}): PropertyDecorator =>
  Column({ type: 'varchar', length, nullable: options.nullable ?? false });

export const LongTextColumn = (): PropertyDecorator => Column({ type: 'text' });

/** A byte count: bigint in the database (files of many gigabytes), a number in code (exact below 2^53). */
export const ByteCountColumn = (options: Pick<ColumnOptions, 'nullable'> = {}): PropertyDecorator =>
  Column({
    type: 'bigint',
    nullable: options.nullable ?? false,
    transformer: { to: (value: number | null | undefined) => value, from: (value: string | number | null) => (value === null ? null : Number(value)) },
  });

/** A SHA-256 digest in lowercase hex. */
export const Sha256Column = (options: Pick<ColumnOptions, 'nullable'> = {}): PropertyDecorator => Column({ type: 'varchar', length: 64, nullable: options.nullable ?? false });
