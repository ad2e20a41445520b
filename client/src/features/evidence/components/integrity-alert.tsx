import { Alert, Anchor, List, Text } from '@mantine/core';
import type { Jit, Me } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { jitAccess } from '../../../lib/permissions';
import { EVIDENCE_PAGE_SIZE, useIntegrityFailures } from '../api/evidence';

/**
 * Tells leaders and legal advisers (`record.read_all`) that items of the JIT failed their fixity
 * check, with a link to each; nothing for the others, nor while there is no such item.
 */
export function IntegrityAlert({ jit, me }: { jit: Jit; me: Me }) {
  const { t } = useTranslation();
  const allowed = jitAccess(jit, me).can('record.read_all');
  const failures = useIntegrityFailures(jit.id, allowed);
  const items = failures.data?.items ?? [];
  if (!allowed || items.length === 0) return null;

  return (
    <Alert color="red" role="alert" data-testid="integrity-alert" title={t('evidence.integrity.title')}>
      <Text size="sm">{t('evidence.integrity.message')}</Text>
      <List size="sm" mt="xs">
        {items.map((item) => (
          <List.Item key={item.id}>
            <Anchor component={Link} to={`/jits/${jit.id}/evidence/${item.id}`} c="red" fw={700} size="sm">
              {item.title}
            </Anchor>
          </List.Item>
        ))}
      </List>
      {failures.data?.nextCursor && (
        <Text size="sm" mt="xs">
          {t('evidence.integrity.more', { limit: EVIDENCE_PAGE_SIZE })}
        </Text>
      )}
    </Alert>
  );
}
