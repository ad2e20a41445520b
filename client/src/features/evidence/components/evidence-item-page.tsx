import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { EvidenceItem, EvidenceVersion, Jit, Me } from '@jit/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { languageName } from '../../../lib/countries';
import { useFieldErrors } from '../../../lib/field-errors';
import { jitAccess } from '../../../lib/permissions';
import { CommentsPanel } from '../../comments';
import { LinksPanel } from '../../links';
import { contentUrl, useCustody, useEvidenceItem, useFolders, useUpdateEvidence, useVerifyEvidence } from '../api/evidence';
import { evidenceKeys } from '../../../lib/query-keys';
import { formatBytes, previewKindOf } from '../utils/format';
import { AddVersionForm } from './add-version-form';
import { EvidenceStatusBadge, HandlingBadge } from './evidence-badges';
import { folderOptions, METADATA_FIELD_NAMES, MetadataFields, metadataChanges, missingFields, valuesOfItem, type MetadataValues } from './metadata-fields';
import { HashText } from './transfer-progress';
import { VersionPreview } from './version-preview';
import { FormActions } from '../../../components/form-actions';
import { Fact } from '../../../components/fact';

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

function MetadataFacts({ jit, item }: { jit: Jit; item: EvidenceItem }) {
  const { t, i18n } = useTranslation();
  const folders = useFolders(jit.id);
  const party = jit.parties.find((p) => p.id === item.originatingPartyId);
  const folder = folderOptions(folders.data ?? []).find((f) => f.value === item.folderId);
  return (
    <Paper withBorder p="md" data-testid="evidence-metadata">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Fact label={t('evidence.fields.documentType')}>{t(`documentTypes.${item.documentType}`)}</Fact>
        <Fact label={t('evidence.fields.handlingCode')}>{t(`handlingCodes.${item.handlingCode}`)}</Fact>
        <Fact label={t('evidence.fields.classification')}>{t(`classifications.${item.classification}`)}</Fact>
        <Fact label={t('evidence.fields.originatingParty')}>{party?.name}</Fact>
        <Fact label={t('evidence.fields.originatingAuthority')}>{item.originatingAuthority}</Fact>
        <Fact label={t('evidence.fields.collectedBy')}>{item.collectedBy}</Fact>
        <Fact label={t('evidence.fields.collectionMethod')}>{item.collectionMethod}</Fact>
        <Fact label={t('evidence.fields.obtainedAt')}>{item.obtainedAt && <InstantText value={item.obtainedAt} />}</Fact>
        <Fact label={t('evidence.fields.source')}>{item.source}</Fact>
        <Fact label={t('evidence.fields.languages')}>{item.languages.map((l) => languageName(l, i18n.language)).join(', ')}</Fact>
        <Fact label={t('evidence.fields.tags')}>{item.tags.join(', ')}</Fact>
        <Fact label={t('evidence.fields.folder')}>{folder?.label}</Fact>
        <Fact label={t('evidence.item.createdBy')}>{item.createdByName}</Fact>
        <Fact label={t('evidence.item.createdAt')}>
          <InstantText value={item.createdAt} />
        </Fact>
        <Fact label={t('evidence.item.updatedAt')}>
          <InstantText value={item.updatedAt} />
        </Fact>
      </SimpleGrid>
      <Stack mt="sm">
        <Fact label={t('evidence.fields.description')}>{item.description}</Fact>
      </Stack>
    </Paper>
  );
}

function EditMetadataForm({ jit, item, onDone }: { jit: Jit; item: EvidenceItem; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateEvidence(jit.id, item.id);
  const folders = useFolders(jit.id);
  const [values, setValues] = useState<MetadataValues>(() => valuesOfItem(item));
  const [missing, setMissing] = useState<string[]>([]);
  const serverFieldError = useFieldErrors(update.error);
  const fieldError = (field: string) => (missing.includes(field) ? t('fieldErrors.required') : serverFieldError(field));
  const set = <K extends keyof MetadataValues>(key: K, value: MetadataValues[K]) => setValues((previous) => ({ ...previous, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const absent = missingFields(values);
    setMissing(absent);
    if (absent.length > 0) return;
    const changes = metadataChanges(valuesOfItem(item), values);
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate(changes, { onSuccess: onDone });
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={t('evidence.item.editTitle')}>
        <Stack>
          <MetadataFields values={values} onChange={set} parties={jit.parties} folders={folders.data ?? []} fieldError={fieldError} />
          <ErrorAlert error={update.error} shownFields={METADATA_FIELD_NAMES} />
          <FormActions submitLabel={t('common.save')} loading={update.isPending} onCancel={onDone} />
        </Stack>
      </form>
    </Paper>
  );
}

function VersionsTable({ jitId, item, onPreview }: { jitId: string; item: EvidenceItem; onPreview: (versionId: string) => void }) {
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
        <Table.Td miw={240} maw={300}>{version.sha256 ? <HashText value={version.sha256} testId={`version-sha256-${version.number}`} /> : '—'}</Table.Td>
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
                <Button size="xs" variant="light" onClick={() => {
                    onPreview(version.id);
                    refreshSoon();
                  }}>
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

function FixityPanel({ jitId, item }: { jitId: string; item: EvidenceItem }) {
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

function CustodyLog({ jitId, itemId }: { jitId: string; itemId: string }) {
  const { t } = useTranslation();
  const custody = useCustody(jitId, itemId);
  return (
    <Stack>
      <Title order={4}>{t('evidence.custody.title')}</Title>
      {custody.isPending && <PageLoader />}
      <ErrorAlert error={custody.error} />
      {custody.data && custody.data.length === 0 && <Text c="dimmed">{t('evidence.custody.none')}</Text>}
      {custody.data && custody.data.length > 0 && (
        <Table striped data-testid="custody-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('record.seq')}</Table.Th>
              <Table.Th>{t('evidence.custody.who')}</Table.Th>
              <Table.Th>{t('record.action')}</Table.Th>
              <Table.Th>{t('evidence.custody.when')}</Table.Th>
              <Table.Th>{t('evidence.custody.from')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {custody.data.map((event) => (
              <Table.Tr key={event.seq} data-testid={`custody-row-${event.seq}`} data-action={event.action}>
                <Table.Td>{event.seq}</Table.Td>
                <Table.Td>{event.actorDisplayName ?? t('record.system')}</Table.Td>
                <Table.Td>{t(`auditActions.${event.action}`)}</Table.Td>
                <Table.Td>
                  <InstantText value={event.occurredAt} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={event.userAgent ?? undefined}>
                    {event.ip ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Downloads({ jit, item }: { jit: Jit; item: EvidenceItem }) {
  const { t } = useTranslation();
  const partyName = new Map(jit.parties.map((p) => [p.id, p.name]));
  return (
    <Stack data-testid="downloads">
      <Title order={4}>{t('evidence.downloads.title')}</Title>
      {item.downloads.length === 0 ? (
        <Text c="dimmed">{t('evidence.downloads.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evidence.custody.who')}</Table.Th>
              <Table.Th>{t('evidence.list.party')}</Table.Th>
              <Table.Th>{t('evidence.downloads.first')}</Table.Th>
              <Table.Th>{t('evidence.downloads.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.downloads.map((d) => (
              <Table.Tr key={d.userId} data-testid={`download-row-${d.displayName}`}>
                <Table.Td>{d.displayName}</Table.Td>
                <Table.Td>{d.partyId ? (partyName.get(d.partyId) ?? '—') : '—'}</Table.Td>
                <Table.Td>
                  <InstantText value={d.firstAt} />
                </Table.Td>
                <Table.Td>{d.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
