import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Jit, Link as RecordLink, WorkSubjectRef, WorkSubjectType } from '@jit/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmButton } from '../../../components/confirm-button';
import { InstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { jitAccess } from '../../../lib/permissions';
import { subjectPath } from '../../../lib/subject-paths';
import { useLinks, useRemoveLink } from '../api/links';
import { AddLinkForm } from './add-link-form';
import { SubjectTypeIcon } from './subject-type-icon';

/** The evidence items, notes and tasks linked to one of them, each leading to it; contributors add and remove links. */
export function LinksPanel({ jit, subjectType, subjectId }: { jit: Jit; subjectType: WorkSubjectType; subjectId: string }) {
  // Links are for the JIT's members; the administrator who is not one does not see them.
  const access = jitAccess(jit, { isPlatformAdmin: false });
  const canRead = access.can('links.read');
  const canWrite = canRead && access.can('links.write') && jit.status !== 'closed';
  if (!canRead) return null;
  return <LinksPanelBody jitId={jit.id} subject={{ type: subjectType, id: subjectId }} canWrite={canWrite} />;
}

function LinksPanelBody({ jitId, subject, canWrite }: { jitId: string; subject: WorkSubjectRef; canWrite: boolean }) {
  const { t } = useTranslation();
  const links = useLinks(jitId, subject.type, subject.id);
  const remove = useRemoveLink(jitId);
  const [adding, setAdding] = useState(false);

  return (
    <Paper withBorder p="md" data-testid="links-panel">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('links.title')}</Title>
          {canWrite && !adding && (
            <Button variant="light" size="xs" onClick={() => setAdding(true)}>
              {t('links.add')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={remove.error} />
        {links.isPending ? (
          <PageLoader />
        ) : links.isError ? (
          <ErrorAlert error={links.error} />
        ) : links.data.length === 0 ? (
          <Text c="dimmed">{t('links.none')}</Text>
        ) : (
          <Stack gap="xs">
            {links.data.map((link) => (
              <LinkRow key={link.id} jitId={jitId} link={link} onRemove={canWrite ? () => remove.mutate(link.id) : undefined} />
            ))}
          </Stack>
        )}
        {canWrite && adding && <AddLinkForm jitId={jitId} subject={subject} linked={links.data?.map((link) => link.other) ?? []} onDone={() => setAdding(false)} />}
      </Stack>
    </Paper>
  );
}

function LinkRow({ jitId, link, onRemove }: { jitId: string; link: RecordLink; onRemove?: () => void }) {
  const { t } = useTranslation();
  const { other } = link;
  return (
    <Group justify="space-between" wrap="nowrap" data-testid="link-row" data-subject-type={other.type}>
      <Group gap="sm" wrap="nowrap" miw={0}>
        <SubjectTypeIcon type={other.type} />
        <div style={{ minWidth: 0 }}>
          <Anchor component={Link} to={subjectPath(jitId, other)} fw={500} style={{ wordBreak: 'break-word' }}>
            {other.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('links.linkedBy', { name: link.createdByName })} · <InstantText value={link.createdAt} />
          </Text>
        </div>
      </Group>
      {onRemove && (
        <ConfirmButton
          size="xs"
          variant="subtle"
          color="red"
          label={t('links.remove')}
          aria-label={t('links.removeNamed', { title: other.title })}
          title={t('links.removeTitle')}
          message={t('links.removeMessage', { title: other.title })}
          confirmLabel={t('links.removeConfirm')}
          onConfirm={onRemove}
        />
      )}
    </Group>
  );
}
