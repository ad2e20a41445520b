import { Column, Entity } from 'typeorm';
import { InstantColumn } from '../database';

/** Failed-login counters per account and per client address, in the database so every process shares them. */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @Column({ type: 'varchar', length: 300, primary: true }) bucket: string;
  @Column({ type: 'int' }) failures: number;
  @InstantColumn() windowStartedAt: Date;
}
