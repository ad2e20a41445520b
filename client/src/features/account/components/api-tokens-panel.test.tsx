import type { ApiToken, CreatedApiToken } from '@jit/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { ApiTokensPanel } from './api-tokens-panel';
import { json, stubFetch } from '../../../test/fetch';

const existing: ApiToken = {
  id: 't1',
  name: 'import script',
  prefix: 'jit_ab12',
  createdAt: '2026-03-01T10:00:00.000Z',
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
};
const created: CreatedApiToken = {
  id: 't2',
  name: 'workstation',
  prefix: 'jit_cd34',
  createdAt: '2026-03-02T10:00:00.000Z',
  lastUsedAt: null,
  expiresAt: '2099-12-31T23:59:59.999Z',
  revokedAt: null,
  token: 'jit_cd34-the-whole-secret',
};

function serve() {
  let tokens: ApiToken[] = [existing];
  return stubFetch(({ method }) => {
    if (method === 'POST') {
      const { token: _secret, ...listed } = created;
      tokens = [...tokens, listed];
      return json(201, created);
    }
    if (method === 'DELETE') {
      tokens = tokens.map((t) => (t.id === 't1' ? { ...t, revokedAt: '2026-03-03T10:00:00.000Z' } : t));
      return json(200, tokens[0]);
    }
    return json(200, tokens);
  });
}

describe('ApiTokensPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates a token with an end-of-day UTC expiry and shows the secret once', async () => {
    const calls = serve();
    await renderWithProviders(<ApiTokensPanel />);
    expect(await screen.findByText('import script')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Token name/), { target: { value: ' workstation ' } });
    fireEvent.change(screen.getByLabelText(/^Expires on/), { target: { value: '2099-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    const shown = await screen.findByTestId('created-token');
    expect(within(shown).getByTestId('created-token-value').textContent).toBe('jit_cd34-the-whole-secret');
    expect(within(shown).getByText('Copy this token now: it will not be shown again.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'workstation', expiresAt: '2099-12-31T23:59:59.999Z' });
    await screen.findByTestId('api-token-row-workstation');

    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByText('jit_cd34-the-whole-secret')).toBeNull();
  });

  it('revokes a token after confirmation', async () => {
    const calls = serve();
    await renderWithProviders(<ApiTokensPanel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke the token import script' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'DELETE')?.path).toBe('/api/auth/tokens/t1'));
    await waitFor(() => expect(screen.getByTestId('api-token-row-import script').getAttribute('data-state')).toBe('revoked'));
  });
});
