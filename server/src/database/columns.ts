import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';

/**
 * Column helpers, so that both drivers (SQLite and MySQL/MariaDB) get the same shapes and a change
 * of representation happens in one place.
 */
export const IdColumn = (): PropertyDecorator => PrimaryColumn({ type: 'varchar', length: 36 });
export const RefColumn = (options: Pick<ColumnOptions, 'nullable'> = {}): PropertyDecorator =>
  Column({ type: 'varchar', length: 36, nullable: options.nullable ?? false });

/** A UTC instant with millisecond precision (mysql2 is set to timezone 'Z'). */
export const InstantColumn = (options: Pick<ColumnOptions, 'nullable'> = {}): PropertyDecorator =>
  Column({ type: 'datetime', precision: 3, nullable: options.nullable ?? false });

/** A calendar date kept as `YYYY-MM-DD` text: agreement dates have no time zone. */
export const DateOnlyColumn = (): PropertyDecorator => Column({ type: 'varchar', length: 10 });

export const TextColumn = (length: number, options: Pick<ColumnOptions, 'nullable'> = {}): PropertyDecorator =>
  Column({ type: 'varchar', length, nullable: options.nullable ?? false });

export const LongTextColumn = (): PropertyDecorator => Column({ type: 'text' });
