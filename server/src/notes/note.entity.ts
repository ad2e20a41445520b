import { Column, Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database';

/** A markdown note of a JIT; its content lives in its revisions, the newest copied here for reading. */
@Entity('notes')
@Index('ix_notes_jit_updated', ['jitId', 'updatedAt'])
export class NoteEntity {
  @IdColumn() id: string;
  @RefColumn() jitId: string;
  @TextColumn(200) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'simple-json' }) tags: string[];
  @Column({ type: 'int' }) revision: number;
  @RefColumn() createdBy: string;
  @InstantColumn() createdAt: Date;
  @RefColumn() updatedBy: string;
  @InstantColumn() updatedAt: Date;
}

/** Every save is a revision; history is never rewritten (a restore is a new revision). */
@Entity('note_revisions')
@Index('uq_note_revisions', ['noteId', 'revision'], { unique: true })
export class NoteRevisionEntity {
  @IdColumn() id: string;
  @RefColumn() noteId: string;
  @Column({ type: 'int' }) revision: number;
  @TextColumn(200) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'simple-json' }) tags: string[];
  @RefColumn() authorId: string;
  @InstantColumn() createdAt: Date;
  @Column({ type: 'int', nullable: true }) restoredFrom: number | null;
}
