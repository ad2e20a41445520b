import type { PresenceEntry, PresenceSnapshot, SocketAck } from '@jit/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useRealtime, type RealtimeSocket } from './realtime';
import { presenceKeys } from './query-keys';

/** A presence request unanswered after this long fails (the socket may have dropped meanwhile). */
export const PRESENCE_TIMEOUT_MS = 10_000;

/** The server refused a presence request: the JIT is not (or no longer) one of this person's. */
export class PresenceRefusedError extends Error {
  constructor(readonly code: Extract<SocketAck<null>, { ok: false }>['error']) {
    super(`presence refused: ${code}`);
    this.name = 'PresenceRefusedError';
  }
}

/** Who is online in a JIT, asked over the socket (`presence:get`); the socket's rooms are the access check. */
export function requestPresence(socket: RealtimeSocket, jitId: string): Promise<PresenceSnapshot> {
  return new Promise((resolve, reject) => {
    socket.timeout(PRESENCE_TIMEOUT_MS).emit('presence:get', { jitId }, (error: Error | null, result: SocketAck<PresenceSnapshot>) => {
      if (error) reject(error);
      else if (result.ok) resolve(result.value);
      else reject(new PresenceRefusedError(result.error));
    });
  });
}

/**
 * Tells the server this tab looks at a JIT, maybe a note in it, read or edited, while the calling
 * screen is mounted. Screens nest (the JIT layout around the note page): the most specific focus wins.
 */
export function usePresenceFocus(jitId: string, noteId: string | null = null, editing = false): void {
  const { focus } = useRealtime();
  useEffect(() => (jitId ? focus.declare({ jitId, noteId, editing }) : undefined), [focus, jitId, noteId, editing]);
}

/**
 * The members online in a JIT, refetched when the server says it changed (`presence:changed`);
 * null while not connected, when who is online is unknown.
 */
export function usePresence(jitId: string): PresenceEntry[] | null {
  const { socket, state } = useRealtime();
  const online = state === 'online' && socket !== null;
  const query = useQuery({
    queryKey: presenceKeys.jit(jitId),
    queryFn: () => (socket ? requestPresence(socket, jitId) : Promise.reject(new Error('no live connection'))),
    enabled: online && jitId !== '',
    // Pushed invalidations keep it current; a refusal is not worth asking again.
    staleTime: Infinity,
    retry: false,
  });
  return online ? (query.data?.online ?? null) : null;
}
