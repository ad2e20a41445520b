import type { ActiveSession } from '@jit/shared';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '../../../test/fetch';
import { renderWithProviders } from '../../../test/render';
import { SessionsPanel } from './sessions-panel';

const here: ActiveSession = {
  id: 'a'.repeat(64),
  current: true,
  awaitingSecondFactor: false,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
  ip: '192.0.2.10',
  signedInAt: '2026-12-06T08:00:00.000Z',
  lastActiveAt: '2026-12-06T09:00:00.000Z',
};
const elsewhere: ActiveSession = { ...here, id: 'b'.repeat(64), current: false, awaitingSecondFactor: true, userAgent: 'curl/8.5.0', ip: '203.0.113.66' };

describe('SessionsPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each browser with its address, marks this one and one waiting for its code, and ends another', async () => {
    let sessions = [here, elsewhere];
    const calls = stubFetch(({ method }) => {
      if (method === 'DELETE') {
        sessions = [here];
        return new Response(null, { status: 204 });
      }
      return json(200, sessions);
    });
    await renderWithProviders(<SessionsPanel />);
    const table = await screen.findByTestId('sessions');
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first).getByText(/Firefox on Linux/)).toBeTruthy();
    expect(within(first).getByText('This browser')).toBeTruthy();
    expect(within(first).queryByRole('button')).toBeNull();
    expect(within(second).getByText(/Unknown browser/)).toBeTruthy();
    expect(within(second).getByText('Waiting for the code')).toBeTruthy();
    expect(within(second).getByText('203.0.113.66')).toBeTruthy();

    fireEvent.click(within(second).getByRole('button', { name: /^End the session signed in on/ }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'End session' }));
    await waitFor(() => expect(within(screen.getByTestId('sessions')).getAllByRole('row')).toHaveLength(2));
    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe(`/api/auth/sessions/${'b'.repeat(64)}`);
  });
});
