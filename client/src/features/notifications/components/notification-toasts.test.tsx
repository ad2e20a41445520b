import { Notifications } from '@mantine/notifications';
import type { Notification, NotificationPage } from '@jit/shared';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMe } from '../../../lib/auth';
import { createQueryClient } from '../../../lib/query-client';
import { RealtimeProvider } from '../../../lib/realtime';
import { FakeSocket } from '../../../test/fake-socket';
import { aMe, aNotification } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { NotificationToasts } from './notification-toasts';
import { apiError, json, stubFetch } from '../../../test/fetch';

const mention: Notification = aNotification({ createdAt: new Date().toISOString() });

function serve(items: Notification[]) {
  const posts: unknown[] = [];
  stubFetch(({ path, body }) => {
    if (path === '/api/notifications/read') {
      posts.push(body);
      return new Response(null, { status: 204 });
    }
    if (path === '/api/notifications') return json(200, { items, unreadCount: items.length, nextCursor: null } satisfies NotificationPage);
    return apiError(404, 'not_found', path);
  });
  return posts;
}

async function renderToasts() {
  const queryClient = createQueryClient();
  setMe(queryClient, aMe());
  const socket = new FakeSocket();
  const router = createMemoryRouter(
    [
      { path: '/jits', element: <NotificationToasts /> },
      { path: '/jits/:jitId/notes/:noteId', element: <p>the note</p> },
      { path: '/notifications', element: <p>all notifications</p> },
    ],
    { initialEntries: ['/jits'] },
  );
  await renderWithProviders(
    <RealtimeProvider createSocket={socket.asSocket}>
      <Notifications />
      <RouterProvider router={router} />
    </RealtimeProvider>,
    'en',
    queryClient,
  );
  act(() => socket.serverConnects());
  return { socket, router };
}

describe('NotificationToasts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows an arriving notification as a sentence that opens its subject and marks it read', async () => {
    const posts = serve([mention]);
    const { socket, router } = await renderToasts();
    act(() => socket.fire('notification:new', { id: 'nt1', jitId: 'j1', kind: 'mentioned' }));

    const toast = await screen.findByTestId('notification-toast');
    expect(toast.textContent).toBe('Anna Leader mentioned you on the note “Suspects” · JIT-2026-NL-BE-001');
    expect(toast.getAttribute('href')).toBe('/jits/j1/notes/n1');
    fireEvent.click(toast);
    await waitFor(() => expect(router.state.location.pathname).toBe('/jits/j1/notes/n1'));
    await waitFor(() => expect(posts).toEqual([{ ids: ['nt1'] }]));
  });

  it('still says something when the notification cannot be read back', async () => {
    serve([]);
    const { socket } = await renderToasts();
    act(() => socket.fire('notification:new', { id: 'gone', jitId: 'j1', kind: 'task_assigned' }));
    const toast = await screen.findByTestId('notification-toast');
    expect(toast.textContent).toBe('You have a new notification. Open your notifications to see it.');
    expect(toast.getAttribute('href')).toBe('/notifications');
  });
});
