import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, stubFetch } from '../../../test/fetch';
import { aJit } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { SecondFactorRequirement } from './second-factor-requirement';

describe('SecondFactorRequirement', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells a member whether the JIT requires a second factor, with no switch', async () => {
    await renderWithProviders(<SecondFactorRequirement jit={aJit({ secondFactorRequired: true })} canChange={false} />);
    expect(screen.getByText('Members must sign in with a second factor to open this JIT.')).toBeTruthy();
    expect(screen.queryByLabelText(/^Require a second factor/)).toBeNull();
  });

  it('lets a lead leader require it, and says why when they must set up their own first', async () => {
    const calls = stubFetch(() => apiError(409, 'conflict'));
    await renderWithProviders(<SecondFactorRequirement jit={aJit()} canChange />);
    fireEvent.click(screen.getByLabelText(/^Require a second factor to open this JIT/));
    await waitFor(() => expect(calls.map((c) => [c.method, c.path, c.body])).toEqual([['PUT', '/api/jits/j1/second-factor', { required: true }]]));
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
