import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { CreateJitForm } from './create-jit-form';
import { json, stubFetch } from '../../../test/fetch';

describe('CreateJitForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the server field errors next to the fields they concern', async () => {
    const calls = stubFetch(() =>
      json(400, {
        statusCode: 400,
        error: 'validation_failed',
        message: 'Validation failed',
        details: [
          { field: 'endDate', code: 'end_before_start' },
          { field: 'parties.0.authority', code: 'required' },
          { field: 'somethingElse', code: 'invalid_value' },
        ],
      }),
    );
    await renderWithProviders(<CreateJitForm onCreated={() => undefined} />);

    fireEvent.change(screen.getByLabelText(/^Reference/), { target: { value: 'JIT-2026-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create JIT' }));

    await waitFor(() => expect(screen.getByText('The end date must be after the start date.')).toBeTruthy());
    expect(screen.getByLabelText(/^End date/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/^Competent authority of party 1/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/^Competent authority of party 2/).getAttribute('aria-invalid')).not.toBe('true');
    // A field without an input of its own still reaches the user through the alert.
    expect(screen.getByText('somethingElse: This value is not valid.')).toBeTruthy();

    const body = calls[0].body as { reference: string; parties: unknown[] };
    expect(body.reference).toBe('JIT-2026-01');
    expect(body.parties).toHaveLength(2);
  });
});
