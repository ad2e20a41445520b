import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, json, stubFetch } from '../../../test/fetch';
import { renderWithProviders } from '../../../test/render';
import { PlatformSecurity } from './platform-security';

describe('PlatformSecurity', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns the requirement on and shows the server’s refusal in the person’s language', async () => {
    let required = false;
    const calls = stubFetch(({ method, body }) => {
      if (method !== 'PUT') return json(200, { secondFactorRequired: required });
      if (!required && (body as { secondFactorRequired: boolean }).secondFactorRequired) {
        required = true;
        return json(200, { secondFactorRequired: true });
      }
      return apiError(403, 'step_up_token_refused');
    });
    await renderWithProviders(<PlatformSecurity />);
    const toggle = await screen.findByLabelText(/^Require a second factor of everyone/);
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ secondFactorRequired: true });
    fireEvent.click(toggle);
    expect(await screen.findByText(/An API token cannot do this/)).toBeTruthy();
    expect((toggle as HTMLInputElement).checked).toBe(true);
  });
});
