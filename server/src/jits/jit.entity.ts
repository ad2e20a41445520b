import { Column, Entity, Index } from 'typeorm';
import type { JitStatus } from '@jit/shared';
import { ByteCountColumn, DateOnlyColumn, IdColumn, InstantColumn, LongTextColumn, RefColumn, TextColumn } from '../database';

@Entity('jits')
export class JitEntity {
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
  /** Largest file accepted in this JIT, or null for the server's UPLOAD_MAX_BYTES. */
  @ByteCountColumn({ nullable: true }) maxUploadBytes: number | null;
  /** MIME types (sniffed from content) refused in this JIT, e.g. application/x-msdownload. */
  @Column({ type: 'simple-json' }) blockedTypes: string[];
  /** Members enter only with a second factor (set by the lead party's leaders). */
  @Column({ type: 'boolean', default: false }) secondFactorRequired: boolean;
  @RefColumn() createdBy: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn({ nullable: true }) activatedAt: Date | null;
  @InstantColumn({ nullable: true }) closedAt: Date | null;
}
