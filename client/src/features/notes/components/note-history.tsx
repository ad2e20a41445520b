import { Alert, Anchor, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { Jit, Me, NoteRevision } from '@jit/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmButton } from '../../../components/confirm-button';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { isApiRequestError } from '../../../lib/api-client';
import { jitAccess } from '../../../lib/permissions';
import { useNote, useNoteRevisions, useRestoreNote } from '../api/notes';
import { comparableText } from '../utils/line-diff';
import { TextDiff } from './revision-diff';

/** Every revision of a note, a diff between any two, and restoring an old one as a new revision. */
export function NoteHistory({ jit, me, noteId }: { jit: Jit; me: Me; noteId: string }) {
  const { t } = useTranslation();
  const note = useNote(jit.id, noteId);
  const revisions = useNoteRevisions(jit.id, noteId);
  const restore = useRestoreNote(jit.id, noteId);
  const canWrite = jitAccess(jit, me).can('notes.write') && jit.status !== 'closed';
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [restored, setRestored] = useState<{ from: number; to: number } | null>(null);
  const base = `/jits/${jit.id}/notes/${noteId}`;

  if (note.isPending || revisions.isPending) return <PageLoader />;
  if (note.isError) return <ErrorAlert error={note.error} />;
  if (revisions.isError) return <ErrorAlert error={revisions.error} />;

  const list = revisions.data;
  const newest = list.at(-1)?.revision ?? note.data.revision;
  // By default: the newest revision against the one before it.
  const toRevision = to ?? newest;
  const fromRevision = from ?? Math.max(1, toRevision - 1);
  const find = (revision: number): NoteRevision | undefined => list.find((r) => r.revision === revision);
  const before = find(fromRevision);
  const after = find(toRevision);
  const options = list.map((r) => ({ value: String(r.revision), label: t('notes.history.revisionOption', { revision: r.revision, name: r.authorName }) }));
  const tagsLabel = t('notes.fields.tags');

  const doRestore = (revision: number) => {
    setRestored(null);
    // The base is the newest revision this page knows: a save in between is refused, not overwritten.
    restore.mutate(
      { revision, baseRevision: Math.max(note.data.revision, newest) },
      {
        onSuccess: (saved) => {
          setRestored({ from: revision, to: saved.revision });
          setFrom(null);
          setTo(null);
        },
        onError: (error) => {
          if (isApiRequestError(error) && error.code === 'stale_revision') {
            void note.refetch();
            void revisions.refetch();
          }
        },
      },
    );
  };

  return (
    <Stack>
      <Anchor component={Link} to={base} size="sm">
        {t('notes.history.backToNote')}
      </Anchor>
      <Title order={3}>{t('notes.history.title', { title: note.data.title })}</Title>
      {restored && (
        <Alert color="green" data-testid="restored">
          {t('notes.history.restored', { from: restored.from, to: restored.to })}
        </Alert>
      )}
      <ErrorAlert error={restore.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="note-revisions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notes.revision')}</Table.Th>
              <Table.Th>{t('notes.fields.title')}</Table.Th>
              <Table.Th>{t('notes.history.author')}</Table.Th>
              <Table.Th>{t('notes.history.savedAt')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...list].reverse().map((revision) => (
              <Table.Tr key={revision.revision} data-testid={`revision-row-${revision.revision}`}>
                <Table.Td>
                  {revision.revision}
                  {revision.revision === newest && (
                    <Text span size="xs" c="dimmed" ms="xs">
                      {t('notes.history.current')}
                    </Text>
                  )}
                  {revision.restoredFrom !== null && (
                    <Text size="xs" c="dimmed">
                      {t('notes.history.restoredFrom', { revision: revision.restoredFrom })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{revision.title}</Table.Td>
                <Table.Td>{revision.authorName}</Table.Td>
                <Table.Td>
                  <InstantText value={revision.createdAt} />
                </Table.Td>
                <Table.Td>
                  {canWrite && revision.revision !== newest && (
                    <ConfirmButton
                      size="xs"
                      variant="light"
                      color="blue"
                      label={t('notes.history.restore')}
                      aria-label={t('notes.history.restoreOf', { revision: revision.revision })}
                      title={t('notes.history.restoreConfirmTitle')}
                      message={t('notes.history.restoreConfirmMessage', { revision: revision.revision })}
                      confirmLabel={t('notes.history.restore')}
                      loading={restore.isPending && restore.variables?.revision === revision.revision}
                      onConfirm={() => doRestore(revision.revision)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>{t('notes.history.compare')}</Title>
          <Group grow>
            <Select label={t('notes.history.from')} data={options} value={String(fromRevision)} onChange={(value) => value && setFrom(Number(value))} allowDeselect={false} />
            <Select label={t('notes.history.to')} data={options} value={String(toRevision)} onChange={(value) => value && setTo(Number(value))} allowDeselect={false} />
          </Group>
          {before && after && <TextDiff before={comparableText(before, tagsLabel)} after={comparableText(after, tagsLabel)} testId="revision-diff" />}
        </Stack>
      </Paper>
    </Stack>
  );
}
