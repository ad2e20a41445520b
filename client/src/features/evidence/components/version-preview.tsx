import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { EvidenceVersion } from '@jit/shared';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentUrl } from '../api/evidence';
import { formatBytes, previewKindOf } from '../utils/format';

// pdf.js is large: it loads only when a PDF is previewed.
const PdfPreview = lazy(() => import('./pdf-preview'));

/** Text shown at most: the first megabyte, asked for with a Range request. */
export const TEXT_PREVIEW_BYTES = 1024 * 1024;

function TextPreview({ url, size }: { url: string; size: number }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch(url, { credentials: 'same-origin', signal: controller.signal, headers: { Range: `bytes=0-${TEXT_PREVIEW_BYTES - 1}` } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        setText(await response.text());
      })
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) setFailed(true);
      });
    return () => controller.abort();
  }, [url]);
  if (failed) return <Alert color="red">{t('evidence.preview.failed')}</Alert>;
  if (text === null) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack gap="xs">
      {size > TEXT_PREVIEW_BYTES && (
        <Text size="sm" c="dimmed">
          {t('evidence.preview.textTruncated', { shown: formatBytes(TEXT_PREVIEW_BYTES, i18n.language) })}
        </Text>
      )}
      {/* Text content is rendered as text, never as HTML. */}
      <pre data-testid="text-preview" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: 600, overflow: 'auto', margin: 0 }}>
        {text}
      </pre>
    </Stack>
  );
}

/** Shows one version inline when its type allows it; every other type is only downloaded. */
export function VersionPreview({ jitId, itemId, version, onClose }: { jitId: string; itemId: string; version: EvidenceVersion; onClose: () => void }) {
  const { t } = useTranslation();
  const kind = previewKindOf(version.mimeType);
  const url = contentUrl(jitId, itemId, version.id, 'inline');
  const label = t('evidence.preview.of', { number: version.number, name: version.fileName });
  return (
    <Paper withBorder p="md" data-testid="version-preview" data-kind={kind ?? 'none'}>
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{label}</Title>
          <Button size="xs" variant="default" onClick={onClose}>
            {t('evidence.preview.close')}
          </Button>
        </Group>
        {kind === 'image' && <img src={url} alt={label} style={{ maxWidth: '100%', height: 'auto', alignSelf: 'center' }} />}
        {kind === 'pdf' && (
          <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
            <PdfPreview url={url} title={version.fileName} />
          </Suspense>
        )}
        {kind === 'text' && <TextPreview url={url} size={version.size} />}
        {/* Evidence is shown as it was shared: a recording has no caption file of its own. Its
            transcript or translation, when the team makes one, is a version of the item beside it. */}
        {/* eslint-disable-next-line jsx-a11y/media-has-caption -- no caption file exists for an evidence recording (see above) */}
        {kind === 'audio' && <audio src={url} controls preload="metadata" aria-label={label} style={{ width: '100%' }} />}
        {/* eslint-disable-next-line jsx-a11y/media-has-caption -- no caption file exists for an evidence recording (see above) */}
        {kind === 'video' && <video src={url} controls preload="metadata" aria-label={label} style={{ maxWidth: '100%' }} />}
        {kind === null && <Text c="dimmed">{t('evidence.preview.none')}</Text>}
      </Stack>
    </Paper>
  );
}
