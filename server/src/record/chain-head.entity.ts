import { Column, Entity } from 'typeorm';
import { TextColumn } from '../database';

/**
 * The newest (seq, hash) of each chain. Deleting the newest events leaves the head pointing past
 * them, so that too is detected; on MySQL its row lock serialises appends to one chain.
 */
@Entity('audit_chain_heads')
export class ChainHeadEntity {
  @Column({ type: 'varchar', length: 80, primary: true }) chain: string;
  @Column({ type: 'int' }) seq: number;
  @TextColumn(64) hash: string;
}
