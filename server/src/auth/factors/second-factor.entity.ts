import { Column, Entity, Index } from 'typeorm';
import type { SecondFactorKind } from '@jit/shared';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../../database';

/**
 * An enrolled second factor. A TOTP secret must be readable to check a code, so it is kept as is;
 * the database is the store this workspace already trusts with the evidence's record.
 */
@Entity('second_factors')
export class SecondFactorEntity {
  @IdColumn() id: string;
  @Index('ix_second_factors_user') @RefColumn() userId: string;
  @TextColumn(16) kind: SecondFactorKind;
  @TextColumn(100) label: string;
  /** Base32 TOTP secret. */
  @TextColumn(64) secret: string;
  /** The last TOTP time step accepted (30-second steps since 1970: an int lasts two thousand years); a code of that step or an earlier one is refused (no replay). */
  @Column({ type: 'int', nullable: true }) lastUsedStep: number | null;
  @InstantColumn() createdAt: Date;
  /** Null while the enrolment waits for its first code: such a factor signs no one in. */
  @InstantColumn({ nullable: true }) confirmedAt: Date | null;
  @InstantColumn({ nullable: true }) lastUsedAt: Date | null;
}
