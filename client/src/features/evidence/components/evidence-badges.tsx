import { Badge } from '@mantine/core';
import type { EvidenceStatus, HandlingCode } from '@jit/shared';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<EvidenceStatus, string> = { pending: 'gray', available: 'green', integrity_failed: 'red' };
const HANDLING_COLORS: Record<HandlingCode, string> = {
  evidential_use_in_jit: 'blue',
  intelligence_only: 'orange',
  consent_required_outside_jit: 'grape',
};

export function EvidenceStatusBadge({ status }: { status: EvidenceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} data-status={status} variant={status === 'integrity_failed' ? 'filled' : 'light'}>
      {t(`evidenceStatuses.${status}`)}
    </Badge>
  );
}

export function HandlingBadge({ code }: { code: HandlingCode }) {
  const { t } = useTranslation();
  return (
    <Badge color={HANDLING_COLORS[code]} variant="outline">
      {t(`handlingCodes.${code}`)}
    </Badge>
  );
}
