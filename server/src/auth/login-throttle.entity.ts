import { Column, Entity } from 'typeorm';
import { InstantColumn } from '../database';

/**
 * Failed sign-in counters per account from one address, and per address, in the database so every
 * process shares them. A bucket forgets its failures a window after the last one.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @Column({ type: 'varchar', length: 300, primary: true }) bucket: string;
  @Column({ type: 'int' }) failures: number;
  @InstantColumn() lastFailureAt: Date;
  /** No attempt is heard from this bucket before then; null while under its free failures. */
  @InstantColumn({ nullable: true }) blockedUntil: Date | null;
}
