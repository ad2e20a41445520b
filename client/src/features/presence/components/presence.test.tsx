import type { Jit, Me, Member, PresenceSnapshot } from '@jit/shared';
import { act, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMe } from '../../../lib/auth';
import { createQueryClient } from '../../../lib/query-client';
import { RealtimeProvider } from '../../../lib/realtime';
import { FakeSocket } from '../../../test/fake-socket';
import { aJit, aMe, aMember, aParty } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { AlsoHere, OthersEditingHint } from './note-presence';
import { OnlineNow } from './online-now';
import { apiError, json, stubFetch } from '../../../test/fetch';

const me: Me = aMe();
const jit: Jit = aJit({ parties: [aParty(), aParty({ id: 'p2', country: 'ES', name: 'Spain', isLead: false })] });

const member = (userId: string, displayName: string, partyId: string): Member => aMember({ id: `m-${userId}`, userId, displayName, partyId });

const snapshot: PresenceSnapshot = {
  jitId: 'j1',
  online: [
    { userId: 'u1', displayName: 'Anna de Vries', notes: [{ noteId: 'n1', editing: true }] },
    { userId: 'u2', displayName: 'Lucía Fernández', notes: [{ noteId: 'n1', editing: true }] },
    { userId: 'u3', displayName: 'Hugo Lambert', notes: [{ noteId: 'n1', editing: false }] },
  ],
};

/** Renders `ui` connected to a fake socket that answers who is online with `snapshot`. */
async function renderLive(ui: ReactElement, language = 'en') {
  stubFetch(({ path }) => (path === '/api/jits/j1/members' ? json(200, [member('u1', 'Anna de Vries', 'p1'), member('u2', 'Lucía Fernández', 'p2')]) : apiError(404, 'not_found')));
  const queryClient = createQueryClient();
  setMe(queryClient, me);
  const socket = new FakeSocket();
  await renderWithProviders(<RealtimeProvider createSocket={socket.asSocket}>{ui}</RealtimeProvider>, language, queryClient);
  act(() => socket.serverConnects());
  await waitFor(() => expect(socket.sentOf('presence:get')).toEqual([[{ jitId: 'j1' }]]));
  act(() => socket.answer('presence:get', { ok: true, value: snapshot }));
  return socket;
}

describe('presence', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists who is online in the JIT, with their party, me included', async () => {
    await renderLive(<OnlineNow jit={jit} me={me} />);
    const list = await screen.findByTestId('online-now');
    // The text beside the avatar (whose initials are hidden from screen readers).
    const said = (name: string) => screen.getByTestId(`online-${name}`).lastElementChild?.textContent;
    await waitFor(() => expect(said('Lucía Fernández')).toBe('Lucía FernándezSpain'));
    expect(said('Anna de Vries')).toBe('Anna de Vries (you)Netherlands');
    // Not in the member list as this person knows it (yet): the name alone.
    expect(said('Hugo Lambert')).toBe('Hugo Lambert');
    expect(list.getAttribute('aria-labelledby')).toBe('online-now-title');
  });

  it('names the others on the note, and whether they edit it', async () => {
    await renderLive(<AlsoHere jitId="j1" noteId="n1" me={me} />);
    expect((await screen.findByTestId('also-here')).textContent).toBe('Also here: Lucía Fernández (editing) and Hugo Lambert');
  });

  it('warns an editor that someone else edits the same note', async () => {
    await renderLive(<OthersEditingHint jitId="j1" noteId="n1" me={me} />, 'es');
    const hint = await screen.findByTestId('others-editing');
    expect(hint.textContent).toContain('Otra persona está editando esta nota');
    expect(hint.textContent).toContain('También edita: Lucía Fernández.');
  });

  it('says nothing about a note nobody else has open', async () => {
    await renderLive(
      <>
        <AlsoHere jitId="j1" noteId="n2" me={me} />
        <OthersEditingHint jitId="j1" noteId="n2" me={me} />
        <p>rendered</p>
      </>,
    );
    await screen.findByText('rendered');
    await act(() => Promise.resolve());
    expect(screen.queryByTestId('also-here')).toBeNull();
    expect(screen.queryByTestId('others-editing')).toBeNull();
  });
});
