import type { DateOnly, IsoInstant } from './api';

export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_LIMITS = {
  titleMax: 200,
  descriptionMax: 20_000,
  labelsMax: 20,
  labelMax: 50,
  checklistMax: 50,
  checklistItemMax: 300,
  /** Tasks per page of the list when `limit` is not given, and the most one page may hold. */
  pageDefault: 50,
  pageMax: 200,
} as const;

export interface ChecklistItem {
  text: string;
  done: boolean;
}

export interface Task {
  id: string;
  jitId: string;
  title: string;
  /** Markdown */
  description: string;
  status: TaskStatus;
  /** Order within its status column on the board (0 first). */
  position: number;
  priority: TaskPriority;
  /** The assignee's membership, or null. */
  assigneeMemberId: string | null;
  assigneeUserId: string | null;
  assigneeName: string | null;
  /** The party of the leader who assigned it. */
  assigningPartyId: string;
  dueDate: DateOnly | null;
  overdue: boolean;
  labels: string[];
  checklist: ChecklistItem[];
  createdBy: string;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

/** POST /api/jits/:jitId/tasks (leaders) */
export interface CreateTaskRequest {
  title: string;
  description?: string;
  priority?: TaskPriority;
  assigneeMemberId?: string | null;
  dueDate?: DateOnly | null;
  labels?: string[];
  checklist?: ChecklistItem[];
}
/**
 * PATCH /api/jits/:jitId/tasks/:taskId (leaders). `baseUpdatedAt` is the `updatedAt` of the task the
 * edit started from: if the task changed since (an edit, a move, a ticked item), the answer is 409
 * `stale_revision` and nothing is written, so no edit is ever lost.
 */
export interface UpdateTaskRequest extends Partial<CreateTaskRequest> {
  baseUpdatedAt: IsoInstant;
}
/** POST /api/jits/:jitId/tasks/:taskId/move (leaders, or the assignee): a status column and a place in it. */
export interface MoveTaskRequest {
  status: TaskStatus;
  position: number;
}
/**
 * PATCH /api/jits/:jitId/tasks/:taskId/checklist/:index (leaders, or the assignee): ticks or unticks
 * one item. `text` is the item as the caller saw it: if the item at `index` now reads otherwise or
 * is gone, the checklist was edited meanwhile and the answer is 409 `conflict`, nothing changed.
 */
export type TickChecklistItemRequest = ChecklistItem;
/**
 * GET /api/jits/:jitId/tasks?… — keyset pagination in board order (status, position): pass the
 * previous page's `nextCursor` as `cursor` until it is null.
 */
export interface TaskListQuery {
  assigneeMemberId?: string;
  partyId?: string;
  status?: TaskStatus;
  dueBefore?: DateOnly;
  overdue?: boolean;
  /** 1 to TASK_LIMITS.pageMax; TASK_LIMITS.pageDefault when left out. */
  limit?: number;
  /** Opaque: the `nextCursor` of the previous page. */
  cursor?: string;
}
export interface TaskListPage {
  items: Task[];
  /** Null on the last page. */
  nextCursor: string | null;
}
