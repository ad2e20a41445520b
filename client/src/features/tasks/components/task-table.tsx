import { Anchor, Table, Text } from '@mantine/core';
import type { Task } from '@jit/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateOnly } from '../../../lib/dates';
import { useTaskLink } from '../hooks/use-task-link';
import { OverdueBadge, PriorityBadge } from './task-badges';

interface TaskTableProps {
  tasks: Task[];
  /** An extra first column (the JIT, on "My tasks"). */
  jitColumn?: { header: string; cell: (task: Task) => ReactNode };
  testId?: string;
}

/** Tasks in rows; each title opens its task, for everyone who can read it. */
export function TaskTable({ tasks, jitColumn, testId = 'tasks-table' }: TaskTableProps) {
  const { t, i18n } = useTranslation();
  const linkOf = useTaskLink();
  if (tasks.length === 0) return <Text c="dimmed">{t('tasks.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {jitColumn && <Table.Th>{jitColumn.header}</Table.Th>}
            <Table.Th>{t('tasks.fields.title')}</Table.Th>
            <Table.Th>{t('tasks.fields.status')}</Table.Th>
            <Table.Th>{t('tasks.fields.priority')}</Table.Th>
            <Table.Th>{t('tasks.fields.assignee')}</Table.Th>
            <Table.Th>{t('tasks.fields.dueDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id} data-testid={`task-row-${task.title}`} data-status={task.status}>
              {jitColumn && <Table.Td>{jitColumn.cell(task)}</Table.Td>}
              <Table.Td>
                <Anchor component={Link} {...linkOf(task)}>
                  {task.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`taskStatuses.${task.status}`)}</Table.Td>
              <Table.Td>
                <PriorityBadge priority={task.priority} />
              </Table.Td>
              <Table.Td>{task.assigneeName ?? t('tasks.unassigned')}</Table.Td>
              <Table.Td>
                {task.dueDate ? formatDateOnly(task.dueDate, i18n.language) : '—'} {task.overdue && <OverdueBadge />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
