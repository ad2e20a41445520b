import { Column, Entity } from 'typeorm';
import { InstantColumn, RefColumn, TextColumn } from '../database';

/** One platform-wide setting the administrator changes at run time (the environment holds the rest). */
@Entity('platform_settings')
export class PlatformSettingEntity {
  @Column({ type: 'varchar', length: 64, primary: true }) key: string;
  /** JSON of the value. */
  @TextColumn(2000) value: string;
  @InstantColumn() updatedAt: Date;
  @RefColumn() updatedBy: string;
}
