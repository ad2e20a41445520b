import { Alert, Anchor, Badge, Button, Group, Stack, Title } from '@mantine/core';
import type { Jit, Me } from '@jit/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { jitAccess } from '../../../lib/permissions';
import { CommentsPanel } from '../../comments';
import { LinksPanel } from '../../links';
import { useEvidenceItem } from '../api/evidence';
import { AddVersionForm } from './add-version-form';
import { EvidenceStatusBadge, HandlingBadge } from './evidence-badges';
import { VersionPreview } from './version-preview';
import { CustodyLog, Downloads } from './custody-log';
import { FixityPanel } from './fixity-panel';
import { VersionsTable } from './versions-table';
import { EditMetadataForm, MetadataFacts } from './item-metadata';

/** One evidence item: its description, versions, fixity, custody, links and comments. */
export function EvidenceItemPage({ jit, me, itemId }: { jit: Jit; me: Me; itemId: string }) {
  const { t } = useTranslation();
  const item = useEvidenceItem(jit.id, itemId);
  const access = jitAccess(jit, me);
  const [editing, setEditing] = useState(false);
  const [addingVersion, setAddingVersion] = useState(false);
  const [previewId, setPreviewId] = useState<string | null>(null);

  if (item.isPending) return <PageLoader />;
  if (item.isError) return <ErrorAlert error={item.error} />;

  const data = item.data;
  const open = jit.status !== 'closed';
  const canEdit = open && access.canEditEvidenceMetadata(data);
  const canAddVersion = open && access.can('evidence.upload');
  const preview = data.versions.find((v) => v.id === previewId);

  return (
    <Stack>
      <Anchor component={Link} to={`/jits/${jit.id}/evidence`} size="sm">
        {t('evidence.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} data-testid="evidence-title">
            {data.title}
          </Title>
          <Group gap="xs" mt={4}>
            <EvidenceStatusBadge status={data.status} />
            <HandlingBadge code={data.handlingCode} />
            <Badge variant="light" color="gray">
              {t(`classifications.${data.classification}`)}
            </Badge>
          </Group>
        </div>
        {canEdit && !editing && (
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('evidence.item.edit')}
          </Button>
        )}
      </Group>
      {data.status === 'integrity_failed' && (
        <Alert color="red" title={t('evidence.item.integrityFailedTitle')}>
          {t('evidence.item.integrityFailedMessage')}
        </Alert>
      )}
      {data.duplicateOfItemId && (
        <Alert color="yellow" title={t('evidence.upload.duplicateTitle')} data-testid="duplicate-warning">
          {t('evidence.item.duplicateMessage')}{' '}
          <Anchor component={Link} to={`/jits/${jit.id}/evidence/${data.duplicateOfItemId}`}>
            {t('evidence.upload.openDuplicate')}
          </Anchor>
        </Alert>
      )}
      {editing ? <EditMetadataForm jit={jit} item={data} onDone={() => setEditing(false)} /> : <MetadataFacts jit={jit} item={data} />}

      <Group justify="space-between">
        <Title order={4}>{t('evidence.versions.title')}</Title>
        {canAddVersion && !addingVersion && <Button onClick={() => setAddingVersion(true)}>{t('evidence.versions.add')}</Button>}
      </Group>
      {addingVersion && <AddVersionForm item={data} onClose={() => setAddingVersion(false)} />}
      <VersionsTable jitId={jit.id} item={data} onPreview={setPreviewId} />
      {preview && <VersionPreview jitId={jit.id} itemId={data.id} version={preview} onClose={() => setPreviewId(null)} />}

      {access.can('evidence.verify') && <FixityPanel jitId={jit.id} item={data} />}
      <CustodyLog jitId={jit.id} itemId={data.id} />
      <Downloads jit={jit} item={data} />
      <LinksPanel jit={jit} subjectType="evidence" subjectId={data.id} />
      <CommentsPanel jit={jit} subjectType="evidence" subjectId={data.id} />
    </Stack>
  );
}
