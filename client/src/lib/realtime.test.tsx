import type { JitEventPayload, Me, NotificationEventPayload, PresenceSnapshot } from '@jit/shared';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountKeys } from './query-keys';
import { createQueryClient } from './query-client';
import { usePresence, usePresenceFocus } from './presence';
import { RealtimeProvider, useConnectionState, useNotificationArrivals } from './realtime';
import { aMe } from '../test/fixtures';
import { FakeSocket } from '../test/fake-socket';
import { apiError, json, stubFetch } from '../test/fetch';

const me: Me = aMe();

function State() {
  return <span data-testid="state">{useConnectionState()}</span>;
}

/** Counts the fetches of the JIT's query, as the overview would run it. */
function JitWatcher({ onFetch }: { onFetch: () => void }) {
  useQuery({
    queryKey: ['jits', 'j1'],
    queryFn: () => {
      onFetch();
      return { id: 'j1' };
    },
  });
  return null;
}

describe('RealtimeProvider', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('connects once signed in, follows the connection, invalidates on events and replays after a reconnect', async () => {
    const audit = vi.fn((url: string) => {
      expect(url).toBe('/api/jits/j1/audit?afterSeq=3&limit=500');
      return json(200, {
        items: [{ seq: 4, action: 'jit.updated', subjectType: 'jit', subjectId: 'j1' }],
        headSeq: 9,
      });
    });
    stubFetch(({ url, path }) => {
      if (path === '/api/auth/me') return json(200, me);
      if (path === '/api/jits/j1/audit') return audit(url);
      return apiError(404, 'not_found', url);
    });
    const queryClient = createQueryClient();
    queryClient.setQueryData(accountKeys.me, me);
    const socket = new FakeSocket();
    const createSocket = vi.fn(socket.asSocket);
    let fetches = 0;

    render(
      <QueryClientProvider client={queryClient}>
        <RealtimeProvider createSocket={createSocket}>
          <State />
          <JitWatcher onFetch={() => (fetches += 1)} />
        </RealtimeProvider>
      </QueryClientProvider>,
    );

    expect(createSocket).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('state').textContent).toBe('reconnecting');
    act(() => socket.serverConnects());
    expect(screen.getByTestId('state').textContent).toBe('online');
    await vi.waitFor(() => expect(fetches).toBe(1));
    // An invalidation during the first fetch joins it; wait for its answer.
    await vi.waitFor(() => expect(queryClient.getQueryState(['jits', 'j1'])?.fetchStatus).toBe('idle'));

    const payload: JitEventPayload = { jitId: 'j1', seq: 3, action: 'jit.updated', subject: { type: 'jit', id: 'j1' } };
    act(() => socket.fire('jit:event', payload));
    await vi.waitFor(() => expect(fetches).toBe(2));

    act(() => socket.transportDrops());
    expect(screen.getByTestId('state').textContent).toBe('reconnecting');
    act(() => socket.serverConnects());
    expect(screen.getByTestId('state').textContent).toBe('online');
    await vi.waitFor(() => expect(audit).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(fetches).toBe(3));

    // Signed out: the socket closes and the indicator says offline.
    act(() => void queryClient.setQueryData(accountKeys.me, null));
    await vi.waitFor(() => expect(socket.disconnected).toBe(true));
    expect(screen.getByTestId('state').textContent).toBe('offline');
  });

  it('is offline once the server has closed the socket for good', () => {
    stubFetch(() => json(200, me));
    const queryClient = createQueryClient();
    queryClient.setQueryData(accountKeys.me, me);
    const socket = new FakeSocket();
    render(
      <QueryClientProvider client={queryClient}>
        <RealtimeProvider createSocket={socket.asSocket}>
          <State />
        </RealtimeProvider>
      </QueryClientProvider>,
    );
    act(() => socket.serverConnects());
    act(() => {
      socket.connected = false;
      socket.active = false;
      socket.fire('disconnect', 'io server disconnect');
    });
    expect(screen.getByTestId('state').textContent).toBe('offline');
  });

  it('refreshes the notification lists when one arrives or is read elsewhere, and tells who listens', async () => {
    stubFetch(() => json(200, me));
    const { queryClient, socket } = startLive();
    const arrived: NotificationEventPayload[] = [];
    let fetches = 0;
    function Watcher() {
      useQuery({ queryKey: ['notifications', 'list', { unreadOnly: false }], queryFn: () => (fetches += 1) });
      useNotificationArrivals((payload) => arrived.push(payload));
      return null;
    }
    renderLive(queryClient, socket, <Watcher />);
    act(() => socket.serverConnects());
    await vi.waitFor(() => expect(fetches).toBe(1));
    await vi.waitFor(() => expect(queryClient.getQueryState(['notifications', 'list', { unreadOnly: false }])?.fetchStatus).toBe('idle'));

    const payload: NotificationEventPayload = { id: 'nt1', jitId: 'j1', kind: 'task_assigned' };
    act(() => socket.fire('notification:new', payload));
    await vi.waitFor(() => expect(fetches).toBe(2));
    expect(arrived).toEqual([payload]);

    act(() => socket.fire('notification:read'));
    await vi.waitFor(() => expect(fetches).toBe(3));
  });

  it('tells the server what the tab looks at, again after a reconnect, and nothing once it is left', async () => {
    stubFetch(() => json(200, me));
    const { queryClient, socket } = startLive();
    function Focus({ noteId }: { noteId: string | null }) {
      usePresenceFocus('j1');
      return noteId ? <NoteFocus noteId={noteId} /> : null;
    }
    function NoteFocus({ noteId }: { noteId: string }) {
      usePresenceFocus('j1', noteId, true);
      return null;
    }
    const view = renderLive(queryClient, socket, <Focus noteId="n1" />);
    // Nothing is sent before the connection: the server's socket would not keep it.
    await act(() => Promise.resolve());
    expect(socket.sentOf('presence:focus')).toEqual([]);

    act(() => socket.serverConnects());
    expect(socket.sentOf('presence:focus')).toEqual([[{ jitId: 'j1', noteId: 'n1', editing: true }]]);

    act(() => socket.transportDrops());
    act(() => socket.serverConnects());
    expect(socket.sentOf('presence:focus')).toHaveLength(2);
    expect(socket.sentOf('presence:focus')[1]).toEqual([{ jitId: 'j1', noteId: 'n1', editing: true }]);

    act(() => view.rerender(live(queryClient, socket, <Focus noteId={null} />)));
    await act(() => Promise.resolve());
    expect(socket.sentOf('presence:focus').at(-1)).toEqual([{ jitId: 'j1', noteId: null, editing: false }]);
    act(() => view.rerender(live(queryClient, socket, null)));
    await act(() => Promise.resolve());
    expect(socket.sentOf('presence:focus').at(-1)).toEqual([null]);
  });

  it('asks who is online once connected and asks again when the server says it changed', async () => {
    stubFetch(() => json(200, me));
    const { queryClient, socket } = startLive();
    function Online() {
      const online = usePresence('j1');
      return <span data-testid="online">{online ? online.map((p) => p.displayName).join(', ') : 'unknown'}</span>;
    }
    renderLive(queryClient, socket, <Online />);
    expect(screen.getByTestId('online').textContent).toBe('unknown');
    expect(socket.sentOf('presence:get')).toEqual([]);

    act(() => socket.serverConnects());
    await vi.waitFor(() => expect(socket.sentOf('presence:get')).toEqual([[{ jitId: 'j1' }]]));
    const snapshot = (names: string[]): PresenceSnapshot => ({ jitId: 'j1', online: names.map((displayName, i) => ({ userId: `u${i}`, displayName, notes: [] })) });
    act(() => socket.answer('presence:get', { ok: true, value: snapshot(['Anna de Vries']) }));
    await vi.waitFor(() => expect(screen.getByTestId('online').textContent).toBe('Anna de Vries'));

    // Another JIT's change is not ours.
    act(() => socket.fire('presence:changed', { jitId: 'j2' }));
    act(() => socket.fire('presence:changed', { jitId: 'j1' }));
    await vi.waitFor(() => expect(socket.sentOf('presence:get')).toHaveLength(2));
    act(() => socket.answer('presence:get', { ok: true, value: snapshot(['Anna de Vries', 'Lucía Fernández']) }));
    await vi.waitFor(() => expect(screen.getByTestId('online').textContent).toBe('Anna de Vries, Lucía Fernández'));

    // Disconnected, who is online is unknown; after the reconnect it is asked again.
    act(() => socket.transportDrops());
    expect(screen.getByTestId('online').textContent).toBe('unknown');
    act(() => socket.serverConnects());
    await vi.waitFor(() => expect(socket.sentOf('presence:get')).toHaveLength(3));
  });
});

function startLive() {
  const queryClient = createQueryClient();
  queryClient.setQueryData(accountKeys.me, me);
  return { queryClient, socket: new FakeSocket() };
}

const live = (queryClient: ReturnType<typeof createQueryClient>, socket: FakeSocket, children: ReactNode) => (
  <QueryClientProvider client={queryClient}>
    <RealtimeProvider createSocket={socket.asSocket}>{children}</RealtimeProvider>
  </QueryClientProvider>
);

const renderLive = (queryClient: ReturnType<typeof createQueryClient>, socket: FakeSocket, children: ReactNode) => render(live(queryClient, socket, children));
