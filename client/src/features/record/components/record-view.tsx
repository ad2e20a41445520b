import { Button, Code, Group, Paper, Select, Stack, Table, Text, Title, useDirection } from '@mantine/core';
import { AUDIT_ACTIONS, type AuditAction, type AuditEvent, type FieldChange } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { dateInputToInstant } from '../../../lib/dates';
import { useAuditEvents, type AuditFilters } from '../api/audit';
import { VerifyPanel } from './verify-panel';
import { DateField } from '../../../components/date-field';

export interface RecordActor {
  userId: string;
  displayName: string;
}

interface RecordViewProps {
  jitId: string;
  actors: RecordActor[];
  /** Readable names for ids that appear in events (people, memberships, parties). */
  names: ReadonlyMap<string, string>;
  canVerify: boolean;
}

const isAuditAction = (value: string | null): value is AuditAction => value !== null && (AUDIT_ACTIONS as readonly string[]).includes(value);

// Values in a change are arbitrary JSON; strings read better without quotes.
const showValue = (value: unknown): string => (value === null || value === undefined ? '∅' : typeof value === 'string' ? value : JSON.stringify(value));

/** A value of a change: a known id shows as its name, with the id itself on hover. */
function Value({ value, names }: { value: unknown; names: ReadonlyMap<string, string> }) {
  const name = typeof value === 'string' ? names.get(value) : undefined;
  return name ? <span title={String(value)}>{name}</span> : <>{showValue(value)}</>;
}

function Changes({ changes, names }: { changes: FieldChange[]; names: ReadonlyMap<string, string> }) {
  // "from → to" reads in the direction of the text: the arrow points left in Arabic.
  const arrow = useDirection().dir === 'rtl' ? '←' : '→';
  if (changes.length === 0) return null;
  return (
    <Stack gap={2}>
      {changes.map((change) => (
        <Text size="xs" key={change.field}>
          <Code>{change.field}</Code> <Value value={change.from} names={names} /> {arrow} <Value value={change.to} names={names} />
        </Text>
      ))}
    </Stack>
  );
}

export function RecordView({ jitId, actors, names, canVerify }: RecordViewProps) {
  const { t } = useTranslation();
  const [actorUserId, setActorUserId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [filters, setFilters] = useState<AuditFilters>({});
  const events = useAuditEvents(jitId, filters);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({
      actorUserId: actorUserId ?? undefined,
      action: isAuditAction(action) ? action : undefined,
      from: dateInputToInstant(fromDate),
      to: dateInputToInstant(toDate, true),
    });
  };
  const reset = () => {
    setActorUserId(null);
    setAction(null);
    setFromDate('');
    setToDate('');
    setFilters({});
  };

  const rows: AuditEvent[] = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      {canVerify && <VerifyPanel jitId={jitId} />}
      <Paper withBorder p="md">
        <form onSubmit={apply} noValidate>
          <Group align="flex-end">
            <Select
              label={t('record.filterActor')}
              clearable
              searchable
              data={actors.map((actor) => ({ value: actor.userId, label: actor.displayName }))}
              value={actorUserId}
              onChange={setActorUserId}
            />
            <Select
              label={t('record.filterAction')}
              clearable
              searchable
              data={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`auditActions.${a}`) }))}
              value={action}
              onChange={setAction}
            />
            <DateField label={t('record.filterFrom')} value={fromDate} onChange={setFromDate} />
            <DateField label={t('record.filterTo')} value={toDate} onChange={setToDate} />
            <Button type="submit">{t('record.applyFilters')}</Button>
            <Button variant="default" onClick={reset}>
              {t('record.resetFilters')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            {t('record.dateFilterHelp')}
          </Text>
        </form>
      </Paper>
      <Title order={3}>{t('record.eventsTitle')}</Title>
      {events.isPending && <PageLoader />}
      <ErrorAlert error={events.error} />
      {events.isSuccess && rows.length === 0 && <Text c="dimmed">{t('record.noEvents')}</Text>}
      {rows.length > 0 && (
        <Table striped data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('record.seq')}</Table.Th>
              <Table.Th>{t('record.time')}</Table.Th>
              <Table.Th>{t('record.actor')}</Table.Th>
              <Table.Th>{t('record.action')}</Table.Th>
              <Table.Th>{t('record.subject')}</Table.Th>
              <Table.Th>{t('record.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((event) => (
              <Table.Tr key={event.seq} data-testid={`audit-row-${event.seq}`} data-action={event.action}>
                <Table.Td>{event.seq}</Table.Td>
                <Table.Td>
                  <InstantText value={event.occurredAt} />
                </Table.Td>
                <Table.Td>{event.actorDisplayName ?? t('record.system')}</Table.Td>
                <Table.Td>{t(`auditActions.${event.action}`)}</Table.Td>
                <Table.Td>
                  {t(`subjectTypes.${event.subjectType}`)}{' '}
                  <Text span size="xs" c="dimmed" title={event.subjectId}>
                    {names.get(event.subjectId) ?? event.subjectId.slice(0, 8)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Changes changes={event.changes} names={names} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {events.hasNextPage && (
        <Button variant="light" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
