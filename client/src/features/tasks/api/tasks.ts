import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  TASK_LIMITS,
  type CreateTaskRequest,
  type MoveTaskRequest,
  type Task,
  type TaskListPage,
  type TaskListQuery,
  type TickChecklistItemRequest,
  type UpdateTaskRequest,
} from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { recordKeys, taskKeys } from '../../../lib/query-keys';

/**
 * Every per-JIT key starts with ['tasks', jitId]: the live layer (lib/realtime-events.ts) invalidates
 * by these prefixes. The caller's tasks across JITs live apart, under ['my-tasks'].
 */
const tasksPath = (jitId: string) => `/jits/${encodeURIComponent(jitId)}/tasks`;
const taskPath = (jitId: string, taskId: string) => `${tasksPath(jitId)}/${encodeURIComponent(taskId)}`;

/** Only the filters that are set go in the query string. */
function toQuery(filters: TaskListQuery): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.assigneeMemberId) query.assigneeMemberId = filters.assigneeMemberId;
  if (filters.partyId) query.partyId = filters.partyId;
  if (filters.status) query.status = filters.status;
  if (filters.dueBefore) query.dueBefore = filters.dueBefore;
  if (filters.overdue) query.overdue = 'true';
  return query;
}

export const listTaskPage = (jitId: string, filters: TaskListQuery = {}): Promise<TaskListPage> =>
  apiRequest<TaskListPage>(tasksPath(jitId), { query: { ...toQuery(filters), limit: filters.limit, cursor: filters.cursor } });

/**
 * Every task matching the filters, page after page: the board needs whole columns to place a card
 * by position. A task moved while the pages are read may come twice (the later copy is kept, in its new place) or be
 * missed; the move's invalidation reads the list again.
 */
export async function listTasks(jitId: string, filters: TaskListQuery = {}): Promise<Task[]> {
  const tasks = new Map<string, Task>();
  let cursor: string | null = null;
  do {
    const page: TaskListPage = await listTaskPage(jitId, { ...filters, limit: TASK_LIMITS.pageMax, cursor: cursor ?? undefined });
    for (const task of page.items) {
      tasks.delete(task.id);
      tasks.set(task.id, task);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return [...tasks.values()];
}
export const listMyTasks = (): Promise<Task[]> => apiRequest<Task[]>('/tasks/mine');
export const getTask = (jitId: string, taskId: string): Promise<Task> => apiRequest<Task>(taskPath(jitId, taskId));
export const createTask = (jitId: string, request: CreateTaskRequest): Promise<Task> => apiRequest<Task>(tasksPath(jitId), { method: 'POST', body: request });
export const updateTask = (jitId: string, taskId: string, request: UpdateTaskRequest): Promise<Task> =>
  apiRequest<Task>(taskPath(jitId, taskId), { method: 'PATCH', body: request });
export const moveTask = (jitId: string, taskId: string, request: MoveTaskRequest): Promise<Task> =>
  apiRequest<Task>(`${taskPath(jitId, taskId)}/move`, { method: 'POST', body: request });
/** Ticks or unticks the item at `index`, which must still read `request.text` (409 `conflict` otherwise). */
export const tickChecklistItem = (jitId: string, taskId: string, index: number, request: TickChecklistItemRequest): Promise<Task> =>
  apiRequest<Task>(`${taskPath(jitId, taskId)}/checklist/${index}`, { method: 'PATCH', body: request });

export const useTasks = (jitId: string, filters: TaskListQuery = {}) => useQuery({ queryKey: taskKeys.list(jitId, filters), queryFn: () => listTasks(jitId, filters) });
export const useMyTasks = () => useQuery({ queryKey: taskKeys.mine, queryFn: listMyTasks });
export const useTask = (jitId: string, taskId: string) => useQuery({ queryKey: taskKeys.task(jitId, taskId), queryFn: () => getTask(jitId, taskId) });

/** Caches the saved task and refreshes what shows it; resolves once the lists are refetched, for mutations that stay pending until the board shows their result. */
export function afterChange(queryClient: QueryClient, jitId: string, task: Task): Promise<void> {
  queryClient.setQueryData(taskKeys.task(jitId, task.id), task);
  void queryClient.invalidateQueries({ queryKey: taskKeys.mine });
  void queryClient.invalidateQueries({ queryKey: recordKeys.all(jitId) });
  return queryClient.invalidateQueries({ queryKey: taskKeys.lists(jitId) });
}

/** The task as the server has it now, cached for whoever shows it. */
export const reloadTask = (queryClient: QueryClient, jitId: string, taskId: string): Promise<Task> =>
  queryClient.fetchQuery({ queryKey: taskKeys.task(jitId, taskId), queryFn: () => getTask(jitId, taskId), staleTime: 0 });

/**
 * Creates a task, or edits `base`, the task as the form was filled from: the edit names its
 * `updatedAt`, so the server refuses it (409 `stale_revision`) if the task changed since.
 */
export function useSaveTask(jitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ base, request }: { base: Task | null; request: CreateTaskRequest }) =>
      base ? updateTask(jitId, base.id, { ...request, baseUpdatedAt: base.updatedAt }) : createTask(jitId, request),
    onSuccess: (task) => {
      void afterChange(queryClient, jitId, task);
    },
  });
}

export function useMoveTask(jitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, request }: { taskId: string; request: MoveTaskRequest }) => moveTask(jitId, taskId, request),
    onSuccess: (task) => {
      void afterChange(queryClient, jitId, task);
    },
  });
}
