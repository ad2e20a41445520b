import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, Sha256Column } from '../../database';

/** A single-use recovery code: its SHA-256 only; used codes are kept, marked, for the account's history. */
@Entity('recovery_codes')
export class RecoveryCodeEntity {
  @IdColumn() id: string;
  @Index('ix_recovery_codes_user') @RefColumn() userId: string;
  @Index('uq_recovery_codes_hash', { unique: true }) @Sha256Column() codeHash: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn({ nullable: true }) usedAt: Date | null;
}
