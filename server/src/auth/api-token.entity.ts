import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database';

/** A personal API token: only its SHA-256 is stored; the token itself is shown once, at creation. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @IdColumn() id: string;
  @Index('ix_api_tokens_user') @RefColumn() userId: string;
  @TextColumn(100) name: string;
  @Index('uq_api_tokens_hash', { unique: true }) @TextColumn(64) tokenHash: string;
  @TextColumn(16) prefix: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn({ nullable: true }) lastUsedAt: Date | null;
  @InstantColumn({ nullable: true }) expiresAt: Date | null;
  @InstantColumn({ nullable: true }) revokedAt: Date | null;
}
