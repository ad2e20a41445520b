import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../../database';

@Entity('evidence_folders')
@Index('ix_folders_jit_parent', ['jitId', 'parentId'])
export class EvidenceFolderEntity {
  @IdColumn() id: string;
  @RefColumn() jitId: string;
  @RefColumn({ nullable: true }) parentId: string | null;
  @TextColumn(200) name: string;
  @RefColumn() createdBy: string;
  @InstantColumn() createdAt: Date;
}
