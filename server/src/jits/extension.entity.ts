import { Entity, Index } from 'typeorm';
import { DateOnlyColumn, IdColumn, InstantColumn, LongTextColumn, RefColumn } from '../database';

/** An extension of the agreement, kept as its own dated record, never an overwrite. */
@Entity('jit_extensions')
export class JitExtensionEntity {
  @IdColumn() id: string;
  @Index('ix_extensions_jit') @RefColumn() jitId: string;
  @DateOnlyColumn() previousEndDate: string;
  @DateOnlyColumn() newEndDate: string;
  @DateOnlyColumn() agreedOn: string;
  @LongTextColumn() note: string;
  @RefColumn() recordedBy: string;
  @InstantColumn() recordedAt: Date;
}
