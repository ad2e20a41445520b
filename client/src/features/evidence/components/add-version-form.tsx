import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { VERSION_KINDS, type EvidenceItem, type VersionKind } from '@jit/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFieldErrors } from '../../../lib/field-errors';
import { useAddVersion, useUploadStatus } from '../api/evidence';
import { evidenceKeys } from '../../../lib/query-keys';
import { useTusUpload } from '../hooks/use-tus-upload';
import { TransferProgress, UploadFacts } from './transfer-progress';

type DerivedKind = Exclude<VersionKind, 'original'>;
const DERIVED_KINDS = VERSION_KINDS.filter((k): k is DerivedKind => k !== 'original');

/** A working copy, translation or redacted copy of an earlier version: the original is never replaced. */
export function AddVersionForm({ item, onClose }: { item: EvidenceItem; onClose: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  return (
    <Paper withBorder p="md" data-testid="add-version-form">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('evidence.versions.addTitle')}</Title>
          <Button size="xs" variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </Group>
        {file ? (
          <VersionUpload key={`${file.name}-${file.lastModified}`} item={item} file={file} onDone={onClose} />
        ) : (
          <div>
            <label htmlFor={inputId} style={{ display: 'block', fontWeight: 500, fontSize: 14 }}>
              {t('evidence.versions.fileLabel')}
            </label>
            <input id={inputId} type="file" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function VersionUpload({ item, file, onDone }: { item: EvidenceItem; file: File; onDone: () => void }) {
  const { t } = useTranslation();
  const transfer = useTusUpload(item.jitId, file);
  const { state } = transfer;
  const add = useAddVersion(item.jitId, item.id);
  const fieldError = useFieldErrors(add.error);
  const available = item.versions.filter((v) => v.status !== 'pending');
  const [kind, setKind] = useState<DerivedKind>('working_copy');
  const [derivedFrom, setDerivedFrom] = useState<string | null>(available.at(-1)?.id ?? null);
  const [note, setNote] = useState('');
  const saved = add.isSuccess;
  const status = useUploadStatus(item.jitId, state.uploadId, state.phase === 'complete');
  const unusable = state.phase === 'cancelled' || (state.phase === 'failed' && state.error !== 'network');
  const queryClient = useQueryClient();
  // A version described before its last byte becomes available with it: read the item again then.
  useEffect(() => {
    if (saved && state.phase === 'complete') void queryClient.invalidateQueries({ queryKey: evidenceKeys.all(item.jitId) });
  }, [saved, state.phase, queryClient, item.jitId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!state.uploadId || !derivedFrom) return;
    add.mutate({ uploadId: state.uploadId, kind, derivedFromVersionId: derivedFrom, note: note.trim() || undefined });
  };

  return (
    <Stack gap="sm" data-testid={`upload-row-${file.name}`} data-phase={state.phase}>
      <Text fw={600}>{file.name}</Text>
      <TransferProgress fileName={file.name} state={state} onPause={transfer.pause} onResume={transfer.resume} onCancel={transfer.cancel} />
      {status.data && state.phase === 'complete' && <UploadFacts jitId={item.jitId} status={status.data} />}
      {saved ? (
        <Alert color={state.phase === 'complete' ? 'green' : 'blue'} data-testid="saved-status">
          {state.phase === 'complete' ? t('evidence.versions.added') : t('evidence.upload.pendingBytes')}{' '}
          {state.phase === 'complete' && (
            <Anchor component="button" type="button" onClick={onDone}>
              {t('evidence.preview.close')}
            </Anchor>
          )}
        </Alert>
      ) : (
        !unusable && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Group grow align="flex-start">
                <Select
                  label={t('evidence.versions.kind')}
                  required
                  data={DERIVED_KINDS.map((k) => ({ value: k, label: t(`versionKinds.${k}`) }))}
                  value={kind}
                  onChange={(v) => v && setKind(v as DerivedKind)}
                  allowDeselect={false}
                  error={fieldError('kind')}
                />
                <Select
                  label={t('evidence.versions.derivedFrom')}
                  required
                  data={available.map((v) => ({ value: v.id, label: `#${v.number} · ${t(`versionKinds.${v.kind}`)} · ${v.fileName}` }))}
                  value={derivedFrom}
                  onChange={setDerivedFrom}
                  allowDeselect={false}
                  error={fieldError('derivedFromVersionId')}
                />
              </Group>
              <Textarea label={t('fields.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError('note')} />
              <ErrorAlert error={add.error} shownFields={['kind', 'derivedFromVersionId', 'note']} />
              <Group>
                <Button type="submit" loading={add.isPending} disabled={!state.uploadId || !derivedFrom}>
                  {t('evidence.versions.add')}
                </Button>
                {!state.uploadId && (
                  <Text size="sm" c="dimmed">
                    {t('evidence.upload.waitingForServer')}
                  </Text>
                )}
              </Group>
            </Stack>
          </form>
        )
      )}
    </Stack>
  );
}
