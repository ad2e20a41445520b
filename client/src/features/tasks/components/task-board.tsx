import { Anchor, Badge, Button, Card, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { TASK_STATUSES, type Task, type TaskStatus } from '@jit/shared';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateOnly } from '../../../lib/dates';
import { useTaskLink, type TaskLink } from '../hooks/use-task-link';
import { OverdueBadge, PriorityBadge } from './task-badges';
import { CardChecklist } from './task-checklist';
import { Labels } from '../../../components/labels';

const DRAG_TYPE = 'application/x-jit-task';

interface TaskBoardProps {
  tasks: Task[];
  /** Whether the caller may move this task and tick its checklist (leaders, or its assignee: one rule on the server). */
  canMove: (task: Task) => boolean;
  onMove: (task: Task, status: TaskStatus, position: number) => void;
  /** Leaders get an "Edit" button on each card besides the title, which opens the task for everyone. */
  canEdit?: boolean;
}

/** Four status columns; cards keep the server's order (status, position). */
export function TaskBoard({ tasks, canMove, onMove, canEdit = false }: TaskBoardProps) {
  const { t } = useTranslation();
  const linkOf = useTaskLink();
  const [over, setOver] = useState<TaskStatus | null>(null);
  // A card moved with its "Move to" select lands in another column, a new element: the focus follows it there.
  const [movedByKeyboard, setMovedByKeyboard] = useState<{ id: string; to: TaskStatus } | null>(null);
  const columns = Object.fromEntries(TASK_STATUSES.map((status) => [status, tasks.filter((task) => task.status === status)])) as Record<TaskStatus, Task[]>;
  const byId = new Map(tasks.map((task) => [task.id, task]));

  /** The end of the target column, not counting the task itself if it is already there. */
  const endOf = (task: Task, status: TaskStatus) => columns[status].filter((other) => other.id !== task.id).length;

  const drop = (event: DragEvent, status: TaskStatus) => {
    event.preventDefault();
    setOver(null);
    const task = byId.get(event.dataTransfer.getData(DRAG_TYPE));
    if (!task || !canMove(task)) return;
    // Dropped on a card: take its place; on the column itself: go last.
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-task-id]');
    const targetIndex = target ? columns[status].filter((other) => other.id !== task.id).findIndex((other) => other.id === target.dataset.taskId) : -1;
    const position = targetIndex >= 0 ? targetIndex : endOf(task, status);
    if (task.status === status && task.position === position) return;
    onMove(task, status, position);
  };

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
      {TASK_STATUSES.map((status) => (
        <Paper
          key={status}
          withBorder
          p="sm"
          bg={over === status ? 'var(--mantine-color-blue-light)' : undefined}
          data-testid={`board-column-${status}`}
          aria-label={t(`taskStatuses.${status}`)}
          role="region"
          onDragOver={(event) => {
            if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            setOver(status);
          }}
          onDragLeave={() => setOver((current) => (current === status ? null : current))}
          onDrop={(event) => drop(event, status)}
        >
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t(`taskStatuses.${status}`)}</Title>
            <Badge variant="light" color="gray">
              {columns[status].length}
            </Badge>
          </Group>
          <Stack gap="sm" mih={80}>
            {columns[status].map((task) => (
              <TaskCard
                key={task.id}
                task={task}
                canMove={canMove(task)}
                onMove={(to) => {
                  setMovedByKeyboard({ id: task.id, to });
                  onMove(task, to, endOf(task, to));
                }}
                refocus={movedByKeyboard?.id === task.id && movedByKeyboard.to === task.status}
                onRefocused={() => setMovedByKeyboard(null)}
                link={linkOf(task)}
                canEdit={canEdit}
              />
            ))}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

interface TaskCardProps {
  task: Task;
  canMove: boolean;
  onMove: (status: TaskStatus) => void;
  /** True when this card was moved with its select and now stands in the column it was moved to: it takes the focus back. */
  refocus: boolean;
  onRefocused: () => void;
  link: TaskLink;
  canEdit: boolean;
}

function TaskCard({ task, canMove, onMove, refocus, onRefocused, link, canEdit }: TaskCardProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const moveSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (!refocus || !moveSelect.current) return;
    if (document.activeElement !== moveSelect.current) moveSelect.current.focus();
    onRefocused();
  }, [refocus, onRefocused]);
  return (
    <Card
      withBorder
      padding="sm"
      data-testid={`task-card-${task.title}`}
      data-status={task.status}
      data-task-id={task.id}
      draggable={canMove}
      style={{ cursor: canMove ? 'grab' : undefined }}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, task.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <Stack gap={6}>
        <Anchor
          component={Link}
          {...link}
          fw={600}
          c="inherit"
          // A link drags its address by default; not draggable itself, a press that wanders off drags the card, as from anywhere else on it.
          draggable={false}
        >
          {task.title}
        </Anchor>
        <Group gap={6}>
          <PriorityBadge priority={task.priority} />
          {task.overdue && <OverdueBadge />}
        </Group>
        <Text size="sm" c="dimmed">
          {task.assigneeName ?? t('tasks.unassigned')}
        </Text>
        {task.dueDate && <Text size="sm">{t('tasks.due', { date: formatDateOnly(task.dueDate, i18n.language) })}</Text>}
        <Labels labels={task.labels} />
        {task.checklist.length > 0 && <CardChecklist task={task} canTick={canMove} />}
        {canMove && (
          <NativeSelect
            ref={moveSelect}
            size="xs"
            aria-label={t('tasks.moveTo', { title: task.title })}
            data={TASK_STATUSES.map((status) => ({ value: status, label: t(`taskStatuses.${status}`) }))}
            value={task.status}
            onChange={(event) => onMove(event.currentTarget.value as TaskStatus)}
          />
        )}
        {canEdit && (
          <Button
            size="xs"
            variant="subtle"
            aria-label={t('tasks.editNamed', { title: task.title })}
            onClick={() => {
              link.onClick();
              void navigate(link.to);
            }}
          >
            {t('tasks.edit')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
