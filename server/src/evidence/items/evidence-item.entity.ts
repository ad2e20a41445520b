import { Column, Entity, Index } from 'typeorm';
import type { Classification, DocumentType, EvidenceStatus, HandlingCode } from '@jit/shared';
import { ByteCountColumn, IdColumn, InstantColumn, LongTextColumn, RefColumn, Sha256Column, TextColumn } from '../../database';

/**
 * The indexes a list page is read through, named here because the list names them too (MySQL/MariaDB
 * are told which one to use for a page after a cursor; see EvidenceListService.list).
 */
export const EVIDENCE_LIST_INDEXES = {
  createdAt: 'ix_evidence_created',
  title: 'ix_evidence_title',
  size: 'ix_evidence_size',
  party: 'ix_evidence_party',
  handlingCode: 'ix_evidence_handling',
  folder: 'ix_evidence_folder',
} as const;

/** A piece of evidence: its provenance, handling code and versions. Listed only once `available`. */
@Entity('evidence_items')
// One index per sort order and per common filter, each ending in the sort key and the id, so every
// list page is a short range scan starting at the cursor however many items the JIT holds (status
// is left to a residual check: pending items are few). The id is spelled out even where InnoDB
// would append the primary key anyway: SQLite appends its rowid instead, and a cursor range over
// (sort key, id) needs the id in the index.
@Index(EVIDENCE_LIST_INDEXES.createdAt, ['jitId', 'createdAt', 'id'])
@Index(EVIDENCE_LIST_INDEXES.title, ['jitId', 'title', 'id'])
@Index(EVIDENCE_LIST_INDEXES.size, ['jitId', 'size', 'id'])
@Index(EVIDENCE_LIST_INDEXES.party, ['jitId', 'originatingPartyId', 'createdAt', 'id'])
@Index(EVIDENCE_LIST_INDEXES.handlingCode, ['jitId', 'handlingCode', 'createdAt', 'id'])
@Index(EVIDENCE_LIST_INDEXES.folder, ['jitId', 'folderId', 'createdAt', 'id'])
@Index('ix_evidence_sha', ['jitId', 'sha256'])
export class EvidenceItemEntity {
  @IdColumn() id: string;
  @RefColumn() jitId: string;
  @RefColumn({ nullable: true }) folderId: string | null;
  @TextColumn(300) title: string;
  @LongTextColumn() description: string;
  @TextColumn(32) documentType: DocumentType;
  @Column({ type: 'simple-json' }) languages: string[];
  @RefColumn() originatingPartyId: string;
  @TextColumn(200) originatingAuthority: string;
  @TextColumn(200) collectedBy: string;
  @TextColumn(300) collectionMethod: string;
  @Column({ type: 'datetime', precision: 3, nullable: true }) obtainedAt: Date | null;
  @TextColumn(500) source: string;
  @TextColumn(40) handlingCode: HandlingCode;
  @TextColumn(20) classification: Classification;
  @Column({ type: 'simple-json' }) tags: string[];
  @TextColumn(20) status: EvidenceStatus;
  @RefColumn() createdBy: string;
  @RefColumn() createdByPartyId: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn() updatedAt: Date;
  /** The original's digest, size, type and name, kept on the item for duplicate detection and the list. */
  @Sha256Column({ nullable: true }) sha256: string | null;
  @ByteCountColumn({ nullable: true }) size: number | null;
  @TextColumn(255, { nullable: true }) mimeType: string | null;
  @TextColumn(255) fileName: string;
  @RefColumn({ nullable: true }) duplicateOfItemId: string | null;
}
