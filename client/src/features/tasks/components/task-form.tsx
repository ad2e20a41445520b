import { ActionIcon, Button, Checkbox, Group, NativeSelect, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { TASK_LIMITS, TASK_PRIORITIES, type ChecklistItem, type Jit, type Task, type TaskPriority } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useMembers } from '../../members/api/members';
import { useSaveTask } from '../api/tasks';

interface TaskFormProps {
  jit: Jit;
  /** The task to edit, or null to create one. */
  task: Task | null;
  onDone: () => void;
}

/** Creates or edits a task (leaders). The assignee is one of the JIT's active members. */
export function TaskForm({ jit, task, onDone }: TaskFormProps) {
  const { t } = useTranslation();
  const members = useMembers(jit.id);
  const save = useSaveTask(jit.id);
  const [title, setTitle] = useState(task?.title ?? '');
  const [description, setDescription] = useState(task?.description ?? '');
  const [priority, setPriority] = useState<TaskPriority>(task?.priority ?? 'normal');
  const [assigneeMemberId, setAssigneeMemberId] = useState(task?.assigneeMemberId ?? '');
  const [dueDate, setDueDate] = useState(task?.dueDate ?? '');
  const [labels, setLabels] = useState<string[]>(task?.labels ?? []);
  const [checklist, setChecklist] = useState<ChecklistItem[]>(task?.checklist ?? []);

  const active = (members.data ?? []).filter((m) => m.active || m.id === task?.assigneeMemberId);
  const partyName = new Map(jit.parties.map((p) => [p.id, p.name]));

  const setItem = (index: number, change: Partial<ChecklistItem>) =>
    setChecklist((items) => items.map((item, i) => (i === index ? { ...item, ...change } : item)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        taskId: task?.id ?? null,
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
          <TextInput label={t('tasks.fields.dueDate')} type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />
        </Group>
        <NativeSelect
          label={t('tasks.fields.assignee')}
          data={[
            { value: '', label: t('tasks.unassigned') },
            ...active.map((m) => ({ value: m.id, label: `${m.displayName} (${partyName.get(m.partyId) ?? m.country})` })),
          ]}
          value={assigneeMemberId}
          onChange={(e) => setAssigneeMemberId(e.currentTarget.value)}
        />
        <TagsInput
          label={t('tasks.fields.labels')}
          value={labels}
          onChange={setLabels}
          maxTags={TASK_LIMITS.labelsMax}
          maxLength={TASK_LIMITS.labelMax}
          clearable
        />
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('tasks.fields.checklist')}
          </Text>
          {checklist.map((item, index) => (
            <Group key={index} wrap="nowrap">
              <Checkbox
                aria-label={t('tasks.checklistDone', { number: index + 1 })}
                checked={item.done}
                onChange={(e) => setItem(index, { done: e.currentTarget.checked })}
              />
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
        <ErrorAlert error={save.error} />
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
