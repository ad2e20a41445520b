import type { Me } from '@jit/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { accountKeys } from '../../../lib/query-keys';
import { apiError, json, stubFetch } from '../../../test/fetch';
import { aMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { SecondFactorForm } from './second-factor-form';

const signedIn: Me = aMe({ secondFactor: { enrolled: true, pending: false, enrolmentRequired: false, enrolmentRequested: false } });

describe('SecondFactorForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the code as typed, without spaces around it, and stores the signed-in account', async () => {
    const calls = stubFetch(() => json(200, signedIn));
    const queryClient = createQueryClient();
    await renderWithProviders(<SecondFactorForm />, 'en', queryClient);
    fireEvent.change(screen.getByLabelText(/^Code from your authenticator app/), { target: { value: ' 123456 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(queryClient.getQueryData(accountKeys.me)).toEqual(signedIn));
    expect(calls).toEqual([expect.objectContaining({ method: 'POST', path: '/api/auth/second-factor', body: { code: '123456' } })]);
  });

  it('says a wrong code in the person’s language and empties the field for the next one', async () => {
    stubFetch(() => apiError(400, 'invalid_second_factor'));
    await renderWithProviders(<SecondFactorForm />, 'fr');
    const field = screen.getByLabelText(/^Code de l’application/);
    fireEvent.change(field, { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    expect(await screen.findByText(/Ce code n’est pas correct/)).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe('');
  });

  it('lets the person give up and sign out', async () => {
    const calls = stubFetch(() => new Response(null, { status: 204 }));
    await renderWithProviders(<SecondFactorForm />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel and sign out' }));
    await waitFor(() => expect(calls.map((c) => c.path)).toEqual(['/api/auth/logout']));
  });
});
