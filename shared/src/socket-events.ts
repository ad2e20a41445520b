import type { AuditAction, AuditSubjectType } from './audit';

/**
 * Events the server sends over socket.io. They carry ids and sequence numbers, never content:
 * the client refetches over REST, which checks access again.
 */
export interface ServerToClientEvents {
  'jit:event': (payload: JitEventPayload) => void;
}
export interface JitEventPayload {
  jitId: string;
  seq: number;
  action: AuditAction;
  subject: { type: AuditSubjectType; id: string };
}
/** Clients send nothing yet; rooms are decided by the server. */
export type ClientToServerEvents = Record<string, never>;
