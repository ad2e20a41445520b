import type { Me } from '@jit/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMe } from '../lib/auth';
import { i18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { aMe } from '../test/fixtures';
import { apiError, json, stubFetch } from '../test/fetch';
import { renderWithProviders } from '../test/render';
import { TopBar } from './top-bar';

function serve(me: Me | null) {
  return stubFetch(({ method, path, body }) => {
    if (path === '/api/auth/logout') return new Response(null, { status: 204 });
    if (path === '/api/auth/me' && method === 'PATCH') return json(200, { ...me, ...(body as Partial<Me>) });
    if (path === '/api/auth/me') return me ? json(200, me) : apiError(401, 'unauthenticated');
    if (path === '/api/notifications') return json(200, { items: [], unreadCount: 3, nextCursor: null });
    return apiError(404, 'not_found', path);
  });
}

/** The top bar above a page per destination, signed in as `me` (or signed out). */
async function renderTopBar(me: Me | null) {
  const calls = serve(me);
  const queryClient = createQueryClient();
  setMe(queryClient, me);
  const page = (name: string) => (
    <>
      <TopBar />
      <p>{name}</p>
    </>
  );
  const router = createMemoryRouter(
    ['/jits', '/tasks', '/account', '/admin/users', '/login'].map((path) => ({ path, element: page(`page ${path}`) })),
    { initialEntries: ['/jits'] },
  );
  await renderWithProviders(<RouterProvider router={router} />, 'en', queryClient);
  return { router, calls };
}

const burger = () => screen.getByRole('button', { name: 'Navigation menu' });
// jsdom lays nothing out, so Mantine's popover takes the burger for scrolled out of view and hides the menu: look past that.
const menuItem = (name: string) => screen.getByRole('menuitem', { name, hidden: true });
const menuItems = () => screen.getAllByRole('menuitem', { hidden: true }).map((item) => item.textContent);
const openMenu = async () => {
  fireEvent.click(burger());
  await screen.findAllByRole('menuitem', { hidden: true });
};

describe('the top bar on a phone', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('keeps "My JITs" in the bar and moves the other destinations, the language and logging out to the burger menu', async () => {
    await renderTopBar(aMe());
    const inBar = (path: string) => screen.getByRole('navigation').querySelector(`a[href="${path}"]`);
    // Mantine hides these below `sm` with its visible-from class; the burger shows only there.
    expect(inBar('/jits')?.className).not.toContain('mantine-visible-from-sm');
    expect(inBar('/tasks')?.className).toContain('mantine-visible-from-sm');
    expect(inBar('/account')?.className).toContain('mantine-visible-from-sm');
    expect(screen.getByLabelText('Interface language').closest('.mantine-visible-from-sm')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Log out' }).className).toContain('mantine-visible-from-sm');
    expect(burger().className).toContain('mantine-hidden-from-sm');
    expect(screen.getByTestId('connection-status').className).not.toContain('mantine-visible-from-sm');

    expect(burger().getAttribute('aria-expanded')).toBe('false');
    await openMenu();
    expect(burger().getAttribute('aria-expanded')).toBe('true');
    expect(menuItems()).toEqual(['My tasks', 'Account', '✓English', 'Français', 'Español', 'Українська', 'العربية', 'Log out']);
    expect(screen.getByText('Anna de Vries', { selector: '.mantine-Menu-label' })).toBeTruthy();
  });

  it('keeps the notification bell in the bar at every width, beside the burger, naming the unread count', async () => {
    await renderTopBar(aMe());
    const bell = await screen.findByRole('button', { name: 'Notifications, 3 unread' });
    expect(bell.className).not.toContain('mantine-visible-from-sm');
    expect(bell.closest('.mantine-visible-from-sm')).toBeNull();
    // Not a destination: neither in the navigation nor in the phone menu.
    expect(screen.getByRole('navigation').contains(bell)).toBe(false);
    await openMenu();
    expect(menuItems()).not.toContain('Notifications');
  });

  it('has no bell while the password must be changed', async () => {
    await renderTopBar(aMe({ mustChangePassword: true }));
    await screen.findByRole('button', { name: 'Navigation menu' });
    expect(screen.queryByTestId('notification-bell')).toBeNull();
  });

  it('leads to My tasks and closes', async () => {
    const { router } = await renderTopBar(aMe());
    await openMenu();
    fireEvent.click(menuItem('My tasks'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/tasks'));
    expect(screen.getByText('page /tasks')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('menu', { hidden: true })).toBeNull());
  });

  it('offers the administrator the administration', async () => {
    const { router } = await renderTopBar(aMe({ isPlatformAdmin: true }));
    await openMenu();
    expect(menuItems()).toContain('Administration');
    fireEvent.click(menuItem('Administration'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/users'));
  });

  it('switches the language and saves it to the account', async () => {
    const { calls } = await renderTopBar(aMe());
    await openMenu();
    expect(menuItem('English').getAttribute('aria-current')).toBe('true');
    fireEvent.click(menuItem('Français'));
    await waitFor(() => expect(i18n.language).toBe('fr'));
    expect(screen.getByRole('button', { name: 'Menu de navigation' })).toBeTruthy();
    await waitFor(() => expect(calls).toContainEqual(expect.objectContaining({ method: 'PATCH', path: '/api/auth/me', body: { language: 'fr' } })));
  });

  it('logs out', async () => {
    const { router, calls } = await renderTopBar(aMe());
    await openMenu();
    fireEvent.click(menuItem('Log out'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(calls.some((call) => call.method === 'POST' && call.path === '/api/auth/logout')).toBe(true);
  });

  it('offers only the language and logging out while the password must be changed', async () => {
    await renderTopBar(aMe({ mustChangePassword: true }));
    expect(screen.queryByRole('navigation')).toBeNull();
    await openMenu();
    expect(menuItems()).toEqual(['✓English', 'Français', 'Español', 'Українська', 'العربية', 'Log out']);
  });

  it('has no burger for a visitor, whose language switch stays in the bar at every width', async () => {
    await renderTopBar(null);
    expect(screen.queryByRole('button', { name: 'Navigation menu' })).toBeNull();
    expect(screen.getByLabelText('Interface language').closest('.mantine-visible-from-sm')).toBeNull();
  });
});
