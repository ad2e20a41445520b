import { Entity, Index } from 'typeorm';
import type { JitRole } from '@jit/shared';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database';

/** A person's place in one JIT, for one party. Revoking keeps the row: the record must show who had access. */
@Entity('memberships')
@Index('ix_memberships_jit_user', ['jitId', 'userId'])
@Index('ix_memberships_user', ['userId'])
export class MembershipEntity {
  @IdColumn() id: string;
  @RefColumn() jitId: string;
  @RefColumn() userId: string;
  @RefColumn() partyId: string;
  @TextColumn(16) role: JitRole;
  @InstantColumn({ nullable: true }) accessExpiresAt: Date | null;
  @InstantColumn() addedAt: Date;
  @RefColumn() addedBy: string;
  @InstantColumn({ nullable: true }) revokedAt: Date | null;
  @RefColumn({ nullable: true }) revokedBy: string | null;
}
