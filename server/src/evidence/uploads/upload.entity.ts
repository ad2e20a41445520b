import { Column, Entity, Index } from 'typeorm';
import type { UploadStatus } from '@jit/shared';
import { ByteCountColumn, IdColumn, InstantColumn, RefColumn, Sha256Column, TextColumn } from '../../database';
import type { StoredPart } from '../../storage';

/**
 * A tus upload: bytes on their way to storage. It becomes evidence only together with an item or
 * version that claims it, once complete with its size and hash recorded.
 */
@Entity('uploads')
@Index('ix_uploads_status_expiry', ['status', 'expiresAt'])
export class EvidenceUploadEntity {
  @IdColumn() id: string;
  @Index('ix_uploads_jit') @RefColumn() jitId: string;
  @RefColumn() userId: string;
  @RefColumn() partyId: string;
  @ByteCountColumn() length: number;
  /** Bytes durably received: parts stored plus bytes staged for the next part. */
  @ByteCountColumn() offset: number;
  @TextColumn(255) fileName: string;
  /** What the client said the type was; only the sniffed type is trusted. */
  @TextColumn(255) declaredType: string;
  @Sha256Column({ nullable: true }) declaredSha256: string | null;
  /** Opaque storage key, never derived from the file name. */
  @TextColumn(64) objectKey: string;
  @TextColumn(255, { nullable: true }) multipartId: string | null;
  @Column({ type: 'simple-json' }) parts: StoredPart[];
  @TextColumn(16) status: UploadStatus;
  @Sha256Column({ nullable: true }) sha256: string | null;
  @TextColumn(255, { nullable: true }) mimeType: string | null;
  @TextColumn(500, { nullable: true }) failureReason: string | null;
  @InstantColumn() createdAt: Date;
  @InstantColumn() updatedAt: Date;
  @InstantColumn() expiresAt: Date;
}
