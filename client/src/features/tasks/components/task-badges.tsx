import { Badge } from '@mantine/core';
import type { TaskPriority } from '@jit/shared';
import { useTranslation } from 'react-i18next';

const PRIORITY_COLORS: Record<TaskPriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={PRIORITY_COLORS[priority]}>
      {t(`taskPriorities.${priority}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="sm" color="red" data-testid="overdue-badge">
      {t('tasks.overdue')}
    </Badge>
  );
}
