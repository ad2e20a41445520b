import { Button, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { LIMITS, type Jit } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateOnlyText, InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { useFieldErrors } from '../../../lib/field-errors';
import { useCreateExtension } from '../api/jits';
import { DateField } from '../../../components/date-field';

/** Each extension is its own dated record; the agreement's end date is never overwritten. */
export function ExtensionsPanel({ jit, canExtend }: { jit: Jit; canExtend: boolean }) {
  const { t } = useTranslation();
  const extend = useCreateExtension(jit.id);
  const fieldError = useFieldErrors(extend.error);
  const [newEndDate, setNewEndDate] = useState('');
  const [agreedOn, setAgreedOn] = useState('');
  const [note, setNote] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    extend.mutate(
      { newEndDate, agreedOn, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setNewEndDate('');
          setAgreedOn('');
          setNote('');
        },
      },
    );
  };

  return (
    <Stack>
      <Title order={3}>{t('jits.extensions')}</Title>
      {jit.extensions.length === 0 ? (
        <Text c="dimmed">{t('jits.noExtensions')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('jits.previousEndDate')}</Table.Th>
              <Table.Th>{t('fields.newEndDate')}</Table.Th>
              <Table.Th>{t('fields.agreedOn')}</Table.Th>
              <Table.Th>{t('fields.note')}</Table.Th>
              <Table.Th>{t('jits.recordedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jit.extensions.map((extension) => (
              <Table.Tr key={extension.id}>
                <Table.Td>
                  <DateOnlyText value={extension.previousEndDate} />
                </Table.Td>
                <Table.Td>
                  <DateOnlyText value={extension.newEndDate} />
                </Table.Td>
                <Table.Td>
                  <DateOnlyText value={extension.agreedOn} />
                </Table.Td>
                <Table.Td>{extension.note}</Table.Td>
                <Table.Td>
                  <InstantText value={extension.recordedAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canExtend && jit.status !== 'closed' && (
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={4}>{t('jits.recordExtension')}</Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateField label={t('fields.newEndDate')} required value={newEndDate} onChange={setNewEndDate} error={fieldError('newEndDate')} />
                <DateField label={t('fields.agreedOn')} required value={agreedOn} onChange={setAgreedOn} error={fieldError('agreedOn')} />
              </SimpleGrid>
              <Textarea label={t('fields.note')} maxLength={LIMITS.extensionNoteMax} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError('note')} />
              <ErrorAlert error={extend.error} shownFields={['newEndDate', 'agreedOn', 'note']} />
              <Button type="submit" loading={extend.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('jits.saveExtension')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
