import type { WorkSubjectSummary } from '@jit/shared';
import { useEvidenceList } from '../../evidence';
import { useNotes } from '../../notes';
import { useTasks } from '../../tasks';

/** The records of one type a person may pick as the other end of a new link. */
export interface LinkCandidates {
  records: WorkSubjectSummary[];
  isPending: boolean;
  error: unknown;
}

/** The server searches evidence by title (the list is paginated and may be long); a pending upload cannot be linked yet. */
export function useEvidenceCandidates(jitId: string, search: string): LinkCandidates {
  const list = useEvidenceList(jitId, { q: search.trim() || undefined });
  const items = (list.data?.pages ?? []).flatMap((page) => page.items).filter((item) => item.status !== 'pending');
  return { records: items.map((item) => ({ type: 'evidence', id: item.id, title: item.title })), isPending: list.isPending, error: list.error };
}

/** Notes come as one list; the picker filters it by title. */
export function useNoteCandidates(jitId: string): LinkCandidates {
  const notes = useNotes(jitId);
  return { records: (notes.data ?? []).map((note) => ({ type: 'note', id: note.id, title: note.title })), isPending: notes.isPending, error: notes.error };
}

/** The board's own list (every task, all pages), which the picker filters by title: the task list has no title search. */
export function useTaskCandidates(jitId: string): LinkCandidates {
  const tasks = useTasks(jitId);
  return { records: (tasks.data ?? []).map((task) => ({ type: 'task', id: task.id, title: task.title })), isPending: tasks.isPending, error: tasks.error };
}
