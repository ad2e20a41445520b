import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChecklistTick } from '../utils/checklist';
import { afterChange, tickChecklistItem } from './tasks';
import { taskKeys } from '../../../lib/query-keys';

/**
 * Ticks items of one task's checklist, one item per request, each naming the item by its place and
 * its text so the server refuses (409) a tick on a checklist edited meanwhile. `onError` is told of
 * each tick that was not saved; the task is then read again, so the current checklist shows.
 */
export function useTickChecklistItem(jitId: string, taskId: string, onError: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    // One request at a time per task, so a quick tick and untick of one item reach the server in the order they were made.
    scope: { id: [...taskKeys.task(jitId, taskId), 'checklist'].join('/') },
    mutationFn: ({ index, text, done }: ChecklistTick) => tickChecklistItem(jitId, taskId, index, { text, done }),
    // Returned, so the tick stays pending (and shown) until the board has the saved checklist.
    onSuccess: (task) => afterChange(queryClient, jitId, task),
    onError: (error) => {
      onError(error);
      // The board's lists and the open task alike.
      return queryClient.invalidateQueries({ queryKey: taskKeys.all(jitId) });
    },
  });
}
