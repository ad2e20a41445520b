import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { EvidenceItem, Folder, Jit } from '@jit/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useFieldErrors } from '../../../lib/field-errors';
import { getEvidence, useCreateEvidence, useUploadStatus } from '../api/evidence';
import { evidenceKeys } from '../../../lib/query-keys';
import { useTusUpload } from '../hooks/use-tus-upload';
import { formatBytes } from '../utils/format';
import { EvidenceStatusBadge } from './evidence-badges';
import { initialValues, METADATA_FIELD_NAMES, MetadataFields, missingFields, toMetadataInput, type MetadataValues } from './metadata-fields';
import { TransferProgress, UploadFacts } from './transfer-progress';

interface UploadRowProps {
  jit: Jit;
  file: File;
  folders: Folder[];
  defaultFolderId: string | null;
  onRemove: () => void;
}

/** A file the server would refuse before any byte is sent: too large for this JIT, or empty. */
function RefusedRow({ jit, file, onRemove }: UploadRowProps) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid={`upload-row-${file.name}`} data-phase="refused">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} style={{ wordBreak: 'break-all' }}>
          {file.name}
        </Text>
        <Button size="xs" variant="subtle" onClick={onRemove}>
          {t('evidence.upload.removeRow')}
        </Button>
      </Group>
      <Alert color="red" role="alert" mt="sm">
        {file.size === 0
          ? t('evidence.upload.emptyFile')
          : t('evidence.upload.tooLarge', { size: formatBytes(file.size, i18n.language), limit: formatBytes(jit.maxUploadBytes, i18n.language) })}
      </Alert>
    </Paper>
  );
}

/** One file: its bytes travel while its description is filled; Save may come before the last byte. */
export function UploadRow(props: UploadRowProps) {
  const { jit, file } = props;
  const refused = file.size === 0 || (jit.maxUploadBytes > 0 && file.size > jit.maxUploadBytes);
  return refused ? <RefusedRow {...props} /> : <TransferRow {...props} />;
}

function TransferRow({ jit, file, folders, defaultFolderId, onRemove }: UploadRowProps) {
  const { t, i18n } = useTranslation();
  const transfer = useTusUpload(jit.id, file);
  const { state } = transfer;
  const [values, setValues] = useState<MetadataValues>(() => initialValues(file, jit.myMembership?.partyId ?? null, defaultFolderId));
  const [missing, setMissing] = useState<string[]>([]);
  const create = useCreateEvidence(jit.id);
  const saved: EvidenceItem | undefined = create.data;
  const serverFieldError = useFieldErrors(create.error);
  const fieldError = (field: string) => (missing.includes(field) ? t('fieldErrors.required') : serverFieldError(field));

  // Once the bytes are in, the server knows the hash, the real type and any duplicate.
  const status = useUploadStatus(jit.id, state.uploadId, state.phase === 'complete' || (saved !== undefined && state.phase !== 'cancelled'));
  const bytesIn = state.phase === 'complete' && status.data?.status === 'complete';
  // A pending item is only visible in the answer to its creation; once the bytes are in it can be read.
  const item = useQuery({
    queryKey: evidenceKeys.item(jit.id, saved?.id ?? ''),
    queryFn: () => getEvidence(jit.id, saved?.id ?? ''),
    enabled: saved !== undefined && bytesIn,
  });
  const itemStatus = item.data?.status ?? saved?.status;

  const set = <K extends keyof MetadataValues>(key: K, value: MetadataValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setMissing((previous) => previous.filter((f) => f !== key));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const absent = missingFields(values);
    setMissing(absent);
    if (absent.length > 0 || !state.uploadId) return;
    create.mutate({ uploadId: state.uploadId, ...toMetadataInput(values) });
  };

  const unusable = state.phase === 'cancelled' || (state.phase === 'failed' && state.error !== 'network');
  const relativePath = (file as File & { webkitRelativePath?: string }).webkitRelativePath;

  return (
    <Paper withBorder p="md" data-testid={`upload-row-${file.name}`} data-phase={state.phase} data-item-status={itemStatus ?? ''}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} style={{ wordBreak: 'break-all' }}>
              {file.name}
            </Text>
            <Text size="xs" c="dimmed">
              {relativePath ? `${relativePath} · ` : ''}
              {formatBytes(file.size, i18n.language)}
              {file.type ? ` · ${file.type}` : ''}
            </Text>
          </div>
          {(unusable || (saved && itemStatus === 'available')) && (
            <Button size="xs" variant="subtle" onClick={onRemove}>
              {t('evidence.upload.removeRow')}
            </Button>
          )}
        </Group>
        <TransferProgress fileName={file.name} state={state} onPause={transfer.pause} onResume={transfer.resume} onCancel={transfer.cancel} />
        {status.data && state.phase === 'complete' && <UploadFacts jitId={jit.id} status={status.data} />}
        {saved ? (
          <Alert color={itemStatus === 'available' ? 'green' : itemStatus === 'integrity_failed' ? 'red' : 'blue'} data-testid="saved-status" data-status={itemStatus}>
            <Group gap="xs">
              {itemStatus && <EvidenceStatusBadge status={itemStatus} />}
              <Text size="sm">
                {itemStatus === 'available'
                  ? t('evidence.upload.available')
                  : itemStatus === 'integrity_failed'
                    ? t('evidence.upload.integrityFailed')
                    : unusable
                      ? t('evidence.upload.pendingNever')
                      : t('evidence.upload.pendingBytes')}
              </Text>
              {itemStatus !== 'pending' && (
                <Anchor component={Link} to={`/jits/${jit.id}/evidence/${saved.id}`}>
                  {t('evidence.upload.openItem')}
                </Anchor>
              )}
            </Group>
          </Alert>
        ) : (
          !unusable && (
            <form onSubmit={submit} noValidate aria-label={t('evidence.upload.describe', { name: file.name })}>
              <Stack gap="sm">
                <MetadataFields values={values} onChange={set} parties={jit.parties} folders={folders} fieldError={fieldError} />
                <ErrorAlert error={create.error} shownFields={METADATA_FIELD_NAMES} />
                <Group>
                  <Button type="submit" loading={create.isPending} disabled={!state.uploadId}>
                    {t('common.save')}
                  </Button>
                  {!state.uploadId && (
                    <Text size="sm" c="dimmed">
                      {t('evidence.upload.waitingForServer')}
                    </Text>
                  )}
                  {state.uploadId && state.phase !== 'complete' && <Badge variant="light">{t('evidence.upload.saveBeforeDone')}</Badge>}
                </Group>
              </Stack>
            </form>
          )
        )}
      </Stack>
    </Paper>
  );
}
