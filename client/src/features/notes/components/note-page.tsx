import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Jit, Me } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { jitAccess } from '../../../lib/permissions';
import { usePresenceFocus } from '../../../lib/presence';
import { AlsoHere } from '../../presence';
import { CommentsPanel } from '../../comments';
import { LinksPanel } from '../../links';
import { useNote } from '../api/notes';
import { MarkdownView } from '../../../components/markdown-view';
import { NoteTags } from './note-tags';

/** One note, its Markdown rendered (sanitised). */
export function NotePage({ jit, me, noteId }: { jit: Jit; me: Me; noteId: string }) {
  const { t } = useTranslation();
  const note = useNote(jit.id, noteId);
  const canWrite = jitAccess(jit, me).can('notes.write') && jit.status !== 'closed';
  const base = `/jits/${jit.id}/notes`;
  usePresenceFocus(jit.id, note.data ? noteId : null);

  if (note.isPending) return <PageLoader />;
  if (note.isError) return <ErrorAlert error={note.error} />;

  return (
    <Stack>
      <Anchor component={Link} to={base} size="sm">
        {t('notes.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} data-testid="note-title">
            {note.data.title}
          </Title>
          <Text size="sm" c="dimmed" data-testid="note-meta">
            {t('notes.meta', { revision: note.data.revision, name: note.data.updatedByName })} · <InstantText value={note.data.updatedAt} />
          </Text>
          <AlsoHere jitId={jit.id} noteId={noteId} me={me} />
        </div>
        <Group>
          <Button component={Link} to={`${base}/${noteId}/history`} variant="default">
            {t('notes.history.open')}
          </Button>
          {canWrite && (
            <Button component={Link} to={`${base}/${noteId}/edit`}>
              {t('notes.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <NoteTags tags={note.data.tags} />
      <Paper withBorder p="md">
        {note.data.body.trim() ? <MarkdownView source={note.data.body} testId="note-body" /> : <Text c="dimmed">{t('notes.emptyBody')}</Text>}
      </Paper>
      <LinksPanel jit={jit} subjectType="note" subjectId={noteId} />
      <CommentsPanel jit={jit} subjectType="note" subjectId={noteId} />
    </Stack>
  );
}
