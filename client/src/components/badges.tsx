import { Badge } from '@mantine/core';
import type { JitRole, JitStatus } from '@jit/shared';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<JitStatus, string> = { draft: 'gray', active: 'green', closed: 'dark' };
const ROLE_COLORS: Record<JitRole, string> = { leader: 'indigo', member: 'blue', legal_adviser: 'grape', observer: 'teal' };

export function JitStatusBadge({ status, testId }: { status: JitStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: JitRole }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={ROLE_COLORS[role]}>
      {t(`roles.${role}`)}
    </Badge>
  );
}
