import { Column, Entity, Index } from 'typeorm';
import type { ChecklistItem, TaskPriority, TaskStatus } from '@jit/shared';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../database';

/** The indexes the task list reads through; named so the service can force them on MySQL/MariaDB. */
export const TASK_LIST_INDEXES = {
  board: 'ix_tasks_board',
  assignee: 'ix_tasks_assignee_board',
} as const;

@Entity('tasks')
// The list pages in board order (status, position, id): each index ends in that key so a page is
// one index range scan, unfiltered or filtered by assignee.
@Index(TASK_LIST_INDEXES.board, ['jitId', 'status', 'position', 'id'])
@Index(TASK_LIST_INDEXES.assignee, ['jitId', 'assigneeMemberId', 'status', 'position', 'id'])
@Index('ix_tasks_assignee', ['assigneeUserId', 'status'])
export class TaskEntity {
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
