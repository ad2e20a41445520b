import type { Task } from '@jit/shared';
import { useQueryClient } from '@tanstack/react-query';
import { subjectPath } from '../../../lib/subject-paths';
import { taskKeys } from '../../../lib/query-keys';

/** A task's address (it opens over its JIT's board), and what a click on a link to it does first. */
export interface TaskLink {
  to: string;
  onClick: () => void;
}

/** Links that open a task: an address, so links, reloads, new tabs and the back button all reach it. */
export function useTaskLink(): (task: Task) => TaskLink {
  const queryClient = useQueryClient();
  return (task) => ({
    to: subjectPath(task.jitId, { type: 'task', id: task.id }),
    // The copy at hand shows at once; the dialog's own query refreshes it once stale.
    onClick: () => queryClient.setQueryData(taskKeys.task(task.jitId, task.id), task),
  });
}
