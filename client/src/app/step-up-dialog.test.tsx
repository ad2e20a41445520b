import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { confirmIdentity } from '../lib/step-up';
import { apiError, stubFetch } from '../test/fetch';
import { renderWithProviders } from '../test/render';
import { StepUpDialog } from './step-up-dialog';

describe('StepUpDialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks someone with a second factor for a code, and confirms once the server accepts it', async () => {
    const calls = stubFetch(({ body }) => ((body as { code: string }).code === '654321' ? new Response(null, { status: 204 }) : apiError(400, 'invalid_second_factor')));
    await renderWithProviders(<StepUpDialog hasSecondFactor />);
    const confirmed = confirmIdentity();
    const field = await screen.findByLabelText(/^Code from your authenticator app/);
    fireEvent.change(field, { target: { value: '111111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText(/This code is not right/)).toBeTruthy();
    fireEvent.change(field, { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await expect(confirmed).resolves.toBe(true);
    expect(calls.map((c) => [c.path, c.body])).toEqual([
      ['/api/auth/step-up', { code: '111111' }],
      ['/api/auth/step-up', { code: '654321' }],
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('asks someone without one for their password, and cancelling refuses', async () => {
    const calls = stubFetch(() => new Response(null, { status: 204 }));
    await renderWithProviders(<StepUpDialog hasSecondFactor={false} />);
    const confirmed = confirmIdentity();
    expect(await screen.findByLabelText(/^Password/)).toBeTruthy();
    expect(screen.queryByLabelText(/^Code from your authenticator app/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await expect(confirmed).resolves.toBe(false);
    expect(calls).toEqual([]);
  });
});
