import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, JitEventPayload, ServerToClientEvents } from '@jit/shared';
import { ApiTokensService } from '../auth/api-tokens.service';
import { SESSION_COOKIE, SessionService } from '../auth/session.service';
import { RecordEvents, type RecordedEvent } from '../record/record-events';
import { RealtimeRoomsService, rooms } from './realtime-rooms.service';

interface SocketData {
  userId: string;
  sessionHash: string;
}
type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const cookieValue = (header: string | undefined, name: string): string | undefined =>
  header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

/** A browser may open a socket only from the workspace's own origin (no cross-site socket hijacking). */
function sameOrigin(socket: RealtimeSocket): boolean {
  const origin = socket.handshake.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === socket.handshake.headers.host;
  } catch {
    return false;
  }
}

/**
 * Live updates. The handshake authenticates with the session cookie; the server puts each socket
 * in its rooms (`user:`, `jit:`, `jit:…:party:`, `jit:…:oversight`); committed record events go out
 * as invalidations (ids and seq, never content) to the room of those who may see them. Membership
 * changes move sockets between rooms at once; a disabled account or ended session is disconnected.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  @WebSocketServer() server: RealtimeServer;
  private readonly logger = new Logger('Realtime');
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly sessions: SessionService,
    private readonly apiTokens: ApiTokensService,
    private readonly roomsService: RealtimeRoomsService,
    private readonly events: RecordEvents,
  ) {}

  afterInit(server: RealtimeServer): void {
    server.use((socket, next) => {
      void this.authenticate(socket).then(
        (ok) => next(ok ? undefined : new Error('unauthenticated')),
        () => next(new Error('unauthenticated')),
      );
    });
    this.unsubscribe = this.events.subscribe((event) => {
      this.onRecorded(event).catch((error: unknown) => this.logger.error(error instanceof Error ? error.message : String(error)));
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private async authenticate(socket: RealtimeSocket): Promise<boolean> {
    if (!sameOrigin(socket)) return false;
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token === 'string') {
      const user = await this.apiTokens.authenticate(token);
      if (!user || user.mustChangePassword) return false;
      socket.data.userId = user.id;
      socket.data.sessionHash = '';
      return true;
    }
    const authenticated = await this.sessions.authenticateToken(cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE));
    if (!authenticated || authenticated.user.mustChangePassword) return false;
    socket.data.userId = authenticated.user.id;
    socket.data.sessionHash = authenticated.session.tokenHash;
    return true;
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    await socket.join(await this.roomsService.roomsFor(socket.data.userId));
  }

  private async onRecorded(event: RecordedEvent): Promise<void> {
    if (!event.jitId) {
      if (event.action === 'user.disabled') this.server.in(rooms.user(event.subjectId)).disconnectSockets(true);
      if (event.action === 'auth.logout' || event.action === 'auth.password_changed') await this.dropEndedSessions(event.subjectId);
      if (event.action === 'auth.token_revoked' && event.actorUserId) await this.dropTokenSockets(event.actorUserId);
      return;
    }
    // Rooms first: a revoked member is out before the event goes out, and is told personally,
    // so their open pages refetch and find the JIT gone.
    const affected = event.subjectType === 'member' ? await this.refreshMemberRooms(event.jitId, event) : null;
    const payload: JitEventPayload = { jitId: event.jitId, seq: event.seq, action: event.action, subject: { type: event.subjectType, id: event.subjectId } };
    let target = this.server.to(event.visibility === 'oversight' ? rooms.oversight(event.jitId) : rooms.jit(event.jitId));
    if (affected) target = target.to(rooms.user(affected));
    target.emit('jit:event', payload);
  }

  /** Moves the affected person's sockets to the rooms their membership now gives; returns who it was. */
  private async refreshMemberRooms(jitId: string, event: RecordedEvent): Promise<string | null> {
    const added = event.changes.find((c) => c.field === 'userId')?.to;
    const userId = typeof added === 'string' ? added : await this.roomsService.userOfMembership(event.subjectId);
    if (!userId) return null;
    const sockets = this.server.in(rooms.user(userId));
    sockets.socketsLeave(await this.roomsService.allRoomsOf(jitId));
    const current = await this.roomsService.roomsFor(userId, jitId);
    if (current.length > 0) sockets.socketsJoin(current);
    return userId;
  }

  /** A revoked token's sockets end; the owner's other tokens reconnect at once, their sessions are untouched. */
  private async dropTokenSockets(userId: string): Promise<void> {
    for (const socket of await this.server.in(rooms.user(userId)).fetchSockets()) {
      if (!socket.data.sessionHash) socket.disconnect(true);
    }
  }

  /** Sockets whose session has ended (logout, password change elsewhere) are closed. */
  private async dropEndedSessions(userId: string): Promise<void> {
    for (const socket of await this.server.in(rooms.user(userId)).fetchSockets()) {
      if (!socket.data.sessionHash) continue; // a token's socket lives until the token is revoked
      const session = await this.sessions.findByHash(socket.data.sessionHash);
      if (!session) socket.disconnect(true);
    }
  }
}
