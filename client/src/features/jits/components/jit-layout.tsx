import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { JitPermission } from '@jit/shared';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { JitStatusBadge } from '../../../components/badges';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { useCurrentUser } from '../../../lib/auth';
import { jitAccess } from '../../../lib/permissions';
import { usePresenceFocus } from '../../../lib/presence';
import { useJit } from '../api/jits';

/** The sections of a JIT, in their order, each shown to those who may read it. */
const SECTIONS: ReadonlyArray<{ name: string; permission: JitPermission | null }> = [
  { name: 'overview', permission: null },
  { name: 'members', permission: 'members.read' },
  { name: 'evidence', permission: 'evidence.read' },
  { name: 'notes', permission: 'notes.read' },
  { name: 'tasks', permission: 'tasks.read' },
  { name: 'record', permission: 'record.read' },
];

/** The JIT header and its sections; child screens receive the loaded JIT through the outlet context (useJitContext). */
export function JitLayout() {
  const { t } = useTranslation();
  const { jitId = '' } = useParams();
  const me = useCurrentUser();
  const jit = useJit(jitId);
  const location = useLocation();
  // Every page of the JIT: the note page and editor inside it say more (lib/presence-focus.ts).
  usePresenceFocus(jit.data ? jitId : '');

  if (jit.isPending) return <PageLoader />;
  if (jit.isError) return <ErrorAlert error={jit.error} />;

  const access = jitAccess(jit.data, me);
  const base = `/jits/${jitId}`;
  const section = location.pathname.slice(base.length).split('/')[1] ?? '';
  const sections = SECTIONS.filter((s) => s.permission === null || access.can(s.permission)).map((s) => s.name);
  const tab = sections.find((name) => name === section) ?? 'overview';

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
      {/* The sections change the address, so they are links in a navigation landmark, not tabs. */}
      <nav aria-label={t('jits.sections')}>
        <Group gap={0} wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          {sections.map((section) => {
            const current = section === tab;
            return (
              <Anchor
                key={section}
                component={Link}
                to={section === 'overview' ? base : `${base}/${section}`}
                aria-current={current ? 'page' : undefined}
                underline="never"
                px="md"
                py="xs"
                fw={current ? 600 : 400}
                c={current ? undefined : 'var(--mantine-color-text)'}
                style={{ marginBottom: -1, borderBottom: `2px solid ${current ? 'var(--mantine-color-anchor)' : 'transparent'}` }}
              >
                {t(`jits.tabs.${section}`)}
              </Anchor>
            );
          })}
        </Group>
      </nav>
      <Outlet context={jit.data} />
    </Stack>
  );
}
