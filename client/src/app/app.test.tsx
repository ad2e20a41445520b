import type { Jit, Me } from '@jit/shared';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { AppProvider } from './provider';
import { AppRouter } from './router';
import { aJit, aMe } from '../test/fixtures';
import { apiError, json, stubFetch } from '../test/fetch';

const me: Me = aMe();

const jit: Jit = aJit();

const unauthenticated = () => apiError(401, 'unauthenticated');

function serve(routes: Record<string, () => Response>) {
  stubFetch(({ path }) => routes[path]?.() ?? apiError(404, 'not_found', path));
}

async function renderAt(path: string) {
  await i18n.changeLanguage('en');
  window.history.pushState({}, '', path);
  render(
    <AppProvider queryClient={createQueryClient()}>
      <AppRouter />
    </AppProvider>,
  );
}

describe('the session gate', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a fresh installation to setup', async () => {
    serve({ '/api/setup': () => json(200, { needsSetup: true }), '/api/auth/me': unauthenticated });
    await renderAt('/jits');
    expect(await screen.findByLabelText(/^Setup token/)).toBeTruthy();
    expect(window.location.pathname).toBe('/setup');
  });

  it('asks a visitor to log in', async () => {
    serve({ '/api/setup': () => json(200, { needsSetup: false }), '/api/auth/me': unauthenticated });
    await renderAt('/jits/j1');
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeTruthy();
    expect(window.location.pathname).toBe('/login');
  });

  it('forces the password change', async () => {
    serve({
      '/api/setup': () => json(200, { needsSetup: false }),
      '/api/auth/me': () => json(200, { ...me, mustChangePassword: true }),
    });
    await renderAt('/jits');
    expect(await screen.findByLabelText(/^Current password/)).toBeTruthy();
    expect(window.location.pathname).toBe('/change-password');
  });

  it('shows a member their JITs in their own language', async () => {
    serve({
      '/api/setup': () => json(200, { needsSetup: false }),
      '/api/auth/me': () => json(200, { ...me, language: 'fr' }),
      '/api/jits': () => json(200, [jit]),
    });
    await renderAt('/');
    expect(await screen.findByText('JIT-2026-007')).toBeTruthy();
    expect(await screen.findByText("Chef d'équipe")).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Administration' })).toBeNull();
  });
});
