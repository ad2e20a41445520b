import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { JitStatusBadge } from '../../../components/badges';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { useCurrentUser } from '../../../lib/auth';
import { jitAccess } from '../../../lib/permissions';
import { usePresenceFocus } from '../../../lib/presence';
import { useJit } from '../api/jits';

/** The JIT header and tabs; child screens receive the loaded JIT through the outlet context (useJitContext). */
export function JitLayout() {
  const { t } = useTranslation();
  const { jitId = '' } = useParams();
  const me = useCurrentUser();
  const jit = useJit(jitId);
  const location = useLocation();
  const navigate = useNavigate();
  // Every page of the JIT: the note page and editor inside it say more (lib/presence-focus.ts).
  usePresenceFocus(jit.data ? jitId : '');

  if (jit.isPending) return <PageLoader />;
  if (jit.isError) return <ErrorAlert error={jit.error} />;

  const access = jitAccess(jit.data, me);
  const base = `/jits/${jitId}`;
  const section = location.pathname.slice(base.length).split('/')[1] ?? '';
  const tab = ['members', 'record', 'evidence', 'notes', 'tasks'].includes(section) ? section : 'overview';

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Text c="dimmed" size="sm">
            {jit.data.reference}
          </Text>
          <Title order={2}>{jit.data.title}</Title>
        </div>
        <JitStatusBadge status={jit.data.status} testId="jit-status" />
      </Group>
      <Tabs value={tab} onChange={(value) => void navigate(value === 'overview' ? base : `${base}/${value}`)}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('jits.tabs.overview')}</Tabs.Tab>
          {access.can('members.read') && <Tabs.Tab value="members">{t('jits.tabs.members')}</Tabs.Tab>}
          {access.can('evidence.read') && <Tabs.Tab value="evidence">{t('jits.tabs.evidence')}</Tabs.Tab>}
          {access.can('notes.read') && <Tabs.Tab value="notes">{t('jits.tabs.notes')}</Tabs.Tab>}
          {access.can('tasks.read') && <Tabs.Tab value="tasks">{t('jits.tabs.tasks')}</Tabs.Tab>}
          {access.can('record.read') && <Tabs.Tab value="record">{t('jits.tabs.record')}</Tabs.Tab>}
        </Tabs.List>
      </Tabs>
      <Outlet context={jit.data} />
    </Stack>
  );
}
