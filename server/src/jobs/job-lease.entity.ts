import { Column, Entity } from 'typeorm';
import { InstantColumn, TextColumn } from '../database';

/** Who runs a scheduled job until when, so that one server process runs each job at a time. */
@Entity('job_leases')
export class JobLeaseEntity {
  @Column({ type: 'varchar', length: 64, primary: true }) name: string;
  @TextColumn(64) holder: string;
  @InstantColumn() expiresAt: Date;
}
