import { Box, Button, Center, Group, Loader, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { Notification, NotificationPage } from '@jit/shared';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RelativeInstantText } from '../../../components/date-text';
import { ErrorAlert } from '../../../components/error-alert';
import { subjectPath } from '../../../lib/subject-paths';
import { useMarkNotificationsRead } from '../api/notifications';
import { notificationSentence } from '../utils/notification-text';

export type NotificationsQuery = UseInfiniteQueryResult<InfiniteData<NotificationPage>>;

/** Every notification loaded so far, newest first (the server's order). */
export const loadedNotifications = (query: NotificationsQuery): Notification[] => (query.data?.pages ?? []).flatMap((page) => page.items);

/** The unread count the server gave with the first page. */
export const unreadCountOf = (query: NotificationsQuery): number => query.data?.pages[0]?.unreadCount ?? 0;

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: (notification: Notification) => void }) {
  const { t } = useTranslation();
  const unread = notification.readAt === null;
  return (
    <UnstyledButton
      component={Link}
      to={subjectPath(notification.jitId, notification.subject)}
      onClick={() => onOpen(notification)}
      display="block"
      px="sm"
      py="xs"
      bg={unread ? 'var(--mantine-color-blue-light)' : undefined}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      data-testid={`notification-${notification.id}`}
      data-unread={unread}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box w={8} h={8} mt={6} bg={unread ? 'blue' : 'transparent'} style={{ borderRadius: '50%', flexShrink: 0 }} aria-hidden="true" />
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400} style={{ wordBreak: 'break-word' }}>
            {unread && <VisuallyHidden>{t('notifications.unreadMark')} </VisuallyHidden>}
            {notificationSentence(t, notification)}
          </Text>
          <Text size="xs" c="dimmed">
            {notification.jitReference} · <RelativeInstantText value={notification.createdAt} />
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}

interface NotificationListProps {
  notifications: NotificationsQuery;
  /** Said when the list is empty (all notifications, or the unread ones only). */
  emptyText: string;
  /** After an item was chosen and its subject is being opened (the bell closes itself). */
  onOpen?: () => void;
}

/** Notifications newest first; choosing one marks it read and opens what it is about. */
export function NotificationList({ notifications, emptyText, onOpen }: NotificationListProps) {
  const { t } = useTranslation();
  const markRead = useMarkNotificationsRead();
  const items = loadedNotifications(notifications);

  const open = (notification: Notification) => {
    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
    onOpen?.();
  };

  if (notifications.isPending) {
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (notifications.isError) return <ErrorAlert error={notifications.error} />;

  return (
    <Stack gap={4}>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" p="sm" data-testid="notifications-empty">
          {emptyText}
        </Text>
      ) : (
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="notification-list">
          {items.map((notification) => (
            <li key={notification.id}>
              <NotificationItem notification={notification} onOpen={open} />
            </li>
          ))}
        </Stack>
      )}
      <ErrorAlert error={markRead.error} />
      {notifications.hasNextPage && (
        <Button variant="subtle" size="xs" onClick={() => void notifications.fetchNextPage()} loading={notifications.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
