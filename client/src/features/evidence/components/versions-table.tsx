// The versions of an item: the original and what was derived from it (translations, redactions), each with its hash.
import { Button, Group, Table, Text } from '@mantine/core';
import type { EvidenceItem, EvidenceVersion } from '@jit/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../../../components/date-text';
import { contentUrl } from '../api/evidence';
import { evidenceKeys } from '../../../lib/query-keys';
import { formatBytes, previewKindOf } from '../utils/format';
import { EvidenceStatusBadge } from './evidence-badges';
import { HashText } from './transfer-progress';

export function VersionsTable({ jitId, item, onPreview }: { jitId: string; item: EvidenceItem; onPreview: (versionId: string) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const numberOf = new Map(item.versions.map((v) => [v.id, v.number]));
  // A viewing or download is a custody event: read the log and the downloads again shortly after.
  const refreshSoon = () =>
    window.setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: evidenceKeys.item(jitId, item.id) });
      void queryClient.invalidateQueries({ queryKey: evidenceKeys.custody(jitId, item.id) });
    }, 1500);
  const row = (version: EvidenceVersion) => {
    const ready = version.status !== 'pending';
    return (
      <Table.Tr key={version.id} data-testid={`version-row-${version.number}`} data-status={version.status}>
        <Table.Td>{version.number}</Table.Td>
        <Table.Td>{t(`versionKinds.${version.kind}`)}</Table.Td>
        <Table.Td>{version.derivedFromVersionId ? `#${numberOf.get(version.derivedFromVersionId) ?? '?'}` : '—'}</Table.Td>
        <Table.Td style={{ wordBreak: 'break-all' }}>
          {version.fileName}
          <Text size="xs" c="dimmed">
            {version.mimeType}
          </Text>
          {version.note && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {version.note}
            </Text>
          )}
        </Table.Td>
        <Table.Td>{formatBytes(version.size, i18n.language)}</Table.Td>
        <Table.Td miw={240} maw={300}>
          {version.sha256 ? <HashText value={version.sha256} testId={`version-sha256-${version.number}`} /> : '—'}
        </Table.Td>
        <Table.Td>{version.uploadedByName}</Table.Td>
        <Table.Td>
          <InstantText value={version.createdAt} />
        </Table.Td>
        <Table.Td>
          <EvidenceStatusBadge status={version.status} />
          {version.lastVerifiedAt && (
            <Text size="xs" c="dimmed">
              {t('evidence.versions.lastVerified')} <InstantText value={version.lastVerifiedAt} />
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          {ready && (
            <Group gap={4} wrap="nowrap">
              {previewKindOf(version.mimeType) && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    onPreview(version.id);
                    refreshSoon();
                  }}
                >
                  {t('evidence.versions.preview')}
                </Button>
              )}
              <Button size="xs" variant="default" component="a" href={contentUrl(jitId, item.id, version.id, 'attachment')} download={version.fileName} onClick={refreshSoon}>
                {t('evidence.versions.download')}
              </Button>
            </Group>
          )}
        </Table.Td>
      </Table.Tr>
    );
  };
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table data-testid="versions-table" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evidence.versions.number')}</Table.Th>
            <Table.Th>{t('evidence.versions.kind')}</Table.Th>
            <Table.Th>{t('evidence.versions.derivedFrom')}</Table.Th>
            <Table.Th>{t('evidence.versions.fileName')}</Table.Th>
            <Table.Th>{t('evidence.versions.size')}</Table.Th>
            <Table.Th>{t('evidence.sha256')}</Table.Th>
            <Table.Th>{t('evidence.versions.uploadedBy')}</Table.Th>
            <Table.Th>{t('evidence.versions.date')}</Table.Th>
            <Table.Th>{t('evidence.status')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{item.versions.map(row)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
