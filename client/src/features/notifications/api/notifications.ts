import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarkNotificationsReadRequest, NotificationListQuery, NotificationPage, NotificationPreference, NotificationPreferences } from '@jit/shared';
import { apiRequest } from '../../../lib/api-client';
import { notificationKeys } from '../../../lib/query-keys';

/** Newest first, this many at a time: the bell's list and the notifications page alike. */
export const NOTIFICATION_PAGE_SIZE = 20;

/**
 * The lists start with ['notifications', 'list']: the live layer (lib/realtime-events.ts) invalidates
 * that prefix on `notification:new` and `notification:read`. The preferences live apart.
 */
export const listNotifications = (query: NotificationListQuery = {}): Promise<NotificationPage> =>
  apiRequest<NotificationPage>('/notifications', { query: { before: query.before, limit: query.limit, unreadOnly: query.unreadOnly ? 'true' : undefined } });
export const markNotificationsRead = (request: MarkNotificationsReadRequest): Promise<void> => apiRequest<void>('/notifications/read', { method: 'POST', body: request });
export const getNotificationPreferences = (): Promise<NotificationPreferences> => apiRequest<NotificationPreferences>('/notifications/preferences');
export const updateNotificationPreferences = (preferences: NotificationPreference[]): Promise<NotificationPreferences> =>
  apiRequest<NotificationPreferences>('/notifications/preferences', { method: 'PATCH', body: { preferences } satisfies NotificationPreferences });

/** The caller's notifications, page by page; the first page also answers the unread count. */
export function useNotifications({ unreadOnly = false, enabled = true }: { unreadOnly?: boolean; enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list({ unreadOnly }),
    queryFn: ({ pageParam }) => listNotifications({ before: pageParam, limit: NOTIFICATION_PAGE_SIZE, unreadOnly }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled,
  });
}

/** Marks some notifications, or all of them, as read; every list refreshes (other tabs hear `notification:read`). */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    // In the hook's options, not mutate's: the bell's list may close (and unmount) before the answer.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.lists }),
  });
}

export const useNotificationPreferences = () => useQuery({ queryKey: notificationKeys.preferences, queryFn: getNotificationPreferences });

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationPreferences,
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences, saved),
  });
}
