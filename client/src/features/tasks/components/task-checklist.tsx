import { Button, Checkbox, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ChecklistItem, Task } from '@jit/shared';
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../../../lib/api-client';
import { useTickChecklistItem } from '../api/checklist';
import { applyTicks, doneCount, type ChecklistTick } from '../utils/checklist';

/**
 * The checklist as shown while the caller's ticks are saved, and the tick that saves one item. A
 * refused tick is told in a toast, and the task is read again.
 */
function useChecklistTicks(task: Task) {
  const { t } = useTranslation();
  const tick = useTickChecklistItem(task.jitId, task.id, (error) =>
    notifications.show({
      color: 'red',
      title: t('tasks.checklistNotSaved', { title: task.title }),
      // 409 `conflict` on this route: the item was reworded, moved or removed since the list was read.
      message: isApiRequestError(error) ? (error.code === 'conflict' ? t('tasks.checklistChanged') : t(`errors.${error.code}`)) : t('errors.internal_error'),
    }),
  );
  // Ticks being saved (or queued behind one) show at once, until the save and the refetch are done.
  // Plain state, not a React transition: a pending transition would hold up every navigation in
  // the app until the server answered.
  const [pending, setPending] = useState<ChecklistTick[]>([]);
  const checklist = applyTicks(task.checklist, pending);
  const tickItem = (ticked: ChecklistTick) => {
    setPending((ticks) => [...ticks, ticked]);
    // A refusal is shown by the hook's onError; the saved checklist then shows again. (mutateAsync's
    // promise settles for every call; mutate's own callbacks would fire for the latest call only.)
    void tick
      .mutateAsync(ticked)
      .catch(() => undefined)
      .finally(() => setPending((ticks) => ticks.filter((t) => t !== ticked)));
  };
  return { checklist, tickItem };
}

interface ChecklistBoxesProps {
  task: Task;
  checklist: ChecklistItem[];
  canTick: boolean;
  onTick: (tick: ChecklistTick) => void;
  id?: string;
  onDragStart?: (event: DragEvent) => void;
  draggable?: boolean;
}

/** The items as checkboxes, each tick sending the item's text as shown; read-only for those who may not tick. */
function ChecklistBoxes({ task, checklist, canTick, onTick, ...group }: ChecklistBoxesProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} role="group" aria-label={t('tasks.checklistOf', { title: task.title })} {...group}>
      {checklist.map((item, index) => (
        <Checkbox
          key={index}
          size="xs"
          label={item.text}
          checked={item.done}
          disabled={!canTick}
          onChange={(event) => onTick({ index, text: item.text, done: event.currentTarget.checked })}
        />
      ))}
    </Stack>
  );
}

/**
 * A task's checklist on its board card: the progress, which unfolds into the items. Leaders and the
 * task's assignee tick them here; everyone else sees them read-only.
 */
export function CardChecklist({ task, canTick }: { task: Task; canTick: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const { checklist, tickItem } = useChecklistTicks(task);

  return (
    <Stack gap={4}>
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        w="fit-content"
        aria-expanded={open}
        aria-controls={listId}
        data-testid="checklist-progress"
        onClick={() => setOpen((current) => !current)}
      >
        {t('tasks.checklistProgress', { done: doneCount(checklist), total: checklist.length })}
      </Button>
      {open && (
        <ChecklistBoxes
          id={listId}
          task={task}
          checklist={checklist}
          canTick={canTick}
          onTick={tickItem}
          // A press drags its nearest draggable ancestor: claiming the drag here and refusing it keeps a wobbly tick from moving the card.
          draggable
          onDragStart={(event) => {
            event.preventDefault();
            event.stopPropagation();
          }}
        />
      )}
    </Stack>
  );
}

/** A task's checklist in its dialog, unfolded: leaders see it in the form, the assignee ticks it here, everyone else reads it. */
export function TaskChecklist({ task, canTick }: { task: Task; canTick: boolean }) {
  const { t } = useTranslation();
  const { checklist, tickItem } = useChecklistTicks(task);
  return (
    <Stack gap={4} data-testid="task-checklist">
      <Text size="sm" c="dimmed">
        {t('tasks.checklistProgress', { done: doneCount(checklist), total: checklist.length })}
      </Text>
      <ChecklistBoxes task={task} checklist={checklist} canTick={canTick} onTick={tickItem} />
    </Stack>
  );
}
