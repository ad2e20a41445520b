// Who handled an item: its custody log from the record, and who downloaded it.
import { Stack, Table, Text, Title } from '@mantine/core';
import type { EvidenceItem, Jit } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { useCustody } from '../api/evidence';

export function CustodyLog({ jitId, itemId }: { jitId: string; itemId: string }) {
  const { t } = useTranslation();
  const custody = useCustody(jitId, itemId);
  return (
    <Stack>
      <Title order={4}>{t('evidence.custody.title')}</Title>
      {custody.isPending && <PageLoader />}
      <ErrorAlert error={custody.error} />
      {custody.data && custody.data.length === 0 && <Text c="dimmed">{t('evidence.custody.none')}</Text>}
      {custody.data && custody.data.length > 0 && (
        <Table striped data-testid="custody-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('record.seq')}</Table.Th>
              <Table.Th>{t('evidence.custody.who')}</Table.Th>
              <Table.Th>{t('record.action')}</Table.Th>
              <Table.Th>{t('evidence.custody.when')}</Table.Th>
              <Table.Th>{t('evidence.custody.from')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {custody.data.map((event) => (
              <Table.Tr key={event.seq} data-testid={`custody-row-${event.seq}`} data-action={event.action}>
                <Table.Td>{event.seq}</Table.Td>
                <Table.Td>{event.actorDisplayName ?? t('record.system')}</Table.Td>
                <Table.Td>{t(`auditActions.${event.action}`)}</Table.Td>
                <Table.Td>
                  <InstantText value={event.occurredAt} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={event.userAgent ?? undefined}>
                    {event.ip ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function Downloads({ jit, item }: { jit: Jit; item: EvidenceItem }) {
  const { t } = useTranslation();
  const partyName = new Map(jit.parties.map((p) => [p.id, p.name]));
  return (
    <Stack data-testid="downloads">
      <Title order={4}>{t('evidence.downloads.title')}</Title>
      {item.downloads.length === 0 ? (
        <Text c="dimmed">{t('evidence.downloads.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evidence.custody.who')}</Table.Th>
              <Table.Th>{t('evidence.list.party')}</Table.Th>
              <Table.Th>{t('evidence.downloads.first')}</Table.Th>
              <Table.Th>{t('evidence.downloads.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.downloads.map((d) => (
              <Table.Tr key={d.userId} data-testid={`download-row-${d.displayName}`}>
                <Table.Td>{d.displayName}</Table.Td>
                <Table.Td>{d.partyId ? (partyName.get(d.partyId) ?? '—') : '—'}</Table.Td>
                <Table.Td>
                  <InstantText value={d.firstAt} />
                </Table.Td>
                <Table.Td>{d.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
