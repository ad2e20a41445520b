import type { AuditAction, AuditSubjectType } from './audit';
import type { NotificationKind } from './notifications';

/**
 * Events the server sends over socket.io. They carry ids and sequence numbers, never content:
 * the client refetches over REST, which checks access again.
 */
export interface ServerToClientEvents {
  'jit:event': (payload: JitEventPayload) => void;
  /** A notification for this person: the client refetches its list and may show a toast. */
  'notification:new': (payload: NotificationEventPayload) => void;
  /** Notifications were marked read (in another tab or device): the unread count changes. */
  'notification:read': () => void;
  /** Someone came online, went offline, or opened or left a note in this JIT. */
  'presence:changed': (payload: { jitId: string }) => void;
}
export interface JitEventPayload {
  jitId: string;
  seq: number;
  action: AuditAction;
  subject: { type: AuditSubjectType; id: string };
}
export interface NotificationEventPayload {
  id: string;
  jitId: string;
  kind: NotificationKind;
}

/**
 * What this socket is looking at: a JIT, and maybe one note in it, read or being edited. The server
 * checks that the person is a member and the note exists before anyone is told.
 */
export interface PresenceFocus {
  jitId: string;
  noteId: string | null;
  editing: boolean;
}
export interface PresenceEntry {
  userId: string;
  displayName: string;
  /** The notes this person has open in this JIT (one per tab). */
  notes: { noteId: string; editing: boolean }[];
}
/** Who is online in a JIT: every member with at least one connected socket. */
export interface PresenceSnapshot {
  jitId: string;
  online: PresenceEntry[];
}
/** Answers of socket requests: a result, or an error code the client translates. */
export type SocketAck<T> = { ok: true; value: T } | { ok: false; error: 'not_found' | 'forbidden' | 'validation_failed' };

/** Requests a client may send. Rooms are still decided by the server alone. */
export interface ClientToServerEvents {
  /** Replaces this socket's focus; null when it looks at nothing in particular. */
  'presence:focus': (focus: PresenceFocus | null, ack: (result: SocketAck<null>) => void) => void;
  'presence:get': (request: { jitId: string }, ack: (result: SocketAck<PresenceSnapshot>) => void) => void;
}
