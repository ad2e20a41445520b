import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { useJits } from '../../jits';
import { useMyTasks } from '../api/tasks';
import { TaskTable } from './task-table';

/** The caller's tasks across every JIT they belong to: each title opens its task, each JIT reference the JIT's tasks. */
export function MyTasks() {
  const { t } = useTranslation();
  const tasks = useMyTasks();
  const jits = useJits();
  const jitById = new Map((jits.data ?? []).map((jit) => [jit.id, jit]));
  const tasksOf = (jitId: string) => `/jits/${jitId}/tasks`;

  return (
    <Stack>
      <Title order={2}>{t('tasks.myTitle')}</Title>
      {tasks.isPending && <PageLoader />}
      <ErrorAlert error={tasks.error} />
      {tasks.data && (
        <TaskTable
          testId="my-tasks-table"
          tasks={tasks.data}
          jitColumn={{
            header: t('tasks.jit'),
            cell: (task) => (
              <Anchor component={Link} to={tasksOf(task.jitId)}>
                {jitById.get(task.jitId)?.reference ?? t('tasks.jit')}
              </Anchor>
            ),
          }}
        />
      )}
    </Stack>
  );
}
