import type { Folder } from '@jit/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '../../../test/fetch';
import { aJit, anEvidenceItem, aParty } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { EditMetadataForm, MetadataFacts } from './item-metadata';

const jit = aJit({ parties: [aParty(), aParty({ id: 'p2', country: 'ES', name: 'Spain', isLead: false })] });
const item = anEvidenceItem({ originatingPartyId: 'p2', folderId: 'f1', tags: ['harbour', 'night'], collectedBy: 'Guardia Civil', description: 'Taken from the quay.' });
const folders: Folder[] = [{ id: 'f1', parentId: null, name: 'Photographs', createdAt: '2026-01-01T00:00:00.000Z' }];

/** The fake server: the JIT's folders, and an edit accepted. */
const server = () =>
  stubFetch(({ method, path }) => {
    if (path === '/api/jits/j1/folders') return json(200, folders);
    if (method === 'PATCH' && path === '/api/jits/j1/evidence/i1') return json(200, item);
    return json(404, {});
  });

afterEach(() => vi.unstubAllGlobals());

describe('MetadataFacts', () => {
  it('names the originating party and the folder rather than their ids', async () => {
    server();
    await renderWithProviders(<MetadataFacts jit={jit} item={item} />);
    const facts = screen.getByTestId('evidence-metadata');
    expect(facts.textContent).toContain('Spain');
    expect(facts.textContent).toContain('harbour, night');
    expect(facts.textContent).toContain('Guardia Civil');
    expect(facts.textContent).toContain('Taken from the quay.');
    await waitFor(() => expect(facts.textContent).toContain('Photographs'));
  });
});

describe('EditMetadataForm', () => {
  it('sends only the field that changed, then closes', async () => {
    const calls = server();
    const onDone = vi.fn();
    await renderWithProviders(<EditMetadataForm jit={jit} item={item} onDone={onDone} />);

    fireEvent.change(screen.getByLabelText(/^Title/), { target: { value: '  Harbour photo, enhanced ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => [c.path, c.body])).toEqual([['/api/jits/j1/evidence/i1', { title: 'Harbour photo, enhanced' }]]);
  });

  it('closes without a request when nothing changed', async () => {
    const calls = server();
    const onDone = vi.fn();
    await renderWithProviders(<EditMetadataForm jit={jit} item={item} onDone={onDone} />);

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(onDone).toHaveBeenCalled();
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('refuses an empty title on the spot and stays open', async () => {
    const calls = server();
    const onDone = vi.fn();
    await renderWithProviders(<EditMetadataForm jit={jit} item={item} onDone={onDone} />);

    fireEvent.change(screen.getByLabelText(/^Title/), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Required.')).toBeTruthy();
    expect(screen.getByLabelText(/^Title/).getAttribute('aria-invalid')).toBe('true');
    expect(onDone).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });
});
