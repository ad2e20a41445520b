import { Column, Entity, Index } from 'typeorm';
import type { ChecklistItem, TaskPriority, TaskStatus } from '@jit/shared';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database/columns';

@Entity('tasks')
@Index('ix_tasks_board', ['jitId', 'status', 'position'])
@Index('ix_tasks_assignee', ['assigneeUserId', 'status'])
export class TaskRecord {
  @IdColumn() id: string;
  @RefColumn() jitId: string;
  @TextColumn(200) title: string;
  @Column({ type: 'text' }) description: string;
  @TextColumn(16) status: TaskStatus;
  @Column({ type: 'int' }) position: number;
  @TextColumn(16) priority: TaskPriority;
  @RefColumn({ nullable: true }) assigneeMemberId: string | null;
  /** Kept with the membership for "my tasks" across JITs. */
  @RefColumn({ nullable: true }) assigneeUserId: string | null;
  @RefColumn() assigningPartyId: string;
  @TextColumn(10, { nullable: true }) dueDate: string | null;
  @Column({ type: 'simple-json' }) labels: string[];
  @Column({ type: 'simple-json' }) checklist: ChecklistItem[];
  @RefColumn() createdBy: string;
  @InstantColumn() createdAt: Date;
  @InstantColumn() updatedAt: Date;
}
