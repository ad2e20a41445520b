import { Alert, Anchor, Button, Code, CopyButton, Group, Progress, Stack, Text } from '@mantine/core';
import type { UploadStatusView } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TransferState } from '../hooks/use-tus-upload';
import { formatBytes, formatDuration, formatSpeed } from '../utils/format';

interface TransferProgressProps {
  fileName: string;
  state: TransferState;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
}

/** The bar, rate, time left and controls of one transfer. */
export function TransferProgress({ fileName, state, onPause, onResume, onCancel }: TransferProgressProps) {
  const { t, i18n } = useTranslation();
  const percent = state.bytesTotal > 0 ? Math.floor((state.bytesSent / state.bytesTotal) * 100) : 0;
  const active = state.phase === 'starting' || state.phase === 'uploading';
  const canResume = state.phase === 'paused' || (state.phase === 'failed' && state.error === 'network');
  const canCancel = active || state.phase === 'paused' || canResume;
  const color = state.phase === 'failed' ? 'red' : state.phase === 'complete' ? 'green' : state.phase === 'paused' ? 'yellow' : 'blue';

  return (
    <Stack gap={6}>
      <Progress.Root size="lg">
        <Progress.Section value={state.phase === 'complete' ? 100 : percent} color={color} animated={active} aria-label={t('evidence.upload.progressOf', { name: fileName })}>
          <Progress.Label>{state.phase === 'complete' ? '100%' : `${percent}%`}</Progress.Label>
        </Progress.Section>
      </Progress.Root>
      <Group justify="space-between" wrap="wrap">
        {/* A live region: the phase (uploading, paused, complete, failed) is announced as it changes, the percentage is not. */}
        <Text size="sm" data-testid="transfer-phase" data-phase={state.phase}>
          <span role="status">{t(`evidence.upload.phases.${state.phase}`)}</span>
          {' · '}
          {formatBytes(state.bytesSent, i18n.language)} / {formatBytes(state.bytesTotal, i18n.language)}
          {active && (
            <>
              {' · '}
              {t('evidence.upload.speed', { speed: formatSpeed(state.speed, i18n.language) })}
              {' · '}
              {t('evidence.upload.timeLeft', { time: formatDuration(state.secondsLeft) })}
            </>
          )}
          {state.resumed && (
            <Text span size="sm" c="dimmed">
              {' · '}
              {t('evidence.upload.resumedEarlier')}
            </Text>
          )}
        </Text>
        <Group gap="xs">
          {active && (
            <Button size="xs" variant="default" onClick={onPause}>
              {t('evidence.upload.pause')}
            </Button>
          )}
          {canResume && (
            <Button size="xs" variant="default" onClick={onResume}>
              {t('evidence.upload.resume')}
            </Button>
          )}
          {canCancel && (
            <Button size="xs" variant="light" color="red" onClick={onCancel}>
              {t('evidence.upload.cancel')}
            </Button>
          )}
        </Group>
      </Group>
      {state.phase === 'failed' && state.error && (
        <Alert color="red" role="alert" title={t('evidence.upload.failedTitle')}>
          {state.error === 'network' ? t('evidence.upload.networkError') : t(`errors.${state.error}`)}
        </Alert>
      )}
    </Stack>
  );
}

/** A SHA-256 in monospace with a copy button. */
export function HashText({ value, testId }: { value: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" align="center">
      <Code data-testid={testId} style={{ wordBreak: 'break-all' }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy} aria-label={t('evidence.copyHash')} style={{ flexShrink: 0 }}>
            {copied ? t('common.copied') : t('evidence.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** What the server found once the bytes were complete: hash, sniffed type, and a possible duplicate. */
export function UploadFacts({ jitId, status }: { jitId: string; status: UploadStatusView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="upload-facts" data-status={status.status}>
      {status.sha256 && (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500}>
            {t('evidence.sha256')}
          </Text>
          <HashText value={status.sha256} testId="upload-sha256" />
        </Group>
      )}
      {status.mimeType && (
        <Text size="sm">
          <Text span fw={500}>
            {t('evidence.detectedType')}
          </Text>{' '}
          <Code data-testid="upload-mime-type">{status.mimeType}</Code>
        </Text>
      )}
      {status.duplicateOfItemId && (
        <Alert color="yellow" title={t('evidence.upload.duplicateTitle')} data-testid="duplicate-warning">
          {t('evidence.upload.duplicateMessage')}{' '}
          <Anchor component={Link} to={`/jits/${jitId}/evidence/${status.duplicateOfItemId}`}>
            {t('evidence.upload.openDuplicate')}
          </Anchor>
        </Alert>
      )}
      {status.status === 'failed' && status.failureReason && (
        <Alert color="red" title={t('evidence.upload.refusedTitle')}>
          {t(`errors.${status.failureReason}`, { defaultValue: status.failureReason })}
        </Alert>
      )}
    </Stack>
  );
}
