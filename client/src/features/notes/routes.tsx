import { Navigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoader } from '../../components/page-state';
import { useJitContext } from '../jits';
import { useCurrentUser } from '../../lib/auth';
import { jitAccess } from '../../lib/permissions';
import { useNote } from './api/notes';
import { NoteEditor } from './components/note-editor';
import { NoteHistory } from './components/note-history';
import { NotePage } from './components/note-page';
import { NotesList } from './components/notes-list';

// The notes screens, loaded on first visit (app/router.tsx): /jits/:jitId/notes, …/new, …/:noteId (/edit, /history).
export function JitNotesRoute() {
  return <NotesList jit={useJitContext()} me={useCurrentUser()} />;
}

export function JitNoteNewRoute() {
  const jit = useJitContext();
  const me = useCurrentUser();
  // Those who may only read notes are sent to the list rather than to a form the server would refuse.
  if (!jitAccess(jit, me).can('notes.write')) return <Navigate to={`/jits/${jit.id}/notes`} replace />;
  return <NoteEditor jit={jit} me={me} note={null} />;
}

export function JitNoteRoute() {
  const { noteId = '' } = useParams();
  return <NotePage key={noteId} jit={useJitContext()} me={useCurrentUser()} noteId={noteId} />;
}

export function JitNoteHistoryRoute() {
  const { noteId = '' } = useParams();
  return <NoteHistory key={noteId} jit={useJitContext()} me={useCurrentUser()} noteId={noteId} />;
}

export function JitNoteEditRoute() {
  const { noteId = '' } = useParams();
  const jit = useJitContext();
  const me = useCurrentUser();
  // Fetched even when the note page just cached it: otherwise the check below would wait forever.
  const note = useNote(jit.id, noteId, { fresh: true });
  if (!jitAccess(jit, me).can('notes.write')) return <Navigate to={`/jits/${jit.id}/notes/${noteId}`} replace />;
  // Once open, the editor stays: a failed background refetch must not take what is typed away.
  if (note.isError && !note.data) return <ErrorAlert error={note.error} />;
  // The editor opens on the revision the server has now, not on an older copy from the cache.
  if (!note.data || !note.isFetchedAfterMount) return <PageLoader />;
  return <NoteEditor key={noteId} jit={jit} me={me} note={note.data} />;
}
