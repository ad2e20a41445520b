import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch, type FetchCall } from '../../../test/fetch';
import { aJit } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { EditJitForm } from './edit-jit-form';

const GiB = 1024 ** 3;
// Title, purpose and legal basis as the form shows them; the administrator, who is no member, edits.
const jit = aJit({ title: 'Harbour', purpose: 'Purpose', legalBasis: 'Basis', myMembership: null, maxUploadBytes: 2 * GiB, blockedTypes: ['text/html'] });

const serve = (): FetchCall[] => stubFetch(() => json(200, jit));
const bodyOf = (calls: FetchCall[]): unknown => calls[0]?.body;

describe('EditJitForm upload settings', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the largest file in bytes and the blocked types, lower-cased', async () => {
    const calls = serve();
    const onDone = vi.fn();
    await renderWithProviders(<EditJitForm jit={jit} onDone={onDone} />);

    const size = screen.getByLabelText<HTMLInputElement>('Largest file');
    expect(size.value).toBe('2');
    fireEvent.change(size, { target: { value: '3' } });
    const types = screen.getByLabelText('Blocked file types', { selector: 'input' });
    fireEvent.change(types, { target: { value: 'Application/X-MSDownload' } });
    fireEvent.keyDown(types, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Save agreement' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(bodyOf(calls)).toEqual({ maxUploadBytes: 3 * GiB, blockedTypes: ['text/html', 'application/x-msdownload'] });
  });

  it('sends nothing when the settings are untouched', async () => {
    const calls = serve();
    const onDone = vi.fn();
    await renderWithProviders(<EditJitForm jit={{ ...jit, maxUploadBytes: 1_000_000 }} onDone={onDone} />);

    // Shown rounded (0.954 MiB), but not sent back rounded.
    expect(screen.getByLabelText<HTMLInputElement>('Largest file').value).toBe('0.954');
    fireEvent.click(screen.getByRole('button', { name: 'Save agreement' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls).toEqual([]);
  });

  it('sends null for an emptied size (the server default)', async () => {
    const calls = serve();
    const onDone = vi.fn();
    await renderWithProviders(<EditJitForm jit={jit} onDone={onDone} />);

    fireEvent.change(screen.getByLabelText('Largest file'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save agreement' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(bodyOf(calls)).toEqual({ maxUploadBytes: null });
  });

  it('refuses a type that is not a MIME type before asking the server', async () => {
    const calls = serve();
    const onDone = vi.fn();
    await renderWithProviders(<EditJitForm jit={jit} onDone={onDone} />);

    const types = screen.getByLabelText('Blocked file types', { selector: 'input' });
    fireEvent.change(types, { target: { value: 'exe' } });
    fireEvent.keyDown(types, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Save agreement' }));

    expect(await screen.findByText('Not a MIME type: exe')).toBeTruthy();
    expect(calls).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();
  });
});
