import { Anchor, Button, Group, Table, Text, Title } from '@mantine/core';
import type { Jit, Me } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { jitAccess } from '../../../lib/permissions';
import { useNotes } from '../api/notes';
import { NoteTags } from './note-tags';

export function NotesList({ jit, me }: { jit: Jit; me: Me }) {
  const { t } = useTranslation();
  const notes = useNotes(jit.id);
  const canWrite = jitAccess(jit, me).can('notes.write') && jit.status !== 'closed';
  const base = `/jits/${jit.id}/notes`;

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={3}>{t('notes.title')}</Title>
        {canWrite && (
          <Button component={Link} to={`${base}/new`}>
            {t('notes.new')}
          </Button>
        )}
      </Group>
      {notes.isPending && <PageLoader />}
      <ErrorAlert error={notes.error} />
      {notes.data && notes.data.length === 0 && <Text c="dimmed">{t('notes.none')}</Text>}
      {notes.data && notes.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="notes-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notes.fields.title')}</Table.Th>
                <Table.Th>{t('notes.fields.tags')}</Table.Th>
                <Table.Th>{t('notes.revision')}</Table.Th>
                <Table.Th>{t('notes.updatedBy')}</Table.Th>
                <Table.Th>{t('notes.updatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {notes.data.map((note) => (
                <Table.Tr key={note.id} data-testid={`note-row-${note.id}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`${base}/${note.id}`}>
                      {note.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <NoteTags tags={note.tags} />
                  </Table.Td>
                  <Table.Td>{note.revision}</Table.Td>
                  <Table.Td>{note.updatedByName}</Table.Td>
                  <Table.Td>
                    <InstantText value={note.updatedAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
