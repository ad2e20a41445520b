import { Button, Checkbox, Group, Modal, NativeSelect, SegmentedControl, Stack, Title } from '@mantine/core';
import { TASK_STATUSES, type Jit, type Me, type Task, type TaskListQuery, type TaskStatus } from '@jit/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { jitAccess } from '../../../lib/permissions';
import { useMembers } from '../../members';
import { useMoveTask, useTasks } from '../api/tasks';
import { TaskBoard } from './task-board';
import { TaskDialog } from './task-dialog';
import { TaskForm } from './task-form';
import { TaskTable } from './task-table';

type View = 'board' | 'list';

/** The JIT's tasks: a board to move them along, or a filtered list; each opens from its title; leaders create and edit them. */
export function TasksPage({ jit, me }: { jit: Jit; me: Me }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('board');
  const [creating, setCreating] = useState(false);
  const access = jitAccess(jit, me);
  const canManage = access.can('tasks.manage') && jit.status !== 'closed';
  const canMove = (task: Task) => jit.status !== 'closed' && access.canMoveTask(task);
  const move = useMoveTask(jit.id);

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={3}>{t('tasks.title')}</Title>
        <Group>
          <SegmentedControl
            aria-label={t('tasks.view')}
            value={view}
            onChange={(value) => setView(value as View)}
            data={[
              { value: 'board', label: t('tasks.board') },
              { value: 'list', label: t('tasks.list') },
            ]}
          />
          {canManage && <Button onClick={() => setCreating(true)}>{t('tasks.new')}</Button>}
        </Group>
      </Group>
      <ErrorAlert error={move.error} />
      {view === 'board' ? (
        <Board jit={jit} canMove={canMove} onMove={(task, status, position) => move.mutate({ taskId: task.id, request: { status, position } })} canEdit={canManage} />
      ) : (
        <FilteredList jit={jit} />
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('tasks.new')} size="lg">
        {creating && <TaskForm jit={jit} task={null} onDone={() => setCreating(false)} />}
      </Modal>
      <TaskDialog jit={jit} canManage={canManage} canTick={canMove} />
    </>
  );
}

function Board({ jit, ...props }: { jit: Jit } & Omit<Parameters<typeof TaskBoard>[0], 'tasks'>) {
  const tasks = useTasks(jit.id);
  if (tasks.isPending) return <PageLoader />;
  if (tasks.isError) return <ErrorAlert error={tasks.error} />;
  return <TaskBoard tasks={tasks.data} {...props} />;
}

function FilteredList({ jit }: { jit: Jit }) {
  const { t } = useTranslation();
  const members = useMembers(jit.id);
  const [filters, setFilters] = useState<TaskListQuery>({});
  const tasks = useTasks(jit.id, filters);
  const set = (change: Partial<TaskListQuery>) => setFilters((current) => ({ ...current, ...change }));
  const all = { value: '', label: t('tasks.filters.all') };

  return (
    <Stack>
      <Group align="flex-end">
        <NativeSelect
          label={t('tasks.fields.assignee')}
          data={[all, ...(members.data ?? []).map((m) => ({ value: m.id, label: m.displayName }))]}
          value={filters.assigneeMemberId ?? ''}
          onChange={(e) => set({ assigneeMemberId: e.currentTarget.value || undefined })}
        />
        <NativeSelect
          label={t('tasks.filters.party')}
          data={[all, ...jit.parties.map((p) => ({ value: p.id, label: p.name }))]}
          value={filters.partyId ?? ''}
          onChange={(e) => set({ partyId: e.currentTarget.value || undefined })}
        />
        <NativeSelect
          label={t('tasks.fields.status')}
          data={[all, ...TASK_STATUSES.map((s) => ({ value: s, label: t(`taskStatuses.${s}`) }))]}
          value={filters.status ?? ''}
          onChange={(e) => set({ status: (e.currentTarget.value || undefined) as TaskStatus | undefined })}
        />
        <Checkbox mb={8} label={t('tasks.filters.overdueOnly')} checked={filters.overdue ?? false} onChange={(e) => set({ overdue: e.currentTarget.checked || undefined })} />
      </Group>
      {tasks.isPending && <PageLoader />}
      <ErrorAlert error={tasks.error} />
      {tasks.data && <TaskTable tasks={tasks.data} />}
    </Stack>
  );
}
