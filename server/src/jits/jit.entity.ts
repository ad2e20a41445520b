import { Column, Entity, Index } from 'typeorm';
import type { JitStatus } from '@jit/shared';
import { DateOnlyColumn, IdColumn, InstantColumn, LongTextColumn, RefColumn, TextColumn } from '../database/columns';

@Entity('jits')
export class JitAgreement {
  @IdColumn() id: string;
  @Index('uq_jits_reference', { unique: true }) @TextColumn(64) reference: string;
  @TextColumn(200) title: string;
  @LongTextColumn() purpose: string;
  @LongTextColumn() legalBasis: string;
  @DateOnlyColumn() startDate: string;
  /** As signed; extensions never overwrite it. */
  @DateOnlyColumn() endDate: string;
  /** The latest extension's end date, or endDate: derived, kept for queries. */
  @DateOnlyColumn() effectiveEndDate: string;
  @TextColumn(8) workingLanguage: string;
  @Column({ type: 'simple-json' }) statesOfOperation: string[];
  @TextColumn(16) status: JitStatus;
  @RefColumn() createdBy: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn({ nullable: true }) activatedAt: Date | null;
  @InstantColumn({ nullable: true }) closedAt: Date | null;
}
