import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { browserTimeZone } from '../lib/dates';
import { renderWithProviders } from '../test/render';
import { ZoneHint } from './zone-hint';

describe('ZoneHint', () => {
  it('says which zone times are in when this device is set to another', async () => {
    const other = browserTimeZone() === 'Asia/Tokyo' ? 'America/Lima' : 'Asia/Tokyo';
    await renderWithProviders(
      <MemoryRouter>
        <ZoneHint profileZone={other} />
      </MemoryRouter>,
    );
    expect(screen.getByTestId('zone-hint').textContent).toContain(`your profile’s time zone, ${other}; this device is set to ${browserTimeZone()}`);
    expect(screen.getByRole('link', { name: 'Change it in your account settings.' }).getAttribute('href')).toBe('/account');
  });

  it('says nothing when the two agree', async () => {
    await renderWithProviders(
      <MemoryRouter>
        <ZoneHint profileZone={browserTimeZone()} />
      </MemoryRouter>,
    );
    expect(screen.queryByTestId('zone-hint')).toBeNull();
  });
});
