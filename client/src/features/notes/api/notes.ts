import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateNoteRequest, Note, NoteRevision, NoteSummary, RestoreNoteRequest, UpdateNoteRequest } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { noteKeys, recordKeys } from '../../../lib/query-keys';

/** Every key starts with ['notes', jitId]: the live layer (lib/realtime-events.ts) invalidates by these prefixes. */
const notesPath = (jitId: string) => `/jits/${encodeURIComponent(jitId)}/notes`;
const notePath = (jitId: string, noteId: string) => `${notesPath(jitId)}/${encodeURIComponent(noteId)}`;

export const listNotes = (jitId: string): Promise<NoteSummary[]> => apiRequest<NoteSummary[]>(notesPath(jitId));
export const getNote = (jitId: string, noteId: string): Promise<Note> => apiRequest<Note>(notePath(jitId, noteId));
export const createNote = (jitId: string, request: CreateNoteRequest): Promise<Note> => apiRequest<Note>(notesPath(jitId), { method: 'POST', body: request });
export const updateNote = (jitId: string, noteId: string, request: UpdateNoteRequest): Promise<Note> =>
  apiRequest<Note>(notePath(jitId, noteId), { method: 'PATCH', body: request });
export const listRevisions = (jitId: string, noteId: string): Promise<NoteRevision[]> => apiRequest<NoteRevision[]>(`${notePath(jitId, noteId)}/revisions`);
export const restoreNote = (jitId: string, noteId: string, request: RestoreNoteRequest): Promise<Note> =>
  apiRequest<Note>(`${notePath(jitId, noteId)}/restore`, { method: 'POST', body: request });

export const useNotes = (jitId: string) => useQuery({ queryKey: noteKeys.list(jitId), queryFn: () => listNotes(jitId) });
/** `fresh`: fetched again on mount even when the cached copy is recent (the editor must start from the server's revision). */
export const useNote = (jitId: string, noteId: string, options: { enabled?: boolean; fresh?: boolean } = {}) =>
  useQuery({
    queryKey: noteKeys.note(jitId, noteId),
    queryFn: () => getNote(jitId, noteId),
    enabled: options.enabled ?? true,
    refetchOnMount: options.fresh ? 'always' : true,
  });
export const useNoteRevisions = (jitId: string, noteId: string) => useQuery({ queryKey: noteKeys.revisions(jitId, noteId), queryFn: () => listRevisions(jitId, noteId) });

/** After a save: the note's answer is the newest state; the list, the history and the record follow. */
function afterSave(queryClient: QueryClient, jitId: string, note: Note): void {
  queryClient.setQueryData(noteKeys.note(jitId, note.id), note);
  void queryClient.invalidateQueries({ queryKey: noteKeys.list(jitId) });
  void queryClient.invalidateQueries({ queryKey: noteKeys.revisions(jitId, note.id) });
  void queryClient.invalidateQueries({ queryKey: recordKeys.all(jitId) });
}

export function useCreateNote(jitId: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (request: CreateNoteRequest) => createNote(jitId, request), onSuccess: (note) => afterSave(queryClient, jitId, note) });
}

export function useUpdateNote(jitId: string, noteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateNoteRequest) => updateNote(jitId, noteId, request),
    onSuccess: (note) => afterSave(queryClient, jitId, note),
  });
}

export function useRestoreNote(jitId: string, noteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RestoreNoteRequest) => restoreNote(jitId, noteId, request),
    onSuccess: (note) => afterSave(queryClient, jitId, note),
  });
}

/** The newest saved state, read from the server whatever the cache holds (after a 409). */
export const fetchFreshNote = (queryClient: QueryClient, jitId: string, noteId: string): Promise<Note> =>
  queryClient.fetchQuery({ queryKey: noteKeys.note(jitId, noteId), queryFn: () => getNote(jitId, noteId), staleTime: 0 });
