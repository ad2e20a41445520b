import { Anchor } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import type { Notification, NotificationEventPayload } from '@jit/shared';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useNotificationArrivals } from '../../../lib/realtime';
import { subjectPath } from '../../../lib/subject-paths';
import { listNotifications, useMarkNotificationsRead } from '../api/notifications';
import { notificationSentence } from '../utils/notification-text';

/** The event carries ids only: the newest few are read to find its sentence (a burst arrives together). */
const LOOKUP_LIMIT = 10;
const TOAST_MS = 8_000;

const findNotification = (id: string): Promise<Notification | null> =>
  listNotifications({ limit: LOOKUP_LIMIT }).then(
    (page) => page.items.find((notification) => notification.id === id) ?? null,
    () => null,
  );

/** A plain click is handled in the page; a click meant for a new tab or window is left to the browser. */
const isPlainClick = (event: MouseEvent) => event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/**
 * Shows a toast for each notification arriving over the live connection, with its sentence and a
 * link to its subject. Rendered once, inside the router (the toasts themselves are not).
 */
export function NotificationToasts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkNotificationsRead();

  const show = (payload: NotificationEventPayload, notification: Notification | null) => {
    const toastId = `notification-${payload.id}`;
    // Not found: no longer readable, or pushed out by a burst; the notifications page still lists what may be read.
    const path = notification ? subjectPath(notification.jitId, notification.subject) : '/notifications';
    const open = (event: MouseEvent<HTMLAnchorElement>) => {
      if (!isPlainClick(event)) return;
      // The toasts live outside the router's tree, so the link cannot be a router <Link>.
      event.preventDefault();
      toasts.hide(toastId);
      if (notification?.readAt === null) markRead.mutate({ ids: [notification.id] });
      void navigate(path);
    };
    toasts.show({
      id: toastId,
      title: t('notifications.toastTitle'),
      autoClose: TOAST_MS,
      message: (
        <Anchor href={path} onClick={open} size="sm" data-testid="notification-toast">
          {notification ? `${notificationSentence(t, notification)} · ${notification.jitReference}` : t('notifications.toastFallback')}
        </Anchor>
      ),
    });
  };

  useNotificationArrivals((payload) => {
    void findNotification(payload.id).then((notification) => show(payload, notification));
  });
  return null;
}
