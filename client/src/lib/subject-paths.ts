import type { WorkSubjectRef } from '@jit/shared';

/**
 * The search parameter that opens one task over the board (`/jits/:jitId/tasks?task=<id>`): a task
 * has no page of its own, and links and notifications need an address for it.
 */
export const TASK_SEARCH_PARAM = 'task';

/** Where the browser shows an evidence item, a note or a task of a JIT. */
export function subjectPath(jitId: string, subject: WorkSubjectRef): string {
  const jit = `/jits/${encodeURIComponent(jitId)}`;
  const id = encodeURIComponent(subject.id);
  switch (subject.type) {
    case 'evidence':
      return `${jit}/evidence/${id}`;
    case 'note':
      return `${jit}/notes/${id}`;
    case 'task':
      return `${jit}/tasks?${TASK_SEARCH_PARAM}=${id}`;
  }
}
