import { Modal, SimpleGrid, Stack, Title } from '@mantine/core';
import type { Jit, Task } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { MarkdownView } from '../../../components/markdown-view';
import { PageLoader } from '../../../components/page-state';
import { formatDateOnly } from '../../../lib/dates';
import { TASK_SEARCH_PARAM } from '../../../lib/subject-paths';
import { CommentsPanel } from '../../comments';
import { LinksPanel } from '../../links';
import { useTask } from '../api/tasks';
import { OverdueBadge, PriorityBadge } from './task-badges';
import { TaskChecklist } from './task-checklist';
import { TaskForm } from './task-form';
import { Fact } from '../../../components/fact';
import { Labels } from '../../../components/labels';

interface TaskDialogProps {
  jit: Jit;
  canManage: boolean;
  /** Whether the caller may tick this task's checklist (leaders, or its assignee). */
  canTick: (task: Task) => boolean;
}

/**
 * The task named in the address (?task=<id>, see useTaskLink): leaders edit it, everyone else reads
 * it and its assignee ticks its checklist; its comments and links below.
 */
export function TaskDialog({ jit, canManage, canTick }: TaskDialogProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const taskId = params.get(TASK_SEARCH_PARAM);
  const close = () =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.delete(TASK_SEARCH_PARAM);
      return next;
    });
  return (
    <Modal opened={taskId !== null} onClose={close} title={canManage ? t('tasks.editTitle') : t('tasks.viewTitle')} size="lg">
      {taskId !== null && <OpenTask key={taskId} jit={jit} taskId={taskId} canManage={canManage} canTick={canTick} onDone={close} />}
    </Modal>
  );
}

function OpenTask({ jit, taskId, canManage, canTick, onDone }: TaskDialogProps & { taskId: string; onDone: () => void }) {
  const task = useTask(jit.id, taskId);
  if (task.isPending) return <PageLoader />;
  if (task.isError) return <ErrorAlert error={task.error} />;
  return (
    <Stack>
      {canManage ? <TaskForm jit={jit} task={task.data} onDone={onDone} /> : <TaskDetails task={task.data} canTick={canTick(task.data)} />}
      <LinksPanel jit={jit} subjectType="task" subjectId={taskId} />
      <CommentsPanel jit={jit} subjectType="task" subjectId={taskId} />
    </Stack>
  );
}

/** A task as those who may not edit it see it; its assignee ticks its checklist here. */
function TaskDetails({ task, canTick }: { task: Task; canTick: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm" data-testid="task-details">
      <Title order={4}>{task.title}</Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Fact label={t('tasks.fields.status')}>{t(`taskStatuses.${task.status}`)}</Fact>
        <Fact label={t('tasks.fields.priority')}>
          <PriorityBadge priority={task.priority} />
        </Fact>
        <Fact label={t('tasks.fields.assignee')}>{task.assigneeName ?? t('tasks.unassigned')}</Fact>
        <Fact label={t('tasks.fields.dueDate')}>
          {task.dueDate ? formatDateOnly(task.dueDate, i18n.language) : '—'} {task.overdue && <OverdueBadge />}
        </Fact>
      </SimpleGrid>
      <Labels labels={task.labels} />
      {task.description.trim() !== '' && <MarkdownView source={task.description} />}
      {task.checklist.length > 0 && <TaskChecklist task={task} canTick={canTick} />}
    </Stack>
  );
}
