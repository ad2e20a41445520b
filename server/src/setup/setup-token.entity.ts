import { Column, Entity } from 'typeorm';
import { InstantColumn } from '../database';

/**
 * The one-time setup tokens printed by each server process that started while no account
 * existed. Kept (hashed) in the database so that any process behind a load balancer accepts the
 * token another one printed.
 */
@Entity('setup_tokens')
export class SetupTokenEntity {
  @Column({ type: 'varchar', length: 64, primary: true }) tokenHash: string;
  @InstantColumn() createdAt: Date;
}
