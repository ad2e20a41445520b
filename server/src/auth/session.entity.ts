import { Column, Entity, Index } from 'typeorm';
import type { AuthLevel } from '@jit/shared';
import { InstantColumn, RefColumn, TextColumn } from '../database';

/**
 * A server-side session, so any number of server processes can serve it. The cookie carries a
 * random token; only its SHA-256 is stored, so a database reader cannot hijack sessions.
 */
@Entity('sessions')
export class SessionEntity {
  @Column({ type: 'varchar', length: 64, primary: true }) tokenHash: string;
  @Index('ix_sessions_user') @RefColumn() userId: string;
  /** Echoed by the client in X-XSRF-TOKEN; rotated with every login. */
  @TextColumn(64) csrfToken: string;
  /** How far the sign-in got: password only, waiting for the second factor, or both. */
  @TextColumn(32) authLevel: AuthLevel;
  /** When the person last proved it was them (password, or second factor where enrolled): sensitive actions want it recent. */
  @InstantColumn({ nullable: true }) verifiedAt: Date | null;
  @InstantColumn() createdAt: Date;
  @InstantColumn() lastSeenAt: Date;
  @InstantColumn() expiresAt: Date;
  @TextColumn(64, { nullable: true }) ip: string | null;
  @TextColumn(512, { nullable: true }) userAgent: string | null;
}
