import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../lib/api-client';
import { renderWithProviders } from '../test/render';
import { ErrorAlert } from './error-alert';

const validationError = new ApiRequestError({
  statusCode: 400,
  error: 'validation_failed',
  message: 'Validation failed',
  details: [
    { field: 'endDate', code: 'end_before_start' },
    { field: 'parties.0.authority', code: 'required' },
  ],
});

describe('ErrorAlert', () => {
  it('translates the error code and each field problem', async () => {
    await renderWithProviders(<ErrorAlert error={validationError} />);
    expect(screen.getByRole('alert').textContent).toContain('Some fields are not valid');
    expect(screen.getByText('endDate: The end date must be after the start date.')).toBeTruthy();
    expect(screen.getByText('parties.0.authority: Required.')).toBeTruthy();
  });

  it('speaks the user language', async () => {
    await renderWithProviders(<ErrorAlert error={validationError} />, 'fr');
    expect(screen.getByText('parties.0.authority : Obligatoire.')).toBeTruthy();
  });

  it('leaves out fields already shown next to their input', async () => {
    await renderWithProviders(<ErrorAlert error={validationError} shownFields={['endDate']} />);
    expect(screen.queryByText(/endDate/)).toBeNull();
    expect(screen.getByText('parties.0.authority: Required.')).toBeTruthy();
  });

  it('renders nothing without an error', async () => {
    await renderWithProviders(<ErrorAlert error={null} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
