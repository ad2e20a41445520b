import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { DOCUMENT_TYPES, HANDLING_CODES, type DocumentType, type EvidenceSortField, type HandlingCode, type Jit, type Me } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { jitAccess } from '../../../lib/permissions';
import { useMembers } from '../../members';
import { useEvidenceList, useFolders } from '../api/evidence';
import { type EvidenceFilters } from '../../../lib/query-keys';
import { formatBytes } from '../utils/format';
import { EvidenceStatusBadge, HandlingBadge } from './evidence-badges';
import { IntegrityAlert } from './integrity-alert';
import { folderOptions } from './metadata-fields';
import { DateField } from '../../../components/date-field';

interface FilterDraft {
  partyId: string | null;
  documentType: string | null;
  handlingCode: string | null;
  uploadedBy: string | null;
  folderId: string | null;
  obtainedFrom: string;
  obtainedTo: string;
  q: string;
}
const EMPTY_DRAFT: FilterDraft = {
  partyId: null,
  documentType: null,
  handlingCode: null,
  uploadedBy: null,
  folderId: null,
  obtainedFrom: '',
  obtainedTo: '',
  q: '',
};

const orUndefined = (value: string | null): string | undefined => (value ? value : undefined);

export function EvidenceList({ jit, me }: { jit: Jit; me: Me }) {
  const { t, i18n } = useTranslation();
  const access = jitAccess(jit, me);
  const members = useMembers(jit.id);
  const folders = useFolders(jit.id);
  const [draft, setDraft] = useState<FilterDraft>(EMPTY_DRAFT);
  const [filters, setFilters] = useState<Omit<EvidenceFilters, 'sort' | 'order'>>({});
  const [sort, setSort] = useState<EvidenceSortField>('createdAt');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const list = useEvidenceList(jit.id, { ...filters, sort, order });

  const set = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({
      partyId: orUndefined(draft.partyId),
      documentType: orUndefined(draft.documentType) as DocumentType | undefined,
      handlingCode: orUndefined(draft.handlingCode) as HandlingCode | undefined,
      uploadedBy: orUndefined(draft.uploadedBy),
      folderId: orUndefined(draft.folderId),
      obtainedFrom: orUndefined(draft.obtainedFrom),
      obtainedTo: orUndefined(draft.obtainedTo),
      q: orUndefined(draft.q.trim()),
    });
  };
  const reset = () => {
    setDraft(EMPTY_DRAFT);
    setFilters({});
  };
  const sortBy = (field: EvidenceSortField) => {
    if (field === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(field);
      setOrder(field === 'title' ? 'asc' : 'desc');
    }
  };

  const uploaders = [...new Map((members.data ?? []).map((m) => [m.userId, { value: m.userId, label: m.displayName }])).values()];
  const partyName = new Map(jit.parties.map((p) => [p.id, p.name]));
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  const sortHeader = (field: EvidenceSortField) => {
    const active = sort === field;
    return (
      <Table.Th key={field} aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <UnstyledButton onClick={() => sortBy(field)} fw={700} fz="sm" aria-label={t('evidence.list.sortBy', { field: t(`evidence.list.sort.${field}`) })}>
          {t(`evidence.list.sort.${field}`)} {active ? (order === 'asc' ? '▲' : '▼') : ''}
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Stack>
      <IntegrityAlert jit={jit} me={me} />
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {t('evidence.list.help')}
        </Text>
        {access.can('evidence.upload') && jit.status !== 'closed' && (
          <Button component={Link} to={`/jits/${jit.id}/evidence/new`}>
            {t('evidence.list.upload')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="md">
        <form onSubmit={apply} noValidate aria-label={t('evidence.list.filters')}>
          <Group align="flex-end">
            <TextInput label={t('evidence.list.search')} value={draft.q} onChange={(e) => set('q', e.currentTarget.value)} />
            <Select
              label={t('evidence.list.party')}
              clearable
              data={jit.parties.map((p) => ({ value: p.id, label: p.name }))}
              value={draft.partyId}
              onChange={(v) => set('partyId', v)}
            />
            <Select
              label={t('evidence.fields.documentType')}
              clearable
              data={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`documentTypes.${d}`) }))}
              value={draft.documentType}
              onChange={(v) => set('documentType', v)}
            />
            <Select
              label={t('evidence.fields.handlingCode')}
              clearable
              data={HANDLING_CODES.map((h) => ({ value: h, label: t(`handlingCodes.${h}`) }))}
              value={draft.handlingCode}
              onChange={(v) => set('handlingCode', v)}
            />
            <Select label={t('evidence.list.uploader')} clearable searchable data={uploaders} value={draft.uploadedBy} onChange={(v) => set('uploadedBy', v)} />
            <Select label={t('evidence.fields.folder')} clearable data={folderOptions(folders.data ?? [])} value={draft.folderId} onChange={(v) => set('folderId', v)} />
            <DateField label={t('evidence.list.obtainedFrom')} value={draft.obtainedFrom} onChange={(value) => set('obtainedFrom', value)} />
            <DateField label={t('evidence.list.obtainedTo')} value={draft.obtainedTo} onChange={(value) => set('obtainedTo', value)} />
            <Button type="submit">{t('record.applyFilters')}</Button>
            <Button variant="default" onClick={reset}>
              {t('record.resetFilters')}
            </Button>
          </Group>
        </form>
      </Paper>
      {list.isPending && <PageLoader />}
      <ErrorAlert error={list.error} />
      {list.isSuccess && rows.length === 0 && <Text c="dimmed">{t('evidence.list.none')}</Text>}
      {rows.length > 0 && (
        <Table striped data-testid="evidence-table">
          <Table.Thead>
            <Table.Tr>
              {sortHeader('title')}
              <Table.Th>{t('evidence.fields.documentType')}</Table.Th>
              <Table.Th>{t('evidence.fields.handlingCode')}</Table.Th>
              <Table.Th>{t('evidence.fields.originatingParty')}</Table.Th>
              <Table.Th>{t('evidence.list.uploader')}</Table.Th>
              {sortHeader('size')}
              {sortHeader('createdAt')}
              <Table.Th>{t('evidence.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((item) => {
              const failed = item.status === 'integrity_failed';
              return (
                <Table.Tr
                  key={item.id}
                  data-testid={`evidence-row-${item.title}`}
                  data-status={item.status}
                  style={failed ? { backgroundColor: 'var(--mantine-color-red-light)', color: 'var(--mantine-color-red-9)' } : undefined}
                >
                  <Table.Td>
                    <Anchor component={Link} to={`/jits/${jit.id}/evidence/${item.id}`} c={failed ? 'red' : undefined} fw={failed ? 700 : undefined}>
                      {item.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {item.fileName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`documentTypes.${item.documentType}`)}</Table.Td>
                  <Table.Td>
                    <HandlingBadge code={item.handlingCode} />
                  </Table.Td>
                  <Table.Td>{partyName.get(item.originatingPartyId) ?? '—'}</Table.Td>
                  <Table.Td>{item.createdByName}</Table.Td>
                  <Table.Td>{formatBytes(item.size, i18n.language)}</Table.Td>
                  <Table.Td>
                    <InstantText value={item.createdAt} />
                  </Table.Td>
                  <Table.Td>
                    <EvidenceStatusBadge status={item.status} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {list.hasNextPage && (
        <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
