import { ActionIcon, Alert, Button, Checkbox, Group, NativeSelect, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TASK_LIMITS, TASK_PRIORITIES, type ChecklistItem, type Jit, type Task, type TaskPriority } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiRequestError } from '../../../lib/api-client';
import { useMembers } from '../../members';
import { reloadTask, useSaveTask } from '../api/tasks';
import { DateField } from '../../../components/date-field';

interface TaskFormProps {
  jit: Jit;
  /** The task to edit, or null to create one. */
  task: Task | null;
  onDone: () => void;
}

/**
 * Creates or edits a task (leaders). The fields are filled once from the task as it was when the
 * form opened, and the save names that version; "Reload" after a refused save fills them again
 * from the task as it is now (a new key starts the fields and the save afresh).
 */
export function TaskForm({ jit, task, onDone }: TaskFormProps) {
  const [base, setBase] = useState(task);
  return <TaskFields key={base?.updatedAt ?? 'new'} jit={jit} task={base} onDone={onDone} onReloaded={setBase} />;
}

/** The assignee is one of the JIT's active members. */
function TaskFields({ jit, task, onDone, onReloaded }: TaskFormProps & { onReloaded: (task: Task) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const members = useMembers(jit.id);
  const save = useSaveTask(jit.id);
  const reload = useMutation({ mutationFn: (taskId: string) => reloadTask(queryClient, jit.id, taskId), onSuccess: onReloaded });
  const stale = isApiRequestError(save.error) && save.error.code === 'stale_revision';
  const [title, setTitle] = useState(task?.title ?? '');
  const [description, setDescription] = useState(task?.description ?? '');
  const [priority, setPriority] = useState<TaskPriority>(task?.priority ?? 'normal');
  const [assigneeMemberId, setAssigneeMemberId] = useState(task?.assigneeMemberId ?? '');
  const [dueDate, setDueDate] = useState(task?.dueDate ?? '');
  const [labels, setLabels] = useState<string[]>(task?.labels ?? []);
  const [checklist, setChecklist] = useState<ChecklistItem[]>(task?.checklist ?? []);

  const active = (members.data ?? []).filter((m) => m.active || m.id === task?.assigneeMemberId);
  const partyName = new Map(jit.parties.map((p) => [p.id, p.name]));

  const setItem = (index: number, change: Partial<ChecklistItem>) => setChecklist((items) => items.map((item, i) => (i === index ? { ...item, ...change } : item)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        base: task,
        request: {
          title: title.trim(),
          description,
          priority,
          assigneeMemberId: assigneeMemberId || null,
          dueDate: dueDate || null,
          labels,
          checklist: checklist.filter((item) => item.text.trim() !== ''),
        },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('tasks.fields.title')} required maxLength={TASK_LIMITS.titleMax} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Textarea
          label={t('tasks.fields.description')}
          autosize
          minRows={3}
          maxLength={TASK_LIMITS.descriptionMax}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Group grow>
          <NativeSelect
            label={t('tasks.fields.priority')}
            data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`taskPriorities.${p}`) }))}
            value={priority}
            onChange={(e) => setPriority(e.currentTarget.value as TaskPriority)}
          />
          <DateField label={t('tasks.fields.dueDate')} value={dueDate} onChange={setDueDate} />
        </Group>
        <NativeSelect
          label={t('tasks.fields.assignee')}
          data={[{ value: '', label: t('tasks.unassigned') }, ...active.map((m) => ({ value: m.id, label: `${m.displayName} (${partyName.get(m.partyId) ?? m.country})` }))]}
          value={assigneeMemberId}
          onChange={(e) => setAssigneeMemberId(e.currentTarget.value)}
        />
        <TagsInput label={t('tasks.fields.labels')} value={labels} onChange={setLabels} maxTags={TASK_LIMITS.labelsMax} maxLength={TASK_LIMITS.labelMax} clearable />
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('tasks.fields.checklist')}
          </Text>
          {checklist.map((item, index) => (
            <Group key={index} wrap="nowrap">
              <Checkbox aria-label={t('tasks.checklistDone', { number: index + 1 })} checked={item.done} onChange={(e) => setItem(index, { done: e.currentTarget.checked })} />
              <TextInput
                style={{ flex: 1 }}
                aria-label={t('tasks.checklistItem', { number: index + 1 })}
                maxLength={TASK_LIMITS.checklistItemMax}
                value={item.text}
                onChange={(e) => setItem(index, { text: e.currentTarget.value })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('tasks.checklistRemove', { number: index + 1 })}
                onClick={() => setChecklist((items) => items.filter((_, i) => i !== index))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          {checklist.length < TASK_LIMITS.checklistMax && (
            <Button variant="default" size="xs" w="fit-content" onClick={() => setChecklist((items) => [...items, { text: '', done: false }])}>
              {t('tasks.checklistAdd')}
            </Button>
          )}
        </Stack>
        {stale && task ? (
          <Alert color="orange" title={t('tasks.staleTitle')} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('tasks.staleTask')}</Text>
              <Button size="xs" variant="light" loading={reload.isPending} onClick={() => reload.mutate(task.id)}>
                {t('tasks.reloadTask')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={save.error} />
        )}
        <ErrorAlert error={reload.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={title.trim() === ''}>
            {task ? t('tasks.saveTask') : t('tasks.createTask')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
