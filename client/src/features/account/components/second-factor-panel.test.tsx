import type { SecondFactor, SecondFactorOverview } from '@jit/shared';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '../../../test/fetch';
import { renderWithProviders } from '../../../test/render';
import { SecondFactorPanel } from './second-factor-panel';

const none: SecondFactorOverview = { factors: [], recoveryCodesLeft: 0, requiredByPlatform: false, requiredByJits: [{ id: 'j1', title: 'Operation Meridian' }] };
const codes = Array.from({ length: 10 }, (_, i) => `abcd-efgh-ijkl-mn${String.fromCharCode(97 + i)}p`);

function serve() {
  let overview = none;
  return stubFetch(({ method, path }) => {
    if (method === 'POST' && path === '/api/auth/factors/totp') {
      return json(201, { factorId: 'f1', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x', qrCode: 'data:image/png;base64,iVBORw0KGgo=' });
    }
    if (method === 'POST' && path === '/api/auth/factors/totp/f1/confirm') {
      const factor: SecondFactor = { id: 'f1', kind: 'totp', label: 'Work phone', createdAt: '2026-12-06T09:00:00.000Z', lastUsedAt: '2026-12-06T09:00:00.000Z' };
      overview = { ...overview, factors: [factor], recoveryCodesLeft: 10 };
      return json(200, { factor, recoveryCodes: codes });
    }
    return json(200, overview);
  });
}

describe('SecondFactorPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('enrols an app: QR code with its text alternative, the key in groups, the first code, then the recovery codes once', async () => {
    const calls = serve();
    await renderWithProviders(<SecondFactorPanel />);
    expect(await screen.findByText('These JITs require a second factor: Operation Meridian.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Set up an authenticator app' }));

    expect(await screen.findByRole('img', { name: /^QR code for your authenticator app/ })).toBeTruthy();
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    fireEvent.change(screen.getByLabelText(/^Name of the device/), { target: { value: 'Work phone' } });
    fireEvent.change(screen.getByLabelText(/^3\. The code the app shows now/), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and turn on' }));

    const shown = await screen.findByTestId('recovery-codes');
    expect(
      within(shown)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(codes);
    expect(calls.find((c) => c.path === '/api/auth/factors/totp/f1/confirm')?.body).toEqual({ code: '123456', label: 'Work phone' });
    fireEvent.click(within(shown).getByRole('button', { name: 'I have kept them safe' }));
    expect(screen.queryByTestId('recovery-codes')).toBeNull();
    expect(await screen.findByText('10 recovery codes left')).toBeTruthy();
    expect(within(screen.getByTestId('second-factors')).getByText('Work phone')).toBeTruthy();
  });
});
