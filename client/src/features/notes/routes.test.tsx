import type { Jit, Me, Note } from '@jit/shared';
import { screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteKeys } from '../../lib/query-keys';
import { setMe } from '../../lib/auth';
import { createQueryClient } from '../../lib/query-client';
import { aJit, aMe, aMembership, aNote } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { JitNoteEditRoute } from './routes';
import { json, stubFetch } from '../../test/fetch';

const me: Me = aMe();
const jit: Jit = aJit({ myMembership: aMembership({ role: 'member', isLeadParty: false }) });
const note: Note = aNote();

describe('JitNoteEditRoute', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the editor on the server’s revision even when the note page has just cached the note', async () => {
    const newer = { ...note, body: 'saved meanwhile', revision: 2 };
    const calls = stubFetch(() => json(200, newer));
    const queryClient = createQueryClient();
    setMe(queryClient, me);
    // What the note page left in the cache a moment ago: fresh, so a plain query would not fetch it again.
    queryClient.setQueryData(noteKeys.note('j1', 'n1'), note);
    const router = createMemoryRouter([{ path: '/jits/:jitId', element: <Outlet context={jit} />, children: [{ path: 'notes/:noteId/edit', element: <JitNoteEditRoute /> }] }], {
      initialEntries: ['/jits/j1/notes/n1/edit'],
    });
    await renderWithProviders(<RouterProvider router={router} />, 'en', queryClient);

    expect(await screen.findByRole('heading', { name: 'Edit note' })).toBeTruthy();
    expect(calls[0]?.url).toBe('/api/jits/j1/notes/n1');
    await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('Text (Markdown)').value).toBe('saved meanwhile'));
  });
});
