import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TimeZoneContext } from '../lib/dates';
import { renderWithProviders } from '../test/render';
import { InstantText, RelativeInstantText } from './date-text';

const AT = '2026-11-28T10:15:30.000Z';

describe('instants', () => {
  it('show the UTC value when the keyboard reaches them, as on hover', async () => {
    await renderWithProviders(
      <TimeZoneContext.Provider value="Europe/Amsterdam">
        <InstantText value={AT} />
      </TimeZoneContext.Provider>,
    );
    const time = screen.getByText(/2026/);
    expect(time.textContent).toMatch(/11:15:30/);
    expect(time.tabIndex).toBe(0);
    act(() => time.focus());
    expect((await screen.findByRole('tooltip')).textContent).toBe('2026-11-28 10:15:30 UTC');
    expect(time.getAttribute('aria-describedby')).toBe(screen.getByRole('tooltip').id);
  });

  it('give a relative time its instant in the person’s zone and in UTC', async () => {
    const recent = new Date(Date.now() - 5 * 60_000).toISOString();
    await renderWithProviders(
      <TimeZoneContext.Provider value="Asia/Tokyo">
        <RelativeInstantText value={recent} />
      </TimeZoneContext.Provider>,
    );
    const time = screen.getByText('5 minutes ago');
    fireEvent.mouseEnter(time);
    const detail = (await screen.findByRole('tooltip')).textContent ?? '';
    expect(detail).toMatch(/GMT\+9|JST/);
    expect(detail).toMatch(/ UTC$/);
  });
});
