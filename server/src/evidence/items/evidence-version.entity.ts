import { Column, Entity, Index } from 'typeorm';
import type { EvidenceStatus, VersionKind } from '@jit/shared';
import { ByteCountColumn, IdColumn, InstantColumn, LongTextColumn, RefColumn, Sha256Column, TextColumn } from '../../database';

/** One immutable file of an item: the original, or a copy derived from an earlier version. */
@Entity('evidence_versions')
@Index('ix_versions_item', ['itemId', 'number'], { unique: true })
@Index('ix_versions_jit_sha', ['jitId', 'sha256'])
export class EvidenceVersionEntity {
  @IdColumn() id: string;
  @RefColumn() itemId: string;
  @RefColumn() jitId: string;
  @Column({ type: 'int' }) number: number;
  @TextColumn(20) kind: VersionKind;
  @RefColumn({ nullable: true }) derivedFromVersionId: string | null;
  @Index('uq_versions_upload', { unique: true }) @RefColumn() uploadId: string;
  @TextColumn(64) objectKey: string;
  @TextColumn(255) fileName: string;
  @ByteCountColumn({ nullable: true }) size: number | null;
  @Sha256Column({ nullable: true }) sha256: string | null;
  @TextColumn(255, { nullable: true }) mimeType: string | null;
  @TextColumn(20) status: EvidenceStatus;
  @LongTextColumn() note: string;
  @RefColumn() uploadedBy: string;
  @RefColumn() uploadedByPartyId: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn({ nullable: true }) availableAt: Date | null;
  @InstantColumn({ nullable: true }) lastVerifiedAt: Date | null;
}
