import { Alert, Button, Group, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationChannelName, type NotificationKind, type NotificationPreference } from '@jit/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-state';
import { useNotificationPreferences, useUpdateNotificationPreferences } from '../api/notifications';

const keyOf = (kind: NotificationKind, channel: NotificationChannelName) => `${kind} ${channel}`;

/** What the person is told about, per kind and channel (only "in the app" today); a save sends only what changed. */
export function NotificationPreferencesPanel() {
  const { t } = useTranslation();
  const preferences = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();
  /** The switches turned since the last save, by kind and channel. */
  const [changes, setChanges] = useState<ReadonlyMap<string, NotificationPreference>>(new Map());

  // The server answers every kind and channel; one it does not know yet is on, as the server defaults.
  const saved = (kind: NotificationKind, channel: NotificationChannelName): boolean =>
    preferences.data?.preferences.find((p) => p.kind === kind && p.channel === channel)?.enabled ?? true;
  const shown = (kind: NotificationKind, channel: NotificationChannelName): boolean => changes.get(keyOf(kind, channel))?.enabled ?? saved(kind, channel);

  const toggle = (kind: NotificationKind, channel: NotificationChannelName, enabled: boolean) => {
    update.reset();
    setChanges((current) => {
      const next = new Map(current);
      // Turned back to what is saved: nothing to send for it.
      if (enabled === saved(kind, channel)) next.delete(keyOf(kind, channel));
      else next.set(keyOf(kind, channel), { kind, channel, enabled });
      return next;
    });
  };

  const save = () => update.mutate([...changes.values()], { onSuccess: () => setChanges(new Map()) });

  return (
    <Paper withBorder p="lg" maw={560}>
      <Stack>
        <Title order={3}>{t('notifications.preferences.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('notifications.preferences.intro')}
        </Text>
        {preferences.isPending ? (
          <PageLoader />
        ) : preferences.isError ? (
          <ErrorAlert error={preferences.error} />
        ) : (
          <>
            <Table data-testid="notification-preferences">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('notifications.preferences.kind')}</Table.Th>
                  {NOTIFICATION_CHANNELS.map((channel) => (
                    <Table.Th key={channel}>{t(`notificationChannels.${channel}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {NOTIFICATION_KINDS.map((kind) => (
                  <Table.Tr key={kind}>
                    <Table.Td>{t(`notificationKinds.${kind}`)}</Table.Td>
                    {NOTIFICATION_CHANNELS.map((channel) => (
                      <Table.Td key={channel}>
                        <Switch
                          checked={shown(kind, channel)}
                          onChange={(event) => toggle(kind, channel, event.currentTarget.checked)}
                          aria-label={t('notifications.preferences.switch', { kind: t(`notificationKinds.${kind}`), channel: t(`notificationChannels.${channel}`) })}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {update.isSuccess && changes.size === 0 && <Alert color="green">{t('common.saved')}</Alert>}
            <ErrorAlert error={update.error} />
            <Group>
              <Button onClick={save} disabled={changes.size === 0} loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
