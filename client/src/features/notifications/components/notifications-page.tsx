import { Button, Group, Paper, Stack, Switch, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useMarkNotificationsRead, useNotifications } from '../api/notifications';
import { NotificationList, unreadCountOf } from './notification-list';

/** All of the caller's notifications across their JITs, or the unread ones only. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const notifications = useNotifications({ unreadOnly });
  const markAll = useMarkNotificationsRead();
  const unread = unreadCountOf(notifications);

  return (
    <Stack maw={760}>
      <Group justify="space-between">
        <Title order={2}>{t('notifications.title')}</Title>
        <Button variant="default" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate({ all: true })}>
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <Switch label={t('notifications.unreadOnly')} checked={unreadOnly} onChange={(event) => setUnreadOnly(event.currentTarget.checked)} />
      <ErrorAlert error={markAll.error} />
      <Paper withBorder p="xs">
        <NotificationList notifications={notifications} emptyText={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')} />
      </Paper>
    </Stack>
  );
}
