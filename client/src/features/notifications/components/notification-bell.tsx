import { ActionIcon, Anchor, Button, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useMarkNotificationsRead, useNotifications } from '../api/notifications';
import { NotificationList, unreadCountOf } from './notification-list';

/** An outline bell on the 24-unit grid of the app's other icons. */
function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M10 5a2 2 0 1 1 4 0a7 7 0 0 1 4 6v3a4 4 0 0 0 2 3H4a4 4 0 0 0 2-3v-3a7 7 0 0 1 4-6" />
      <path d="M9 17v1a3 3 0 0 0 6 0v-1" />
    </svg>
  );
}

/** Above this the badge says "99+": the exact number is in the list and the button's name. */
const BADGE_MAX = 99;

/** The bell in the top bar at every width: the unread count, and the latest notifications in a popover. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const notifications = useNotifications();
  const markAll = useMarkNotificationsRead();
  const unread = unreadCountOf(notifications);
  const close = () => setOpened(false);

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
          onClick={() => setOpened((open) => !open)}
          data-testid="notification-bell"
          data-unread={unread}
          style={{ overflow: 'visible' }}
        >
          {/* Inside the button, whose name already says the number, so the badge is not read twice. */}
          <Indicator label={unread > BADGE_MAX ? `${BADGE_MAX}+` : unread} disabled={unread === 0} size={16} color="red" offset={2} aria-hidden="true">
            <BellIcon />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p="xs" aria-label={t('notifications.title')}>
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap" px="xs">
            <Text fw={600}>{t('notifications.title')}</Text>
            <Button variant="subtle" size="compact-xs" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate({ all: true })}>
              {t('notifications.markAllRead')}
            </Button>
          </Group>
          <ErrorAlert error={markAll.error} />
          <ScrollArea.Autosize mah="min(60vh, 480px)" type="auto">
            <NotificationList notifications={notifications} emptyText={t('notifications.empty')} onOpen={close} />
          </ScrollArea.Autosize>
          <Anchor component={Link} to="/notifications" size="sm" px="xs" onClick={close}>
            {t('notifications.seeAll')}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
