import type { Jit, Me } from '@jit/shared';
import { hashKey } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountKeys, jitKeys, setupKeys } from '../lib/query-keys';
import { i18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { FakeSocket } from '../test/fake-socket';
import { aJit, aMe } from '../test/fixtures';
import { apiError, json, stubFetch } from '../test/fetch';
import { AppProvider } from './provider';
import { AppRouter } from './router';

const me: Me = aMe();
const jit: Jit = aJit();

const unauthenticated = () => apiError(401, 'unauthenticated');

/** A signed-in server until the logout; every request after it answers 401, as the real one does. */
function serveSession() {
  let signedIn = true;
  stubFetch(({ method, path }) => {
    if (path === '/api/setup') return json(200, { needsSetup: false });
    if (path === '/api/auth/logout') {
      signedIn = false;
      return new Response(null, { status: 204 });
    }
    if (!signedIn) return unauthenticated();
    if (path === '/api/auth/me' && method === 'GET') return json(200, me);
    if (path === '/api/jits/j1') return json(200, jit);
    return apiError(404, 'not_found', path);
  });
}

describe('logging out', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('from a JIT page lands on the login page without rendering a signed-in screen for nobody', async () => {
    serveSession();
    // Whatever React recovered from or an error boundary caught would otherwise pass unnoticed.
    const renderErrors: unknown[] = [];
    const consoleErrors = vi.spyOn(console, 'error');
    await i18n.changeLanguage('en');
    window.history.pushState({}, '', '/jits/j1');
    const queryClient = createQueryClient();
    const socket = new FakeSocket();
    render(
      <AppProvider queryClient={queryClient} createSocket={socket.asSocket}>
        <AppRouter />
      </AppProvider>,
      { onRecoverableError: (error) => renderErrors.push(error), onCaughtError: (error) => renderErrors.push(error) },
    );
    expect(await screen.findByRole('heading', { name: 'Operation Meridian' })).toBeTruthy();
    act(() => socket.serverConnects());

    // The server closes the socket of the ended session; in the browser its word may arrive after the
    // session was forgotten and before the query cache has told its subscribers, which re-renders the
    // JIT screens (they follow the connection) ahead of the session gate.
    let droppedAfterForgetting = false;
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.query.queryHash === hashKey(accountKeys.me) && event.query.state.data === null && socket.connected) {
        socket.serverDisconnects();
        droppedAfterForgetting = true;
      }
    });
    // What the account had open elsewhere in this tab, such as its API tokens on the account page.
    queryClient.setQueryData(accountKeys.apiTokens, []);
    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeTruthy();
    await waitFor(() => expect(window.location.pathname).toBe('/login'));
    expect(droppedAfterForgetting).toBe(true);
    // Nothing of the account stays for the next person at this browser; the gate's own queries do.
    expect(queryClient.getQueryData(accountKeys.apiTokens)).toBeUndefined();
    expect(queryClient.getQueryData(jitKeys.detail('j1'))).toBeUndefined();
    expect(queryClient.getQueryData(setupKeys.status)).toEqual({ needsSetup: false });
    expect(renderErrors).toEqual([]);
    expect(consoleErrors).not.toHaveBeenCalled();
  });
});
