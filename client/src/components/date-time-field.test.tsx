import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TimeZoneContext } from '../lib/dates';
import { renderWithProviders } from '../test/render';
import { DateTimeField } from './date-time-field';

function renderIn(timeZone: string, value: string, onChange = vi.fn()) {
  return renderWithProviders(
    <TimeZoneContext.Provider value={timeZone}>
      <DateTimeField legend="Obtained at" value={value} onChange={onChange} />
    </TimeZoneContext.Provider>,
    'fr',
  );
}

describe('DateTimeField', () => {
  it('shows an instant on the clocks of the profile’s zone, which the time field names', async () => {
    await renderIn('Asia/Damascus', '2026-07-15T07:30:00.000Z');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Date' }).value).toBe('15/07/2026');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Heure (Asia/Damascus, sur 24 heures)' }).value).toBe('10:30');
    expect(screen.getByRole('group', { name: 'Obtained at' })).toBeTruthy();
  });

  it('gives the UTC instant of a date and time typed in that zone, 00:00 for a date alone', async () => {
    const onChange = vi.fn();
    await renderIn('Europe/Kyiv', '', onChange);
    fireEvent.change(screen.getByRole('textbox', { name: 'Date' }), { target: { value: '25/10/2026' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-10-24T21:00:00.000Z');
    const time = screen.getByRole<HTMLInputElement>('textbox', { name: /^Heure/ });
    expect(time.value).toBe('00:00');
    fireEvent.change(time, { target: { value: '12:00' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-10-25T10:00:00.000Z');
  });

  it('says how to write a time it cannot read, and keeps the last instant it could', async () => {
    const onChange = vi.fn();
    await renderIn('UTC', '2026-07-15T09:05:00.000Z', onChange);
    fireEvent.change(screen.getByRole('textbox', { name: /^Heure/ }), { target: { value: '9h' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText('Écrivez l’heure en heures et minutes, par exemple 14:30.')).toBeTruthy();
  });
});
