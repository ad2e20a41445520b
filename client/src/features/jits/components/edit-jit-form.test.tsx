import type { Jit } from '@jit/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { EditJitForm } from './edit-jit-form';

const GiB = 1024 ** 3;
const jit = {
  id: 'j1',
  status: 'active',
  title: 'Harbour',
  purpose: 'Purpose',
  legalBasis: 'Basis',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  workingLanguage: 'en',
  statesOfOperation: ['NL'],
  parties: [],
  myMembership: null,
  maxUploadBytes: 2 * GiB,
  blockedTypes: ['text/html'],
} as unknown as Jit;

function stubFetch() {
  const fetchMock = vi.fn<typeof fetch>(async () => new Response(JSON.stringify(jit), { status: 200 }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
const bodyOf = (fetchMock: ReturnType<typeof stubFetch>) => JSON.parse(String(fetchMock.mock.calls[0][1]?.body)) as unknown;

describe('EditJitForm upload settings', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the largest file in bytes and the blocked types, lower-cased', async () => {
    const fetchMock = stubFetch();
    const onDone = vi.fn();
    await renderWithProviders(<EditJitForm jit={jit} onDone={onDone} />);

    const size = screen.getByLabelText('Largest file') as HTMLInputElement;
    expect(size.value).toBe('2');
    fireEvent.change(size, { target: { value: '3' } });
    const types = screen.getByLabelText('Blocked file types', { selector: 'input' });
    fireEvent.change(types, { target: { value: 'Application/X-MSDownload' } });
    fireEvent.keyDown(types, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Save agreement' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(bodyOf(fetchMock)).toEqual({ maxUploadBytes: 3 * GiB, blockedTypes: ['text/html', 'application/x-msdownload'] });
  });

  it('sends nothing when the settings are untouched', async () => {
    const fetchMock = stubFetch();
    const onDone = vi.fn();
    await renderWithProviders(<EditJitForm jit={{ ...jit, maxUploadBytes: 1_000_000 }} onDone={onDone} />);

    // Shown rounded (0.954 MiB), but not sent back rounded.
    expect((screen.getByLabelText('Largest file') as HTMLInputElement).value).toBe('0.954');
    fireEvent.click(screen.getByRole('button', { name: 'Save agreement' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends null for an emptied size (the server default)', async () => {
    const fetchMock = stubFetch();
    const onDone = vi.fn();
    await renderWithProviders(<EditJitForm jit={jit} onDone={onDone} />);

    fireEvent.change(screen.getByLabelText('Largest file'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save agreement' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(bodyOf(fetchMock)).toEqual({ maxUploadBytes: null });
  });

  it('refuses a type that is not a MIME type before asking the server', async () => {
    const fetchMock = stubFetch();
    const onDone = vi.fn();
    await renderWithProviders(<EditJitForm jit={jit} onDone={onDone} />);

    const types = screen.getByLabelText('Blocked file types', { selector: 'input' });
    fireEvent.change(types, { target: { value: 'exe' } });
    fireEvent.keyDown(types, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Save agreement' }));

    expect(await screen.findByText('Not a MIME type: exe')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(onDone).not.toHaveBeenCalled();
  });
});
