import type { JitEventPayload, Me } from '@jit/shared';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ME_QUERY_KEY } from './auth';
import { createQueryClient } from './query-client';
import { RealtimeProvider, useConnectionState, type RealtimeSocket } from './realtime';
import { aMe } from '../test/fixtures';

type Listener = (...args: never[]) => void;

/** Just enough of a socket.io client socket: the test plays the server. */
class FakeSocket {
  connected = false;
  active = true;
  disconnected = false;
  private readonly listeners = new Map<string, Listener[]>();

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }
  disconnect(): this {
    this.disconnected = true;
    this.connected = false;
    this.active = false;
    return this;
  }
  fire(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
  serverConnects(): void {
    this.connected = true;
    this.fire('connect');
  }
  transportDrops(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
}

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

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

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
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async (input) => {
        const url = String(input);
        if (url === '/api/auth/me') return json(200, me);
        if (url.startsWith('/api/jits/j1/audit')) return audit(url);
        return json(404, { statusCode: 404, error: 'not_found', message: url });
      }),
    );
    const queryClient = createQueryClient();
    queryClient.setQueryData(ME_QUERY_KEY, me);
    const socket = new FakeSocket();
    const createSocket = vi.fn(() => socket as unknown as RealtimeSocket);
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
    act(() => queryClient.setQueryData(ME_QUERY_KEY, null));
    await vi.waitFor(() => expect(socket.disconnected).toBe(true));
    expect(screen.getByTestId('state').textContent).toBe('offline');
  });

  it('is offline once the server has closed the socket for good', () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => json(200, me)));
    const queryClient = createQueryClient();
    queryClient.setQueryData(ME_QUERY_KEY, me);
    const socket = new FakeSocket();
    render(
      <QueryClientProvider client={queryClient}>
        <RealtimeProvider createSocket={() => socket as unknown as RealtimeSocket}>
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
});
