import { Column, Entity, Index } from 'typeorm';
import type { PartyKind } from '@jit/shared';
import { IdColumn, RefColumn, TextColumn } from '../database';

/** A signing state, or a participant organisation (Eurojust, ICC…) that members can belong to. */
@Entity('parties')
export class JitPartyEntity {
  @IdColumn() id: string;
  @Index('ix_parties_jit') @RefColumn() jitId: string;
  @TextColumn(16) kind: PartyKind;
  @TextColumn(2, { nullable: true }) country: string | null;
  @TextColumn(200) name: string;
  @TextColumn(200) authority: string;
  @Column({ type: 'boolean', default: false }) isLead: boolean;
  /** Order as written in the agreement. */
  @Column({ type: 'int' }) position: number;
}
