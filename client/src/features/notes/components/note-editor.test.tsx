import type { Jit, Me, Note } from '@jit/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { renderWithProviders } from '../../../test/render';
import { noteKeys } from '../../../lib/query-keys';
import { draftKey, readDraft, writeDraft } from '../utils/drafts';
import { NoteEditor } from './note-editor';
import { apiError, json, stubFetch, type FetchCall } from '../../../test/fetch';
import { aJit, aMe, aMembership, aNote } from '../../../test/fixtures';

const me: Me = aMe({ id: 'u-b', displayName: 'Léa Moreau' });
const jit: Jit = aJit({ myMembership: aMembership({ role: 'member', isLeadParty: false }) });
const note: Note = aNote({ tags: ['a'], createdBy: 'u-a', updatedBy: 'u-a' });
const theirs: Note = { ...note, body: 'their text', revision: 2, updatedAt: '2026-03-01T11:00:00.000Z' };
const KEY = draftKey(me.id, jit.id, note.id);

const stale = () => apiError(409, 'stale_revision', 'stale');

/** Answers the note's GET with `current()`, each PATCH with the next of `patches`. */
const serve = (current: () => Note, patches: Array<() => Response>): FetchCall[] =>
  stubFetch(({ method }) => (method === 'PATCH' ? (patches.shift() ?? stale)() : json(200, current())));

async function renderEditor(queryClient = createQueryClient()) {
  const router = createMemoryRouter(
    [
      { path: '/jits/j1/notes/n1/edit', element: <NoteEditor jit={jit} me={me} note={note} /> },
      { path: '/jits/j1/notes/n1', element: <p>note page</p> },
    ],
    { initialEntries: ['/jits/j1/notes/n1/edit'] },
  );
  await renderWithProviders(<RouterProvider router={router} />, 'en', queryClient);
  return router;
}

const bodyField = () => screen.getByLabelText<HTMLTextAreaElement>('Text (Markdown)');

describe('NoteEditor', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('shows both versions on a stale save and re-saves mine on the newer revision', async () => {
    const saved = { ...theirs, body: 'my text', revision: 3, updatedBy: me.id, updatedByName: me.displayName };
    const calls = serve(() => theirs, [stale, () => json(200, saved)]);
    const router = await renderEditor();

    fireEvent.change(bodyField(), { target: { value: 'my text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('heading', { name: 'Your version' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Saved by Sanne Visser (revision 2)' })).toBeTruthy();
    expect(screen.getByTestId('conflict-mine-body').textContent).toBe('my text');
    expect(screen.getByTestId('conflict-theirs-body').textContent).toBe('their text');
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ baseRevision: 1, title: 'Suspects', body: 'my text', tags: ['a'] });

    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/jits/j1/notes/n1'));
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
      { baseRevision: 1, title: 'Suspects', body: 'my text', tags: ['a'] },
      { baseRevision: 2, title: 'Suspects', body: 'my text', tags: ['a'] },
    ]);
    expect(readDraft(KEY)).toBeNull();
  });

  it('takes theirs into the editor on request', async () => {
    serve(() => theirs, [stale]);
    await renderEditor();
    fireEvent.change(bodyField(), { target: { value: 'my text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Take theirs' }));
    expect(bodyField().value).toBe('their text');
    expect(screen.getByTestId('editor-base-revision').textContent).toBe('Editing revision 2');
  });

  it('keeps a draft on this device and restores it with the revision it was based on', async () => {
    serve(() => note, []);
    writeDraft(KEY, { title: 'Suspects', body: 'typed before the reload', tags: ['a'] }, 1);
    await renderEditor();
    expect(bodyField().value).toBe('typed before the reload');
    expect(screen.getByTestId('draft-restored')).toBeTruthy();

    fireEvent.change(bodyField(), { target: { value: 'typed again' } });
    await waitFor(() => expect(readDraft(KEY)?.body).toBe('typed again'));
    expect(readDraft(KEY)?.baseRevision).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(bodyField().value).toBe('original');
    await waitFor(() => expect(readDraft(KEY)).toBeNull());
  });

  it('says so when someone else saved meanwhile', async () => {
    let current = note;
    serve(() => current, []);
    const queryClient = createQueryClient();
    await renderEditor(queryClient);
    await waitFor(() => expect(queryClient.getQueryState(noteKeys.note('j1', 'n1'))?.status).toBe('success'));
    expect(screen.queryByTestId('saved-meanwhile')).toBeNull();
    current = theirs;
    // What the realtime layer does on a note.updated event.
    await queryClient.invalidateQueries({ queryKey: noteKeys.note('j1', 'n1') });
    expect((await screen.findByTestId('saved-meanwhile')).textContent).toContain('Saved by someone else meanwhile');
    expect(bodyField().value).toBe('original');
  });

  it('asks before leaving with unsaved changes', async () => {
    serve(() => note, []);
    const router = await renderEditor();
    fireEvent.change(bodyField(), { target: { value: 'unsaved' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Leave the editor?')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/jits/j1/notes/n1/edit');
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/jits/j1/notes/n1'));
    // The draft stays on the device.
    expect(readDraft(KEY)?.body).toBe('unsaved');
  });
});
