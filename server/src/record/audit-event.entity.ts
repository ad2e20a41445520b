import { Entity, Index, PrimaryColumn } from 'typeorm';
import type { AuditAction, AuditSubjectType, RecordAudience } from '@jit/shared';
import { LongTextColumn, RefColumn, TextColumn } from '../database';

/** One link of a hash chain. Rows are only ever inserted; verification detects any other change. */
@Entity('audit_events')
// The custody log of one item reads its events by subject.
@Index('ix_audit_subject', ['chain', 'subjectType', 'subjectId'])
export class AuditEventEntity {
  /** Primary key (chain, seq): a chain cannot hold two events with one number. */
  @PrimaryColumn({ type: 'varchar', length: 80 }) chain: string;
  @PrimaryColumn({ type: 'int' }) seq: number;
  /** ISO 8601 UTC with milliseconds, kept as text so it is hashed exactly as stored. */
  @TextColumn(24) occurredAt: string;
  @RefColumn({ nullable: true }) actorUserId: string | null;
  @RefColumn({ nullable: true }) actorPartyId: string | null;
  @TextColumn(64) action: AuditAction;
  @TextColumn(32) subjectType: AuditSubjectType;
  @TextColumn(80) subjectId: string;
  /** The action's default audience when written (hashed, so kept); reads decide from the catalogue. */
  @TextColumn(16) visibility: RecordAudience;
  /** Canonical JSON of AuditDetails (changes, ip, user agent, time zone); enters the hash only as detailsDigest. */
  @LongTextColumn() details: string;
  @TextColumn(64) detailsDigest: string;
  @TextColumn(64) prevHash: string;
  @TextColumn(64) hash: string;
}
