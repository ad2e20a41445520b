import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useVerifyChain } from '../api/audit';

/** Re-checks the hash chain on the server; the head seq and hash can be written down to prove later that nothing changed. */
export function VerifyPanel({ jitId }: { jitId: string }) {
  const { t } = useTranslation();
  const verify = useVerifyChain(jitId);
  const result = verify.data;
  const headLine = result ? `seq ${result.headSeq} · ${result.headHash}` : '';

  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('record.verifyTitle')}</Title>
          <Button onClick={() => verify.mutate()} loading={verify.isPending}>
            {t('record.verify')}
          </Button>
        </Group>
        <ErrorAlert error={verify.error} />
        {result && (
          <Stack data-testid="verify-result" data-ok={result.ok}>
            <Alert color={result.ok ? 'green' : 'red'} title={result.ok ? t('record.chainOk') : t('record.chainBroken')}>
              <Text>{t('record.verifiedCount', { total: result.count })}</Text>
              {result.firstBrokenSeq !== null && <Text data-testid="first-broken-seq">{t('record.firstBroken', { seq: result.firstBrokenSeq })}</Text>}
            </Alert>
            <Text size="sm">{t('record.headHelp')}</Text>
            <Group align="flex-start" wrap="nowrap">
              <Code block data-testid="head-block" style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                {t('record.headSeq')}: <span data-testid="head-seq">{result.headSeq}</span>
                {'\n'}
                {t('record.headHash')}: <span data-testid="head-hash">{result.headHash}</span>
              </Code>
              <CopyButton value={headLine}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy} color={copied ? 'teal' : undefined}>
                    {copied ? t('common.copied') : t('record.copyHead')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
