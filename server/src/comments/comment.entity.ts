import { Column, Entity, Index } from 'typeorm';
import type { CommentSubjectType } from '@jit/shared';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database';

@Entity('comments')
@Index('ix_comments_subject', ['jitId', 'subjectType', 'subjectId', 'createdAt'])
export class CommentEntity {
  @IdColumn() id: string;
  @RefColumn() jitId: string;
  @TextColumn(16) subjectType: CommentSubjectType;
  @RefColumn() subjectId: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'simple-json' }) mentions: string[];
  @RefColumn() authorId: string;
  @RefColumn() authorPartyId: string;
  @InstantColumn() createdAt: Date;
}
