import type { AuditPage, ClientToServerEvents, Jit, NotificationEventPayload, ServerToClientEvents } from '@jit/shared';
import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { apiRequest, isApiRequestError } from './api-client';
import { isSignedInFully, useMe } from './auth';
import { accountKeys, jitKeys, notificationKeys, presenceKeys } from './query-keys';
import { PresenceFocusTracker } from './presence-focus';
import { isLostJitQuery, jitIdOfQueryKey, LiveSync } from './realtime-events';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SocketFactory = () => RealtimeSocket;
export type ConnectionState = 'online' | 'reconnecting' | 'offline';

/** Same origin: the browser sends the session cookie with the handshake. */
export const connectSocket: SocketFactory = () => io({ path: '/socket.io', transports: ['websocket', 'polling'] });

/**
 * The server pushes no event to a person whose membership was revoked (they leave the JIT's rooms
 * before the event goes out), so the open JIT and the list are checked again at this interval.
 */
export const ACCESS_RECHECK_MS = 30_000;

const statusOf = (error: unknown): number | null => (isApiRequestError(error) ? error.statusCode : null);

const fetchAuditPage = (jitId: string, afterSeq: number, limit: number): Promise<AuditPage> =>
  apiRequest<AuditPage>(`/jits/${encodeURIComponent(jitId)}/audit`, { query: { afterSeq, limit } });

/** A JIT this person may no longer see leaves the list at once (the list's refetch confirms it). */
function dropJit(queryClient: QueryClient, jitId: string): void {
  queryClient.setQueryData<Jit[]>(jitKeys.all, (jits) => jits?.filter((jit) => jit.id !== jitId));
  void queryClient.invalidateQueries({ queryKey: jitKeys.all, exact: true });
}

interface Realtime {
  state: ConnectionState;
  /** The open socket while someone is signed in; null otherwise (and in tests without the provider). */
  socket: RealtimeSocket | null;
  /** What this tab looks at, sent to the server on every (re)connect (lib/presence.tsx). */
  focus: PresenceFocusTracker;
}

const RealtimeContext = createContext<Realtime>({ state: 'offline', socket: null, focus: new PresenceFocusTracker() });

/** The live connection, for the presence hooks (lib/presence.tsx). */
export const useRealtime = (): Realtime => useContext(RealtimeContext);

/** The state of the live connection, for the indicator in the top bar. */
export const useConnectionState = (): ConnectionState => useContext(RealtimeContext).state;

/**
 * Calls `listener` for each notification that arrives for this person (the lists are refreshed by
 * the provider already): for the toast, which needs the router and the translations.
 */
export function useNotificationArrivals(listener: (payload: NotificationEventPayload) => void): void {
  const { socket } = useContext(RealtimeContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!socket) return undefined;
    const onNew = (payload: NotificationEventPayload) => latest.current(payload);
    socket.on('notification:new', onNew);
    return () => {
      socket.off('notification:new', onNew);
    };
  }, [socket]);
}

/**
 * Keeps one socket open while someone is signed in and turns its events into query invalidations:
 * the events carry ids only, the refetches go through the REST API, which checks access again.
 */
export function RealtimeProvider({ children, createSocket = connectSocket }: { children: ReactNode; createSocket?: SocketFactory }) {
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const userId = isSignedInFully(me) ? me.id : null;
  const [state, setState] = useState<ConnectionState>('reconnecting');
  const [socket, setSocket] = useState<RealtimeSocket | null>(null);
  const [focus] = useState(() => new PresenceFocusTracker());

  useEffect(() => {
    if (!userId) return undefined;
    const live = new LiveSync({
      invalidate: ({ queryKey, exact }) => void queryClient.invalidateQueries({ queryKey, exact }),
      fetchPage: fetchAuditPage,
      statusOf,
      cachedJitIds: () =>
        queryClient
          .getQueryCache()
          .getAll()
          .map((query) => jitIdOfQueryKey(query.queryKey))
          .filter((jitId): jitId is string => jitId !== null),
      onLost: (jitId) => dropJit(queryClient, jitId),
    });

    // A refetch of a JIT that answers 404/403 means access has ended: the JIT page shows not-found
    // by itself; the list must lose the JIT too.
    const unsubscribeCache = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      // The cache types its queries loosely (any); every query key here is an array.
      const { queryKey } = event.query as Query;
      if (!isLostJitQuery(queryKey, statusOf(event.action.error))) return;
      const jitId = jitIdOfQueryKey(queryKey);
      if (!jitId) return;
      live.forget(jitId);
      dropJit(queryClient, jitId);
    });

    const socket = createSocket();
    setSocket(socket);
    let connectedBefore = false;
    const settle = () => {
      if (socket.connected) setState('online');
      else if (socket.active && navigator.onLine !== false) setState('reconnecting');
      else setState('offline');
    };

    const invalidate = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
    socket.on('connect', () => {
      settle();
      // The server's socket is new and knows nothing of what this tab looks at.
      focus.connect((current) => socket.emit('presence:focus', current, () => undefined));
      if (connectedBefore) {
        void live.replay();
        // Notifications and presence are not in the record: what changed meanwhile is unknown.
        invalidate(notificationKeys.lists);
        invalidate(presenceKeys.all);
      }
      connectedBefore = true;
    });
    socket.on('disconnect', (reason) => {
      focus.disconnect();
      settle();
      // The server closes the sockets of a disabled account or an ended session: ask who we are.
      if (reason === 'io server disconnect') void queryClient.invalidateQueries({ queryKey: accountKeys.me });
    });
    socket.on('connect_error', () => {
      settle();
      // Refused at the handshake (not retried by socket.io): most likely the session has ended.
      if (!socket.active) void queryClient.invalidateQueries({ queryKey: accountKeys.me });
    });
    socket.on('jit:event', (payload) => live.onEvent(payload));
    socket.on('notification:new', () => invalidate(notificationKeys.lists));
    // Read in another tab or on another device: the unread count changes here too.
    socket.on('notification:read', () => invalidate(notificationKeys.lists));
    socket.on('presence:changed', ({ jitId }) => invalidate(presenceKeys.jit(jitId)));

    const recheckAccess = () => {
      if (document.visibilityState === 'hidden') return;
      void queryClient.invalidateQueries({ queryKey: jitKeys.all });
    };
    const timer = window.setInterval(recheckAccess, ACCESS_RECHECK_MS);
    const onVisibility = () => {
      if (document.visibilityState === 'visible') recheckAccess();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', settle);
    window.addEventListener('offline', settle);
    settle();

    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', settle);
      window.removeEventListener('offline', settle);
      unsubscribeCache();
      focus.disconnect();
      socket.removeAllListeners();
      socket.disconnect();
      setSocket(null);
      // The next session starts by connecting, not with this one's last state.
      setState('reconnecting');
    };
  }, [userId, queryClient, createSocket, focus]);

  const value = useMemo<Realtime>(() => ({ state: userId ? state : 'offline', socket: userId ? socket : null, focus }), [userId, state, socket, focus]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
