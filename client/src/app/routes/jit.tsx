import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import type { Jit } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate, useOutletContext, useParams } from 'react-router';
import { JitStatusBadge } from '../../components/badges';
import { ErrorAlert } from '../../components/error-alert';
import { PageLoader } from '../../components/page-state';
import { useJit } from '../../features/jits/api/jits';
import { EvidenceItemPage } from '../../features/evidence/components/evidence-item-page';
import { EvidenceList } from '../../features/evidence/components/evidence-list';
import { UploadScreen } from '../../features/evidence/components/upload-screen';
import { JitOverview } from '../../features/jits/components/jit-overview';
import { useMembers } from '../../features/members/api/members';
import { useNote } from '../../features/notes/api/notes';
import { NoteEditor } from '../../features/notes/components/note-editor';
import { NoteHistory } from '../../features/notes/components/note-history';
import { NotePage } from '../../features/notes/components/note-page';
import { NotesList } from '../../features/notes/components/notes-list';
import { MembersList } from '../../features/members/components/members-list';
import { RecordView } from '../../features/record/components/record-view';
import { TasksPage } from '../../features/tasks/components/tasks-page';
import { useCurrentUser } from '../../lib/auth';
import { jitAccess } from '../../lib/permissions';
import { usePresenceFocus } from '../../lib/presence';

/** The JIT header and tabs; child screens receive the loaded JIT through the outlet context. */
export function JitLayout() {
  const { t } = useTranslation();
  const { jitId = '' } = useParams();
  const me = useCurrentUser();
  const jit = useJit(jitId);
  const location = useLocation();
  const navigate = useNavigate();
  // Every page of the JIT: the note page and editor inside it say more (lib/presence-focus.ts).
  usePresenceFocus(jit.data ? jitId : '');

  if (jit.isPending) return <PageLoader />;
  if (jit.isError) return <ErrorAlert error={jit.error} />;

  const access = jitAccess(jit.data, me);
  const base = `/jits/${jitId}`;
  const section = location.pathname.slice(base.length).split('/')[1] ?? '';
  const tab = ['members', 'record', 'evidence', 'notes', 'tasks'].includes(section) ? section : 'overview';

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Text c="dimmed" size="sm">
            {jit.data.reference}
          </Text>
          <Title order={2}>{jit.data.title}</Title>
        </div>
        <JitStatusBadge status={jit.data.status} testId="jit-status" />
      </Group>
      <Tabs value={tab} onChange={(value) => navigate(value === 'overview' ? base : `${base}/${value}`)}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('jits.tabs.overview')}</Tabs.Tab>
          {access.can('members.read') && <Tabs.Tab value="members">{t('jits.tabs.members')}</Tabs.Tab>}
          {access.can('evidence.read') && <Tabs.Tab value="evidence">{t('jits.tabs.evidence')}</Tabs.Tab>}
          {access.can('notes.read') && <Tabs.Tab value="notes">{t('jits.tabs.notes')}</Tabs.Tab>}
          {access.can('tasks.read') && <Tabs.Tab value="tasks">{t('jits.tabs.tasks')}</Tabs.Tab>}
          {access.can('record.read') && <Tabs.Tab value="record">{t('jits.tabs.record')}</Tabs.Tab>}
        </Tabs.List>
      </Tabs>
      <Outlet context={jit.data} />
    </Stack>
  );
}

const useJitContext = () => useOutletContext<Jit>();

export function JitOverviewRoute() {
  return <JitOverview jit={useJitContext()} me={useCurrentUser()} />;
}

export function JitMembersRoute() {
  return <MembersList jit={useJitContext()} me={useCurrentUser()} />;
}

export function JitRecordRoute() {
  const jit = useJitContext();
  const me = useCurrentUser();
  const members = useMembers(jit.id);
  // Anyone who ever belonged to the team may appear as an actor in the record.
  const actors = [...new Map((members.data ?? []).map((m) => [m.userId, { userId: m.userId, displayName: m.displayName }])).values()];
  // Ids in the record read better as names: people, memberships and parties of this JIT.
  const names = new Map<string, string>([
    ...(members.data ?? []).flatMap((m): Array<[string, string]> => [
      [m.userId, m.displayName],
      [m.id, m.displayName],
    ]),
    ...jit.parties.map((p): [string, string] => [p.id, p.name]),
    [jit.id, jit.reference],
  ]);
  return <RecordView jitId={jit.id} actors={actors} names={names} canVerify={jitAccess(jit, me).can('record.verify')} />;
}

export function JitEvidenceListRoute() {
  return <EvidenceList jit={useJitContext()} me={useCurrentUser()} />;
}

export function JitEvidenceUploadRoute() {
  return <UploadScreen jit={useJitContext()} me={useCurrentUser()} />;
}

export function JitEvidenceItemRoute() {
  const { itemId = '' } = useParams();
  // Keyed by item so that following a duplicate link starts the page afresh.
  return <EvidenceItemPage key={itemId} jit={useJitContext()} me={useCurrentUser()} itemId={itemId} />;
}

export function JitNotesRoute() {
  return <NotesList jit={useJitContext()} me={useCurrentUser()} />;
}

export function JitTasksRoute() {
  return <TasksPage jit={useJitContext()} me={useCurrentUser()} />;
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
