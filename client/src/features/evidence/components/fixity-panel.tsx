// The fixity check: each version's SHA-256 recomputed from storage and compared with the recorded one.
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { EvidenceItem } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { useVerifyEvidence } from '../api/evidence';

export function FixityPanel({ jitId, item }: { jitId: string; item: EvidenceItem }) {
  const { t } = useTranslation();
  const verify = useVerifyEvidence(jitId, item.id);
  const numberOf = new Map(item.versions.map((v) => [v.id, v.number]));
  const results = verify.data;
  const allOk = results?.every((r) => r.ok) ?? false;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={4}>{t('evidence.verify.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('evidence.verify.help')}
            </Text>
          </div>
          <Button onClick={() => verify.mutate(undefined)} loading={verify.isPending}>
            {t('evidence.verify.verify')}
          </Button>
        </Group>
        <ErrorAlert error={verify.error} />
        {results && (
          <Stack data-testid="verify-result" data-ok={allOk}>
            <Alert color={allOk ? 'green' : 'red'} title={allOk ? t('evidence.verify.allOk') : t('evidence.verify.mismatch')}>
              {t('evidence.verify.checked', { count: results.length })}
            </Alert>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('evidence.versions.number')}</Table.Th>
                  <Table.Th>{t('evidence.verify.result')}</Table.Th>
                  <Table.Th>{t('evidence.verify.expected')}</Table.Th>
                  <Table.Th>{t('evidence.verify.actual')}</Table.Th>
                  <Table.Th>{t('evidence.verify.at')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.map((r) => (
                  <Table.Tr key={r.versionId} data-testid={`verify-row-${numberOf.get(r.versionId) ?? r.versionId}`} data-ok={r.ok}>
                    <Table.Td>{numberOf.get(r.versionId) ?? '?'}</Table.Td>
                    <Table.Td miw={110}>
                      <Badge color={r.ok ? 'green' : 'red'}>{r.ok ? t('evidence.verify.ok') : t('evidence.verify.failed')}</Badge>
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all', fontFamily: 'monospace', fontSize: 12 }}>{r.expectedSha256}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all', fontFamily: 'monospace', fontSize: 12 }}>{r.actualSha256 ?? t('evidence.verify.unreadable')}</Table.Td>
                    <Table.Td>
                      <InstantText value={r.verifiedAt} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
