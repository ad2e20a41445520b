import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { DateField } from './date-field';

describe('DateField', () => {
  it('shows and reads dates the French way in French, whatever the browser’s own field would do', async () => {
    const onChange = vi.fn();
    await renderWithProviders(<DateField label="Date de début" value="2026-11-28" onChange={onChange} />, 'fr');
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'Date de début' });
    expect(input.value).toBe('28/11/2026');
    fireEvent.change(input, { target: { value: '03/04/2026' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-04-03');
  });

  it('understands an ISO date typed or pasted, and ignores what is no date', async () => {
    const onChange = vi.fn();
    await renderWithProviders(<DateField label="Due date" value="" onChange={onChange} />, 'uk');
    const input = screen.getByRole<HTMLInputElement>('textbox', { name: 'Due date' });
    fireEvent.change(input, { target: { value: '2026-04-03' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-04-03');
    onChange.mockClear();
    fireEvent.change(input, { target: { value: '31.02.2026' } });
    expect(onChange).not.toHaveBeenCalledWith(expect.stringMatching(/^2026-0[23]/));
  });
});
