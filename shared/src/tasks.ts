import type { DateOnly, IsoInstant } from './api';

export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_LIMITS = { titleMax: 200, descriptionMax: 20_000, labelsMax: 20, labelMax: 50, checklistMax: 50, checklistItemMax: 300 } as const;

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
/** PATCH /api/jits/:jitId/tasks/:taskId (leaders) */
export type UpdateTaskRequest = Partial<CreateTaskRequest>;
/** POST /api/jits/:jitId/tasks/:taskId/move (leaders, or the assignee): a status column and a place in it. */
export interface MoveTaskRequest {
  status: TaskStatus;
  position: number;
}
/** GET /api/jits/:jitId/tasks?… */
export interface TaskListQuery {
  assigneeMemberId?: string;
  partyId?: string;
  status?: TaskStatus;
  dueBefore?: DateOnly;
  overdue?: boolean;
}
