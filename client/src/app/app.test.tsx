import type { Jit, Me } from '@jit/shared';
import { fireEvent, render, screen } from '@testing-library/react';
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

  it('asks for the second factor’s code after the password, before anything else', async () => {
    serve({
      '/api/setup': () => json(200, { needsSetup: false }),
      '/api/auth/me': () => json(200, { ...me, mustChangePassword: true, secondFactor: { ...me.secondFactor, enrolled: true, pending: true } }),
    });
    await renderAt('/jits/j1');
    expect(await screen.findByLabelText(/^Code from your authenticator app/)).toBeTruthy();
    expect(window.location.pathname).toBe('/sign-in/code');
  });

  it('holds someone the platform requires a second factor of at its enrolment, with no way round', async () => {
    serve({
      '/api/setup': () => json(200, { needsSetup: false }),
      '/api/auth/me': () => json(200, { ...me, secondFactor: { ...me.secondFactor, enrolmentRequired: true } }),
    });
    await renderAt('/jits');
    expect(await screen.findByRole('button', { name: 'Set up an authenticator app' })).toBeTruthy();
    expect(window.location.pathname).toBe('/sign-in/second-factor');
    expect(screen.queryByRole('button', { name: 'Not now' })).toBeNull();
  });

  it('asks someone a JIT requires a second factor of once, and lets them go on without', async () => {
    serve({
      '/api/setup': () => json(200, { needsSetup: false }),
      '/api/auth/me': () => json(200, { ...me, secondFactor: { ...me.secondFactor, enrolmentRequested: true } }),
      '/api/jits': () => json(200, [jit]),
    });
    await renderAt('/jits');
    fireEvent.click(await screen.findByRole('button', { name: 'Not now' }));
    expect(await screen.findByText('JIT-2026-007')).toBeTruthy();
    expect(window.location.pathname).toBe('/jits');
    sessionStorage.clear();
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
