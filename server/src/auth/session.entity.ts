import { Column, Entity, Index } from 'typeorm';
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
  /** How the session was authenticated; a second factor (TOTP) will add 'second_factor'. */
  @TextColumn(32) authLevel: 'password';
  @InstantColumn() createdAt: Date;
  @InstantColumn() lastSeenAt: Date;
  @InstantColumn() expiresAt: Date;
  @TextColumn(64, { nullable: true }) ip: string | null;
  @TextColumn(512, { nullable: true }) userAgent: string | null;
}
