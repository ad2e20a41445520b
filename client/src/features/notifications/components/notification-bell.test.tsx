import type { Notification, NotificationPage } from '@jit/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { aNotification } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { NotificationBell } from './notification-bell';
import { NotificationsPage } from './notifications-page';
import { apiError, json, stubFetch } from '../../../test/fetch';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const assigned: Notification = aNotification({ id: 'nt3', kind: 'task_assigned', subject: { type: 'task', id: 't1', title: 'Interview witness W' }, createdAt: minutesAgo(5) });
const mentioned: Notification = aNotification({ id: 'nt2', createdAt: minutesAgo(90) });
const overdue: Notification = {
  ...assigned,
  id: 'nt1',
  kind: 'task_overdue',
  actorName: null,
  createdAt: '2026-01-10T09:00:00.000Z',
  readAt: '2026-01-11T09:00:00.000Z',
};

/** A server with three notifications, two unread, answered two at a time (the cursor is the next one's id). */
function serve() {
  let items = [assigned, mentioned, overdue];
  return stubFetch(({ method, path, query, body }) => {
    if (path === '/api/notifications' && method === 'GET') {
      const matching = items.filter((n) => query.get('unreadOnly') !== 'true' || n.readAt === null);
      const start = query.get('before') ? matching.findIndex((n) => n.id === query.get('before')) : 0;
      const page = matching.slice(start, start + 2);
      const next = matching[start + 2];
      return json(200, { items: page, unreadCount: items.filter((n) => n.readAt === null).length, nextCursor: next ? next.id : null } satisfies NotificationPage);
    }
    if (path === '/api/notifications/read' && method === 'POST') {
      const request = body as { ids?: string[]; all?: boolean };
      items = items.map((n) => (request.all || request.ids?.includes(n.id) ? { ...n, readAt: n.readAt ?? new Date().toISOString() } : n));
      return new Response(null, { status: 204 });
    }
    return apiError(404, 'not_found', path);
  });
}

async function renderAt(path: string, language = 'en') {
  const router = createMemoryRouter(
    [
      { path: '/jits', element: <NotificationBell /> },
      { path: '/notifications', element: <NotificationsPage /> },
      { path: '/jits/:jitId/tasks', element: <p>the board</p> },
      { path: '/jits/:jitId/notes/:noteId', element: <p>the note</p> },
    ],
    { initialEntries: [path] },
  );
  await renderWithProviders(<RouterProvider router={router} />, language);
  return router;
}

// jsdom lays nothing out, so Mantine's popover takes the bell for scrolled away and hides its dropdown: look past that.
const inPopover = () => screen.getByRole('dialog', { hidden: true });
const openBell = async () => {
  fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
  await waitFor(() => expect(within(inPopover()).getAllByRole('link', { hidden: true }).length).toBeGreaterThan(1));
};

describe('NotificationBell', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('names the unread count, lists the newest first as sentences, unread ones emphasised, and loads more', async () => {
    const calls = serve();
    await renderAt('/jits');
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(bell.textContent).toBe('2');
    await openBell();

    const first = screen.getByTestId('notification-nt3');
    expect(first.textContent).toContain('Unread: Anna Leader assigned you the task “Interview witness W”');
    expect(first.textContent).toContain('JIT-2026-NL-BE-001 · 5 minutes ago');
    expect(first.getAttribute('data-unread')).toBe('true');
    expect(first.getAttribute('href')).toBe('/jits/j1/tasks?task=t1');
    expect(screen.getByTestId('notification-nt2').textContent).toContain('Anna Leader mentioned you on the note “Suspects”');
    expect(screen.getByTestId('notification-nt2').textContent).toContain('1 hour ago');
    expect(screen.queryByTestId('notification-nt1')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Load more', hidden: true }));
    const older = await screen.findByTestId('notification-nt1');
    expect(older.getAttribute('data-unread')).toBe('false');
    expect(older.textContent).toContain('Task “Interview witness W” is overdue');
    // Older than a week: the date itself.
    expect(older.querySelector('time')?.textContent).toContain('2026');
    expect(calls.some((c) => c.url === '/api/notifications?before=nt1&limit=20')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Load more', hidden: true })).toBeNull();
  });

  it('marks a notification read when it is chosen and opens its subject', async () => {
    const calls = serve();
    const router = await renderAt('/jits');
    await openBell();
    fireEvent.click(screen.getByTestId('notification-nt3'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/jits/j1/tasks'));
    expect(router.state.location.search).toBe('?task=t1');
    await waitFor(() => expect(calls).toContainEqual(expect.objectContaining({ method: 'POST', url: '/api/notifications/read', body: { ids: ['nt3'] } })));
  });

  it('marks all as read; the count goes', async () => {
    const calls = serve();
    await renderAt('/jits');
    await openBell();
    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read', hidden: true }));
    await waitFor(() => expect(calls).toContainEqual(expect.objectContaining({ method: 'POST', url: '/api/notifications/read', body: { all: true } })));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeTruthy();
    expect(screen.getByTestId('notification-nt3').getAttribute('data-unread')).toBe('false');
  });

  it('speaks the reader’s language', async () => {
    serve();
    await renderAt('/jits', 'fr');
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 non lues' }));
    expect((await screen.findByTestId('notification-nt3')).textContent).toContain('Anna Leader vous a attribué la tâche « Interview witness W »');
    expect(screen.getByRole('link', { name: 'Voir toutes les notifications', hidden: true }).getAttribute('href')).toBe('/notifications');
  });
});

describe('NotificationsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists every notification, or the unread ones only', async () => {
    const calls = serve();
    await renderAt('/notifications');
    expect(await screen.findByTestId('notification-nt3')).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: 'Unread only' }));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/notifications?limit=20&unreadOnly=true')).toBe(true));
    expect(await screen.findByTestId('notification-nt2')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByText('You have no unread notifications.')).toBeTruthy();
  });
});
